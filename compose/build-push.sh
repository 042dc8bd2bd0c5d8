#!/usr/bin/env bash
# Builds every image of the stack and pushes it to the private registry.
#   REGISTRY=<manager-ip>:4000 TAG=2026-11-23.1 compose/build-push.sh
# TAG defaults to the current commit, so every build is addressable and a rollback has a tag to go to.
set -euo pipefail
cd "$(dirname "$0")/.."

export REGISTRY="${REGISTRY:?set REGISTRY to the private registry, <manager-ip>:4000}"
export TAG="${TAG:-$(git rev-parse --short=12 HEAD)}"
export NEXT_SERVER_ACTIONS_KEY_FILE="${NEXT_SERVER_ACTIONS_KEY_FILE:-$PWD/compose/.secrets/next-server-actions-key}"

# One Server Actions key for every build (see compose/docker-compose.build.yaml), made once, never printed.
if [ ! -s "$NEXT_SERVER_ACTIONS_KEY_FILE" ]; then
  mkdir -p "$(dirname "$NEXT_SERVER_ACTIONS_KEY_FILE")"
  (umask 077 && openssl rand -base64 32 | tr -d '\n' >"$NEXT_SERVER_ACTIONS_KEY_FILE")
  echo "created the Server Actions key in $NEXT_SERVER_ACTIONS_KEY_FILE (keep it; it is git-ignored)"
fi

files=(-f docker-compose.yaml -f compose/docker-compose.build.yaml)
echo "building $REGISTRY/musicapp-*:$TAG"
# BUILD_PULL=false builds from the base images already on this machine (air-gapped builders, CI).
pull=(--pull)
if [ "${BUILD_PULL:-true}" = false ]; then pull=(); fi
docker compose "${files[@]}" build "${pull[@]}"
docker compose "${files[@]}" push api web nginx-backend nginx-frontend
echo "pushed $REGISTRY/musicapp-{api,web,nginx-backend,nginx-frontend}:$TAG"
echo "deploy it with: TAG=$TAG compose/deploy.sh"
