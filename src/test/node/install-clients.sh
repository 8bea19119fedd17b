#!/usr/bin/env bash
# Installs the pinned npm MCP clients the integration tests use (package-lock.json), once per lock change. Two runs at
# once (CI starts one beside the build, the build its own before the integration tests) take turns: the second waits
# for the first, then finds the lock installed.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "The integration tests drive real MCP clients from npm: install Node.js 20+ and npm, then run the tests again." >&2
  exit 1
fi
# (the lock is taken on the lock file itself: npm ci removes node_modules first)
exec 9<package-lock.json
flock 9
if [ -f node_modules/.installed-lock ] && cmp -s package-lock.json node_modules/.installed-lock; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json node_modules/.installed-lock
