#!/usr/bin/env bash
# Dependency audit: known vulnerabilities in the pinned Python dependencies
# (requirements.lock, with pip-audit) and in the chat page's npm packages
# (web/package-lock.json, with `npm audit --omit=dev`). The audit's tools live
# in their own venv, .venv-audit, pinned in requirements-audit.txt; the
# project's .venv is not touched. Reports are written to var/audit/.
#
# Where the Python advisories come from:
#   (default)           pip-audit's PyPI service: PyPI's per-release JSON API
#   AUDIT_SERVICE=osv   the OSV query API
#   ADVISORY_DB=DIR     offline: DIR is a checkout of the PyPA advisory database
#                       (pypa/advisory-database on GitHub, the records PyPI's
#                       vulnerability data is built from); a loopback OSV
#                       endpoint started here answers pip-audit from DIR/vulns.
# The installed .venv is audited too when it exists (SKIP_VENV=1: not), for the
# installer tools the lock cannot pin. SKIP_NPM=1 skips the npm part.
#
# Exit status: 0 no known vulnerability; 1 vulnerabilities found (whatever else
# happened); 2 none found but something could not be audited (a service did not
# answer, or packages were skipped: an audit that checked nothing is never
# reported as clean); 3 setup failed.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 3

VENV=.venv-audit
REQ=requirements-audit.txt
OUT=var/audit
STAMP=$VENV/.installed
mkdir -p "$OUT"

