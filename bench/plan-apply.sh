#!/usr/bin/env bash
# Plan and apply against the physical limit: runs pingplan against pingone-emulator with
# injected latency for manifests of 10, 100 and 1,000 custom resources and compares every
# run (apply from empty, no-op plan, second apply) with the fewest requests that can read or
# write that state and the time they take at the same parallelism. See bench/README.md.
#
# usage: bench/plan-apply.sh [--quick] [--sizes "10 100 1000"] [--latency-ms 25]
#                            [--page-size 1000] [--parallelism 8] [--build-dir DIR]
#                            [--out FILE] [--keep]
#   --quick   only the 10-resource manifest, no latency: seconds, for CI. Exits non-zero
#             when an apply sends other than one write per change or a second apply writes.
#   --out     also write the Markdown table to FILE.
#   --keep    keep the work directory (manifests, outputs, request logs).
# Needs a build with the pingplan and pingone-emulator targets (default: build-bench/).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build_dir=${PINGPLAN_BUILD_DIR:-$root/build-bench}
sizes="10 100 1000"
latency_ms=25
page_size=1000
parallelism=8
out_file=""
keep=0
quick=0

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --sizes) sizes=$2; shift ;;
    --latency-ms) latency_ms=$2; shift ;;
    --page-size) page_size=$2; shift ;;
    --parallelism) parallelism=$2; shift ;;
    --build-dir) build_dir=$2; shift ;;
    --out) out_file=$2; shift ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "plan-apply.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ "$quick" = 1 ]; then
  sizes=10
  latency_ms=0
fi

pingplan=$build_dir/bin/pingplan
emulator=$build_dir/bin/pingone-emulator
for exe in "$pingplan" "$emulator"; do
  if [ ! -x "$exe" ]; then
    echo "plan-apply.sh: $exe not found; build it first:" >&2
    echo "  cmake -S $root -B $build_dir -DCMAKE_BUILD_TYPE=Release &&" \
         "cmake --build $build_dir --target pingplan pingone-emulator" >&2
    exit 2
  fi
done
python=/usr/bin/python3
[ -x "$python" ] || python=python3

# GNU time gives the peak memory (maximum resident set size).
if [ ! -x /usr/bin/time ]; then
  echo "plan-apply.sh: installing Debian's 'time' package for /usr/bin/time" >&2
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd=sudo
  $sudo_cmd apt-get install -y time >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/pingplan-bench.XXXXXX")
emulator_pid=""
cleanup() {
  if [ -n "$emulator_pid" ]; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  if [ "$keep" = 1 ]; then
    echo "plan-apply.sh: work directory kept: $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

# Starts the emulator on port 0 and reads its banner (the secret line is always the last).
start_emulator() {
  local banner=$1
  exec 3< <(exec "$emulator" --port 0 --page-size "$page_size" --latency-ms "$latency_ms" \
                 2>"$work/emulator.log")
  emulator_pid=$!
  : >"$banner"
  local line
  while IFS= read -r line <&3; do
    echo "$line" >>"$banner"
    case "$line" in export\ PINGONE_CLIENT_SECRET=*) break ;; esac
  done
  if ! grep -q '^export PINGONE_CLIENT_SECRET=' "$banner"; then
    echo "plan-apply.sh: the emulator did not start:" >&2
    cat "$work/emulator.log" >&2
    exit 1
  fi
}

stop_emulator() {
  kill "$emulator_pid"
  wait "$emulator_pid" 2>/dev/null || true
  emulator_pid=""
  exec 3<&-
}

control() {  # METHOD PATH [OUTFILE]
  curl -sS --fail -X "$1" "$PINGONE_API_SERVICE_HOSTNAME/emulator/$2" -o "${3:-/dev/null}"
}

# One measured pingplan run: its request log, the live state before it, time and output.
measure() {  # NAME ARGS...
  local name=$1
  shift
  control GET state "$work/$name.state.json"
  control DELETE requests
  local status=0
  /usr/bin/time -v -o "$work/$name.time" "$pingplan" --no-color --parallelism "$parallelism" \
    "$@" >"$work/$name.out" 2>"$work/$name.err" || status=$?
  echo "$status" >"$work/$name.exit"
  control GET requests "$work/$name.requests.json"
  printf '  %-16s exit %s, %s\n' "$name" "$status" \
    "$(grep -o 'Elapsed (wall clock).*' "$work/$name.time" | sed 's/.*: //') s" >&2
}

for n in $sizes; do
  echo "plan-apply.sh: $n resources (latency ${latency_ms} ms, page size $page_size," \
       "parallelism $parallelism)" >&2
  manifest=$work/manifest-$n.yaml
  "$python" "$here/gen-manifest.py" "$n" >"$manifest"
  start_emulator "$work/banner-$n"
  unset PINGONE_API_ACCESS_TOKEN PINGONE_TOKEN_AUTH_METHOD PINGONE_REGION_CODE
  # shellcheck disable=SC1090
  source <(grep '^export ' "$work/banner-$n")
  measure "$n-apply" apply "$manifest" --auto-approve
  measure "$n-plan" plan "$manifest" --detailed-exitcode
  measure "$n-reapply" apply "$manifest" --auto-approve
  stop_emulator
done

report_args=(--work "$work" --sizes "$sizes" --latency-ms "$latency_ms" --page-size "$page_size"
             --parallelism "$parallelism")
[ "$quick" = 1 ] && report_args+=(--quick)
[ -n "$out_file" ] && report_args+=(--out "$out_file")
status=0
"$python" "$here/report.py" "${report_args[@]}" || status=$?
if [ "$status" != 0 ]; then keep=1; fi
exit "$status"
