#!/usr/bin/env bash
# Refreshes translations/*.ts from the sources. English is the source language: its file takes every
# source text as its translation. Chinese texts are written by hand in yuanjing_zh_CN.ts (Qt Linguist).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lupdate="$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)"
cd "$root"
"$lupdate" -locations none -no-obsolete app ui -ts translations/yuanjing_zh_CN.ts translations/yuanjing_en.ts
python3 scripts/ts_fill_source.py translations/yuanjing_en.ts
