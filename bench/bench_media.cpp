// The media engine side by side with the ffmpeg command-line tool on the same files, in one run
// (BENCHMARKS.md, issue 16): the last frame of a 10 s 1080p H.264 clip, a join of four 5 s 1080p clips
// that need re-encoding (the concat filter, the same encoder settings), and a stream copy of four
// matching clips (the concat demuxer). Fixtures are made with ffmpeg; without it the benchmark says so.
#include "BenchSupport.h"
#include "media/Media.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImageWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

namespace {

QTextStream out(stdout);

bool ffmpeg(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("ffmpeg"), QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y")} + args);
    if (!p.waitForFinished(600000) || p.exitCode() != 0) {
        out << "ffmpeg failed: " << args.join(QLatin1Char(' ')) << "\n" << p.readAllStandardError() << Qt::endl;
        return false;
    }
    return true;
}

// A test pattern clip with a tone, H.264 + AAC, as a vendor would deliver it.
bool makeClip(const QString &file, const QString &size, int fps, int seconds)
{
    return ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                   QStringLiteral("testsrc2=size=%1:rate=%2").arg(size).arg(fps), QStringLiteral("-f"), QStringLiteral("lavfi"),
                   QStringLiteral("-i"), QStringLiteral("sine=frequency=440:sample_rate=48000"), QStringLiteral("-t"),
                   QString::number(seconds), QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                   QStringLiteral("veryfast"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), QStringLiteral("-c:a"),
                   QStringLiteral("aac"), QStringLiteral("-ac"), QStringLiteral("2"), QStringLiteral("-shortest"), file});
}

template<typename F>
double timeMs(F &&f)
{
    QElapsedTimer t;
    t.start();
    if (!f())
        return -1;
    return t.nsecsElapsed() / 1e6;
}

