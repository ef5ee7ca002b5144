#!/usr/bin/env bash
# Apus's main job: the bot against the built-in Discord simulator, playing a scripted conversation.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build --product apus
exec "$(swift build --show-bin-path)/apus" demo "$@"
