# Shared settings for the run scripts (sourced, not executed).
export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL=3
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export RASA_PORT="${RASA_PORT:-5005}"
export ACTION_PORT="${ACTION_PORT:-5055}"
export ACTION_ENDPOINT_URL="${ACTION_ENDPOINT_URL:-http://127.0.0.1:${ACTION_PORT}/webhook}"
mkdir -p var
export TRACKER_DB="${TRACKER_DB:-var/tracker.db}"
# The HTTP API token: from the environment, or made once and kept in var/.
if [ -z "${RASA_AUTH_TOKEN:-}" ]; then
  if [ ! -s var/auth_token ]; then
    (umask 077; .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(24))' > var/auth_token)
  fi
  RASA_AUTH_TOKEN="$(cat var/auth_token)"
fi
export RASA_AUTH_TOKEN
# The action server listens on loopback only (rasa-sdk's default is every
# interface); Rasa itself is started with --interface 127.0.0.1.
export SANIC_HOST="${SANIC_HOST:-127.0.0.1}"
