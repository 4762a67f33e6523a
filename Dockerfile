# syntax=docker/dockerfile:1
# The course website, built from this repository in three stages:
#   docker build -t docent-site .
#   docker run --rm -p 8080:8080 docent-site    # then open http://localhost:8080/

ARG RUST_VERSION=1.95
ARG DEBIAN_RELEASE=trixie

# ---- stage 1: compile docent from source
FROM rust:${RUST_VERSION}-${DEBIAN_RELEASE} AS build
WORKDIR /src
# Only what the compiler reads. Themes and UI strings are embedded in the
# binary, so they belong here; content/ does not. Cargo.toml declares a
# benchmark, and cargo refuses a manifest whose bench file is missing, so
# its source comes along although the release build never compiles it.
COPY Cargo.toml Cargo.lock ./
COPY src/ ./src/
COPY themes/ ./themes/
COPY i18n/ ./i18n/
COPY benches/pipeline.rs ./benches/
# target/ is a cache mount, so the binary is copied out in the same RUN.
# Debug symbols are stripped: the image ships the program, not its line tables.
RUN --mount=type=cache,target=/usr/local/cargo/registry,sharing=locked \
    --mount=type=cache,target=/src/target,sharing=locked \
    CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_STRIP=symbols \
    cargo build --release --locked \
 && install -D -m 0755 target/release/docent /out/docent

# ---- stage 2: render the course into static files
FROM debian:${DEBIAN_RELEASE}-slim AS render
COPY --from=build /out/docent /usr/local/bin/docent
WORKDIR /course
COPY content/ ./content/
# content/12-case-study-this-site/ shows these two files through symlinks to
# ../../, so they must sit next to content/ when docent renders chapter 9.
COPY Dockerfile .dockerignore ./
RUN docent build --root content --out /site

# ---- stage 3: serve the files, unprivileged, on port 8080
FROM nginxinc/nginx-unprivileged:1.30-alpine AS site
COPY content/12-case-study-this-site/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=render /site /site
USER 101
EXPOSE 8080
