#!/usr/bin/env bash
# Deploys (or updates) the musicapp stack from docker-compose.yaml (and STACK_OVERRIDES).
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

# The deployment's settings that must outlive one command: the names of the secrets in use after a
# rotation (written by compose/rotate-jwt-keys.sh, compose/set-admin-password.sh and
# compose/rotate-db-password.sh; without them, the stack file's defaults would bring back secrets that
# were replaced) and STACK_OVERRIDES.
settings_file="${MUSICAPP_DEPLOY_ENV_FILE:-compose/.secrets/deploy.env}"
if [ -f "$settings_file" ]; then
  set -a
  # shellcheck source=/dev/null
  . "$settings_file"
  set +a
fi
# STACK_OVERRIDES: extra stack files on top of docker-compose.yaml, e.g. compose/docker-compose.nfs.yaml.
stack_files=(-c docker-compose.yaml)
for file in ${STACK_OVERRIDES:-}; do stack_files+=(-c "$file"); done

# Every external secret the stack names, as docker stack deploy will resolve them.
resolved="$(docker stack config "${stack_files[@]}")"
while read -r secret; do
  docker secret inspect "$secret" >/dev/null 2>&1 || {
    echo "missing swarm secret $secret: run compose/create-secrets.sh first" >&2
    exit 1
  }
done < <(awk '/^secrets:/ { in_secrets = 1; next } /^[^ #]/ { in_secrets = 0 }
  in_secrets && $1 == "name:" { print $2 }' <<<"$resolved" | sort -u)
if ! docker node ls --filter node.label=musicapp.db=true --format '{{.Hostname}}' | grep -q .; then
  echo "no node is labelled for the database: docker node update --label-add musicapp.db=true <node>" >&2
  exit 1
fi

docker stack deploy --with-registry-auth --prune "${stack_files[@]}" musicapp
echo "deployed musicapp with images $REGISTRY/musicapp-*:$TAG; watch it with: docker stack services musicapp"
