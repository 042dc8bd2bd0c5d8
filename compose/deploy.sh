#!/usr/bin/env bash
# Deploys (or updates) the musicapp stack from docker-compose.yaml.
#   TAG=<tag> REGISTRY=<manager-ip>:4000 compose/deploy.sh
# Re-running it with a new TAG is a rolling update (start-first, one task at a time, automatic rollback
# when a new task fails its healthcheck).
set -euo pipefail
cd "$(dirname "$0")/.."

export REGISTRY="${REGISTRY:?set REGISTRY to the private registry, <manager-ip>:4000}"
export TAG="${TAG:?set TAG to the image tag to deploy (compose/build-push.sh prints it); latest is never deployed by default}"
# Swarm configs are immutable: name the init script after its content so a changed file is a new config.
RESERVASI_SQL_HASH="$(sha256sum reservasi.sql | cut -c1-12)"
export RESERVASI_SQL_HASH

# Every external secret the stack file names (its top-level `secrets:` section).
for secret in $(awk '/^secrets:/ { in_secrets = 1; next } /^[^ #]/ { in_secrets = 0 }
  in_secrets && $1 == "name:" { print $2 }' docker-compose.yaml); do
  docker secret inspect "$secret" >/dev/null 2>&1 || {
    echo "missing swarm secret $secret: run compose/create-secrets.sh first" >&2
    exit 1
  }
done
if ! docker node ls --filter node.label=musicapp.db=true --format '{{.Hostname}}' | grep -q .; then
  echo "no node is labelled for the database: docker node update --label-add musicapp.db=true <node>" >&2
  exit 1
fi

docker stack deploy --with-registry-auth --prune -c docker-compose.yaml musicapp
echo "deployed musicapp with images $REGISTRY/musicapp-*:$TAG; watch it with: docker stack services musicapp"
