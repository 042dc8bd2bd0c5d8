#!/bin/sh
# Entrypoint of the CI stand-in for the official nginx image, for the part of its documented contract
# the project uses (written from the documentation, not copied): before nginx starts, every
# $NGINX_ENVSUBST_TEMPLATE_DIR/**/*$NGINX_ENVSUBST_TEMPLATE_SUFFIX (default /etc/nginx/templates,
# .template) is rendered with envsubst into $NGINX_ENVSUBST_OUTPUT_DIR (default /etc/nginx/conf.d),
# substituting only variables that are defined (optionally those matching $NGINX_ENVSUBST_FILTER), so
# nginx's own $variables survive. Executable /docker-entrypoint.d/*.sh scripts run first, in order.
set -eu

if [ "${1:-}" = nginx ] || [ "${1:-}" = nginx-debug ]; then
  for script in /docker-entrypoint.d/*.sh; do
    [ -x "$script" ] && "$script"
  done

  templates="${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"
  suffix="${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}"
  output="${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}"
  if [ -d "$templates" ]; then
    defined="$(awk -v filter="${NGINX_ENVSUBST_FILTER:-}" \
      'END { for (name in ENVIRON) if (name ~ filter) printf "${%s} ", name }' </dev/null)"
    find "$templates" -follow -type f -name "*$suffix" | while read -r template; do
      relative="${template#"$templates"/}"
      target="$output/${relative%"$suffix"}"
      mkdir -p "$(dirname "$target")"
      envsubst "$defined" <"$template" >"$target"
      echo "$0: rendered $template to $target"
    done
  fi
fi

exec "$@"
