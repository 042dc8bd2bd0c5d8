#!/usr/bin/env bash
# Makes sure a Docker engine answers on this machine: installs Debian's docker.io (dockerd) and
# mmdebstrap (stand-in base images) when missing, and starts dockerd when it is not running.
# Needs root (CI runs as root). Used by .ci/run and by the scripts that build or run stand-in images.
#   tools/ci-images/docker-engine.sh
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  log=/var/log/musicapp-dockerd.log
  echo "starting dockerd (log: $log)"
  as_root sh -c "nohup dockerd >>'$log' 2>&1 &"
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  if ! docker info >/dev/null 2>&1; then
    tail -20 "$log" >&2
    echo "dockerd did not answer within 60 s" >&2
    exit 1
  fi
fi
echo "docker engine $(docker info --format '{{.ServerVersion}}') (storage: $(docker info --format '{{.Driver}}'))"
