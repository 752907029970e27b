#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, FUZZING.md) with clang-15, ASan and UBSan in a build folder of
# their own, replays the saved regression inputs, then fuzzes each target in turn for the given time
# or number of runs. New crashes are kept in fuzz/crashes/<target>/; the figures of each run (runs,
# seconds, edges and features covered) are printed at the end and appended to build-fuzz/fuzz-runs.tsv.
#
#   scripts/fuzz.sh [--seconds N] [--runs N] [--seed N] [--targets "a b"] [--nice] [--no-build]
#
# Defaults: 60 s a target, every target. --runs alone runs that many inputs whatever the time; with
# --seconds too, a target stops at whichever comes first (the issue's goal: --runs 10000000 --seconds 3600).
# One fuzzer runs at a time (-workers 1): the machine is shared.
# Exit status: 0 when no target crashed, 1 when one did, 2 for a usage or build error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${YUANJING_FUZZ_BUILD_DIR:-$root/build-fuzz}"
all_targets=(stream_decoder api_reply model_schema http_request image_preparer)
seconds=""
runs=""
targets=("${all_targets[@]}")
prefix=()
do_build=1
seed="" # a fixed seed with --runs makes a pass repeatable: the same inputs on every machine (CI)

while (($#)); do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --targets) read -r -a targets <<<"$2"; shift 2 ;;
    --nice) prefix=(nice -n 19); shift ;;
    --no-build) do_build=0; shift ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fuzz.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$runs$seconds" ] || seconds=60
for t in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "fuzz.sh: no target $t (${all_targets[*]})" >&2; exit 2; }
done

# clang-15 and libFuzzer from Debian, and what the core itself needs, when missing.
# The fuzz build needs only the core's Qt modules (CMakeLists.txt: YUANJING_FUZZ).
packages=(clang-15 libfuzzer-15-dev cmake ninja-build qt6-base-dev)
# shellcheck source=install-missing.sh
source "$root/scripts/install-missing.sh"
install_missing "${packages[@]}"

if ((do_build)); then
  CC=clang-15 CXX=clang++-15 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DYUANJING_FUZZ=ON >/dev/null || exit 2
  build_targets=()
  for t in "${targets[@]}"; do build_targets+=("fuzz_$t"); done
  "${prefix[@]}" cmake --build "$build" --parallel "${YUANJING_FUZZ_JOBS:-2}" --target "${build_targets[@]}" || exit 2
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export QT_QPA_PLATFORM=offscreen

max_len() {
  case "$1" in
    image_preparer) echo 65536 ;;
    *) echo 16384 ;;
  esac
}

crashed=0
summary=()
tsv="$build/fuzz-runs.tsv"
[ -f "$tsv" ] || printf 'date\ttarget\truns\tseconds\tcov\tft\tcorpus\tcrash\n' >"$tsv"
for t in "${targets[@]}"; do
  bin="$build/fuzz/fuzz_$t"
  seeds="$root/fuzz/corpus/$t"
  work="$build/corpus/$t"        # grows as the fuzzer finds new inputs; the repo keeps only the seeds
  crashes="$root/fuzz/crashes/$t"
  regressions="$root/fuzz/regressions/$t"
  log="$build/fuzz-$t.log"
  mkdir -p "$work" "$crashes"

  # Inputs that once crashed (fixed since) must stay fixed.
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    if ! "${prefix[@]}" "$bin" -runs=1 "$regressions"/* >"$build/fuzz-$t-regressions.log" 2>&1; then
      echo "fuzz.sh: $t: a saved regression input crashes again (see $build/fuzz-$t-regressions.log)" >&2
      crashed=1
    fi
  fi

  # -malloc_limit_mb: one allocation above 300 MiB is a crash ("out-of-memory (malloc(…))"): the
  # picture limit is 256 MiB and nothing else may come near it, whatever the input claims.
  args=(-workers=1 -print_final_stats=1 -timeout=20 -rss_limit_mb=2560 -malloc_limit_mb=300 -max_len="$(max_len "$t")"
        -artifact_prefix="$crashes/")
  [ -f "$root/fuzz/dict/$t.dict" ] && args+=(-dict="$root/fuzz/dict/$t.dict")
  if [ -n "$runs" ]; then args+=(-runs="$runs"); fi
  if [ -n "$seconds" ]; then args+=(-max_total_time="$seconds"); fi
  [ -n "$seed" ] && args+=(-seed="$seed")
  echo "== $t:${runs:+ $runs runs}${runs:+${seconds:+ or}}${seconds:+ $seconds s}"
  status=0
  started=$SECONDS
  "${prefix[@]}" "$bin" "${args[@]}" "$work" "$seeds" >"$log" 2>&1 || status=$?
  elapsed=$((SECONDS - started))
  # libFuzzer's last status line ("#N DONE cov: X ft: Y corp: Z/…") and its final stats.
  last="$(grep -E '^#[0-9]+' "$log" | tail -1 || true)"
  cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")"
  ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")"
  corp="$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")"
  n="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  # After a crash there are no final stats: the last status line's count is the best figure.
  [ -n "$n" ] || n="$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")"
  secs="$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)"
  secs="${secs:-$elapsed}"
  crash="-"
  if ((status)); then
    crashed=1
    crash="$(grep -o "$crashes/[^ ]*" "$log" | tail -1 || true)"
    crash="${crash:-exit $status, see $log}"
  fi
  line="$t runs=${n:-?} seconds=${secs:-?} cov=${cov:-?} ft=${ft:-?} corpus=${corp:-?} crash=$crash"
  summary+=("$line")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "${n:-}" "${secs:-}" "${cov:-}" "${ft:-}" \
    "${corp:-}" "$crash" >>"$tsv"
  echo "   $line"
done

echo
echo "Fuzzing summary (log files in $build):"
printf '  %s\n' "${summary[@]}"
failed=$(printf '%s\n' "${summary[@]}" | grep -vc 'crash=-$' || true)
echo "fuzz: $((${#summary[@]} - failed)) passed, $failed failed"
exit "$crashed"
