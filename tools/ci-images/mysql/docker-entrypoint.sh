#!/usr/bin/env bash
# Entrypoint of the CI stand-in for the official mysql image. It honours the part of that image's
# documented contract the stack relies on (written here from the documentation, not copied):
#   * arguments that start with `-` are options of mysqld (the stack's `command:` flags);
#   * on an empty data directory: MYSQL_ROOT_PASSWORD / MYSQL_ALLOW_EMPTY_PASSWORD /
#     MYSQL_RANDOM_ROOT_PASSWORD (one is required), MYSQL_ROOT_HOST (default %), MYSQL_DATABASE
#     (created with the server's default character set and collation), MYSQL_USER + MYSQL_PASSWORD
#     (granted everything on MYSQL_DATABASE), each also as *_FILE (a Docker secret); then every
#     /docker-entrypoint-initdb.d/*.sql, *.sql.gz and *.sh in name order, .sql files with
#     MYSQL_DATABASE selected; all of it on a server that listens on its socket only;
#   * the server runs as the unprivileged `mysql` user (uid 999).
set -Eeuo pipefail

log() { printf '%s [Entrypoint] %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

# VAR from $VAR or from the file named by $VAR_FILE, never both.
file_env() {
  local var="$1" default="${2:-}" file_var="${1}_FILE"
  if [ -n "${!var:-}" ] && [ -n "${!file_var:-}" ]; then die "both $var and $file_var are set; choose one"; fi
  local value="$default"
  if [ -n "${!var:-}" ]; then value="${!var}"
  elif [ -n "${!file_var:-}" ]; then
    [ -r "${!file_var}" ] || die "$file_var names ${!file_var}, which cannot be read"
    value="$(<"${!file_var}")"
  fi
  export "$var=$value"
  unset "$file_var"
}

# A value inside a single-quoted SQL string.
sql_string() { local s="${1//\\/\\\\}"; printf "'%s'" "${s//\'/\\\'}"; }
# shellcheck disable=SC2016 # the backticks are SQL's identifier quotes, not a command substitution
sql_ident() { printf '`%s`' "${1//\`/\`\`}"; }

if [ "${1:0:1}" = '-' ]; then set -- mysqld "$@"; fi

if [ "$1" != 'mysqld' ]; then exec "$@"; fi


socket=/var/run/mysqld/mysqld.sock
client() { mysql --protocol=socket --socket="$socket" -uroot "$@"; }

# Secrets are read before the server drops root, so a file only root may read still works.
for var in MYSQL_ROOT_PASSWORD MYSQL_ALLOW_EMPTY_PASSWORD MYSQL_RANDOM_ROOT_PASSWORD MYSQL_DATABASE MYSQL_USER MYSQL_PASSWORD; do
  file_env "$var"
done
file_env MYSQL_ROOT_HOST '%'

if [ "$(id -u)" = '0' ]; then
  chown -R mysql:mysql /var/lib/mysql /var/run/mysqld
  exec setpriv --reuid=mysql --regid=mysql --init-groups "${BASH_SOURCE[0]}" "$@"
fi

if [ ! -d /var/lib/mysql/mysql ]; then
  if [ -z "$MYSQL_ROOT_PASSWORD" ] && [ -z "$MYSQL_ALLOW_EMPTY_PASSWORD" ] && [ -z "$MYSQL_RANDOM_ROOT_PASSWORD" ]; then
    die 'the database is uninitialised: set one of MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD, MYSQL_RANDOM_ROOT_PASSWORD'
  fi
  if [ "$MYSQL_USER" = root ]; then die 'MYSQL_USER=root: the root account exists already; use MYSQL_ROOT_PASSWORD'; fi
  if [ -n "$MYSQL_USER" ] && [ -z "$MYSQL_PASSWORD" ]; then die 'MYSQL_USER is set without MYSQL_PASSWORD'; fi
  if [ -n "$MYSQL_RANDOM_ROOT_PASSWORD" ]; then
    MYSQL_ROOT_PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
    log "GENERATED ROOT PASSWORD: $MYSQL_ROOT_PASSWORD"
  fi

  log "Initialising the data directory ($(mysqld --version))"
  "$@" --initialize-insecure --default-time-zone=SYSTEM
  log 'Starting a server on its socket only for the initialisation'
  "$@" --skip-networking --default-time-zone=SYSTEM --socket="$socket" &
  init_pid=$!
  for _ in $(seq 1 60); do
    client -e 'select 1' >/dev/null 2>&1 && break
    kill -0 "$init_pid" 2>/dev/null || die 'the initialisation server stopped'
    sleep 1
  done
  client -e 'select 1' >/dev/null || die 'the initialisation server did not answer within 60 s'

  setup="SET @@SESSION.SQL_LOG_BIN=0;"
  setup+="ALTER USER 'root'@'localhost' IDENTIFIED BY $(sql_string "$MYSQL_ROOT_PASSWORD");"
  if [ "$MYSQL_ROOT_HOST" != localhost ]; then
    setup+="CREATE USER 'root'@$(sql_string "$MYSQL_ROOT_HOST") IDENTIFIED BY $(sql_string "$MYSQL_ROOT_PASSWORD");"
    setup+="GRANT ALL ON *.* TO 'root'@$(sql_string "$MYSQL_ROOT_HOST") WITH GRANT OPTION;"
  fi
  if [ -n "$MYSQL_DATABASE" ]; then
    log "Creating database $MYSQL_DATABASE"
    setup+="CREATE DATABASE IF NOT EXISTS $(sql_ident "$MYSQL_DATABASE");"
  fi
  if [ -n "$MYSQL_USER" ]; then
    log "Creating user $MYSQL_USER"
    setup+="CREATE USER $(sql_string "$MYSQL_USER")@'%' IDENTIFIED BY $(sql_string "$MYSQL_PASSWORD");"
    if [ -n "$MYSQL_DATABASE" ]; then
      setup+="GRANT ALL ON $(sql_ident "$MYSQL_DATABASE").* TO $(sql_string "$MYSQL_USER")@'%';"
    fi
  fi
  setup+="FLUSH PRIVILEGES;"
  client -e "$setup"

  # From here on root has its password: give it to the client in a file that never reaches argv.
  defaults="$(mktemp)"
  printf '[client]\npassword=%s\n' "$MYSQL_ROOT_PASSWORD" >"$defaults"
  init_client() { mysql --defaults-extra-file="$defaults" --protocol=socket --socket="$socket" -uroot "$@"; }
  database_args=()
  if [ -n "$MYSQL_DATABASE" ]; then database_args=(--database="$MYSQL_DATABASE"); fi
  shopt -s nullglob
  for file in /docker-entrypoint-initdb.d/*; do
    # shellcheck source=/dev/null # the operator's init scripts, known only at run time
    case "$file" in
      *.sh) log "Running $file"; if [ -x "$file" ]; then "$file"; else . "$file"; fi ;;
      *.sql) log "Running $file"; init_client "${database_args[@]}" <"$file" ;;
      *.sql.gz) log "Running $file"; gunzip -c "$file" | init_client "${database_args[@]}" ;;
      *) log "Ignoring $file" ;;
    esac
  done
  rm -f "$defaults"

  kill "$init_pid"
  wait "$init_pid" || true
  log 'Initialisation done; starting the server'
fi

exec "$@"
