#!/usr/bin/env bash
# Renders resources/icons/*.svg to resources/icons/png/ (24 px and @2x) for use inside the app.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
cmake --build "$build" --target render_icons
mkdir -p "$root/resources/icons/png"
QT_QPA_PLATFORM=offscreen "$build/tools/render_icons" 24 "$root/resources/icons/png" "$root"/resources/icons/*.svg
QT_QPA_PLATFORM=offscreen "$build/tools/render_icons" 96 "$root/resources/icons/png" "$root/resources/icons/yuanjing.svg"
# The Windows icon (the program's resource and the NSIS installer), from the hicolor PNGs.
hicolor="$root/packaging/icons/hicolor"
convert "$hicolor"/16x16/apps/*.png "$hicolor"/32x32/apps/*.png "$hicolor"/48x48/apps/*.png \
        "$hicolor"/256x256/apps/*.png "$root/packaging/windows/yuanjing.ico"
