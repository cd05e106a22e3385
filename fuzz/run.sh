#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for SECONDS (default 20), starting from the seed
# corpus in fuzz/corpus/<target>/. Exits non-zero when any target finds a crash, a leak, a
# timeout, an out-of-memory or an undefined-behaviour report; the input that did it is left in
# $BUILD_DIR/fuzz-artifacts/. New inputs libFuzzer finds go to $BUILD_DIR/fuzz-corpus/<target>/,
# never into the repository.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#   BUILD_DIR=build-fuzz CXX=clang++-14 JOBS=2 fuzz/run.sh 300
#
# The build it makes (and needs: clang with libclang-rt, e.g. clang-14 + libclang-rt-14-dev):
#   CXX=clang++-14 cmake -S . -B build-fuzz -DPINGPLAN_FUZZ=ON -DPINGPLAN_TESTS=OFF \
#     -DPINGPLAN_SANITIZE=address,undefined
#   (no -Werror here: clang warns differently from gcc, and the gcc builds already hold the
#   warnings to zero)
#   cmake --build build-fuzz --target fuzz_manifest fuzz_decode fuzz_emulator
# The libraries under test get -fsanitize=fuzzer-no-link from fuzz/CMakeLists.txt.
set -euo pipefail

seconds="${1:-20}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_manifest fuzz_decode fuzz_emulator)

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build-fuzz}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
cxx="${CXX:-clang++-14}"
jobs="${JOBS:-2}"

if [ ! -f "$build/CMakeCache.txt" ]; then
  CXX="$cxx" cmake -S "$root" -B "$build" -DPINGPLAN_FUZZ=ON -DPINGPLAN_TESTS=OFF \
    -DPINGPLAN_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" -j "$jobs" --target "${targets[@]}"

max_len() {
  case "$1" in
    fuzz_manifest) echo 4096 ;;
    *) echo 8192 ;;
  esac
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=()
for target in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$target"
  artifacts="$build/fuzz-artifacts"
  mkdir -p "$corpus" "$artifacts"
  log="$build/fuzz-$target.log"
  echo "== $target: ${seconds}s (log: $log)"
  if "$build/bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len="$(max_len "$target")" -print_final_stats=1 \
      -artifact_prefix="$artifacts/$target-" \
      "$corpus" "$root/fuzz/corpus/$target" >"$log" 2>&1; then
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$log" | tail -2 || true
    grep -E 'cov: [0-9]+' "$log" | tail -1 || true
  else
    echo "!! $target found a problem:"
    grep -E 'ERROR|runtime error|Test unit written|SUMMARY|bad |exception|escaped' "$log" | head -20
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing failed: ${failed[*]}"
  exit 1
fi
echo "fuzzing passed: ${targets[*]} (${seconds}s each)"
