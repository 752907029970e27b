#pragma once

class QObject;

// For bench/: when YUANJING_BENCH_T0_NS holds the launcher's clock (ns since the epoch), prints
// "startup_ms X peak_rss_kib Y" once the window is shown and the event loop is idle, then quits.
namespace StartupProbe {
void reportWhenIdle(QObject *context);
// With YUANJING_STARTUP_TRACE set as well: prints "mark <ms since the launcher's clock> <what>" to
// stderr, to see where start-up time goes (bench/bare_window marks the same first steps).
void mark(const char *what);
}
