#!/usr/bin/env bash
# Screenshots that stay true: every tab of the app in demo mode, under Xvfb, in Chinese and English,
# light and dark, and the Studio once at 2x scale, into docs/screenshots/ (PNG, 256 colours, so the
# folder stays small). Nothing is billed: the demo's simulator answers; the app's settings and data go
# to a temporary folder.
#
#   scripts/screenshots.sh [BUILD_DIR]      (default: build; YJ_SHOT_DISPLAY picks the X display, :71)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
out="$root/docs/screenshots"
display="${YJ_SHOT_DISPLAY:-:71}"
display2x=":$(( ${display#:} + 1 ))"
app="$build/yuanjing-studio"
cli="$build/yuanjing"
for tool in Xvfb xdotool import convert; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh needs $tool (xvfb, xdotool, imagemagick)" >&2; exit 1; }
done
[ -x "$app" ] && [ -x "$cli" ] || { echo "build the app first: cmake --build $build" >&2; exit 1; }

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
Xvfb "$display2x" -screen 0 2600x1700x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
sleep 1

export YUANJING_CONFIG_DIR="$work/config" YUANJING_DATA_DIR="$work/data" YUANJING_NO_KEYCHAIN=1
export QT_LOGGING_RULES="*.debug=false;yuanjing.*.info=false" LC_ALL=C.UTF-8
mkdir -p "$YUANJING_CONFIG_DIR" "$work/videos" "$out"

settings() { # language appearance tab
  cat > "$YUANJING_CONFIG_DIR/settings.ini" <<EOF
[library]
folder=$work/videos
[ui]
language=$1
[video]
confirmCostAbove=0
[window]
appearance=$2
tab=$3
EOF
}

# Starts the app, waits for its window; sets $app_pid and $window.
start_app() { # display [env...]
  local d="$1"; shift
  env DISPLAY="$d" "$@" "$app" ${app_args---demo} >/dev/null 2>&1 &
  app_pid=$!
  pids+=("$app_pid")
  window="$(DISPLAY="$d" xdotool search --sync --onlyvisible --pid "$app_pid" 2>/dev/null | head -1)"
  sleep 2 # the first paint, covers loaded
}

stop_app() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
}

shot() { # display name
  DISPLAY="$1" import -window "$window" "$work/shot.png"
  convert "$work/shot.png" -strip -colors 256 "PNG8:$out/$2.png"
}

# Content: three finished videos (the CLI, the same store and folder) and one conversation.
settings en light 0
"$cli" --demo video --llmid u9HZyfDoqU6uKI6M1BTks --set prompt="海浪拍打黄昏的礁石,镜头缓慢推进" --set duration=5 --wait >/dev/null
"$cli" --demo video --llmid r0ill7L0s6PtBS8mkmg-7 --set prompt="A paper fox running through a snowy forest, soft morning light" --set duration=5 --wait >/dev/null
"$cli" --demo video --llmid CrEMkFQfRCmbmopZsCqLj --set prompt="城市夜景延时摄影,车流如光带" --wait >/dev/null
start_app "$display"
DISPLAY="$display" xdotool type --delay 20 --window "$window" "Plan a 30-second video about autumn"
DISPLAY="$display" xdotool key --window "$window" Return
sleep 6
stop_app
# A three-shot board, chained frame to frame, generated in the Storyboard tab (its Generate all).
cat > "$work/board.json" <<'EOF'
{"title": "狐狸回家 · The fox's way home", "shots": [
 {"llmid": "r0ill7L0s6PtBS8mkmg-7", "set": {"prompt": "一只红狐狸在雪林中醒来,清晨 · a red fox wakes in a snowy forest at dawn", "duration": 5}},
 {"llmid": "7RTOJD6K8A7RXCMG4GnQ9", "set": {"prompt": "它沿着结冰的河小跑 · it trots along a frozen river"}, "continue": true},
 {"llmid": "7RTOJD6K8A7RXCMG4GnQ9", "set": {"prompt": "日落时它回到洞穴 · it reaches its den as the sun sets"}, "continue": true}
]}
EOF
"$cli" storyboard import "$work/board.json" >/dev/null
settings en light 2
start_app "$display"
DISPLAY="$display" xdotool mousemove --window "$window" 150 690 click 1
sleep 40 # three demo tasks, one after the other
stop_app

tabs=(chat studio storyboard library account)
for lang in zh_CN en; do
  for look in light dark; do
    for i in "${!tabs[@]}"; do
      settings "$lang" "$look" "$i"
      start_app "$display"
      if [ "${tabs[$i]}" = studio ]; then
        # A prompt written: the Generate button with its cost.
        DISPLAY="$display" xdotool mousemove --window "$window" 350 300 click 1
        if [ "$lang" = zh_CN ]; then prompt="一只纸折的狐狸在雪地里奔跑，清晨柔和的光线"; else prompt="A paper fox running through the snow, soft morning light"; fi
        DISPLAY="$display" xdotool type --delay 10 --window "$window" "$prompt"
        sleep 1
        if [ "$lang-$look" = en-light ]; then
          # Generate: the new task comes into Recent videos beside the form, with its progress.
          DISPLAY="$display" xdotool mousemove --window "$window" 560 707 click 1
          sleep 2
        fi
      fi
      if [ "${tabs[$i]}" = chat ]; then
        # The tab opens on a new chat; the conversation about autumn is the second in the list.
        DISPLAY="$display" xdotool mousemove --window "$window" 100 142 click 1
        sleep 1
      fi
      if [ "${tabs[$i]}" = library ]; then
        # The first card selected: its details beside the grid.
        DISPLAY="$display" xdotool mousemove --window "$window" 130 150 click 1
        sleep 1
      fi
      shot "$display" "${tabs[$i]}-$lang-$look"
      stop_app
    done
  done
done

# The welcome page a new user sees (no key, not in demo mode; the platform address is a closed port on
# this machine, so nothing leaves it).
for lang in zh_CN en; do
  settings "$lang" light 0
  app_args="" start_app "$display" YUANJING_BASE_URL=http://127.0.0.1:9
  shot "$display" "welcome-$lang-light"
  stop_app
done

# One at twice the scale (a HiDPI screen): the Studio.
settings zh_CN light 1
start_app "$display2x" QT_SCALE_FACTOR=2
DISPLAY="$display2x" xdotool mousemove --window "$window" 700 600 click 1
DISPLAY="$display2x" xdotool type --delay 10 --window "$window" "一只纸折的狐狸在雪地里奔跑，清晨柔和的光线"
sleep 1
shot "$display2x" "studio-zh_CN-light-2x"
stop_app

du -sh "$out"
