#!/usr/bin/env bash
# Starts the action server and the Rasa server; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped."
}
trap 'stop; exit 130' INT TERM
trap stop EXIT

# Credentials: the documented base plus each messaging platform whose secrets
# are set in the environment (README, "Connecting a messaging platform").
.venv/bin/python -m sciatica_rasa.channels.config --base credentials.yml --out var/credentials.yml

.venv/bin/rasa run actions --port "$ACTION_PORT" --actions actions >var/actions.log 2>&1 &
pids+=($!)
.venv/bin/rasa run --model models/sciatica.tar.gz --endpoints endpoints.yml \
  --credentials var/credentials.yml --port "$RASA_PORT" --interface 127.0.0.1 \
  --enable-api --auth-token "$RASA_AUTH_TOKEN" --cors "http://localhost:${RASA_PORT}" \
  >var/rasa.log 2>&1 &
pids+=($!)

echo "Starting (logs in var/rasa.log and var/actions.log)..."
for _ in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:${RASA_PORT}/status?token=${RASA_AUTH_TOKEN}" >/dev/null 2>&1 \
     && curl -fs "http://127.0.0.1:${ACTION_PORT}/health" >/dev/null 2>&1; then
    cat <<MSG

The assistant is running.
  Chat in your browser:  http://localhost:${RASA_PORT}/webhooks/web/   (add ?locale=uk, us or eu for one country's emergency number)
  Chat over REST:  curl -s -XPOST http://127.0.0.1:${RASA_PORT}/webhooks/rest/webhook \\
                     -H 'Content-Type: application/json' -d '{"sender":"me","message":"hi"}'
  Chat in a terminal (another shell): make shell
  HTTP API token:  ${RASA_AUTH_TOKEN}  (e.g. /conversations/me/tracker?token=...)
Press Ctrl-C to stop.
MSG
    wait -n "${pids[@]}" || true
    echo "A server stopped; see var/*.log." >&2
    exit 1
  fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "A server failed to start; see var/*.log." >&2; tail -20 var/rasa.log var/actions.log >&2; exit 1; }
  done
  sleep 1
done
echo "Timed out waiting for the servers; see var/*.log." >&2
exit 1
