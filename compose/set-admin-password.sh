#!/usr/bin/env bash
# Gives the "admin" account a new password on a running stack, e.g. when it is lost or was shared:
#   compose/set-admin-password.sh         asks for it without echo (or takes ADMIN_PASSWORD)
# The password goes into a new swarm secret; the api rolls out with it (one task at a time), and its
# first new task sets the admin's password and ends every admin session. The old secret is removed.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=compose/lib/deploy-settings.sh
. compose/lib/deploy-settings.sh

password="${ADMIN_PASSWORD:-}"
if [ -z "$password" ] && [ -t 0 ]; then
  read -rsp 'New password for the "admin" account (8-72 characters, not shown): ' password
  echo
fi
if [ "${#password}" -lt 8 ] || [ "${#password}" -gt 72 ]; then
  echo "set-admin-password: the admin password needs 8 to 72 characters (ADMIN_PASSWORD or the prompt); nothing changed" >&2
  exit 1
fi

old="$(in_use ADMIN_PASSWORD_SECRET musicapp_admin_password)"
new="musicapp_admin_password_$(date -u +%Y%m%d%H%M%S)"
printf '%s' "$password" | docker secret create --label app=musicapp "$new" - >/dev/null
unset password
record ADMIN_PASSWORD_SECRET "$new"
mount_secrets api admin_password="$new"
docker secret rm "$old" >/dev/null
echo "set-admin-password: done; the admin logs in with the new password, every earlier admin session has ended"
