#!/usr/bin/env bash
# Installs what Apus needs from Debian (and, with --python, the Python peers used by the tests) on a fresh machine.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libzstd-dev zlib1g-dev libsqlite3-dev pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--python" ]; then
  # discord.py (a real client no one here wrote) connects to the simulator in the test suite; the benchmarks also
  # run the Python tools a bot author would pick instead: `regex` beside `re`, and aiosqlite for the XP store.
  venv=".venv-peers"
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import discord, zstandard, regex, aiosqlite" 2>/dev/null; then
    echo "==> python venv $venv with discord.py[speed], regex, aiosqlite"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "discord.py[speed]>=2.7,<2.8" "regex>=2024" "aiosqlite>=0.20"
  fi
fi
