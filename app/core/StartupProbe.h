#pragma once

class QObject;

// For bench/: when YUANJING_BENCH_T0_NS holds the launcher's clock (ns since the epoch), prints
// "startup_ms X peak_rss_kib Y" once the window is shown and the event loop is idle, then quits.
namespace StartupProbe {
void reportWhenIdle(QObject *context);
}
