#include "core/StartupProbe.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>
#include <QTimer>
#include <chrono>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace StartupProbe {

void reportWhenIdle(QObject *context)
{
    const qint64 t0 = qEnvironmentVariable("YUANJING_BENCH_T0_NS").toLongLong();
    if (t0 <= 0)
        return;
    // Two turns of the event loop after show(): the first paints, the second finds nothing left to do.
    QTimer::singleShot(0, context, [context, t0] {
        mark("first frame drawn");
        QTimer::singleShot(0, context, [t0] {
            const qint64 nowNs = QDateTime::currentMSecsSinceEpoch() * 1000000LL;
            long maxRssKiB = 0;
#ifdef Q_OS_UNIX
            rusage usage{};
            getrusage(RUSAGE_SELF, &usage);
            maxRssKiB = usage.ru_maxrss;
#endif
            QTextStream(stdout) << "startup_ms " << (nowNs - t0) / 1e6 << " peak_rss_kib " << maxRssKiB << Qt::endl;
            QCoreApplication::quit();
        });
    });
}

void mark(const char *what)
{
    static const qint64 t0 = qEnvironmentVariableIsSet("YUANJING_STARTUP_TRACE")
                                 ? qEnvironmentVariable("YUANJING_BENCH_T0_NS").toLongLong()
                                 : 0;
    if (t0 <= 0)
        return;
    const qint64 now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    fprintf(stderr, "mark %7.2f %s\n", (now - t0) / 1e6, what);
}

} // namespace StartupProbe
