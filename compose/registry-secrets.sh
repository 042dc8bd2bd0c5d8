#!/usr/bin/env bash
# Makes what the private registry needs to be closed to strangers, as swarm secrets, once per swarm:
#   registry_htpasswd   the accounts that may push and pull (bcrypt htpasswd; needs `htpasswd`, Debian's
#                       apache2-utils)
#   registry_tls_cert   its TLS certificate and key: yours (REGISTRY_TLS_CERT/REGISTRY_TLS_KEY files), or
#   registry_tls_key    one signed by a CA made here for <manager-ip>, kept in compose/.secrets/registry/
#   compose/registry-secrets.sh <manager-ip>
# The account is REGISTRY_USER (default musicapp) with REGISTRY_PASSWORD, asked for without echo when
# unset. Every node must trust the CA: copy compose/.secrets/registry/ca.crt to
# /etc/docker/certs.d/<manager-ip>:4000/ca.crt on each node (no restart needed), then
# `docker login <manager-ip>:4000` on the node that builds and deploys.
set -euo pipefail
cd "$(dirname "$0")/.."

address="${1:?usage: compose/registry-secrets.sh <manager-ip>}"
user="${REGISTRY_USER:-musicapp}"
dir="${REGISTRY_SECRETS_DIR:-compose/.secrets/registry}"

exists() { docker secret inspect "$1" >/dev/null 2>&1; }

if exists registry_htpasswd; then
  echo "kept    registry_htpasswd (already exists)"
else
  command -v htpasswd >/dev/null || { echo "htpasswd is needed (Debian: apt-get install apache2-utils)" >&2; exit 1; }
  password="${REGISTRY_PASSWORD:-}"
  if [ -z "$password" ]; then
    [ -t 0 ] || { echo "set REGISTRY_PASSWORD (no terminal to ask on)" >&2; exit 1; }
    read -rsp "Password for the registry account \"$user\" (not shown): " password
    echo
  fi
  [ "${#password}" -ge 12 ] || { echo "the registry password needs 12 characters or more" >&2; exit 1; }
  # -i: the password comes on stdin, never on a command line.
  printf '%s' "$password" | htpasswd -niB "$user" | docker secret create --label app=registry registry_htpasswd - >/dev/null
  unset password
  echo "created registry_htpasswd (account $user)"
fi

if exists registry_tls_cert && exists registry_tls_key; then
  echo "kept    registry_tls_cert, registry_tls_key (already exist)"
  exit 0
fi
cert="${REGISTRY_TLS_CERT:-}" key="${REGISTRY_TLS_KEY:-}"
if [ -z "$cert" ]; then
  mkdir -p "$dir"
  chmod 700 "$dir"
  cert="$dir/registry.crt" key="$dir/registry.key"
  if [ ! -s "$dir/ca.crt" ]; then
    openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj "/CN=musicapp registry CA" \
      -keyout "$dir/ca.key" -out "$dir/ca.crt" 2>/dev/null
  fi
  openssl req -newkey rsa:3072 -nodes -subj "/CN=$address" -keyout "$key" -out "$dir/registry.csr" 2>/dev/null
  printf 'subjectAltName=IP:%s\nextendedKeyUsage=serverAuth\n' "$address" >"$dir/registry.ext"
  openssl x509 -req -in "$dir/registry.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial \
    -days 825 -extfile "$dir/registry.ext" -out "$cert" 2>/dev/null
  rm -f "$dir/registry.csr" "$dir/registry.ext"
  echo "made a certificate for $address signed by $dir/ca.crt: copy that file to"
  echo "  /etc/docker/certs.d/$address:4000/ca.crt on every node"
fi
docker secret create --label app=registry registry_tls_cert "$cert" >/dev/null
docker secret create --label app=registry registry_tls_key "$key" >/dev/null
echo "created registry_tls_cert, registry_tls_key"
