#!/usr/bin/env bash
# Install everything fullpicture needs into ./.venv (idempotent).
#   scripts/setup.sh            runtime only
#   scripts/setup.sh --test     also Debian chromium and postgresql for the tests
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

# deb_install PACKAGE PURPOSE: install a Debian package as root, else say how to.
deb_install() {
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian $1 for $2" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
  else
    echo "setup: $1 is missing; install Debian's '$1' package ($2 will be skipped)" >&2
  fi
}

if [[ "${1:-}" == "--test" ]]; then
  command -v chromium >/dev/null 2>&1 || deb_install chromium "the browser tests"
  # PostgreSQL server binaries for the store's PostgreSQL test (a throwaway local cluster)
  command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
    || deb_install postgresql "the PostgreSQL store test"
fi

if [[ ! -x .venv/bin/python ]]; then
  "$PY" -m venv .venv
fi
# pip, minus the warnings some machines' pip configuration prints for every package.
pip_install() { .venv/bin/python -m pip install -q "$@" 2> >(grep -v "is ignored: it is neither" >&2); }
stamp=.venv/.fullpicture-installed
want=$(cat requirements.lock pyproject.toml | sha256sum | cut -c1-16)
if [[ ! -f $stamp || "$(cat "$stamp")" != "$want" ]]; then
  echo "setup: installing pinned dependencies into .venv (first run takes a minute or two)" >&2
  pip_install --upgrade pip >/dev/null
  pip_install -r requirements.lock
  # Slovnet/Navec Russian model files only; --no-deps keeps pymorphy2 (broken on 3.11+) out.
  pip_install --no-deps natasha==1.6.0
  pip_install --no-deps -e . >/dev/null
  echo "$want" > "$stamp"
fi
