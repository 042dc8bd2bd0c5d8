# shellcheck shell=bash
# Sourced by the scripts that work inside the db task (compose/backup.sh, compose/restore.sh,
# compose/rotate-db-password.sh). They run on the node labelled musicapp.db=true, where swarm runs the
# one db container. The sourcing script defines die().

# db_container: the id of the db container running on this node; dies when there is none or, while a
# task is being replaced, more than one.
db_container() {
  local found
  found="$(docker ps --filter label=com.docker.swarm.service.name=musicapp_db -q)"
  [ -n "$found" ] || die "no running db container on this node: run this on the node labelled musicapp.db=true"
  [ "$(printf '%s\n' "$found" | wc -l)" -eq 1 ] ||
    die "more than one db container on this node (${found//$'\n'/ }); wait until the db task has settled"
  printf '%s' "$found"
}

# as_db_root <client> [options…]: a MySQL client of the container (mysql, mysqldump: they match its
# server) as root, with this script's stdin and stdout. The root password is read inside the container
# (the single-quoted script is expanded there): it never reaches the host's process list or
# environment. The container is looked up on each call, since a db task may have been replaced since.
as_db_root() {
  local container
  container="$(db_container)" || exit 1
  docker exec -i "$container" sh -c \
    'client="$1"; shift; MYSQL_PWD="$(cat /run/secrets/db_root_password)" exec "$client" --user=root "$@"' \
    sh "$@"
}
