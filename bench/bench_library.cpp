// Library benchmarks (BENCHMARKS.md):
//  open   A library of 1,000 finished tasks with covers: time to the Library shown with its visible
//         covers, and the process's peak memory.
//  idle   200 running tasks being watched with the default policy: CPU used while waiting.
#include "BenchSupport.h"
#include "core/AppCore.h"
#include "library/CoverDelegate.h"
#include "library/LibraryTab.h"
#include "simulator/PlatformSimulator.h"
#include "store/TaskStore.h"
#include "tasks/TaskPoller.h"
#include "store/Database.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QListView>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <sys/resource.h>

namespace {
QTextStream out(stdout);

double cpuMs(int who)
{
    rusage u{};
    getrusage(who, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

void benchOpen()
{
    QTemporaryDir dir;
    const QString covers = dir.filePath(QStringLiteral("covers"));
    QDir().mkpath(covers);
    {
        AppCore seed(BenchSupport::optionsIn(dir));
        BenchSupport::start(seed);
        // TaskStore::add opens a transaction of its own: an outer one would make every insert fail.
        for (int i = 0; i < 1000; ++i) {
            const QString cover = QDir(covers).filePath(QStringLiteral("%1.jpg").arg(i));
            QFile::copy(QStringLiteral(":/demo/cover.jpg"), cover);
            VideoTask t;
            t.mode = QStringLiteral("t2v");
            t.llmid = QStringLiteral("u9HZyfDoqU6uKI6M1BTks");
            t.modelName = i % 2 ? QStringLiteral("wan2.6-t2v") : QStringLiteral("viduq3-pro");
            t.prompt = QStringLiteral("视频 %1: a long prompt describing the scene in detail, with light, mood and camera").arg(i);
            t.state = VideoTask::State::Succeeded;
            t.taskId = QString::number(936759404378734592LL + i);
            t.videoUrl = QStringLiteral("https://example.com/v.mp4");
            t.videoPath = dir.filePath(QStringLiteral("v%1.mp4").arg(i));
            QFile video(t.videoPath);
            video.open(QIODevice::WriteOnly); // present on disk, as after its download
            t.coverPath = cover;
            seed.tasks()->add(t);
        }
    }
    QElapsedTimer clock;
    clock.start();
    AppCore core(BenchSupport::optionsIn(dir));
    BenchSupport::start(core);
    LibraryTab tab(&core);
    tab.resize(1280, 800);
    tab.show();
    QCoreApplication::processEvents();
    const double shownMs = clock.nsecsElapsed() / 1e6;
    // Until the covers in view are loaded and painted.
    auto *delegate = qobject_cast<CoverDelegate *>(tab.view()->itemDelegate());
    int visible = 0;
    for (int row = 0; row < tab.view()->model()->rowCount(); ++row)
        if (tab.view()->viewport()->rect().intersects(tab.view()->visualRect(tab.view()->model()->index(row, 0))))
            ++visible;
    while (delegate->loadedCount() < visible)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    tab.view()->viewport()->repaint();
    const double coversMs = clock.nsecsElapsed() / 1e6;
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    out << QStringLiteral("open: 1,000 tasks; grid shown in %1 ms, the %2 covers in view loaded in %3 ms; peak RSS %4 MiB\n")
               .arg(shownMs, 0, 'f', 1)
               .arg(visible)
               .arg(coversMs, 0, 'f', 1)
               .arg(u.ru_maxrss / 1024.0, 0, 'f', 1);
    out.flush();
}

void benchIdle(int seconds)
{
    QTemporaryDir dir;
    // The platform on its own thread, answering RUNNING for ever.
    QThread serverThread;
    PlatformSimulator *sim = nullptr;
    QSemaphore ready;
    QObject::connect(&serverThread, &QThread::started, [&] {
        sim = new PlatformSimulator;
        sim->config().forcedStatus = 200;
        sim->config().forcedBody = "{\"status\":\"RUNNING\"}";
        sim->start();
        ready.release();
    });
    serverThread.start();
    ready.acquire();
    LaunchOptions o = BenchSupport::optionsIn(dir);
    o.baseUrlOverride = sim->baseUrl().toString();
    o.apiKeyOverride = QStringLiteral("bench-key-000");
    AppCore core(o);
    BenchSupport::start(core);
    for (int i = 0; i < 200; ++i) {
        VideoTask t;
        t.mode = QStringLiteral("t2v");
        t.llmid = QStringLiteral("u9HZyfDoqU6uKI6M1BTks");
        t.modelName = QStringLiteral("wan2.6-t2v");
        t.state = VideoTask::State::Running;
        t.taskId = QString::number(1000 + i);
        core.tasks()->add(t);
        core.poller()->watch(t);
    }
    // Let the first checks pass, then measure a steady stretch.
    const auto waitMs = [](int ms) {
        QEventLoop loop;
        QTimer::singleShot(ms, &loop, &QEventLoop::quit);
        loop.exec();
    };
    waitMs(35000);
    double simCpu0 = 0, simCpu1 = 0;
    QMetaObject::invokeMethod(sim, [&] { simCpu0 = cpuMs(RUSAGE_THREAD); }, Qt::BlockingQueuedConnection);
    const double cpu0 = cpuMs(RUSAGE_SELF);
    const qint64 req0 = core.poller()->requestsSent();
    QElapsedTimer clock;
    clock.start();
    waitMs(seconds * 1000);
    QMetaObject::invokeMethod(sim, [&] { simCpu1 = cpuMs(RUSAGE_THREAD); }, Qt::BlockingQueuedConnection);
    const double appCpu = (cpuMs(RUSAGE_SELF) - cpu0) - (simCpu1 - simCpu0);
    const double wall = clock.elapsed();
    out << QStringLiteral("idle: 200 running tasks over %1 s: %2 status requests (%3/s), app CPU %4 ms = %5 % of one core "
                          "(the simulator's own %6 ms left out)\n")
               .arg(wall / 1000, 0, 'f', 0)
               .arg(core.poller()->requestsSent() - req0)
               .arg((core.poller()->requestsSent() - req0) * 1000.0 / wall, 0, 'f', 1)
               .arg(appCpu, 0, 'f', 0)
               .arg(appCpu / wall * 100, 0, 'f', 2)
               .arg(simCpu1 - simCpu0, 0, 'f', 0);
    out.flush();
    QMetaObject::invokeMethod(sim, [&] { delete sim; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString what = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("all");
    if (what == QLatin1String("open") || what == QLatin1String("all"))
        benchOpen();
    if (what == QLatin1String("idle") || what == QLatin1String("all"))
        benchIdle(argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 60);
    return 0;
}
