#!/usr/bin/env bash
# Runs the whole test suite: unit tests (engine, store on H2 and PostgreSQL, ...), Pax Exam tests in Karaf 4.4.10,
# and the browser test in headless Chromium. Installs Chromium and starts PostgreSQL first if needed.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/ensure-test-env.sh
exec mvn -B install "$@"
