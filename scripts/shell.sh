#!/usr/bin/env bash
# Terminal chat. Uses a running action server (make run) or starts one.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
started=""
if ! curl -fs "http://127.0.0.1:${ACTION_PORT}/health" >/dev/null 2>&1; then
  .venv/bin/rasa run actions --port "$ACTION_PORT" --actions actions >var/actions.log 2>&1 &
  started=$!
  trap '[ -n "$started" ] && kill "$started" 2>/dev/null' EXIT INT TERM
  for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:${ACTION_PORT}/health" >/dev/null 2>&1 && break
    sleep 1
  done
fi
# The shell keeps its conversations in a separate SQLite file so it never
# competes with a running server (make run) for var/tracker.db.
TRACKER_DB=var/shell.db .venv/bin/rasa shell --model models/sciatica.tar.gz --endpoints endpoints.yml \
  --port "${SHELL_PORT:-5006}"
