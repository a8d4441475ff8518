#!/usr/bin/env bash
# PostgreSQL, Redis and nginx for production mode, from Debian's packages, on
# loopback. `services.sh up` installs what is missing, starts what is not
# running and writes the configuration; `services.sh down` stops the Redis and
# nginx it started (PostgreSQL is the system's cluster and keeps running).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/prod/env.sh
DIR="$SCIATICA_PROD_DIR"
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

say() { echo "[services] $*"; }

install_packages() {
  local missing=()
  command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian's packages..."
    $SUDO apt-get install -y -q "${missing[@]}" >"$DIR/apt.log" 2>&1 \
      || { $SUDO apt-get update -q >>"$DIR/apt.log" 2>&1 \
           && $SUDO apt-get install -y -q "${missing[@]}" >>"$DIR/apt.log" 2>&1; } \
      || { tail -20 "$DIR/apt.log" >&2; exit 1; }
  fi
}

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

postgres_up() {
  if ! pg_isready -q -h "$SCIATICA_PG_HOST" -p "$SCIATICA_PG_PORT"; then
    local cluster
    cluster=$(pg_lsclusters -h | awk -v port="$SCIATICA_PG_PORT" '$3 == port {print $1 " " $2; exit}')
    if [ -z "$cluster" ]; then
      local version
      version=$(ls /usr/lib/postgresql | sort -n | tail -1)
      say "creating PostgreSQL $version cluster 'main' on port $SCIATICA_PG_PORT"
      $SUDO pg_createcluster "$version" main --port "$SCIATICA_PG_PORT" >/dev/null
      cluster="$version main"
    fi
    say "starting PostgreSQL cluster $cluster"
    # shellcheck disable=SC2086
    $SUDO pg_ctlcluster $cluster start
    for _ in $(seq 1 30); do pg_isready -q -h "$SCIATICA_PG_HOST" -p "$SCIATICA_PG_PORT" && break; sleep 1; done
  fi
  pg_isready -q -h "$SCIATICA_PG_HOST" -p "$SCIATICA_PG_PORT" || { say "PostgreSQL is not answering" >&2; exit 1; }
  if [ "$SCIATICA_PG_HOST" != 127.0.0.1 ] && [ "$SCIATICA_PG_HOST" != localhost ]; then
    return  # someone else's server: the role and database are theirs to create
  fi
  # The role and database (idempotent), and no SQL statements in the server
  # log for this role: psycopg2 inlines values, so a failing INSERT would
  # write a person's messages into PostgreSQL's log.
  as_postgres psql -q -p "$SCIATICA_PG_PORT" -v ON_ERROR_STOP=1 \
    -v user="$SCIATICA_PG_USER" -v pass="$SCIATICA_PG_PASSWORD" -v db="$SCIATICA_PG_DB" <<'SQL' >/dev/null
SELECT format('CREATE ROLE %I LOGIN', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
ALTER ROLE :"user" WITH LOGIN PASSWORD :'pass';
ALTER ROLE :"user" SET log_min_error_statement = 'panic';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
  check_pool
}

check_pool() {
  local max reserved instances need
  max=$(as_postgres psql -tAq -p "$SCIATICA_PG_PORT" -c "SHOW max_connections")
  reserved=$(as_postgres psql -tAq -p "$SCIATICA_PG_PORT" -c "SHOW superuser_reserved_connections")
  instances=$(wc -w <<<"$SCIATICA_RASA_PORTS")
  # +5: the purge command, psql and the tests.
  need=$(( instances * (SQL_POOL_SIZE + SQL_MAX_OVERFLOW) + 5 ))
  if [ "$need" -gt $(( max - reserved )) ]; then
    say "PostgreSQL allows $max connections ($reserved reserved) but $instances instances x (SQL_POOL_SIZE $SQL_POOL_SIZE + SQL_MAX_OVERFLOW $SQL_MAX_OVERFLOW) + 5 need $need: lower the pool sizes or raise max_connections." >&2
    exit 1
  fi
  say "PostgreSQL: $need of $(( max - reserved )) connections at most"
}

redis_up() {
  if redis-cli -h "$SCIATICA_REDIS_HOST" -p "$SCIATICA_REDIS_PORT" --no-auth-warning \
       -a "$SCIATICA_REDIS_PASSWORD" ping 2>/dev/null | grep -q PONG; then
    return
  fi
  mkdir -p "$DIR/redis"
  (umask 077; cat >"$DIR/redis.conf" <<CONF
# Written by scripts/prod/services.sh. Locks only: nothing to persist.
bind 127.0.0.1 -::1
protected-mode yes
port $SCIATICA_REDIS_PORT
requirepass $SCIATICA_REDIS_PASSWORD
daemonize yes
pidfile $DIR/redis.pid
logfile $DIR/redis.log
dir $DIR/redis
save ""
appendonly no
CONF
  )
  say "starting Redis on 127.0.0.1:$SCIATICA_REDIS_PORT"
  redis-server "$DIR/redis.conf"
  for _ in $(seq 1 20); do
    redis-cli -h 127.0.0.1 -p "$SCIATICA_REDIS_PORT" --no-auth-warning -a "$SCIATICA_REDIS_PASSWORD" ping 2>/dev/null | grep -q PONG && return
    sleep 0.25
  done
  say "Redis did not start; see $DIR/redis.log" >&2; exit 1
}

nginx_conf() {
  local rasa="" actions=""
  for port in $SCIATICA_RASA_PORTS; do rasa+="    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'; done
  for port in $SCIATICA_ACTION_PORTS; do actions+="    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'; done
  mkdir -p "$DIR/nginx/tmp"
  [ "$(id -u)" = 0 ] && chown -R nobody "$DIR/nginx/tmp"
  cat >"$DIR/nginx.conf" <<CONF
# Written by scripts/prod/services.sh.
worker_processes 2;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log warn;
events { worker_connections 1024; }

http {
  server_tokens off;
  # No query strings (API tokens) and no bodies (messages) in the access log.
  log_format sciatica '\$remote_addr [\$time_local] "\$request_method \$uri" \$status '
                      '\$body_bytes_sent \$request_time \$upstream_addr';
  access_log $DIR/nginx-access.log sciatica;
  client_body_temp_path $DIR/nginx/tmp/body;
  proxy_temp_path $DIR/nginx/tmp/proxy;
  fastcgi_temp_path $DIR/nginx/tmp/fastcgi;
  uwsgi_temp_path $DIR/nginx/tmp/uwsgi;
  scgi_temp_path $DIR/nginx/tmp/scgi;
  client_max_body_size 512k;
  client_body_buffer_size 512k;
  proxy_max_temp_file_size 0;
  proxy_http_version 1.1;
  # A refused or failed connection goes to the next instance; a request
  # already sent is not repeated (messages are not idempotent).
  proxy_next_upstream error timeout;
  proxy_read_timeout 60s;

  # REST, the HTTP API and the web page: round robin (state is in PostgreSQL).
  upstream rasa {
$rasa    keepalive 32;
  }
  # Socket.IO keeps per-connection state in one process and Rasa 3.6 has no
  # cross-process message queue: the same client always reaches the same
  # instance (by address; the next one takes over if it is down).
  upstream rasa_socket {
    hash \$binary_remote_addr consistent;
$rasa  }
  upstream actions {
$actions    keepalive 16;
  }

  map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }
  # Sockets per client address (python-socketio 5.9 can be made to hold memory
  # per connection: docs/security.md, dependency audit).
  limit_conn_zone \$binary_remote_addr zone=sockets:10m;

  server {
    listen $SCIATICA_HTTP_BIND:$SCIATICA_HTTP_PORT;
    location /socket.io/ {
      proxy_pass http://rasa_socket;
      limit_conn sockets 20;
      # (proxy_set_header is not inherited by a block that sets its own)
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_read_timeout 3600s;
    }
    location / {
      proxy_pass http://rasa;
      # (proxy_set_header is not inherited by a block that sets its own)
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header Connection "";
    }
  }

  # The action servers, for the Rasa instances only.
  server {
    listen 127.0.0.1:$SCIATICA_ACTIONS_PORT;
    location / {
      proxy_pass http://actions;
      proxy_set_header Connection "";
    }
  }
}
CONF
}

