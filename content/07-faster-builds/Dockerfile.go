# syntax=docker/dockerfile:1

FROM golang:1.27-trixie AS build
WORKDIR /src
# Module list first: `go mod download` re-runs only when go.mod or go.sum change.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
# Only the Go folders: this context also holds a Node app and a front end.
COPY cmd/ ./cmd/
COPY internal/ ./internal/
# Same module cache, plus the compiler's own cache of built packages.
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/api

FROM gcr.io/distroless/static-debian13:nonroot
# --link: this layer does not depend on the base, so a new distroless
# release is picked up without rebuilding or re-copying the binary.
COPY --link --from=build /out/server /server
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/server"]
