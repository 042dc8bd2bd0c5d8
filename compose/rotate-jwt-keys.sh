#!/usr/bin/env bash
# Rotates the api's JWT keys (access and refresh) with no failed request, in rolling updates of the api:
#   compose/rotate-jwt-keys.sh            phase 1: new random keys, accepted by every replica (still
#                                         signing with the old ones); phase 2: the new keys sign, the
#                                         old ones are still accepted
#   compose/rotate-jwt-keys.sh --finish   phase 3: the old keys are no longer accepted, their secrets
#                                         removed. Sessions started before phase 2 must log in again:
#                                         run it once REFRESH_TOKEN_AGE (30 days) has passed, or at once
#                                         after a leak
# Each phase waits until every replica runs it, so no replica ever meets a token it cannot verify. The
# names of the secrets in use are kept in MUSICAPP_DEPLOY_ENV_FILE (see compose/lib/deploy-settings.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=compose/lib/deploy-settings.sh
. compose/lib/deploy-settings.sh

declare -A key rotation new
for kind in ACCESS REFRESH; do
  lower="$(echo "$kind" | tr '[:upper:]' '[:lower:]')"
  key["${kind}"]="$(in_use "${kind}_TOKEN_KEY_SECRET" "musicapp_${lower}_token_key")"
  rotation["${kind}"]="$(in_use "${kind}_TOKEN_ROTATION_KEY_SECRET" "musicapp_${lower}_token_key")"
done

if [ "${1:-}" = "--finish" ]; then
  if [ "${key[ACCESS]}" = "${rotation[ACCESS]}" ] && [ "${key[REFRESH]}" = "${rotation[REFRESH]}" ]; then
    echo "rotate-jwt-keys: no rotation to finish" >&2
    exit 1
  fi
  echo "rotate-jwt-keys: phase 3: only ${key[ACCESS]} and ${key[REFRESH]} are accepted"
  for kind in ACCESS REFRESH; do record "${kind}_TOKEN_ROTATION_KEY_SECRET" "${key[$kind]}"; done
  mount_secrets api access_token_rotation_key="${key[ACCESS]}" refresh_token_rotation_key="${key[REFRESH]}"
  for kind in ACCESS REFRESH; do docker secret rm "${rotation[$kind]}" >/dev/null; done
  echo "rotate-jwt-keys: done; removed ${rotation[ACCESS]} and ${rotation[REFRESH]}"
  exit 0
fi

if [ "${key[ACCESS]}" != "${rotation[ACCESS]}" ] || [ "${key[REFRESH]}" != "${rotation[REFRESH]}" ]; then
  echo "rotate-jwt-keys: a rotation is under way; finish it first: compose/rotate-jwt-keys.sh --finish" >&2
  exit 1
fi
suffix="$(date -u +%Y%m%d%H%M%S)"
for kind in ACCESS REFRESH; do
  lower="$(echo "$kind" | tr '[:upper:]' '[:lower:]')"
  new["${kind}"]="musicapp_${lower}_token_key_${suffix}"
  openssl rand -base64 48 | tr -d '\n' | docker secret create --label app=musicapp "${new[$kind]}" - >/dev/null
done

echo "rotate-jwt-keys: phase 1: ${new[ACCESS]} and ${new[REFRESH]} accepted everywhere"
for kind in ACCESS REFRESH; do record "${kind}_TOKEN_ROTATION_KEY_SECRET" "${new[$kind]}"; done
mount_secrets api access_token_rotation_key="${new[ACCESS]}" refresh_token_rotation_key="${new[REFRESH]}"

echo "rotate-jwt-keys: phase 2: the new keys sign; ${key[ACCESS]} and ${key[REFRESH]} still accepted"
for kind in ACCESS REFRESH; do
  record "${kind}_TOKEN_KEY_SECRET" "${new[$kind]}"
  record "${kind}_TOKEN_ROTATION_KEY_SECRET" "${key[$kind]}"
done
mount_secrets api access_token_key="${new[ACCESS]}" access_token_rotation_key="${key[ACCESS]}" \
  refresh_token_key="${new[REFRESH]}" refresh_token_rotation_key="${key[REFRESH]}"
echo "rotate-jwt-keys: the new keys are in use; finish with compose/rotate-jwt-keys.sh --finish"
