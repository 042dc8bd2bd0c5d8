#!/usr/bin/env bash
# Writes a gzip-compressed logical dump of the `musicapp` database to stdout, taken while the stack
# serves. Run it on the node that runs the db task (the one labelled musicapp.db=true), then copy the
# file off that node (or into a named volume that outlives it):
#   compose/backup.sh > musicapp-$(date -u +%Y%m%dT%H%M%SZ).sql.gz
# compose/restore.sh brings it back (its header has the whole flow).
#
# The dump is one consistent snapshot (--single-transaction: InnoDB's repeatable read, no table locks,
# so reservations go on meanwhile; only DDL, which the api runs at start-up alone, would disturb it).
# It holds the tables with their data, the reserve_seats procedure, triggers and events, and no
# CREATE DATABASE/USE, so it restores into the `musicapp` database of any stack. Users, grants and the
# secrets are not in it: they belong to the swarm (compose/create-secrets.sh), not to the data.
set -euo pipefail

database=musicapp

die() { echo "backup: $*" >&2; exit 1; }

# A dump is binary (gzip): a terminal would show garbage and keep nothing.
if [ -t 1 ]; then
  die "stdout is a terminal; redirect it to a file: compose/backup.sh > musicapp-\$(date -u +%Y%m%dT%H%M%SZ).sql.gz"
fi

# shellcheck source=compose/lib/db-container.sh
. "$(dirname "$0")/lib/db-container.sh"
container="$(db_container)" || exit 1

started=$SECONDS
# As root (compose/lib/db-container.sh), because dumping events and routines needs privileges the app's
# user lacks. The container's own mysqldump matches its server; gzip runs here, so the image needs
# nothing beyond what the official one has. With pipefail, a dump that fails half-way fails this script
# although gzip succeeded (the partial file is left to the operator, and restore.sh refuses it: it has no
# "Dump completed" line).
as_db_root mysqldump --default-character-set=utf8mb4 \
  --single-transaction --routines --triggers --events --hex-blob \
  --set-gtid-purged=OFF --no-tablespaces "$database" </dev/null |
  gzip -c ||
  die "the dump failed (see mysqldump's message above); the output is incomplete: do not keep it"
echo "backup: dumped database $database of container ${container:0:12} in $((SECONDS - started)) s" >&2
