#!/usr/bin/env bash
# The demo: installs what is missing, builds pingplan and pingone-emulator, starts the
# emulator in the background, and runs validate, plan, apply and a second plan of the
# bootstrap example against it. The second plan shows no changes. Stops the emulator.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build=${BUILD_DIR:-build}
cmake -S . -B "$build" >/dev/null
cmake --build "$build" -j"${JOBS:-2}" --target pingplan pingone-emulator >/dev/null
bin=$PWD/$build/bin
manifest=examples/orchestration-tool.yaml

work=$(mktemp -d)
trap 'kill "$emulator" 2>/dev/null || true; wait "$emulator" 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin/pingone-emulator" --port 0 >"$work/banner" 2>"$work/emulator.log" &
emulator=$!
for _ in $(seq 100); do
  grep -q '^export PINGONE_CLIENT_SECRET=' "$work/banner" 2>/dev/null && break
  kill -0 "$emulator" 2>/dev/null || { cat "$work/emulator.log" >&2; exit 1; }
  sleep 0.1
done
head -n 1 "$work/banner"
# shellcheck disable=SC1090
source <(grep '^export ' "$work/banner")

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }
step "$bin/pingplan" validate "$manifest"
step "$bin/pingplan" plan "$manifest"
step "$bin/pingplan" apply "$manifest" --auto-approve --credentials-out "$work/credentials.json"
step "$bin/pingplan" plan "$manifest" --detailed-exitcode
echo
echo "Demo complete: the second plan found nothing to change."