# --- the audit's own venv ----------------------------------------------------
if [ ! -f "$STAMP" ] || [ "$REQ" -nt "$STAMP" ]; then
  echo "Installing the audit tools into $VENV ($REQ)..."
  PY=$(scripts/find-python.sh) || exit 3
  [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV" || exit 3
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQ" \
    >"$VENV/pip.log" 2>&1 || { grep -v 'is ignored: it is neither' "$VENV/pip.log"; exit 3; }
  touch "$STAMP"
fi
echo "pip-audit $("$VENV/bin/pip-audit" --version | awk '{print $2}')"

tmp=$(mktemp -d)
server_pid=""
# shellcheck disable=SC2329  # called by the EXIT trap
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

# --- optional: a loopback OSV endpoint over a local advisory database ---------
service_args=(--vulnerability-service "${AUDIT_SERVICE:-pypi}")
source_name="PyPI JSON API"
[ "${AUDIT_SERVICE:-pypi}" = osv ] && source_name="OSV API"
if [ -n "${ADVISORY_DB:-}" ]; then
  [ -d "$ADVISORY_DB" ] || { echo "ADVISORY_DB=$ADVISORY_DB is not a directory" >&2; exit 3; }
  cat >"$tmp/osv_local.py" <<'PY'
"""Answers OSV /v1/query requests (PyPI only) from a local advisory database."""

import datetime
import json
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml
from packaging.version import InvalidVersion, Version

root = Path(sys.argv[1])
if (root / "vulns").is_dir():
    root = root / "vulns"
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def canon(name):
    return re.sub(r"[-_.]+", "-", str(name)).lower()


folders = {canon(p.name): p for p in root.iterdir() if p.is_dir()}
cache = {}


def records(name):
    """The records in the package's folder, affected names canonicalised."""
    if name not in cache:
        found = []
        folder = folders.get(name)
        for path in sorted(folder.glob("*.yaml")) if folder else []:
            rec = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
            if not isinstance(rec, dict):
                continue
            for aff in rec.get("affected") or []:
                pkg = aff.get("package") or {}
                if pkg.get("ecosystem") == "PyPI":
                    pkg["name"] = canon(pkg.get("name", ""))
            found.append(rec)
        cache[name] = found
    return cache[name]


def parse(text):
    try:
        return Version(str(text))
    except InvalidVersion:
        return None


def affects(aff, version):
    for listed in aff.get("versions") or []:
        if parse(listed) == version:
            return True
    for rng in aff.get("ranges") or []:
        if rng.get("type") != "ECOSYSTEM":
            continue
        events = []
        for event in rng.get("events") or []:
            for kind, value in event.items():
                at = Version("0") if str(value) == "0" else parse(value)
                if at is not None and kind in ("introduced", "fixed", "last_affected"):
                    events.append((at, kind))
        hit = False
        for at, kind in sorted(events, key=lambda e: e[0]):
            if kind == "introduced" and version >= at:
                hit = True
            elif kind == "fixed" and version >= at:
                hit = False
            elif kind == "last_affected" and version > at:
                hit = False
        if hit:
            return True
    return False


def rfc3339(value):
    """YAML reads unquoted timestamps as datetimes; OSV wants RFC 3339 text."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return str(value)


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        name = canon(query["package"]["name"])
        version = parse(query["version"])
        vulns = []
        if version is not None and query["package"].get("ecosystem") == "PyPI":
            for rec in records(name):
                if any(
                    (a.get("package") or {}).get("name") == name and affects(a, version)
                    for a in rec.get("affected") or []
                ):
                    vulns.append(rec)
        body = json.dumps({"vulns": vulns} if vulns else {}, default=rfc3339).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
Path(sys.argv[2]).write_text(str(server.server_address[1]))
server.serve_forever()
PY
  "$VENV/bin/python" "$tmp/osv_local.py" "$ADVISORY_DB" "$tmp/port" &
  server_pid=$!
  for _ in $(seq 1 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
  [ -s "$tmp/port" ] || { echo "The local advisory endpoint did not start" >&2; exit 3; }
  service_args=(--vulnerability-service osv --osv-url "http://127.0.0.1:$(cat "$tmp/port")/v1/query"
                --cache-dir "$tmp/cache")
  source_name="local advisory database $ADVISORY_DB"
  if git -C "$ADVISORY_DB" rev-parse HEAD >/dev/null 2>&1; then
    source_name+=" (commit $(git -C "$ADVISORY_DB" log -1 --format='%h of %cs'))"
  fi
fi

# --- Python -------------------------------------------------------------------
# summarize JSON RC > TXT: one line per finding and skip, a SUMMARY and a STATUS.
cat >"$tmp/summarize.py" <<'PY'
import json
import sys

path, rc = sys.argv[1], int(sys.argv[2])
try:
    report = json.load(open(path))
except (OSError, ValueError):
    print("STATUS error: pip-audit wrote no report")
    sys.exit()
deps = report.get("dependencies", [])
skipped = [d for d in deps if d.get("skip_reason")]
editable = [d for d in skipped if "editable" in d["skip_reason"]]
skipped = [d for d in skipped if d not in editable]
found = [(d, v) for d in deps for v in d.get("vulns", [])]
for d, v in sorted(found, key=lambda f: (f[0]["name"], f[1]["id"])):
    aliases = ",".join(a for a in v.get("aliases", []) if a.startswith(("CVE", "GHSA")))
    fixes = ",".join(v.get("fix_versions", [])) or "-"
    print(f"VULN {d['name']} {d['version']} {v['id']} fix={fixes} {aliases}")
for d in skipped:
    print(f"SKIPPED {d['name']}: {d['skip_reason']}")
audited = len(deps) - len(skipped) - len(editable)
print(
    f"SUMMARY {len(deps)} packages, {audited} audited, {len(skipped)} skipped, "
    f"{len(found)} known vulnerabilities in "
    f"{len({d['name'] for d, _ in found})} packages"
)
if found:
    print("STATUS vulnerable")
elif skipped:
    print("STATUS incomplete")
elif rc != 0:
    print("STATUS error")
else:
    print("STATUS clean")
PY

statuses=()
total_skipped=0
audit_python() {  # audit_python NAME DESCRIPTION PIP-AUDIT-ARGS...
  local name=$1 what=$2 rc skipped status
  shift 2
  echo "Python: auditing $what against the $source_name..."
  rm -f "$OUT/$name.json"
  "$VENV/bin/pip-audit" "$@" "${service_args[@]}" --progress-spinner off --desc off \
    --aliases on --format json --output "$OUT/$name.json" 2>"$OUT/$name.log"
  rc=$?
  "$VENV/bin/python" "$tmp/summarize.py" "$OUT/$name.json" "$rc" >"$OUT/$name.txt"
  grep -v -e '^STATUS' -e '^SKIPPED' "$OUT/$name.txt" | sed 's/^/  /'
  skipped=$(grep -c '^SKIPPED' "$OUT/$name.txt")
  if [ "$skipped" -gt 0 ]; then
    grep '^SKIPPED' "$OUT/$name.txt" | head -3 | sed 's/^/  /'
    echo "  ($skipped packages could not be audited: the advisory source did not answer for them)"
    total_skipped=$((total_skipped + skipped))
  fi
  status=$(sed -n 's/^STATUS //p' "$OUT/$name.txt")
  [ "${status%%:*}" = error ] && tail -5 "$OUT/$name.log"
  statuses+=("$status")
}

# requirements.lock: what production installs. Every line is an exact pin, so
# no resolution is needed (--no-deps --disable-pip).
audit_python pip-audit "requirements.lock" \
  --requirement requirements.lock --no-deps --disable-pip

# The installed .venv, when there is one: also the installer tools (pip,
# setuptools, wheel), which the lock cannot pin, and anything installed beside
# the lock (requirements-bench.txt).
if [ -d .venv/lib ] && [ -z "${SKIP_VENV:-}" ]; then
  site=$(find .venv/lib -maxdepth 2 -type d -name site-packages | head -1)
  audit_python pip-audit-venv "the installed .venv ($site)" \
    --path "$site" --skip-editable
fi

# --- npm: the chat page's production packages ----------------------------------
npm_status=skipped
if [ -z "${SKIP_NPM:-}" ]; then
  echo "npm: auditing web/package-lock.json (production dependencies only)..."
  rm -f "$OUT/npm-audit.json"
  (cd web && npm audit --omit=dev --json 2>/dev/null) >"$OUT/npm-audit.json"
  npm_status=$("$VENV/bin/python" - "$OUT/npm-audit.json" <<'PY'
import json
import sys

try:
    report = json.load(open(sys.argv[1]))
except (OSError, ValueError):
    print("error")
    sys.exit()
if "error" in report or "statusCode" in report or "metadata" not in report:
    sys.stderr.write(f"  npm audit could not run: {report.get('message', report.get('error'))}\n")
    print("incomplete")
    sys.exit()
counts = report["metadata"]["vulnerabilities"]
for name, vuln in sorted(report.get("vulnerabilities", {}).items()):
    fix = vuln.get("fixAvailable")
    sys.stderr.write(f"VULN {name} {vuln.get('severity')} {vuln.get('range')} fix={bool(fix)}\n")
sys.stderr.write(f"SUMMARY npm: {counts}\n")
print("vulnerable" if counts.get("total", 0) else "clean")
PY
  )
fi

echo "Reports: $OUT/ (pip-audit*.json and .txt, npm-audit.json)"
echo "Result: Python ${statuses[*]}; npm $npm_status"
[ "$total_skipped" -gt 0 ] && echo "Not everything was audited: $total_skipped Python packages skipped."
case "${statuses[*]}/$npm_status" in
  *vulnerable*) exit 1 ;;
  *error* | *incomplete*) exit 2 ;;
  *) exit 0 ;;
esac
