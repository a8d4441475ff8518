#!/usr/bin/env bash
# Prints the path of a working Python 3.10 interpreter (Rasa 3.6 supports 3.8-3.10).
set -u
for candidate in "${PYTHON:-}" python3.10 "$HOME"/.pyenv/versions/3.10*/bin/python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10; do
  [ -n "$candidate" ] || continue
  if "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; then
    command -v "$candidate" 2>/dev/null || echo "$candidate"
    exit 0
  fi
done
if PYENV_VERSION="$(pyenv versions --bare 2>/dev/null | grep '^3\.10' | tail -1)" python3.10 -c '' >/dev/null 2>&1; then
  echo "$(pyenv root)/versions/$(pyenv versions --bare | grep '^3\.10' | tail -1)/bin/python3.10"
  exit 0
fi
echo "error: Python 3.10 was not found; install it (e.g. 'apt-get install python3.10' or pyenv) or set PYTHON=/path/to/python3.10" >&2
exit 1
