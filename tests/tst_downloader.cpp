// Downloads: safe names, atomic files, resume with Range, expired links, bad content, bad folders.
#include "TestSupport.h"
#include "store/Database.h"
#include "store/TaskStore.h"
#include "tasks/ResultDownloader.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTest>

namespace {
QByteArray resource(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}
} // namespace

class TestDownloader : public QObject
{
    Q_OBJECT
    TestSupport::TaskWorld *m_world = nullptr;
    ResultDownloader *m_downloader = nullptr;

    QString folder() const { return m_world->dir.filePath(QStringLiteral("Videos")); }
    VideoTask finished(const QString &taskId = QStringLiteral("936759404378734592"))
    {
        VideoTask t;
        t.mode = QStringLiteral("t2v");
        t.llmid = QStringLiteral("u9HZyfDoqU6uKI6M1BTks");
        t.modelName = QStringLiteral("wan2.6-t2v");
        t.prompt = QStringLiteral("A red panda / on a bike: ../..");
        t.taskId = taskId;
        t.state = VideoTask::State::Succeeded;
        t.videoUrl = m_world->sim.baseUrl().toString() + QStringLiteral("/idfile?path=/tmp/1/video.mp4");
        t.coverUrl = m_world->sim.baseUrl().toString() + QStringLiteral("/idfile?path=/tmp/1/cover.jpeg");
        m_world->store.add(t);
        return t;
    }

private slots:
    void init()
    {
        m_world = new TestSupport::TaskWorld;
        QVERIFY(m_world->start(QStringLiteral("sk-dl-0001")));
        m_downloader = new ResultDownloader(&m_world->client, &m_world->store);
        m_downloader->setFolder(folder());
        m_downloader->setRetryPolicy(10, 40, 3);
    }
    void cleanup()
    {
        delete m_downloader;
        delete m_world;
    }

    void videoAndCoverArrive()
    {
        const VideoTask task = finished();
        QSignalSpy done(m_downloader, &ResultDownloader::downloaded);
        m_downloader->download(task);
        QVERIFY(done.wait(10000));
        const VideoTask t = m_world->store.task(task.id);
        QCOMPARE(resource(t.videoPath), resource(QStringLiteral(":/demo/demo.mp4")));
        QCOMPARE(resource(t.coverPath), resource(QStringLiteral(":/demo/cover.jpg")));
        QCOMPARE(QFileInfo(t.videoPath).absolutePath(), QFileInfo(folder()).absoluteFilePath());
        QVERIFY(t.videoPath.endsWith(QLatin1String("_936759404378734592.mp4")));
        QVERIFY(QFileInfo(t.videoPath).fileName().contains(QLatin1String("wan2-6-t2v")));
        QCOMPARE(QDir(folder()).entryList(QDir::Files).size(), 2); // no .part left behind
    }

    void safeNames()
    {
        VideoTask t;
        t.createdAt = QDateTime(QDate(2026, 11, 25), QTime(21, 30));
        t.modelName = QStringLiteral("../../etc");
        t.prompt = QStringLiteral("一只猫 / 在 \\ 月亮上 .. <>:\"|?*");
        t.taskId = QStringLiteral("../../../x/y\\z");
        const QString name = ResultDownloader::safeBaseName(t);
        QVERIFY2(!name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char('\\')) && !name.contains(QLatin1String("..")),
                 qPrintable(name));
        QVERIFY(name.startsWith(QLatin1String("20261125-2130_")));
        QVERIFY(name.contains(QStringLiteral("一只猫")));
        for (const QChar c : name)
            QVERIFY(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_'));
    }

    void resumesAnInterruptedDownload()
    {
        const VideoTask task = finished();
        const QByteArray whole = resource(QStringLiteral(":/demo/demo.mp4"));
        // What an earlier run left: the first 40 KiB, in the .part file.
        QDir().mkpath(folder());
        const QString part = QDir(folder()).filePath(ResultDownloader::safeBaseName(m_world->store.task(task.id)) + QStringLiteral(".mp4.part"));
        QFile f(part);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(whole.left(40 * 1024));
        f.close();
        QSignalSpy done(m_downloader, &ResultDownloader::downloaded);
        m_downloader->download(m_world->store.task(task.id));
        QVERIFY(done.wait(10000));
        QCOMPARE(resource(m_world->store.task(task.id).videoPath), whole);
        bool ranged = false;
        for (const auto &r : m_world->sim.requests())
            ranged |= r.range == "bytes=40960-";
        QVERIFY(ranged);
    }