nginx_up() {
  nginx_conf
  if [ -s "$DIR/nginx.pid" ] && kill -0 "$(cat "$DIR/nginx.pid")" 2>/dev/null; then
    say "reloading nginx"
    nginx -q -p "$DIR/nginx" -c "$DIR/nginx.conf" -s reload
    return
  fi
  nginx -q -t -p "$DIR/nginx" -c "$DIR/nginx.conf" 2>"$DIR/nginx-test.log" \
    || { cat "$DIR/nginx-test.log" >&2; exit 1; }
  say "starting nginx on $SCIATICA_HTTP_BIND:$SCIATICA_HTTP_PORT"
  nginx -p "$DIR/nginx" -c "$DIR/nginx.conf"
}

down() {
  if [ -s "$DIR/nginx.pid" ]; then
    nginx -q -p "$DIR/nginx" -c "$DIR/nginx.conf" -s quit 2>/dev/null || true
  fi
  if [ -s "$DIR/redis.pid" ]; then
    kill "$(cat "$DIR/redis.pid")" 2>/dev/null || true
  fi
  say "stopped nginx and Redis"
}

write_credentials() {
  .venv/bin/python -m sciatica_rasa.channels.config --base credentials.yml --out "$DIR/credentials.yml"
}

case "${1:-up}" in
  up) install_packages; postgres_up; redis_up; nginx_up; write_credentials ;;
  down) down ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
