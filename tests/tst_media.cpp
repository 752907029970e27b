// The media engine (yuanjing-media): exact frames, joins that copy or re-encode, and every bad input.
// Test clips are written by the engine itself from known pictures, so nothing outside the build is needed.
#include "media/Media.h"

#include <QColor>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace media;

namespace {

// Frame n of a test clip is one solid colour, far from frame n-1's.
QColor colourOf(int n)
{
    return QColor::fromHsv((n * 47) % 360, 230, 230);
}

QImage solid(QSize size, const QColor &c)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(c);
    return image;
}

// The mean colour of the middle of a picture.
QColor centre(const QImage &image)
{
    const QRect r(image.width() / 4, image.height() / 4, image.width() / 2, image.height() / 2);
    qint64 red = 0, green = 0, blue = 0, count = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x) {
            const QRgb p = image.pixel(x, y);
            red += qRed(p);
            green += qGreen(p);
            blue += qBlue(p);
            ++count;
        }
    return QColor(int(red / count), int(green / count), int(blue / count));
}

bool near(const QColor &a, const QColor &b, int tolerance = 14)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

QByteArray describe(const QColor &c)
{
    return c.name().toLatin1();
}

} // namespace

class TstMedia : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A clip of `frames` solid colours (colourOf(first + n)).
    QString clip(const QString &name, QSize size, double fps, int frames, bool audio, int first = 0,
                 const QString &encoder = QStringLiteral("libx264"), int rotation = 0)
    {
        ClipSpec spec;
        spec.size = size;
        spec.fps = fps;
        spec.frames = frames;
        spec.audio = audio;
        spec.videoEncoder = encoder;
        spec.rotation = rotation;
        spec.frame = [size, first](int n) { return solid(size, colourOf(first + n)); };
        const QString file = path(name);
        const Result r = m_engine->writeClip(file, spec, {});
        if (!r.ok())
            qWarning() << "writeClip" << name << MediaError::message(r);
        return r.ok() ? file : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!MediaModule::isLoaded(), "nothing loads the media module before it is used");
        QString whyNot;
        m_engine = MediaModule::createEngine(&whyNot);
        QVERIFY2(m_engine, qPrintable(whyNot));
        QVERIFY(MediaModule::isLoaded());
    }

    void exactFrames()
    {
        // 50 frames at 25 fps, one key frame: the last frame is only reached by decoding the whole GOP.
        const QString file = clip(QStringLiteral("colours.mp4"), {320, 240}, 25, 50, false);
        QVERIFY(!file.isEmpty());
        ClipInfo info;
        QVERIFY(m_engine->probe(file, &info).ok());
        QCOMPARE(info.size, QSize(320, 240));
        QCOMPARE(info.fps, 25.0);
        QVERIFY(qAbs(info.duration - 2.0) < 0.05);
        QVERIFY(!info.hasAudio);

        const struct
        {
            FramePosition where;
            double at;
            int frame;
        } cases[] = {
            {FramePosition::First, 0, 0},  {FramePosition::At, 0, 0},    {FramePosition::At, 1.0, 25},
            {FramePosition::At, 1.03, 25}, {FramePosition::At, 1.5, 37}, {FramePosition::At, 1.97, 49},
            {FramePosition::Last, 0, 49},
        };
        for (const auto &c : cases) {
            QImage image;
            const Result r = m_engine->frame(file, c.where, c.at, &image);
            QVERIFY2(r.ok(), qPrintable(MediaError::message(r)));
            QCOMPARE(image.size(), QSize(320, 240));
            QVERIFY2(near(centre(image), colourOf(c.frame)),
                     describe(centre(image)) + " instead of frame " + QByteArray::number(c.frame) + " " +
                         describe(colourOf(c.frame)) + " at " + QByteArray::number(c.at));
        }
        // Past the end is a mistake, not the last frame.
        QImage image;
        QCOMPARE(m_engine->frame(file, FramePosition::At, 9.0, &image).kind, ErrorKind::BadArgument);
    }

    void lastFrameOfLongGops()
    {
        // Several key frames (x264 puts one at each scene cut: every frame here is one), 30 fps, odd count.
        const QString file = clip(QStringLiteral("long.mp4"), {256, 144}, 30, 97, true, 5);
        QVERIFY(!file.isEmpty());
        QImage image;
        QVERIFY(m_engine->frame(file, FramePosition::Last, 0, &image).ok());
        QVERIFY2(near(centre(image), colourOf(5 + 96)), describe(centre(image)));
    }

    void rotatedClipComesUpright()
    {
        const QString file =
            clip(QStringLiteral("rotated.mp4"), {320, 240}, 25, 10, false, 0, QStringLiteral("libx264"), 90);
        QVERIFY(!file.isEmpty());
        ClipInfo info;
        QVERIFY(m_engine->probe(file, &info).ok());
        QCOMPARE(info.rotation, 90);
        QImage image;
        QVERIFY(m_engine->frame(file, FramePosition::First, 0, &image).ok());
        QCOMPARE(image.size(), QSize(240, 320));
    }

    void joinMatchingClipsCopiesStreams()
    {
        const QString a = clip(QStringLiteral("ma.mp4"), {320, 240}, 25, 25, true, 0);
        const QString b = clip(QStringLiteral("mb.mp4"), {320, 240}, 25, 50, true, 25);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        const QString out = path(QStringLiteral("copied.mp4"));
        JoinReport report;
        double lastProgress = 0;
        const Result r = m_engine->join(
            {a, b}, out, {},
            [&](double f) {
                lastProgress = f;
                return true;
            },
            &report);
        QVERIFY2(r.ok(), qPrintable(MediaError::message(r)));
        QVERIFY(report.streamCopied);
        QVERIFY(lastProgress > 0.9);
        QVERIFY(!QFile::exists(out + QStringLiteral(".part")));
        ClipInfo info;
        QVERIFY(m_engine->probe(out, &info).ok());
        QVERIFY2(qAbs(info.duration - 3.0) < 0.1, QByteArray::number(info.duration));
        QVERIFY(info.hasAudio);
        QCOMPARE(info.videoCodec, QStringLiteral("h264"));
        QImage image;
        QVERIFY(m_engine->frame(out, FramePosition::At, 0.5, &image).ok());
        QVERIFY(near(centre(image), colourOf(12)));
        QVERIFY(m_engine->frame(out, FramePosition::At, 1.0, &image).ok());
        QVERIFY2(near(centre(image), colourOf(25)), describe(centre(image)));
        QVERIFY(m_engine->frame(out, FramePosition::Last, 0, &image).ok());
        QVERIFY(near(centre(image), colourOf(74)));
    }

    void joinMismatchedClipsReencodes()
    {
        // Another size, another frame rate, another codec, no sound beside sound.
        const QString a = clip(QStringLiteral("xa.mp4"), {320, 240}, 25, 25, true, 0);
        const QString b = clip(QStringLiteral("xb.mp4"), {160, 160}, 30, 45, false, 100);
        const QString c =
            clip(QStringLiteral("xc.mp4"), {320, 240}, 25, 25, false, 200, QStringLiteral("mpeg4"));
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
        const QString out = path(QStringLiteral("reencoded.mp4"));
        JoinReport report;
        const Result r = m_engine->join({a, b, c}, out, {}, {}, &report);
        QVERIFY2(r.ok(), qPrintable(MediaError::message(r)));
        QVERIFY(!report.streamCopied);
        ClipInfo info;
        QVERIFY(m_engine->probe(out, &info).ok());
        QCOMPARE(info.size, QSize(320, 240)); // the first clip's
        QCOMPARE(info.fps, 25.0);
        QCOMPARE(info.videoCodec, QStringLiteral("h264"));
        QVERIFY(info.hasAudio); // the first clip's sound, silence under the others
        QCOMPARE(info.audioCodec, QStringLiteral("aac"));
        QVERIFY2(qAbs(info.duration - 3.5) < 0.1, QByteArray::number(info.duration));
        QImage image;
        QVERIFY(m_engine->frame(out, FramePosition::At, 0.5, &image).ok());
        QVERIFY(near(centre(image), colourOf(12)));
        QVERIFY(m_engine->frame(out, FramePosition::At, 1.7, &image).ok());
        // 1.7 s shows the output frame of 1.68 s, clip b at 0.68 s: its frame 20.
        QVERIFY2(near(centre(image), colourOf(120), 20), describe(centre(image)));
        // The square clip is padded, not stretched: black bars left and right.
        QVERIFY(qGray(image.pixel(10, 120)) < 30);
        QVERIFY(m_engine->frame(out, FramePosition::Last, 0, &image).ok());
        QVERIFY(near(centre(image), colourOf(224), 20));
    }

    void joinRotatedClipComesUpright()
    {
        // A phone clip stored sideways (rotation 90) first, sound only in the second clip.
        const QString a = clip(QStringLiteral("ra.mp4"), {320, 240}, 25, 25, false, 0, QStringLiteral("libx264"), 90);
        const QString b = clip(QStringLiteral("rb.mp4"), {240, 320}, 25, 25, true, 30);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        const QString out = path(QStringLiteral("upright.mp4"));
        JoinReport report;
        QVERIFY(m_engine->join({a, b}, out, {}, {}, &report).ok());
        QVERIFY(!report.streamCopied);
        ClipInfo info;
        QVERIFY(m_engine->probe(out, &info).ok());
        QCOMPARE(info.size, QSize(240, 320)); // the first clip as shown, not as stored
        QCOMPARE(info.rotation, 0);
        QVERIFY(info.hasAudio);
        QVERIFY2(qAbs(info.duration - 2.0) < 0.07, QByteArray::number(info.duration));
        QImage image;
        QVERIFY(m_engine->frame(out, FramePosition::At, 0.5, &image).ok());
        QVERIFY(near(centre(image), colourOf(12)));
        // Filled edge to edge: the upright picture fits the frame exactly.
        QVERIFY(near(QColor(image.pixel(5, 5)), colourOf(12), 30));
    }

    void joinToChosenSizeAndRate()
    {
        const QString a = clip(QStringLiteral("sa.mp4"), {320, 240}, 25, 25, false, 0);
        const QString b = clip(QStringLiteral("sb.mp4"), {320, 240}, 25, 25, false, 25);
        JoinOptions options;
        options.size = QSize(640, 360);
        options.fps = 30;
        const QString out = path(QStringLiteral("sized.mp4"));
        JoinReport report;
        QVERIFY(m_engine->join({a, b}, out, options, {}, &report).ok());
        QVERIFY(!report.streamCopied);
        ClipInfo info;
        QVERIFY(m_engine->probe(out, &info).ok());
        QCOMPARE(info.size, QSize(640, 360));
        QCOMPARE(info.fps, 30.0);
        QVERIFY(!info.hasAudio); // no clip has sound: none is made up
        QVERIFY2(qAbs(info.duration - 2.0) < 0.07, QByteArray::number(info.duration));
    }

    void badInputs()
    {
        const QString good = clip(QStringLiteral("good.mp4"), {160, 120}, 25, 25, false);
        QVERIFY(!good.isEmpty());
        QImage image;

        // A picture where a video is expected.
        const QString picture = path(QStringLiteral("picture.png"));
        QVERIFY(solid({64, 64}, Qt::red).save(picture));
        QCOMPARE(m_engine->frame(picture, FramePosition::Last, 0, &image).kind, ErrorKind::NotAVideo);
        const QString jpeg = path(QStringLiteral("picture.jpg"));
        QVERIFY(solid({64, 64}, Qt::red).save(jpeg));
        QCOMPARE(m_engine->frame(jpeg, FramePosition::First, 0, &image).kind, ErrorKind::NotAVideo);

        // Sound only: a WAV file.
        const QString wav = path(QStringLiteral("sound.wav"));
        {
            QFile f(wav);
            QVERIFY(f.open(QIODevice::WriteOnly));
            const quint32 samples = 8000, dataSize = samples * 2;
            QByteArray h;
            auto u32 = [&h](quint32 v) {
                for (int i = 0; i < 4; ++i)
                    h.append(char((v >> (8 * i)) & 0xff));
            };
            auto u16 = [&h](quint16 v) {
                h.append(char(v & 0xff));
                h.append(char(v >> 8));
            };
            h.append("RIFF");
            u32(36 + dataSize);
            h.append("WAVEfmt ");
            u32(16);
            u16(1);
            u16(1);
            u32(8000);
            u32(16000);
            u16(2);
            u16(16);
            h.append("data");
            u32(dataSize);
            f.write(h);
            f.write(QByteArray(int(dataSize), '\0'));
        }
        QCOMPARE(m_engine->frame(wav, FramePosition::First, 0, &image).kind, ErrorKind::NoVideoStream);

        // Truncated (the index is written last: half a file has none) and garbage.
        const QString truncated = path(QStringLiteral("truncated.mp4"));
        {
            QFile in(good);
            QVERIFY(in.open(QIODevice::ReadOnly));
            const QByteArray bytes = in.readAll();
            QFile out(truncated);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes.left(bytes.size() / 2));
        }
        QCOMPARE(m_engine->frame(truncated, FramePosition::Last, 0, &image).kind, ErrorKind::Corrupt);
        const QString garbage = path(QStringLiteral("garbage.mp4"));
        {
            QFile out(garbage);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(QByteArray(5000, 'x'));
        }
        QCOMPARE(m_engine->frame(garbage, FramePosition::First, 0, &image).kind, ErrorKind::Corrupt);
        QCOMPARE(m_engine->frame(path(QStringLiteral("missing.mp4")), FramePosition::First, 0, &image).kind,
                 ErrorKind::NotFound);

        // A join with any bad clip writes nothing, under either name.
        for (const QString &bad : {picture, wav, truncated, garbage}) {
            const QString out = path(QStringLiteral("bad-join.mp4"));
            const Result r = m_engine->join({good, bad}, out, {}, {}, nullptr);
            QVERIFY(!r.ok());
            QCOMPARE(r.file, bad);
            QVERIFY(!QFile::exists(out));
            QVERIFY(!QFile::exists(out + QStringLiteral(".part")));
            // Every kind has words, naming the file.
            QVERIFY(MediaError::message(r).contains(QFileInfo(bad).fileName()));
        }
    }

    void diskFullLeavesNothing()
    {
        if (!QFile::exists(QStringLiteral("/dev/full")))
            QSKIP("needs /dev/full");
        const QString a = clip(QStringLiteral("fa.mp4"), {320, 240}, 25, 50, true, 0);
        const QString b = clip(QStringLiteral("fb.mp4"), {160, 160}, 30, 30, false, 9);
        for (bool reencode : {false, true}) {
            const QString out = path(QStringLiteral("full.mp4"));
            // The output's .part lands on a full disk.
            QVERIFY(QFile::link(QStringLiteral("/dev/full"), out + QStringLiteral(".part")));
            const Result r =
                m_engine->join(reencode ? QStringList{a, b} : QStringList{a, a}, out, {}, {}, nullptr);
            QCOMPARE(r.kind, ErrorKind::DiskFull);
            QVERIFY(!QFile::exists(out));
            QVERIFY(!QFileInfo(out + QStringLiteral(".part")).isSymLink());
            QVERIFY(MediaError::message(r).contains(QStringLiteral("full.mp4")));
        }
    }

    void jobRunsOnAWorkerAndCancels()
    {
        const QString a = clip(QStringLiteral("ja.mp4"), {320, 240}, 25, 50, true, 0);
        const QString b = clip(QStringLiteral("jb.mp4"), {160, 160}, 30, 60, false, 50);
        const QString out = path(QStringLiteral("job.mp4"));
        {
            MediaJob job;
            QSignalSpy progressed(&job, &MediaJob::progressed);
            QSignalSpy finished(&job, &MediaJob::finished);
            job.startJoin({a, b}, out, {});
            QVERIFY(job.isRunning());
            QVERIFY(finished.wait(60000));
            QCOMPARE(finished.first().first().toBool(), true);
            QVERIFY(!progressed.isEmpty());
            QCOMPARE(progressed.last().first().toDouble(), 1.0);
            QVERIFY(job.joinReport().hasAudio);
            QVERIFY(QFile::exists(out));
        }
        {
            // Cancelled at the first step: nothing is written and the finished film stays as it was.
            const QByteArray before = [&] {
                QFile f(out);
                f.open(QIODevice::ReadOnly);
                return f.readAll();
            }();
            MediaJob job;
            QSignalSpy finished(&job, &MediaJob::finished);
            connect(&job, &MediaJob::progressed, &job, &MediaJob::cancel);
            job.startJoin({a, b}, out, {});
            QVERIFY(finished.wait(60000));
            QCOMPARE(finished.first().first().toBool(), false);
            QCOMPARE(job.result().kind, ErrorKind::Cancelled);
            QVERIFY(!job.errorText().isEmpty());
            QVERIFY(!QFile::exists(out + QStringLiteral(".part")));
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), before);
        }
        {
            MediaJob job;
            QSignalSpy finished(&job, &MediaJob::finished);
            job.startFrame(a, FramePosition::Last, 0);
            QVERIFY(finished.wait(30000));
            QVERIFY(near(centre(job.image()), colourOf(49)));
        }
    }
};

QTEST_GUILESS_MAIN(TstMedia)
#include "tst_media.moc"
