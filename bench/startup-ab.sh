#!/usr/bin/env bash
# Start-up of several builds side by side with the bare window, alternating run by run (BENCHMARKS.md):
#   bench/startup-ab.sh [-d DATA_DIR -c CONFIG_DIR] APP... (each APP a yuanjing-studio binary)
# RUNS (default 21) runs each, in turn, offscreen, --demo; prints medians, the ratio to the bare window and the
# peak RSS above it. YUANJING_STARTUP_TRACE=1 makes each program print its steps instead (one run).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bare="${BARE:-$root/build/bench/bench_bare_window}"
runs="${RUNS:-21}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
data="$scratch/data"; config="$scratch/config"
while getopts "d:c:" opt; do
  case "$opt" in d) data="$OPTARG" ;; c) config="$OPTARG" ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { echo "usage: $0 [-d DATA_DIR -c CONFIG_DIR] APP..." >&2; exit 2; }
export QT_QPA_PLATFORM=offscreen YUANJING_NO_KEYCHAIN=1 YUANJING_DATA_DIR="$data" YUANJING_CONFIG_DIR="$config"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
startup() { YUANJING_BENCH_T0_NS=$(date +%s%N) "$@" 2>/dev/null | grep startup_ms || true; }
for app in "$@"; do startup "$app" --demo >/dev/null; done # first starts: the folder as a user leaves it
# In turn, each run starting one further along: no program is always first, or always after another.
count=$(($# + 1))
for i in $(seq "$runs"); do
  for k in $(seq 0 $((count - 1))); do
    n=$(( (i + k) % count ))
    if [ "$n" = 0 ]; then startup "$bare" >> "$scratch/bare"; else startup "${!n}" --demo >> "$scratch/app$n"; fi
  done
done
r=$(awk '{print $2}' "$scratch/bare" | median); rk=$(awk '{print $4}' "$scratch/bare" | median)
printf "bare window: %.1f ms, peak RSS %.1f MiB\n" "$r" "$(awk -v k="$rk" 'BEGIN {print k/1024}')"
n=0
for app in "$@"; do
  n=$((n + 1))
  a=$(awk '{print $2}' "$scratch/app$n" | median); ak=$(awk '{print $4}' "$scratch/app$n" | median)
  awk -v r="$r" -v a="$a" -v rk="$rk" -v ak="$ak" -v name="$app" \
    'BEGIN {printf "%s: %.1f ms, %.2f x the bare window (budget 2.00), +%.1f MiB (budget 25)\n", name, a, a/r, (ak-rk)/1024}'
done
