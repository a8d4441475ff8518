# Production-mode settings (sourced by scripts/run-prod.sh, services.sh and the
# production tests). Every setting comes from the environment, with the safe
# default shown; secrets not set in the environment are generated once and
# kept in $SCIATICA_PROD_DIR/secrets.env (mode 600, git-ignored).
export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL=3
export SQLALCHEMY_SILENCE_UBER_WARNING=1

export SCIATICA_PROD_DIR="${SCIATICA_PROD_DIR:-var/prod}"
mkdir -p "$SCIATICA_PROD_DIR"
SCIATICA_PROD_DIR="$(cd "$SCIATICA_PROD_DIR" && pwd)"

# Where people connect: nginx, on loopback unless told otherwise.
export SCIATICA_HTTP_BIND="${SCIATICA_HTTP_BIND:-127.0.0.1}"
export SCIATICA_HTTP_PORT="${SCIATICA_HTTP_PORT:-8080}"
# The Rasa instances and action servers behind it (loopback only).
export SCIATICA_RASA_PORTS="${SCIATICA_RASA_PORTS:-5006 5007}"
export SCIATICA_ACTION_PORTS="${SCIATICA_ACTION_PORTS:-5056 5057}"
# nginx balances the action servers on this port for the Rasa instances.
export SCIATICA_ACTIONS_PORT="${SCIATICA_ACTIONS_PORT:-5055}"
export ACTION_ENDPOINT_URL="${ACTION_ENDPOINT_URL:-http://127.0.0.1:${SCIATICA_ACTIONS_PORT}/webhook}"
export SCIATICA_MODEL="${SCIATICA_MODEL:-models/sciatica.tar.gz}"

# PostgreSQL (tracker store) and Redis (lock store).
export SCIATICA_PG_HOST="${SCIATICA_PG_HOST:-127.0.0.1}"
export SCIATICA_PG_PORT="${SCIATICA_PG_PORT:-5432}"
export SCIATICA_PG_DB="${SCIATICA_PG_DB:-sciatica}"
export SCIATICA_PG_USER="${SCIATICA_PG_USER:-sciatica}"
export SCIATICA_REDIS_HOST="${SCIATICA_REDIS_HOST:-127.0.0.1}"
export SCIATICA_REDIS_PORT="${SCIATICA_REDIS_PORT:-6380}"
export SCIATICA_REDIS_DB="${SCIATICA_REDIS_DB:-0}"
# Connections per Rasa instance (Rasa's own variables). Checked at start:
# instances x (pool + overflow) + headroom must fit max_connections.
export SQL_POOL_SIZE="${SQL_POOL_SIZE:-10}"
export SQL_MAX_OVERFLOW="${SQL_MAX_OVERFLOW:-10}"

# Browsers' other origins allowed to use the API and the socket (space-separated).
export SCIATICA_CORS_ORIGINS="${SCIATICA_CORS_ORIGINS:-}"
# Conversations untouched for longer are deleted by `make purge`.
export SCIATICA_RETENTION_DAYS="${SCIATICA_RETENTION_DAYS:-180}"

# Secrets: from the environment, else generated once.
SECRETS_FILE="$SCIATICA_PROD_DIR/secrets.env"
if [ -f "$SECRETS_FILE" ]; then
  # shellcheck disable=SC1090
  source "$SECRETS_FILE"
fi
_new_secret() { python3 -c 'import secrets; print(secrets.token_urlsafe(24))'; }
for _name in SCIATICA_PG_PASSWORD SCIATICA_REDIS_PASSWORD RASA_AUTH_TOKEN SCIATICA_REST_TOKEN; do
  if [ -z "${!_name:-}" ]; then
    printf -v "$_name" '%s' "$(_new_secret)"
    (umask 077; echo "${_name}='${!_name}'" >> "$SECRETS_FILE")
  fi
  export "${_name?}"
done
unset _name
