#!/usr/bin/env bash
# Scales a replicated service of the running stack, e.g.  compose/scale.sh api 5
# nginx-backend re-resolves tasks.api every 5 s, so new replicas take traffic once healthy.
set -euo pipefail
service="${1:?usage: compose/scale.sh <api|web> <replicas>}"
replicas="${2:?usage: compose/scale.sh <api|web> <replicas>}"
case "$service" in
  api | web) ;;
  *) echo "only api and web scale (db is single, the proxies run once per node)" >&2; exit 1 ;;
esac
docker service scale --detach=false "musicapp_$service=$replicas"
