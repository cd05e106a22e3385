#!/usr/bin/env bash
# Static checks: clang-format, and the layering rules of ARCHITECTURE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
fail() { echo "check: $*" >&2; status=1; }

files=$(git ls-files '*.cc' '*.h')
# shellcheck disable=SC2086
clang-format --dry-run --Werror $files || fail "run: clang-format -i \$(git ls-files '*.cc' '*.h')"

grep -rln '#include <curl/' src emulator tests | grep -v '^src/pingone/' &&
  fail "only src/pingone/ may include curl"
grep -rln '#include <yaml-cpp/' src emulator | grep -v '^src/manifest/' &&
  fail "only src/manifest/ may include yaml-cpp"
grep -rlnE '#include "(cli|render|apply|diff|plan|manifest|pingone|model|util)/' emulator &&
  fail "emulator/ shares no code with src/"
grep -rlnE '#include "(cli|apply|manifest|pingone)/' src/diff src/plan src/model src/render &&
  fail "diff, plan, model and render depend on nothing above them"
grep -rlnE 'std::(cout|cerr)|(^|[^a-z_])(printf|exit)\(' src --include=*.cc | grep -v '^src/cli/' &&
  fail "only src/cli/ prints or exits"
exit $status
