// The UI while a film is joined (BENCHMARKS.md, issue 16: "the UI never stalls over 16 ms while a film
// is joined"). A board of four 1080p shots whose takes are on disk (clips made with the ffmpeg tool,
// of different sizes and rates, so the join re-encodes), the Storyboard tab shown offscreen, Join into a
// film clicked: a 1 ms timer on the UI thread records every gap between its ticks until the film is in
// the Library, while the progress bar is repainted. Prints the longest gap and the 99th percentile.
#include "BenchSupport.h"
#include "store/BoardStore.h"
#include "store/TaskStore.h"
#include "storyboard/StoryboardController.h"
#include "storyboard/StoryboardTab.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <ctime>

namespace {
QTextStream out(stdout);

// The UI thread's own CPU time: a long gap in which it used little was the machine's other work
// (the scheduler), not the app's.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

bool makeClip(const QString &file, const QString &size, int fps, int seconds)
{
    QProcess p;
    p.start(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("lavfi"),
             QStringLiteral("-i"), QStringLiteral("testsrc2=size=%1:rate=%2").arg(size).arg(fps), QStringLiteral("-f"),
             QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=frequency=440:sample_rate=48000"), QStringLiteral("-t"),
             QString::number(seconds), QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
             QStringLiteral("veryfast"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), QStringLiteral("-c:a"),
             QStringLiteral("aac"), QStringLiteral("-ac"), QStringLiteral("2"), QStringLiteral("-shortest"), file});
    return p.waitForFinished(600000) && p.exitCode() == 0;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const QStringList sizes{QStringLiteral("1920x1080"), QStringLiteral("1280x720"), QStringLiteral("1920x1080"), QStringLiteral("1080x1920")};
    const QList<int> rates{30, 24, 25, 30};
    QStringList clips;
    for (int i = 0; i < 4; ++i) {
        clips << dir.filePath(QStringLiteral("clip%1.mp4").arg(i));
        if (!makeClip(clips.last(), sizes.at(i), rates.at(i), 5)) {
            out << "bench_storyboard: the ffmpeg command-line tool is needed for the fixtures (apt-get install ffmpeg)" << Qt::endl;
            return 1;
        }
    }
    AppCore core(BenchSupport::optionsIn(dir, true));
    BenchSupport::start(core);
    Board plan;
    plan.title = QStringLiteral("bench");
    for (int i = 0; i < 4; ++i) {
        BoardShot s;
        s.llmid = QStringLiteral("r0ill7L0s6PtBS8mkmg-7");
        s.values.insert(QStringLiteral("prompt"), QStringLiteral("shot %1").arg(i + 1));
        plan.shots << s;
    }
    const qint64 board = core.boards()->importBoard(plan);
    const Board b = core.boards()->board(board);
    for (int i = 0; i < 4; ++i) {
        // Each shot's take: a finished task with its video on disk, recorded as the shot's batch job.
        VideoTask t;
        t.mode = QStringLiteral("t2v");
        t.llmid = QStringLiteral("r0ill7L0s6PtBS8mkmg-7");
        t.prompt = b.shots.at(i).prompt();
        t.taskId = QString::number(1000 + i);
        t.state = VideoTask::State::Succeeded;
        t.videoPath = clips.at(i);
        core.tasks()->add(t, BoardStore::newTakeKey(b.shots.at(i).id), QStringLiteral("bench"), i + 1);
    }
    StoryboardTab tab(&core);
    tab.resize(1300, 850);
    tab.show();
    QCoreApplication::processEvents();

    QList<double> gaps;
    QElapsedTimer clock;
    QTimer ticker;
    ticker.setInterval(1);
    QList<double> busy; // the UI thread's CPU time within each gap
    double last = 0, lastCpu = threadCpuMs();
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const double now = clock.nsecsElapsed() / 1e6;
        const double cpu = threadCpuMs();
        gaps << now - last;
        busy << cpu - lastCpu;
        if (now - last > 16 && qEnvironmentVariableIsSet("BENCH_VERBOSE"))
            out << "  stall of " << QString::number(now - last, 'f', 1) << " ms (UI thread busy " << QString::number(cpu - lastCpu, 'f', 1)
                << " ms of it) ending at " << QString::number(now, 'f', 0) << " ms" << Qt::endl;
        last = now;
        lastCpu = cpu;
    });
    bool done = false;
    QObject::connect(tab.controller(), &StoryboardController::filmJoined, [&] {
        if (qEnvironmentVariableIsSet("BENCH_VERBOSE"))
            out << "  film joined at " << clock.elapsed() << " ms" << Qt::endl;
        done = true;
    });
    QObject::connect(tab.controller(), &StoryboardController::joinFailed, [&](const QString &why) {
        out << "join failed: " << why << Qt::endl;
        done = true;
    });
    int repaints = 0;
    QObject::connect(tab.controller(), &StoryboardController::joinProgressed, [&] {
        tab.joinProgress()->repaint(); // drawn, not only scheduled
        ++repaints;
    });
    QElapsedTimer total;
    total.start();
    clock.start();
    ticker.start();
    tab.joinButton()->click();
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    ticker.stop();
    const double seconds = total.nsecsElapsed() / 1e9;
    const double busiest = busy.isEmpty() ? 0 : *std::max_element(busy.cbegin(), busy.cend());
    std::sort(gaps.begin(), gaps.end());
    const double worst = gaps.isEmpty() ? 0 : gaps.last();
    const double p99 = gaps.isEmpty() ? 0 : gaps.at(int(gaps.size() * 0.99));
    out << "join of four 5 s clips (re-encoded) from the Storyboard tab: " << QString::number(seconds, 'f', 1) << " s, "
        << gaps.size() << " ticks, " << repaints << " progress repaints; longest UI stall " << QString::number(worst, 'f', 1)
        << " ms, 99th percentile " << QString::number(p99, 'f', 1) << " ms; the UI thread's longest busy spell "
        << QString::number(busiest, 'f', 1) << " ms (budget < 16 ms)" << Qt::endl;
    return 0;
}
