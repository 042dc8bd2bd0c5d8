# Sourced by the scripts that replace a swarm secret (compose/rotate-jwt-keys.sh,
# compose/set-admin-password.sh). Secrets are immutable, so a new value is a new secret: its name goes
# into the deployment's settings file, MUSICAPP_DEPLOY_ENV_FILE (compose/.secrets/deploy.env on the
# manager), which compose/deploy.sh reads, so that every later deploy keeps it. Run from the
# repository root.

settings_file="${MUSICAPP_DEPLOY_ENV_FILE:-compose/.secrets/deploy.env}"
export MUSICAPP_DEPLOY_ENV_FILE="$settings_file"

# in_use <VARIABLE> <default>: the secret name docker-compose.yaml's `${VARIABLE:-default}` resolves to.
in_use() {
  (
    # shellcheck source=/dev/null
    [ -f "$settings_file" ] && . "$settings_file"
    printf '%s' "${!1:-$2}"
  )
}

# record <VARIABLE> <secret name>: from now on, deploys use that secret.
record() {
  mkdir -p "$(dirname "$settings_file")"
  { grep -v "^$1=" "$settings_file" 2>/dev/null || true; echo "$1=$2"; } >"$settings_file.new"
  mv "$settings_file.new" "$settings_file"
}

# deploy_and_wait <what>: the stack again, with the images it runs now (REGISTRY and TAG from the
# running api unless set), waiting until every service has converged.
deploy_and_wait() {
  local image
  image="$(docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Image}}' musicapp_api)"
  image="${image%%@*}"
  echo "$(basename "$0"): $1"
  REGISTRY="${REGISTRY:-${image%%/musicapp-api:*}}" TAG="${TAG:-${image##*:}}" DEPLOY_WAIT=true \
    compose/deploy.sh >/dev/null
}
