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
QT_QPA_PLATFORM=offscreen "$scratch/root/usr/bin/yuanjing-studio" --version | grep -q "0\."
"$scratch/root/usr/bin/yuanjing" --version | grep -q "yuanjing 0\."
echo "package ok"
