#!/usr/bin/env bash
# Configures and builds pingplan into build/ (or $BUILD_DIR). Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
cmake -S . -B "$build" -DPINGPLAN_WERROR=ON "$@" >/dev/null
cmake --build "$build" -j"${JOBS:-2}"
