#!/usr/bin/env bash
# Replaces the `musicapp` database with a dump made by compose/backup.sh, read from stdin:
#   compose/restore.sh < musicapp-20261130T031500Z.sql.gz
#   compose/restore.sh --force < …   also while clients are still connected (see below)
# Run it on the node that runs the db task (labelled musicapp.db=true), once that task is healthy.
#
# Bringing a lost deployment back, with the backup copied onto the db node:
#   TAG=<tag> REGISTRY=<manager-ip>:4000 compose/deploy.sh   a fresh db initialises from reservasi.sql
#   docker stack services musicapp                           wait until db shows 1/1 (healthy)
#   docker service scale musicapp_api=0                      nothing writes while the data is replaced
#   compose/restore.sh < musicapp-….sql.gz                   on the db node
#   docker service scale musicapp_api=3                      the api finds every migration applied
#
# The database becomes exactly the backup: it is dropped and created again (same character set and
# collation) before the dump is applied, so no table, procedure or migration record of the fresh stack
# survives next to the restored ones. Users, grants and secrets are the swarm's and stay as they are.
# The script stops nothing itself; it refuses while any client other than the db container's own (its
# healthcheck) is connected, since an api writing between the drop and the last row would lose its
# writes or see half a database. --force restores anyway (the api then answers errors meanwhile).
# The dump is checked before anything is dropped: a truncated or foreign file changes nothing. It is
# held in a temporary file meanwhile ($TMPDIR, as big as the compressed dump).
set -euo pipefail

database=musicapp

die() { echo "restore: $*" >&2; exit 1; }

force=false
for arg in "$@"; do
  case "$arg" in
    --force) force=true ;;
    *) die "unknown argument $arg; usage: compose/restore.sh [--force] < backup.sql.gz" ;;
  esac
done

if [ -t 0 ]; then
  die "stdin is a terminal; give the backup on stdin: compose/restore.sh < musicapp-….sql.gz"
fi

# shellcheck source=compose/lib/db-container.sh
. "$(dirname "$0")/lib/db-container.sh"
container="$(db_container)" || exit 1
# A fresh db task runs reservasi.sql before it turns healthy; a restore during that would be mixed with it.
health="$(docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$container")"
if [ "$health" != healthy ] && [ "$health" != none ]; then
  die "the db container ${container:0:12} is $health, not healthy: wait (docker stack services musicapp) and run this again"
fi

db_sql() { as_db_root mysql --default-character-set=utf8mb4 --batch --skip-column-names "$@" </dev/null; }

dump="$(mktemp "${TMPDIR:-/tmp}/musicapp-restore.XXXXXX")"
trap 'rm -f "$dump"' EXIT
chmod 600 "$dump"
cat >"$dump"

# What compose/backup.sh writes: a whole gzip stream, mysqldump's header, its closing line (absent when
# the dump was cut short), and no USE (which would restore into another database). One pass that reads
# to the end: a reader that stops early would kill gunzip with SIGPIPE, which pipefail counts as failure.
gzip -t "$dump" 2>/dev/null || die "the backup on stdin is not a whole gzip file (empty or cut short?); nothing was changed"
problem="$(gunzip -c "$dump" | awk '
  NR == 1 { header = /^-- MySQL dump/ }
  /^(USE|CREATE DATABASE) / { named = 1 }
  { last = $0 }
  END {
    if (!header) print "is not a mysqldump file (compose/backup.sh makes them)"
    else if (named) print "names a database of its own (made with --databases?); use one made by compose/backup.sh"
    else if (last !~ /^-- Dump completed/) print "is incomplete (no \"Dump completed\" line: its backup failed or was cut short)"
  }')" || die "could not read the dump; nothing was changed"
if [ -n "$problem" ]; then die "the backup on stdin $problem; nothing was changed"; fi

# Connections from outside the container are the api's (or an operator's tool); the healthcheck and
# this script connect locally.
clients="$(db_sql -e "SELECT COUNT(*), COALESCE(GROUP_CONCAT(DISTINCT CONCAT(USER, '@', SUBSTRING_INDEX(HOST, ':', 1))), '')
  FROM performance_schema.processlist
  WHERE HOST IS NOT NULL AND HOST <> '' AND HOST NOT LIKE 'localhost%' AND HOST NOT LIKE '127.0.0.1:%'")" ||
  die "could not query the database as root (mysql's message above); nothing was changed"
read -r connected who <<<"$clients" || true
if [ "${connected:-0}" -gt 0 ]; then
  if [ "$force" = true ]; then
    echo "restore: --force: replacing the database under $connected open connection(s) ($who)" >&2
  else
    die "$connected connection(s) to the database are open ($who): scale the api to 0 first
  (docker service scale musicapp_api=0), or pass --force; nothing was changed"
  fi
fi

charset="$(db_sql -e "SELECT CONCAT('CHARACTER SET ', DEFAULT_CHARACTER_SET_NAME, ' COLLATE ', DEFAULT_COLLATION_NAME)
  FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '$database'")" ||
  die "could not query the database as root (mysql's message above); nothing was changed"

started=$SECONDS
# One session: drop, create, then the dump. --comments keeps comments inside the procedure's body as
# they were dumped (the client strips them by default).
{
  # shellcheck disable=SC2016 # the backticks are SQL's identifier quotes
  printf 'DROP DATABASE IF EXISTS `%s`;\nCREATE DATABASE `%s` %s;\nUSE `%s`;\n' \
    "$database" "$database" "$charset" "$database"
  gunzip -c "$dump"
} | as_db_root mysql --default-character-set=utf8mb4 --comments ||
  die "the restore failed half-way (mysql's message above): database $database is incomplete; keep the api
  at 0, fix the cause and run the restore again"

summary="$(db_sql -e "SELECT
    (SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '$database'),
    (SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '$database')")"
read -r tables routines <<<"$summary"
echo "restored database $database in $((SECONDS - started)) s: $tables tables, $routines routines;" \
  "start the api again: docker service scale musicapp_api=3"