void row(const char *what, int runs, double ours, double theirs, double budget)
{
    out << what << " (" << runs << " runs, median): yuanjing " << QString::number(ours, 'f', 1) << " ms, ffmpeg "
        << QString::number(theirs, 'f', 1) << " ms, ratio " << QString::number(ours / theirs, 'f', 2) << "x (budget <= "
        << budget << "x)" << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int frameRuns = qEnvironmentVariableIntValue("RUNS") > 0 ? qEnvironmentVariableIntValue("RUNS") : 15;
    const int joinRuns = qEnvironmentVariableIntValue("JOIN_RUNS") > 0 ? qEnvironmentVariableIntValue("JOIN_RUNS") : 3;
    if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty()) {
        out << "bench_media: the ffmpeg command-line tool is not installed (apt-get install ffmpeg); nothing measured" << Qt::endl;
        return 0;
    }
    QString whyNot;
    std::unique_ptr<media::Engine> engine = MediaModule::createEngine(&whyNot);
    if (!engine) {
        out << whyNot << Qt::endl;
        return 1;
    }
    QTemporaryDir dir;
    const auto path = [&dir](const QString &name) { return dir.filePath(name); };
    out << "making fixtures..." << Qt::endl;
    if (!makeClip(path(QStringLiteral("clip10.mp4")), QStringLiteral("1920x1080"), 30, 10))
        return 1;
    // Four clips that need re-encoding (two sizes, two rates) and four that match.
    const QStringList mixed{path(QStringLiteral("m1.mp4")), path(QStringLiteral("m2.mp4")), path(QStringLiteral("m3.mp4")),
                            path(QStringLiteral("m4.mp4"))};
    const QStringList same{path(QStringLiteral("s1.mp4")), path(QStringLiteral("s2.mp4")), path(QStringLiteral("s3.mp4")),
                           path(QStringLiteral("s4.mp4"))};
    if (!makeClip(mixed[0], QStringLiteral("1920x1080"), 30, 5) || !makeClip(mixed[1], QStringLiteral("1280x720"), 24, 5)
        || !makeClip(mixed[2], QStringLiteral("1920x1080"), 25, 5) || !makeClip(mixed[3], QStringLiteral("1080x1920"), 30, 5))
        return 1;
    for (const QString &s : same)
        if (!QFile::copy(path(QStringLiteral("clip10.mp4")), s) && !makeClip(s, QStringLiteral("1920x1080"), 30, 5))
            return 1;

    const QString only = qEnvironmentVariable("BENCH_ONLY"); // frame, join or copy: one part only
    // 1. The last frame, to PNG.
    QList<double> ours, theirs;
    for (int i = 0; i < frameRuns && (only.isEmpty() || only == QLatin1String("frame")); ++i) {
        theirs << timeMs([&] {
            // The baseline: one frame from a second before the end (not the last frame: with
            // -frames:v 1 ffmpeg stops at the first frame it decodes there; the engine decodes to the end).
            return ffmpeg({QStringLiteral("-sseof"), QStringLiteral("-1"), QStringLiteral("-i"), path(QStringLiteral("clip10.mp4")),
                           QStringLiteral("-update"), QStringLiteral("1"), QStringLiteral("-frames:v"), QStringLiteral("1"),
                           path(QStringLiteral("last_ffmpeg.png"))});
        });
        ours << timeMs([&] {
            QImage image;
            return engine->frame(path(QStringLiteral("clip10.mp4")), media::FramePosition::Last, 0, &image).ok()
                && image.save(path(QStringLiteral("last_ours.png")));
        });
    }
    row("last frame of a 10 s 1080p clip to PNG", frameRuns, BenchSupport::median(ours),
        BenchSupport::median(theirs), 1.2);

    // 2. Four mismatched clips joined, re-encoded: scale + pad to 1920x1080, 30 fps, libx264 veryfast crf 20, AAC.
    ours.clear();
    theirs.clear();
    QString graph;
    for (int i = 0; i < 4; ++i)
        graph += QStringLiteral("[%1:v]scale=1920:1080:force_original_aspect_ratio=decrease,pad=1920:1080:(ow-iw)/2:(oh-ih)/2,"
                                "setsar=1,fps=30[v%1];[%1:a]aresample=48000[a%1];")
                     .arg(i);
    graph += QStringLiteral("[v0][a0][v1][a1][v2][a2][v3][a3]concat=n=4:v=1:a=1[v][a]");
    media::JoinOptions options;
    options.size = QSize(1920, 1080);
    options.fps = 30;
    options.x264Preset = QStringLiteral("veryfast");
    options.crf = 20;
    for (int i = 0; i < joinRuns && (only.isEmpty() || only == QLatin1String("join")); ++i) {
        QStringList args;
        for (const QString &m : mixed)
            args << QStringLiteral("-i") << m;
        args << QStringLiteral("-filter_complex") << graph << QStringLiteral("-map") << QStringLiteral("[v]") << QStringLiteral("-map")
             << QStringLiteral("[a]") << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-preset")
             << QStringLiteral("veryfast") << QStringLiteral("-crf") << QStringLiteral("20") << QStringLiteral("-pix_fmt")
             << QStringLiteral("yuv420p") << QStringLiteral("-c:a") << QStringLiteral("aac") << QStringLiteral("-b:a")
             << QStringLiteral("128k") << path(QStringLiteral("joined_ffmpeg.mp4"));
        theirs << timeMs([&] { return ffmpeg(args); });
        ours << timeMs([&] {
            media::JoinReport report;
            return engine->join(mixed, path(QStringLiteral("joined_ours.mp4")), options, {}, &report).ok() && !report.streamCopied;
        });
    }
    row("join of four 5 s 1080p clips, re-encoded", joinRuns, BenchSupport::median(ours),
        BenchSupport::median(theirs), 1.1);

    // 3. Four matching clips joined by stream copy.
    ours.clear();
    theirs.clear();
    {
        QFile list(path(QStringLiteral("list.txt")));
        list.open(QIODevice::WriteOnly);
        for (const QString &s : same)
            list.write(QStringLiteral("file '%1'\n").arg(s).toUtf8());
    }
    for (int i = 0; i < frameRuns && (only.isEmpty() || only == QLatin1String("copy")); ++i) {
        theirs << timeMs([&] {
            return ffmpeg({QStringLiteral("-f"), QStringLiteral("concat"), QStringLiteral("-safe"), QStringLiteral("0"), QStringLiteral("-i"),
                           path(QStringLiteral("list.txt")), QStringLiteral("-c"), QStringLiteral("copy"), path(QStringLiteral("copy_ffmpeg.mp4"))});
        });
        ours << timeMs([&] {
            media::JoinReport report;
            return engine->join(same, path(QStringLiteral("copy_ours.mp4")), {}, {}, &report).ok() && report.streamCopied;
        });
    }
    row("stream copy of four matching 10 s 1080p clips", frameRuns, BenchSupport::median(ours),
        BenchSupport::median(theirs), 1.5);
    return 0;
}
