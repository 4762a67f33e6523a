# docker-bake.hcl: every target of this folder's Dockerfile, with its options.
#   docker buildx bake                      lint, test and the production image
#   docker buildx bake dev                  one target
#   VERSION=1.4.0 docker buildx bake --push production

variable "VERSION" {
  default = "dev"
}

variable "IMAGE" {
  default = "ghcr.io/acme/api"
}

# What a bare `docker buildx bake` builds, in parallel.
group "default" {
  targets = ["lint", "test", "production"]
}

# Files rather than images, written under ./out on your machine.
group "artifacts" {
  targets = ["test-report", "binary"]
}

# Checks: the result stays in the build cache, nothing is exported.
target "lint" {
  target = "lint"
  output = ["type=cacheonly"]
}

target "test" {
  target = "test"
  output = ["type=cacheonly"]
}

target "dev" {
  target = "dev"
  tags   = ["api:dev"]
}

target "production" {
  target = "production"
  args = {
    VERSION = VERSION
  }
  tags = ["${IMAGE}:${VERSION}"]
}

target "test-report" {
  target = "test-report"
  output = ["type=local,dest=out/reports"]
}

target "binary" {
  target = "binary"
  args = {
    VERSION = VERSION
  }
  output = ["type=local,dest=out/bin"]
}
