#!/usr/bin/env bash
# Yuanjing Studio set-up for Debian 12: installs what is missing, builds, then either starts the app
# in demo mode (`demo`) or runs every test (`test`). Safe to run again: a second run installs nothing
# and rebuilds only what changed.
set -euo pipefail

mode="${1:-demo}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${YUANJING_BUILD_DIR:-$root/build}"

packages=(
  build-essential cmake ninja-build
  qt6-base-dev qt6-base-dev-tools qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev libqt6svg6 qt6-translations-l10n qt6-qpa-plugins libqt6sql6-sqlite qtkeychain-qt6-dev
  gstreamer1.0-plugins-good gstreamer1.0-libav fonts-noto-cjk
  pkg-config libavformat-dev libavcodec-dev libswscale-dev libswresample-dev libavutil-dev
  desktop-file-utils appstream dpkg-dev
)

# shellcheck source=install-missing.sh
source "$root/scripts/install-missing.sh"
install_missing "${packages[@]}"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel "$(nproc)"

case "$mode" in
  demo)
    exec "$build/yuanjing-studio" --demo
    ;;
  test)
    cd "$build"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)"
    ;;
  *)
    echo "usage: $0 demo|test" >&2
    exit 2
    ;;
esac
