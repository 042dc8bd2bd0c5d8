#!/usr/bin/env bash
# Builds the images CI needs and cannot pull (Docker Hub is out of reach here), from Debian's packages:
# the stand-ins for the official images the stack names (mysql, node, nginx, registry), tagged exactly
# as docker-compose.yaml and the Dockerfiles name them so both run unchanged, and the swarm-node image
# the local swarm's machines run. Each is rebuilt only when its folder or the Debian base changed.
#   tools/ci-images/build.sh            every image (`npm run ci-images`)
#   tools/ci-images/build.sh mysql      only these
#   STAND_IN_REFRESH=1 tools/ci-images/build.sh   fetch a fresh Debian base first
#   tools/ci-images/build.sh --tags [names…]    print the tags only
# Needs a running Docker engine and mmdebstrap (tools/ci-images/docker-engine.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

BASE=musicapp-ci/debian:unstable
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

# The Debian unstable root file system every stand-in starts from (about 40 s). This mirror's
# unstable Release file is past its Valid-Until date, hence the apt option (kept in the image).
debian_base() {
  if [ -z "${STAND_IN_REFRESH:-}" ] && docker image inspect "$BASE" >/dev/null 2>&1; then return; fi
  local tar
  tar="$(mktemp --suffix=.tar)"
  echo "ci-images: making $BASE with mmdebstrap"
  mmdebstrap --quiet --variant=minbase --aptopt='Acquire::Check-Valid-Until "false"' \
    unstable "$tar" "$MIRROR"
  docker import --change 'CMD ["bash"]' "$tar" "$BASE" >/dev/null
  rm -f "$tar"
}

# The image a stack service runs, as docker-compose.yaml names it.
stack_image() {
  awk -v svc="  $1:" '$0 == svc { found = 1; next } found && /^    image:/ { print $2; exit }' \
    "$repo/docker-compose.yaml"
}

# The base image the given Dockerfiles name (ARG NODE_IMAGE=… or the first FROM); all must agree.
dockerfile_base() {
  local tags
  tags="$(for file in "$@"; do
    awk '/^ARG NODE_IMAGE=/ { sub(/^ARG NODE_IMAGE=/, ""); print; exit } /^FROM / { print $2; exit }' "$repo/$file"
  done | sort -u)"
  if [ "$(printf '%s\n' "$tags" | wc -l)" -ne 1 ]; then
    echo "ci-images: $* name different base images: ${tags//$'\n'/ }" >&2
    exit 1
  fi
  printf '%s' "$tags"
}

# build <folder> <tag> [docker build options…]
build() {
  local dir="$1" tag="$2"
  shift 2
  local hash
  hash="$( (docker image inspect --format '{{.Id}}' "$BASE"; cd "$dir" && sha256sum ./*) | sha256sum | cut -c1-16)"
  if [ "$(docker image inspect --format '{{index .Config.Labels "musicapp.stand-in"}}' "$tag" 2>/dev/null)" = "$hash" ]; then
    echo "ci-images: $tag is up to date"
    return
  fi
  echo "ci-images: building $tag from Debian packages"
  docker build --quiet --label "musicapp.stand-in=$hash" --build-arg "BASE_IMAGE=$BASE" "$@" \
    -t "$tag" "$dir" >/dev/null
}

# The tag each stand-in must carry: what the project's files name.
tag_of() {
  case "$1" in
    mysql) stack_image db ;;
    node) dockerfile_base apps/api/Dockerfile apps/web/Dockerfile ;;
    nginx) dockerfile_base nginx/nginx-backend/Dockerfile nginx/nginx-frontend/Dockerfile ;;
    registry) awk '/^    image: registry:/ { print $2; exit }' "$repo/compose/registry.yaml" ;;
    swarm-node) echo musicapp-ci/swarm-node:latest ;; # not a stand-in: the local swarm's node machine
    *) echo "ci-images: unknown image '$1' (known: mysql, node, nginx, registry, swarm-node)" >&2; exit 1 ;;
  esac
}

# The version a tag names: mysql:9.7.4 → 9.7.4, node:24.22.2-trixie-slim → 24.22.2.
version_of() { local version="${1#*:}"; printf '%s' "${version%%-*}"; }

build_one() {
  local tag
  tag="$(tag_of "$1")"
  [ -n "$tag" ] || { echo "ci-images: no image named for $1" >&2; exit 1; }
  case "$1" in
    mysql) build "$here/mysql" "$tag" --build-arg "MYSQL_VERSION=$(version_of "$tag")" ;;
    node) build "$here/node" "$tag" --build-arg "NODE_VERSION=$(version_of "$tag")" ;;
    nginx) build "$here/nginx" "$tag" --build-arg "NGINX_VERSION=$(version_of "$tag")" ;;
    registry) build "$here/registry" "$tag" ;;
    swarm-node) build "$here/swarm-node" "$tag" ;;
  esac
}

all=(mysql node nginx registry swarm-node)
if [ "${1:-}" = --tags ]; then
  shift
  for name in "${@:-${all[@]}}"; do printf '%s\n' "$(tag_of "$name")"; done
  exit 0
fi

debian_base
for name in "${@:-${all[@]}}"; do build_one "$name"; done
