#!/usr/bin/env bash
# Creates the stack's swarm secrets, once per swarm: random values straight from openssl into `docker
# secret create` (never printed or written to disk), the proxies' TLS certificate and key from the files
# you name, the admin password you give. Existing secrets are kept (secrets are immutable: to rotate
# one, see docs/deploy.md, "Operate").
#   TLS_CERTIFICATE_FILE=chain.pem TLS_KEY_FILE=key.pem [ADMIN_PASSWORD=…] compose/create-secrets.sh
set -euo pipefail
cd "$(dirname "$0")/.."

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

# The web's Server Actions key: the one the images are built with (compose/build-push.sh makes the file),
# given to the running server as a secret because the image keeps no copy of it.
key_file="${NEXT_SERVER_ACTIONS_KEY_FILE:-compose/.secrets/next-server-actions-key}"
if [ ! -s "$key_file" ]; then
  echo "no Server Actions key at $key_file: run compose/build-push.sh first (it makes the key)" >&2
  exit 1
fi
create musicapp_next_server_actions_key <"$key_file"

# The proxies' certificate chain and key (PEM, the leaf first in the chain), from your CA or ACME client:
# TLS_CERTIFICATE_FILE and TLS_KEY_FILE. Checked to belong together before either is created.
if docker secret inspect musicapp_tls_certificate >/dev/null 2>&1 &&
  docker secret inspect musicapp_tls_key >/dev/null 2>&1; then
  echo "kept    musicapp_tls_certificate, musicapp_tls_key (already exist)"
else
  certificate="${TLS_CERTIFICATE_FILE:-}"
  key="${TLS_KEY_FILE:-}"
  if [ ! -s "$certificate" ] || [ ! -s "$key" ]; then
    cat >&2 <<'EOF'
set TLS_CERTIFICATE_FILE and TLS_KEY_FILE to the proxies' certificate chain and key (PEM files).
For a trial without a certificate, a self-signed pair for your host name (browsers will warn):
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 90 \
    -subj "/CN=musicapp.example" -addext "subjectAltName=DNS:musicapp.example" \
    -keyout tls-key.pem -out tls-certificate.pem
EOF
    exit 1
  fi
  if [ "$(openssl x509 -noout -pubkey -in "$certificate")" != "$(openssl pkey -pubout -in "$key")" ]; then
    echo "$key is not the key of the certificate in $certificate; nothing created" >&2
    exit 1
  fi
  create musicapp_tls_certificate <"$certificate"
  create musicapp_tls_key <"$key"
fi

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
