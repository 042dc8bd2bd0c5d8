#!/usr/bin/env bash
# Builds the CI stand-ins for the official images the stack names (Docker Hub is out of reach here),
# from Debian's packages, tagged exactly as docker-compose.yaml names them so the stack file and the
# project's Dockerfiles run unchanged. Each is rebuilt only when its folder or the Debian base changed.
#   scripts/engine/stand-ins/build.sh            every stand-in
#   scripts/engine/stand-ins/build.sh mysql      only these
#   STAND_IN_REFRESH=1 scripts/engine/stand-ins/build.sh   fetch a fresh Debian base first
# Needs a running Docker engine and mmdebstrap (scripts/engine/docker-engine.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"

BASE=musicapp-ci/debian:unstable
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

# The Debian unstable root file system every stand-in starts from (about 40 s). This mirror's
# unstable Release file is past its Valid-Until date, hence the apt option (kept in the image).
debian_base() {
  if [ -z "${STAND_IN_REFRESH:-}" ] && docker image inspect "$BASE" >/dev/null 2>&1; then return; fi
  local tar
  tar="$(mktemp --suffix=.tar)"
  echo "stand-ins: making $BASE with mmdebstrap"
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

build() {
  local name="$1" tag="$2"
  shift 2
  local hash
  hash="$( (docker image inspect --format '{{.Id}}' "$BASE"; cd "$here/$name" && sha256sum ./*) | sha256sum | cut -c1-16)"
  if [ "$(docker image inspect --format '{{index .Config.Labels "musicapp.stand-in"}}' "$tag" 2>/dev/null)" = "$hash" ]; then
    echo "stand-ins: $tag is up to date"
    return
  fi
  echo "stand-ins: building $tag from Debian packages"
  docker build --quiet --label "musicapp.stand-in=$hash" --build-arg "BASE_IMAGE=$BASE" "$@" \
    -t "$tag" "$here/$name" >/dev/null
}

mysql() {
  local tag
  tag="$(stack_image db)"
  case "$tag" in
    mysql:*) ;;
    *) echo "stand-ins: docker-compose.yaml's db image is '$tag', not mysql:<version>" >&2; exit 1 ;;
  esac
  build mysql "$tag" --build-arg "MYSQL_VERSION=${tag#mysql:}"
}

debian_base
for name in "${@:-mysql}"; do
  case "$name" in
    mysql) mysql ;;
    *) echo "stand-ins: unknown image '$name' (known: mysql)" >&2; exit 1 ;;
  esac
done
