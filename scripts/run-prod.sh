#!/usr/bin/env bash
# Production mode on this machine: PostgreSQL, Redis and nginx (Debian's
# packages, loopback), two action servers and two Rasa instances behind nginx.
# Settings: scripts/prod/env.sh (environment variables with safe defaults).
# Ctrl-C stops the servers, nginx and Redis; PostgreSQL keeps running.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prod/env.sh
DIR="$SCIATICA_PROD_DIR"

scripts/prod/services.sh up

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  scripts/prod/services.sh down
  echo "Stopped."
}
trap 'stop; exit 130' INT TERM
trap stop EXIT

for port in $SCIATICA_ACTION_PORTS; do
  scripts/prod/instance.sh actions "$port" >"$DIR/actions-$port.log" 2>&1 &
  pids+=($!)
done
for port in $SCIATICA_RASA_PORTS; do
  scripts/prod/instance.sh rasa "$port" >"$DIR/rasa-$port.log" 2>&1 &
  pids+=($!)
done

echo "Starting $(wc -w <<<"$SCIATICA_RASA_PORTS") Rasa instances and $(wc -w <<<"$SCIATICA_ACTION_PORTS") action servers (logs in $DIR)..."
ready() {
  for port in $SCIATICA_ACTION_PORTS; do curl -fs "http://127.0.0.1:$port/health" >/dev/null || return 1; done
  for port in $SCIATICA_RASA_PORTS; do curl -fs "http://127.0.0.1:$port/status?token=$RASA_AUTH_TOKEN" >/dev/null || return 1; done
}
for _ in $(seq 1 300); do
  if ready; then
    front="http://${SCIATICA_HTTP_BIND}:${SCIATICA_HTTP_PORT}"
    cat <<MSG

The assistant is running in production mode.
  Chat in your browser:  $front/webhooks/web/
  Chat over REST:  curl -s -XPOST $front/webhooks/rest/webhook \\
                     -H "Authorization: Bearer \$SCIATICA_REST_TOKEN" \\
                     -H 'Content-Type: application/json' -d '{"sender":"me","message":"hi"}'
  Secrets (REST token, API token, database and Redis passwords): $DIR/secrets.env
  PostgreSQL $SCIATICA_PG_HOST:$SCIATICA_PG_PORT/$SCIATICA_PG_DB, Redis $SCIATICA_REDIS_HOST:$SCIATICA_REDIS_PORT
Press Ctrl-C to stop.
MSG
    wait -n "${pids[@]}" || true
    echo "A server stopped; see $DIR/*.log." >&2
    exit 1
  fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "A server failed to start; see $DIR/*.log." >&2; tail -n 20 "$DIR"/rasa-*.log "$DIR"/actions-*.log >&2; exit 1; }
  done
  sleep 1
done
echo "Timed out waiting for the servers; see $DIR/*.log." >&2
exit 1
