#!/usr/bin/env bash
# The full test suite: installs what it needs, builds, and runs every test (unit, simulator, loopback integration,
# corpus, and the discord.py interoperability test).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --python
export APUS_PEER_PYTHON="$PWD/.venv-peers/bin/python"
swift build
swift build --build-tests
swift test --skip-build
