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

# The first admin account ("admin") is the one value an operator has to know: ADMIN_PASSWORD when set,
# else asked for without echo on a terminal, else random (nobody can log in as admin until it is reset).
if ! docker secret inspect musicapp_admin_password >/dev/null 2>&1; then
  admin_password="${ADMIN_PASSWORD:-}"
  if [ -z "$admin_password" ] && [ -t 0 ]; then
    read -rsp 'Password for the "admin" account (8-72 characters, not shown): ' admin_password
    echo
  fi
  if [ -n "$admin_password" ]; then
    if [ "${#admin_password}" -lt 8 ] || [ "${#admin_password}" -gt 72 ]; then
      echo "the admin password needs 8 to 72 characters; nothing created" >&2
      exit 1
    fi
    printf '%s' "$admin_password" | create musicapp_admin_password
  else
    random 18 | create musicapp_admin_password
  fi
  unset admin_password
else
  echo "kept    musicapp_admin_password (already exists)"
fi
