#!/usr/bin/env bash
# The full test suite: installs what it needs (apt packages, the Python peers, a local PostgreSQL server), builds,
# and runs every test (unit, simulator, loopback integration, corpus, storage on SQLite and PostgreSQL, and the
# discord.py interoperability test).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --python
export APUS_PEER_PYTHON="$PWD/.venv-peers/bin/python"
# The storage tests run every scenario on SQLite and on this server (started as the postgres user).
export APUS_TEST_POSTGRES_URL="$(bash scripts/start-test-postgres.sh)"
swift build
swift build --build-tests
swift test --skip-build
