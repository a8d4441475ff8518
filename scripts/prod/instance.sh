#!/usr/bin/env bash
# Runs one production process in the foreground (exec, so its pid is this
# script's): `instance.sh rasa PORT` or `instance.sh actions PORT`.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/prod/env.sh
kind="$1"; port="$2"
case "$kind" in
  actions)
    # rasa-sdk binds to SANIC_HOST (its default is every interface).
    SANIC_HOST=127.0.0.1 exec .venv/bin/rasa run actions --port "$port" --actions actions
    ;;
  rasa)
    cors=()
    # shellcheck disable=SC2206
    [ -n "$SCIATICA_CORS_ORIGINS" ] && cors=(--cors $SCIATICA_CORS_ORIGINS)
    exec .venv/bin/rasa run --model "$SCIATICA_MODEL" --endpoints endpoints.prod.yml \
      --credentials "$SCIATICA_PROD_DIR/credentials.yml" --port "$port" --interface 127.0.0.1 \
      --enable-api --auth-token "$RASA_AUTH_TOKEN" "${cors[@]}"
    ;;
  *) echo "usage: $0 rasa|actions PORT" >&2; exit 2 ;;
esac
