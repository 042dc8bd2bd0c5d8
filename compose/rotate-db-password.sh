#!/usr/bin/env bash
# Gives the database account `musicapp` a new random password, on a running stack:
#   compose/rotate-db-password.sh
# Run it on the db node (labelled musicapp.db=true), which must be a manager: it changes the account in
# the db container and updates the services. MySQL keeps the old password valid beside the new one (a dual
# password) until every api replica runs with the new secret, so no replica is locked out meanwhile;
# then the old password is discarded and its secret removed. The db task restarts with the new secret
# (its healthcheck uses it): a few seconds of 503 "database unavailable", as for any db restart.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=compose/lib/deploy-settings.sh
. compose/lib/deploy-settings.sh

die() { echo "rotate-db-password: $*" >&2; exit 1; }

# shellcheck source=compose/lib/db-container.sh
. compose/lib/db-container.sh
# SQL on stdin, as root inside the db container.
as_root() { as_db_root mysql --batch --skip-column-names; }

old="$(in_use DB_PASSWORD_SECRET musicapp_db_password)"
new="musicapp_db_password_$(date -u +%Y%m%d%H%M%S)"
password="$(openssl rand -base64 24 | tr -d '\n/+=')"
db_container >/dev/null

printf '%s' "$password" | docker secret create --label app=musicapp "$new" - >/dev/null
# Base64 without / + =: nothing to quote in SQL.
printf "ALTER USER 'musicapp'@'%%' IDENTIFIED BY '%s' RETAIN CURRENT PASSWORD;\n" "$password" | as_root ||
  die "the account kept its password; remove the unused secret with: docker secret rm $new"
unset password
echo "rotate-db-password: the account accepts the old and the new password"

record DB_PASSWORD_SECRET "$new"
# The api first (its replicas roll one at a time, the account takes either password meanwhile), then
# the db (stop-first: its new task uses the new secret for its healthcheck and any initialisation).
mount_secrets api db_password="$new"
mount_secrets db db_password="$new"
echo "ALTER USER 'musicapp'@'%' DISCARD OLD PASSWORD;" | as_root
docker secret rm "$old" >/dev/null
echo "rotate-db-password: done; the old password no longer works and $old is removed"
