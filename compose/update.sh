#!/usr/bin/env bash
# Rolls the api and web services to another image tag without touching the rest of the stack, e.g.
#   compose/update.sh 3f2c1a9b7d01        roll out
#   compose/update.sh --rollback           go back to the previous image of both
set -euo pipefail
registry="${REGISTRY:?set REGISTRY to the private registry, <manager-ip>:4000}"
if [ "${1:-}" = "--rollback" ]; then
  for service in web api; do docker service rollback --detach=false "musicapp_$service"; done
  exit 0
fi
tag="${1:?usage: compose/update.sh <tag> | --rollback}"
# The api first: the web of the new version may call endpoints only the new api has.
for service in api web; do
  docker service update --detach=false --with-registry-auth \
    --image "$registry/musicapp-$service:$tag" "musicapp_$service"
done
