// The whole core against the simulator playing the platform's real ways: every video submitted once
// arrives once, through expiring links, deletions and restarts.
#include "TestSupport.h"
#include "tasks/ResultDownloader.h"
#include "tasks/TaskPoller.h"
#include "video/ModelCatalog.h"
#include "video/VideoSubmitter.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTest>

class TestTrust : public QObject
{
    Q_OBJECT
    TestSupport::Sandbox *m_box = nullptr;
    PlatformSimulator *m_sim = nullptr;
    AppCore *m_core = nullptr;

    VideoTask submit(const QString &prompt)
    {
        const ModelSpec *spec = m_core->videoModels()->model(QStringLiteral("u9HZyfDoqU6uKI6M1BTks"));
        QVariantMap values = spec->defaults();
        values.insert(QStringLiteral("prompt"), prompt);
        values.insert(QStringLiteral("duration"), 5);
        QSignalSpy submitted(m_core->videoSubmitter(), &VideoSubmitter::submitted);
        m_core->videoSubmitter()->submit(*spec, values, {}, 1024 * 1024);
        if (!submitted.wait(10000))
            return {};
        return submitted.first().first().value<VideoTask>();
    }
    int fetches(const QString &suffix, int generation = 0) const
    {
        int n = 0;
        for (const auto &r : m_sim->requests())
            if (r.path == QLatin1String("/idfile") && r.query.queryItemValue(QStringLiteral("path")).endsWith(suffix)
                && (generation == 0 || r.query.queryItemValue(QStringLiteral("g")).toInt() == generation))
                ++n;
        return n;
    }

private slots:
    void init()
    {
        m_box = new TestSupport::Sandbox;
        m_sim = new PlatformSimulator;
        QVERIFY(m_sim->start());
        m_sim->config().taskStepMs = 30;
        LaunchOptions o = m_box->options();
        o.baseUrlOverride = m_sim->baseUrl().toString();
        o.apiKeyOverride = QStringLiteral("sk-trust-0001");
        m_core = new AppCore(o);
        QSignalSpy started(m_core, &AppCore::started);
        m_core->start();
        QVERIFY(started.count() || started.wait(5000));
        PollPolicy p = m_core->poller()->policy();
        p.firstDelayMs = 20;
        p.maxIntervalMs = 60;
        p.maxPerSecond = 100;
        p.confirmDelayMs = 20;
        m_core->poller()->setPolicy(p);
        m_core->downloader()->setRetryPolicy(10, 40, 3);
    }
    void cleanup()
    {
        delete m_core;
        delete m_sim;
        delete m_box;
    }

