# shellcheck shell=bash
# Sourced by the scripts that replace a swarm secret (compose/rotate-jwt-keys.sh,
# compose/set-admin-password.sh, compose/rotate-db-password.sh). Secrets are immutable, so a new value
# is a new secret. The scripts mount it with `docker service update` (only the services that use it
# roll, and their images stay as they are), and record its name in the deployment's settings file,
# MUSICAPP_DEPLOY_ENV_FILE (compose/.secrets/deploy.env on the manager), which compose/deploy.sh reads,
# so that every later deploy keeps it. Run from the repository root, on a manager.

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

# mount_secrets <service> <file>=<secret> …: one rolling update of musicapp_<service> (its own
# update_config: one task at a time, start-first for the api) in which each /run/secrets/<file> comes
# from <secret>; every other mount stays. Several files may share one secret (a JWT key and its
# rotation key, outside a rotation): removing a secret removes all its mounts, so the others are added
# back. Waits until the service has converged.
mount_secrets() {
  local service="musicapp_$1" pair file name mounts
  shift
  local -A want=() drop=()
  for pair in "$@"; do want["${pair%%=*}"]="${pair#*=}"; done
  mounts="$(docker service inspect --format \
    '{{range .Spec.TaskTemplate.ContainerSpec.Secrets}}{{.File.Name}} {{.SecretName}}{{"\n"}}{{end}}' "$service")"
  while read -r file name; do
    if [ -n "$file" ] && [ -n "${want[$file]:-}" ]; then drop["$name"]=1; fi
  done <<<"$mounts"
  while read -r file name; do
    if [ -n "$file" ] && [ -n "${drop[$name]:-}" ] && [ -z "${want[$file]:-}" ]; then want["$file"]="$name"; fi
  done <<<"$mounts"
  local args=()
  for name in "${!drop[@]}"; do args+=(--secret-rm "$name"); done
  for file in "${!want[@]}"; do args+=(--secret-add "source=${want[$file]},target=$file"); done
  echo "$(basename "$0"): $service rolls out with ${*}"
  docker service update --detach=false --quiet "${args[@]}" "$service" >/dev/null
}
