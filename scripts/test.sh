#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs the whole test suite.
#   bash scripts/test.sh                      # the suite, as .ci/run runs it
#   BUILD_DIR=build-asan bash scripts/test.sh -DPINGPLAN_SANITIZE=address,undefined
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh "$@"
cd "${BUILD_DIR:-build}"
ctest --output-on-failure -j"${JOBS:-2}" --timeout 600
