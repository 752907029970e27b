#!/usr/bin/env bash
# Runs the benchmarks of BENCHMARKS.md against a build (default: build/). Offscreen unless DISPLAY is
# set and BENCH_USE_DISPLAY=1. Prints medians.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
runs="${RUNS:-15}"
[ "${BENCH_USE_DISPLAY:-0}" = 1 ] || export QT_QPA_PLATFORM=offscreen
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export YUANJING_CONFIG_DIR="$scratch/config" YUANJING_DATA_DIR="$scratch/data" YUANJING_NO_KEYCHAIN=1

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

startup() { # program args...
  local out
  out=$(YUANJING_BENCH_T0_NS=$(date +%s%N) "$@" 2>/dev/null | grep startup_ms)
  echo "$out"
}

echo "== startup and peak memory ($runs runs each, alternating; median)"
: > "$scratch/bare"; : > "$scratch/app"
"$build/yuanjing-studio" --demo >/dev/null 2>&1 & sleep 3; kill $! 2>/dev/null || true   # first run: creates the database
for i in $(seq "$runs"); do
  startup "$build/bench/bench_bare_window" >> "$scratch/bare"
  startup "$build/yuanjing-studio" --demo >> "$scratch/app"
done
bare_ms=$(awk '{print $2}' "$scratch/bare" | median); bare_kib=$(awk '{print $4}' "$scratch/bare" | median)
app_ms=$(awk '{print $2}' "$scratch/app" | median); app_kib=$(awk '{print $4}' "$scratch/app" | median)
echo "bare Qt window : ${bare_ms} ms, peak RSS ${bare_kib} KiB"
echo "yuanjing-studio: ${app_ms} ms, peak RSS ${app_kib} KiB (demo mode, simulator running)"
awk -v a="$app_ms" -v b="$bare_ms" -v ak="$app_kib" -v bk="$bare_kib" \
  'BEGIN {printf "ratio %.2f x (budget 2.00), memory +%.1f MiB (budget 25)\n", a/b, (ak-bk)/1024}'

echo "== chat: 1 MB answer in 20,000 chunks; 2,000-message conversation"
"$build/bench/bench_chat" all "${CHAT_RUNS:-7}" 2>/dev/null | grep -E "answer:|run|scroll|resize|tail|estimate"

echo "== studio: dropping a 50-megapixel JPEG"
"$build/bench/bench_studio" "${STUDIO_RUNS:-3}" 2>/dev/null | grep -E "picture:|run"

echo "== library: 1,000 finished tasks; 200 running tasks (takes ~100 s; SKIP_IDLE=1 to skip)"
"$build/bench/bench_library" open 2>/dev/null | grep -E "open:"
[ "${SKIP_IDLE:-0}" = 1 ] || "$build/bench/bench_library" idle 60 2>/dev/null | grep -E "idle:"

if [ "${SEARCH:-1}" = 1 ]; then
  echo "== chat search over 100,000 messages; start-up with that database vs an empty one and a short history (alternating)"
  big="$scratch/big"; empty="$scratch/empty"; small="$scratch/small"
  mkdir -p "$big/config" "$empty/config" "$empty/data" "$small/config"
  "$build/bench/bench_search" make "$big" "${SEARCH_MESSAGES:-100000}" 2>/dev/null
  "$build/bench/bench_search" query "$big" "${SEARCH_RUNS:-7}" 2>/dev/null | grep -E "^search:"
  "$build/bench/bench_search" tasks "$big" 2>/dev/null | grep -E "log entries"
  # The same first screen from a short history: 40 conversations of the same kind (2,000 messages),
  # enough to fill the list as the long one does. Against it, what the history itself costs is seen
  # apart from what drawing a full list of titles costs (which an empty folder never does).
  "$build/bench/bench_search" make "$small" 2000 >/dev/null 2>&1
  # First starts: each folder as a user leaves it (the empty one gets its first conversation).
  app_in() { YUANJING_CONFIG_DIR="$1/config" YUANJING_DATA_DIR="$2" startup "$build/yuanjing-studio" --demo; } # folder, data dir
  app_in "$big" "$big" >/dev/null; app_in "$empty" "$empty/data" >/dev/null; app_in "$small" "$small" >/dev/null
  : > "$scratch/s_bare"; : > "$scratch/s_empty"; : > "$scratch/s_small"; : > "$scratch/s_big"
  # The four in turn, each run starting with the next one: none is always first (or always follows
  # the big folder's start, whose files are then the warmest in the page cache).
  for i in $(seq "$runs"); do
    for k in $(seq 0 3); do
      case $(( (i + k) % 4 )) in
        0) startup "$build/bench/bench_bare_window" >> "$scratch/s_bare" ;;
        1) app_in "$empty" "$empty/data" >> "$scratch/s_empty" ;;
        2) app_in "$big" "$big" >> "$scratch/s_big" ;;
        3) app_in "$small" "$small" >> "$scratch/s_small" ;;
      esac
    done
  done
  e_ms=$(awk '{print $2}' "$scratch/s_empty" | median); b_ms=$(awk '{print $2}' "$scratch/s_big" | median)
  s_ms=$(awk '{print $2}' "$scratch/s_small" | median)
  e_kib=$(awk '{print $4}' "$scratch/s_empty" | median); b_kib=$(awk '{print $4}' "$scratch/s_big" | median)
  r_ms=$(awk '{print $2}' "$scratch/s_bare" | median); r_kib=$(awk '{print $4}' "$scratch/s_bare" | median)
  awk -v e="$e_ms" -v b="$b_ms" -v s="$s_ms" -v ek="$e_kib" -v bk="$b_kib" -v r="$r_ms" -v rk="$r_kib" \
    'BEGIN {printf "start-up empty %.1f ms, 100k messages %.1f ms: %.2f x (budget 1.15), memory +%.1f MiB; short history, same screen %.1f ms: 100k messages %.2f x; bare window %.1f ms: 100k messages %.2f x bare (budget 2.00), +%.1f MiB (budget 25)\n", e, b, b/e, (bk-ek)/1024, s, b/s, r, b/r, (bk-rk)/1024}'
fi

echo "== the media engine beside the ffmpeg tool (issue 16; BENCH_MEDIA=0 skips, JOIN_RUNS=3 by default)"
if [ "${BENCH_MEDIA:-1}" = 1 ]; then
  RUNS="$runs" "$build/bench/bench_media"
  echo "== the UI while a film is joined from the Storyboard tab (issue 16)"
  QT_QPA_PLATFORM=offscreen "$build/bench/bench_storyboard"
fi
