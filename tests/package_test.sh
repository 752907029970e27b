#!/usr/bin/env bash
# Builds the Debian package, validates its desktop entry and metainfo, unpacks it into a scratch root
# and starts the unpacked programs (--version).
set -euo pipefail
build="$1"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$build"
cpack -G DEB -B "$scratch/out" >/dev/null
deb="$(ls "$scratch"/out/*.deb)"
echo "package: $(basename "$deb")"
dpkg-deb --info "$deb" | grep -E "Depends:" | grep -q "gstreamer1.0-libav" || { echo "Depends lacks gstreamer1.0-libav"; exit 1; }
dpkg-deb -x "$deb" "$scratch/root"
desktop-file-validate "$scratch/root/usr/share/applications/ai.opencomputing.YuanjingStudio.desktop"
appstreamcli validate --no-net --pedantic "$scratch/root/usr/share/metainfo/ai.opencomputing.YuanjingStudio.metainfo.xml" >/dev/null || \
  appstreamcli validate --no-net "$scratch/root/usr/share/metainfo/ai.opencomputing.YuanjingStudio.metainfo.xml"
test -f "$scratch/root/usr/share/icons/hicolor/scalable/apps/ai.opencomputing.YuanjingStudio.svg"
test -f "$scratch/root/usr/share/icons/hicolor/256x256/apps/ai.opencomputing.YuanjingStudio.png"
# The player module, loaded on the first Play, where the program looks for it, with all it needs.
player="$(find "$scratch/root/usr" -path "*/yuanjing-studio/yuanjing-player.so" | head -1)"
test -n "$player" || { echo "the player module is missing"; exit 1; }
! ldd "$player" | grep -q "not found" || { echo "the player module lacks libraries"; exit 1; }
# The media module (frames, joins), likewise, and the FFmpeg libraries it needs in Depends.
media="$(find "$scratch/root/usr" -path "*/yuanjing-studio/yuanjing-media.so" | head -1)"
test -n "$media" || { echo "the media module is missing"; exit 1; }
! ldd "$media" | grep -q "not found" || { echo "the media module lacks libraries"; exit 1; }
dpkg-deb --info "$deb" | grep -E "Depends:" | grep -q "libavcodec59" || { echo "Depends lacks libavcodec59"; exit 1; }
QT_QPA_PLATFORM=offscreen "$scratch/root/usr/bin/yuanjing-studio" --version | grep -q "0\."
"$scratch/root/usr/bin/yuanjing" --version | grep -q "yuanjing 0\."
# The installed app speaks Chinese on a Chinese system and English otherwise.
export YUANJING_CONFIG_DIR="$scratch/config" YUANJING_DATA_DIR="$scratch/data" QT_QPA_PLATFORM=offscreen
LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN "$scratch/root/usr/bin/yuanjing-studio" --help | grep -q "元境 Studio:在元境平台上"
LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE= "$scratch/root/usr/bin/yuanjing-studio" --help | grep -q "Yuanjing Studio: chat with LLMs"
LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN "$scratch/root/usr/bin/yuanjing" --help | grep -q "用法"
echo "package ok"
