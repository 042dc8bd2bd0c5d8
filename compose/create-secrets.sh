#!/usr/bin/env bash
# Creates the stack's swarm secrets with random values, once per swarm. Values go straight from
# openssl into `docker secret create` and are never printed or written to disk; existing secrets are
# kept (secrets are immutable: to rotate one, see the README's deploy section).
#   compose/create-secrets.sh
set -euo pipefail

# name, then the value on stdin
create() {
  local name="$1"
  if docker secret inspect "$name" >/dev/null 2>&1; then
    cat >/dev/null
    echo "kept    $name (already exists)"
  else
    docker secret create --label app=musicapp "$name" - >/dev/null
    echo "created $name"
  fi
}
random() { openssl rand -base64 "$1" | tr -d '\n'; }

random 24 | create musicapp_db_password
random 24 | create musicapp_db_root_password
random 48 | create musicapp_access_token_key
random 48 | create musicapp_refresh_token_key

# The first admin account ("admin") is the one value an operator has to know: asked for without echo
# on a terminal, random (nobody can log in as admin until it is rotated) otherwise.
if ! docker secret inspect musicapp_admin_password >/dev/null 2>&1 && [ -t 0 ]; then
  read -rsp 'Password for the "admin" account (8-72 characters, not shown): ' admin_password
  echo
  if [ "${#admin_password}" -lt 8 ]; then echo "too short; nothing created" >&2; exit 1; fi
  printf '%s' "$admin_password" | create musicapp_admin_password
  unset admin_password
else
  random 18 | create musicapp_admin_password
fi