    void anExpiredLinkIsRefreshedNotLost()
    {
        // The first link the platform gives answers 403 (expired); the app asks for a fresh one.
        m_sim->config().staleLinkGenerations = 1;
        const VideoTask task = submit(QStringLiteral("fresh links"));
        QVERIFY(task.id);
        QSignalSpy downloaded(m_core->downloader(), &ResultDownloader::downloaded);
        QVERIFY(downloaded.wait(10000));
        const VideoTask t = m_core->tasks()->task(task.id);
        QVERIFY(t.errorCode.isEmpty());
        QFile video(t.videoPath);
        QVERIFY(video.open(QIODevice::ReadOnly));
        QFile original(QStringLiteral(":/demo/demo.mp4"));
        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(video.readAll(), original.readAll()); // intact
        QCOMPARE(fetches(QStringLiteral(".mp4"), 1), 1); // refused once
        QCOMPARE(fetches(QStringLiteral(".mp4"), 2), 1); // then fetched once, under the fresh link
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 1);
    }

    void linksThatStayDeadEndExpiredAndCanBeCheckedAgain()
    {
        m_sim->config().staleLinkGenerations = 1000;
        const VideoTask task = submit(QStringLiteral("gone"));
        QSignalSpy failed(m_core->downloader(), &ResultDownloader::downloadFailed);
        QVERIFY(failed.wait(10000));
        VideoTask t = m_core->tasks()->task(task.id);
        QCOMPARE(t.state, VideoTask::State::Succeeded); // made and paid for: never "failed"
        QCOMPARE(t.errorCode, QStringLiteral("expired"));
        QVERIFY(t.succeededAt.isValid());
        // The platform serves it again: "check again" brings it home.
        m_sim->config().staleLinkGenerations = 0;
        QSignalSpy downloaded(m_core->downloader(), &ResultDownloader::downloaded);
        QVERIFY(m_core->poller()->checkAgain(task.id));
        QVERIFY(downloaded.wait(10000));
        t = m_core->tasks()->task(task.id);
        QVERIFY(QFile::exists(t.videoPath));
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 1);
    }

    void aCoverThatFailsNeverFailsTheVideo()
    {
        m_sim->config().taskStepMs = 30;
        const VideoTask task = submit(QStringLiteral("no cover"));
        // Covers only: refuse every .jpeg (the video link works).
        m_sim->config().staleLinkGenerations = 0;
        QSignalSpy downloaded(m_core->downloader(), &ResultDownloader::downloaded);
        QSignalSpy failed(m_core->downloader(), &ResultDownloader::downloadFailed);
        connect(m_sim, &PlatformSimulator::requestHandled, this, [this](const QString &path, int) {
            if (path == QLatin1String("/idfile"))
                m_sim->config().expiredResults = true; // after the video: the cover is gone
        });
        QVERIFY(downloaded.wait(10000));
        QCOMPARE(failed.count(), 0);
        const VideoTask t = m_core->tasks()->task(task.id);
        QVERIFY(QFile::exists(t.videoPath));
        QVERIFY(t.errorCode.isEmpty());
    }

    void deletingATaskStopsItsPollAndDownload()
    {
        m_sim->config().tasksNeverFinish = true;
        const VideoTask task = submit(QStringLiteral("delete me"));
        QVERIFY(task.id);
        QTRY_VERIFY_WITH_TIMEOUT(m_sim->requestCount(QStringLiteral("/llmage/tasks")) >= 1, 5000);
        QVERIFY(m_core->poller()->isWatching(task.id));
        const VideoTask other = submit(QStringLiteral("keep me"));
        QVERIFY(m_core->tasks()->remove(task.id, true));
        QVERIFY(!m_core->poller()->isWatching(task.id));
        const auto asked = [this](const QString &taskId) {
            int n = 0;
            for (const auto &r : m_sim->requests())
                if (r.path == QLatin1String("/llmage/tasks") && r.query.queryItemValue(QStringLiteral("taskid")) == taskId)
                    ++n;
            return n;
        };
        const int before = asked(task.taskId);
        const int otherBefore = asked(other.taskId);
        // While the other task is asked about several times, the deleted one is not (but the one in flight).
        QTRY_VERIFY_WITH_TIMEOUT(asked(other.taskId) >= otherBefore + 4, 5000);
        QVERIFY(asked(task.taskId) <= before + 1);
        QVERIFY(!m_core->downloader()->isDownloading(task.id));
    }

    void aTaskPollsUntilItsMaximumAgeFromTheSchema()
    {
        // Vidu off-peak runs within 48 h; everything else has 24 h.
        const ModelSpec *vidu = m_core->videoModels()->model(QStringLiteral("r0ill7L0s6PtBS8mkmg-7"));
        QVERIFY(vidu);
        QCOMPARE(vidu->taskMaxAgeHoursFor({{QStringLiteral("off_peak"), QStringLiteral("Y")}}), 48);
        QCOMPARE(vidu->taskMaxAgeHoursFor({{QStringLiteral("off_peak"), QStringLiteral("N")}}), 24);
        const VideoTask task = submit(QStringLiteral("max age"));
        const VideoTask stored = m_core->tasks()->task(task.id);
        QVERIFY(stored.deadline.isValid());
        QVERIFY(qAbs(stored.createdAt.secsTo(stored.deadline) - 24 * 3600) < 5);
    }
};

QTEST_GUILESS_MAIN(TestTrust)
#include "tst_trust.moc"