    void downloadCutInTheMiddleResumes()
    {
        m_world->sim.config().cutFilesAfterBytes = 50000;
        const VideoTask task = finished();
        QSignalSpy done(m_downloader, &ResultDownloader::downloaded);
        m_downloader->download(task);
        QVERIFY(done.wait(10000));
        QCOMPARE(resource(m_world->store.task(task.id).videoPath), resource(QStringLiteral(":/demo/demo.mp4")));
        bool resumed = false;
        for (const auto &r : m_world->sim.requests())
            resumed |= r.range.startsWith("bytes=") && r.range != "bytes=0-";
        QVERIFY(resumed);
    }

    void serverWithoutRangeStartsOver()
    {
        m_world->sim.config().supportRange = false;
        const VideoTask task = finished();
        QDir().mkpath(folder());
        QFile f(QDir(folder()).filePath(ResultDownloader::safeBaseName(m_world->store.task(task.id)) + QStringLiteral(".mp4.part")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("garbage that must not stay");
        f.close();
        QSignalSpy done(m_downloader, &ResultDownloader::downloaded);
        m_downloader->download(m_world->store.task(task.id));
        QVERIFY(done.wait(10000));
        QCOMPARE(resource(m_world->store.task(task.id).videoPath), resource(QStringLiteral(":/demo/demo.mp4")));
    }

    void expiredLink()
    {
        m_world->sim.config().expiredResults = true;
        m_downloader->setMaxLinkRefreshes(0); // on its own: nobody to ask for fresh links
        const VideoTask task = finished();
        QSignalSpy failed(m_downloader, &ResultDownloader::downloadFailed);
        m_downloader->download(task);
        QVERIFY(failed.wait(10000));
        const VideoTask t = m_world->store.task(task.id);
        QCOMPARE(t.errorCode, QStringLiteral("expired"));
        QVERIFY(t.error.contains(t.videoUrl));
        QCOMPARE(m_world->sim.requestCount(QStringLiteral("/idfile")), 1); // not retried
    }

    void webPageInsteadOfVideo()
    {
        m_world->sim.config().resultsAsHtml = true;
        const VideoTask task = finished();
        QSignalSpy failed(m_downloader, &ResultDownloader::downloadFailed);
        m_downloader->download(task);
        QVERIFY(failed.wait(10000));
        const VideoTask after = m_world->store.task(task.id);
        QVERIFY2(after.errorCode == QLatin1String("not_a_file"), qPrintable(after.error));
        QVERIFY(after.videoPath.isEmpty());
        QCOMPARE(m_world->sim.requestCount(QStringLiteral("/idfile")), 3); // retried, then given up
    }

    void onlyHttpLinks()
    {
        VideoTask task = finished();
        task.videoUrl = QStringLiteral("file:///etc/passwd");
        m_world->store.update(task);
        QSignalSpy failed(m_downloader, &ResultDownloader::downloadFailed);
        m_downloader->download(task);
        QVERIFY(failed.count() == 1 || failed.wait(5000));
        QCOMPARE(m_world->store.task(task.id).errorCode, QStringLiteral("bad_link"));
    }

    void unwritableFolder()
    {
        QFile blocker(m_world->dir.filePath(QStringLiteral("afile")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        m_downloader->setFolder(blocker.fileName() + QStringLiteral("/Videos")); // under a file: cannot exist
        const VideoTask task = finished();
        QSignalSpy failed(m_downloader, &ResultDownloader::downloadFailed);
        m_downloader->download(task);
        QVERIFY(failed.count() == 1 || failed.wait(5000));
        const VideoTask t = m_world->store.task(task.id);
        QCOMPARE(t.errorCode, QStringLiteral("disk"));
        QVERIFY(!t.error.isEmpty());
        // Recoverable: with a usable folder the same task downloads.
        m_downloader->setFolder(folder());
        QSignalSpy done(m_downloader, &ResultDownloader::downloaded);
        m_downloader->download(t);
        QVERIFY(done.wait(10000));
    }

    void resumeAllAfterRestart()
    {
        const VideoTask task = finished();
        QSignalSpy done(m_downloader, &ResultDownloader::downloaded);
        m_downloader->resumeAll();
        QVERIFY(done.wait(10000));
        QVERIFY(QFile::exists(m_world->store.task(task.id).videoPath));
    }
};

QTEST_GUILESS_MAIN(TestDownloader)
#include "tst_downloader.moc"
