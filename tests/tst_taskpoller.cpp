// The poller against the simulator: both reply shapes, every status, resuming, outages, bad replies,
// and the request rate with 200 tasks.
#include "TestSupport.h"
#include "store/Database.h"
#include "store/TaskStore.h"
#include "tasks/TaskPoller.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

class TestTaskPoller : public QObject
{
    Q_OBJECT
    TestSupport::TaskWorld *m_world = nullptr;
    TaskPoller *m_poller = nullptr;

    static PollPolicy fast()
    {
        PollPolicy p;
        p.firstDelayMs = 20;
        p.maxIntervalMs = 80;
        p.maxPerSecond = 200;
        p.maxInFlight = 8;
        return p;
    }
    // A task the platform knows: submitted to the simulator, stored as the submitter would.
    VideoTask submitted(const QString &prompt = QStringLiteral("a cat"))
    {
        ApiCall *call = m_world->client.postJson(QStringLiteral("/llmage/video"), {{QStringLiteral("llmid"), QStringLiteral("r0ill7L0s6PtBS8mkmg-7")},
                                                                              {QStringLiteral("prompt"), prompt},
                                                                              {QStringLiteral("duration"), 2}});
        QSignalSpy ok(call, &ApiCall::succeeded);
        ok.wait(5000);
        VideoTask t;
        t.mode = QStringLiteral("t2v");
        t.llmid = QStringLiteral("r0ill7L0s6PtBS8mkmg-7");
        t.modelName = QStringLiteral("viduq3-pro");
        t.prompt = prompt;
        t.state = VideoTask::State::Queued;
        t.taskId = ok.isEmpty() ? QString() : ok.first().first().value<QJsonDocument>().object().value(QLatin1String("taskid")).toString();
        m_world->store.add(t);
        return t;
    }

private slots:
    void init()
    {
        m_world = new TestSupport::TaskWorld;
        QVERIFY(m_world->start(QStringLiteral("sk-poll-0001")));
        m_world->sim.config().taskStepMs = 60;
        m_poller = new TaskPoller(&m_world->client, &m_world->store);
        m_poller->setPolicy(fast());
    }
    void cleanup()
    {
        delete m_poller;
        delete m_world;
    }

    void followsATaskToSuccess_data()
    {
        QTest::addColumn<bool>("wrapped");
        QTest::newRow("flat replies") << false;
        QTest::newRow("wrapped replies") << true;
    }
    void followsATaskToSuccess()
    {
        QFETCH(bool, wrapped);
        m_world->sim.config().wrappedTaskReplies = wrapped;
        const VideoTask task = submitted();
        QSet<int> states;
        connect(m_poller, &TaskPoller::taskUpdated, this, [&](const VideoTask &t) { states.insert(int(t.state)); });
        QSignalSpy succeeded(m_poller, &TaskPoller::taskSucceeded);
        m_poller->watch(task);
        QCOMPARE(m_poller->watchedCount(), 1);
        QVERIFY(succeeded.wait(5000));
        const VideoTask done = m_world->store.task(task.id);
        QCOMPARE(done.state, VideoTask::State::Succeeded);
        QCOMPARE(done.platformStatus, QStringLiteral("SUCCEEDED"));
        QVERIFY(done.videoUrl.startsWith(m_world->sim.baseUrl().toString()));
        QVERIFY(!done.coverUrl.isEmpty());
        QCOMPARE(done.usage.value(QLatin1String("credits")).toInt(), 8); // 2 s at 1080p
        QVERIFY(states.contains(int(VideoTask::State::Running)) || states.contains(int(VideoTask::State::Queued)));
        QCOMPARE(m_poller->watchedCount(), 0);
        // The id went both ways.
        const auto &last = m_world->sim.requests().last();
        QCOMPARE(last.query.queryItemValue(QStringLiteral("taskid")), task.taskId);
        QVERIFY(last.body.contains(task.taskId.toUtf8()));
    }

    void statusesAreCaseInsensitive()
    {
        const VideoTask task = submitted();
        m_world->sim.config().forcedStatus = 200;
        m_world->sim.config().forcedBody = "{\"status\":\"succeeded\",\"video\":\"https://example.com/v.mp4\",\"image\":\"\"}";
        QSignalSpy succeeded(m_poller, &TaskPoller::taskSucceeded);
        m_poller->watch(task);
        QVERIFY(succeeded.wait(5000));
    }

    void failuresEndTheTask_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("replies"); // how many replies it takes
        QTest::newRow("FAILED") << QByteArray("{\"taskid\":\"%1\",\"status\":\"FAILED\",\"error\":\"nsfw\"}") << "nsfw"
                                << int(VideoTask::State::Failed) << 2;
        QTest::newRow("failed, repr") << QByteArray("{'taskid': '%1', 'status': 'failed', 'error': 'ERROR:nsfw'}") << "nsfw"
                                      << int(VideoTask::State::Failed) << 2;
        QTest::newRow("UNKNOWN") << QByteArray("{\"taskid\":\"%1\",\"status\":\"unknown\"}") << "platform"
                                 << int(VideoTask::State::Unknown) << 2;
        QTest::newRow("unknown task id") << QByteArray() << "not exist" << int(VideoTask::State::Failed) << 3;
    }
    void failuresEndTheTask()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        QFETCH(int, state);
        QFETCH(int, replies);
        VideoTask task = submitted();
        if (body.isEmpty()) {
            task.taskId = QStringLiteral("123");
            m_world->store.update(task);
        } else {
            m_world->sim.config().forcedStatus = 200;
            m_world->sim.config().forcedBody = body.replace("%1", task.taskId.toUtf8());
        }
        PollPolicy p = fast();
        p.confirmDelayMs = 20;
        m_poller->setPolicy(p);
        QSignalSpy failed(m_poller, &TaskPoller::taskFailed);
        QSignalSpy unknown(m_poller, &TaskPoller::taskUnknown);
        m_world->sim.clearRequests();
        m_poller->watch(task);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count() + unknown.count(), 1, 5000);
        // Said once is not enough: only a repeated answer ends a task.
        QCOMPARE(m_world->sim.requestCount(QStringLiteral("/llmage/tasks")), replies);
        const VideoTask t = m_world->store.task(task.id);
        QCOMPARE(int(t.state), state);
        QVERIFY(!t.error.isEmpty());
        QVERIFY2(t.error.contains(error), qPrintable(t.error));
    }

    void aTransientFailureIsNotFinal()
    {
        // The platform says FAILED / "not exist" once (just after submission, or a hiccup), then the truth.
        VideoTask task = submitted();
        PollPolicy p = fast();
        p.confirmDelayMs = 20;
        m_poller->setPolicy(p);
        m_world->sim.config().transientTaskFailures = 1;
        QSignalSpy failed(m_poller, &TaskPoller::taskFailed);
        QSignalSpy succeeded(m_poller, &TaskPoller::taskSucceeded);
        m_poller->watch(task);
        QVERIFY(succeeded.wait(5000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(m_world->store.task(task.id).state, VideoTask::State::Succeeded);
    }

    void aFailureNamingNoTaskIsNotAnAnswer()
    {
        VideoTask task = submitted();
        m_world->sim.config().forcedStatus = 200;
        m_world->sim.config().forcedBody = "{\"status\":\"FAILED\",\"error\":\"ERROR:internal\"}";
        QSignalSpy failed(m_poller, &TaskPoller::taskFailed);
        m_poller->watch(task);
        QTRY_VERIFY_WITH_TIMEOUT(m_world->sim.requestCount(QStringLiteral("/llmage/tasks")) >= 4, 5000);
        QCOMPARE(failed.count(), 0);
        QVERIFY(m_poller->isWatching(task.id));
    }

    void theServersResposneWrapping()
    {
        // The tasks handler's own spelling: {"status":"ok","data":{"resposne":{…}}}.
        VideoTask task = submitted();
        m_world->sim.config().taskReplyShape = SimulatorConfig::TaskReplyShape::Resposne;
        QSignalSpy succeeded(m_poller, &TaskPoller::taskSucceeded);
        m_poller->watch(task);
        QVERIFY(succeeded.wait(5000));
        const VideoTask t = m_world->store.task(task.id);
        QCOMPARE(t.state, VideoTask::State::Succeeded);
        QVERIFY(t.videoUrl.contains(QLatin1String("/idfile?path=")));
        QVERIFY(t.succeededAt.isValid());
    }

    void aTaskPastItsMaximumAgeIsUnknownNotFailed()
    {
        // A task the platform keeps RUNNING for ever (its checker died with a restart).
        m_world->sim.config().tasksNeverFinish = true;
        VideoTask task = submitted();
        task.createdAt = QDateTime::currentDateTime().addSecs(-3600);
        task.deadline = QDateTime::currentDateTime().addMSecs(300);
        m_world->store.update(task);
        QSignalSpy unknown(m_poller, &TaskPoller::taskUnknown);
        QSignalSpy failed(m_poller, &TaskPoller::taskFailed);
        m_poller->watch(task);
        QVERIFY(unknown.wait(5000));
        QCOMPARE(failed.count(), 0);
        VideoTask t = m_world->store.task(task.id);
        QCOMPARE(t.state, VideoTask::State::Unknown);
        QCOMPARE(t.errorCode, QStringLiteral("max_age"));
        QVERIFY(!m_poller->isWatching(task.id));
        const int asked = m_world->sim.requestCount(QStringLiteral("/llmage/tasks"));
        QVERIFY(asked >= 1);

        // Checked again by the user: asked anew, with a new maximum age; it finishes now.
        m_world->sim.config().tasksNeverFinish = false;
        QSignalSpy succeeded(m_poller, &TaskPoller::taskSucceeded);
        QVERIFY(m_poller->checkAgain(task.id));
        QVERIFY(succeeded.wait(5000));
        t = m_world->store.task(task.id);
        QCOMPARE(t.state, VideoTask::State::Succeeded);
        QVERIFY(t.deadline > QDateTime::currentDateTime().addSecs(3000));
    }

    void anUnknownTaskCanBeGivenItsIdByHand()
    {
        const VideoTask known = submitted();
        VideoTask lost;
        lost.mode = QStringLiteral("t2v");
        lost.llmid = known.llmid;
        lost.modelName = known.modelName;
        lost.prompt = QStringLiteral("lost answer");
        lost.state = VideoTask::State::Unknown;
        m_world->store.add(lost);
        QVERIFY(!m_poller->checkAgain(lost.id)); // nothing to ask about yet
        QVERIFY(!m_poller->setPlatformTaskId(known.id, QStringLiteral("x"))); // only unknown ones
        QSignalSpy succeeded(m_poller, &TaskPoller::taskSucceeded);
        QVERIFY(m_poller->setPlatformTaskId(lost.id, QStringLiteral("  ") + known.taskId + QStringLiteral(" ")));
        QVERIFY(succeeded.wait(5000));
        QCOMPARE(m_world->store.task(lost.id).taskId, known.taskId);
        QCOMPARE(m_world->store.task(lost.id).state, VideoTask::State::Succeeded);
    }

    void badRepliesNeverFailATask_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("5xx") << 502 << QByteArray("<html>bad gateway</html>") << "";
        QTest::newRow("invalid JSON") << 200 << QByteArray("{not json") << "";
        QTest::newRow("10 MB reply") << 200 << QByteArray(10 * 1024 * 1024, ' ') << "";
        QTest::newRow("wrapped error") << 200 << QByteArray("{\"status\":\"error\",\"data\":{\"message\":\"busy\"}}") << "";
        QTest::newRow("success without video") << 200 << QByteArray("{\"status\":\"SUCCEEDED\"}") << "no_video";
        QTest::newRow("video link of another scheme") << 200 << QByteArray("{\"status\":\"SUCCEEDED\",\"video\":\"file:///etc/passwd\"}") << "no_video";
    }
    void badRepliesNeverFailATask()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const VideoTask task = submitted();
        m_world->sim.config().forcedStatus = status;
        m_world->sim.config().forcedBody = body;
        QSignalSpy failed(m_poller, &TaskPoller::taskFailed);
        QSignalSpy succeeded(m_poller, &TaskPoller::taskSucceeded);
        m_poller->watch(task);
        const int before = m_world->sim.requestCount(QStringLiteral("/llmage/tasks"));
        QTRY_VERIFY_WITH_TIMEOUT(m_world->sim.requestCount(QStringLiteral("/llmage/tasks")) >= before + 3, 10000);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(succeeded.count(), 0);
        QVERIFY(m_poller->isWatching(task.id));
        const VideoTask t = m_world->store.task(task.id);
        QVERIFY(!t.isFinished());
        QCOMPARE(t.errorCode, code);
        // When the platform answers properly again, the task completes.
        m_world->sim.config().forcedStatus = 0;
        QVERIFY(succeeded.wait(5000));
    }

    void platformDownForAWhile()
    {
        const VideoTask task = submitted();
        const quint16 port = quint16(m_world->sim.baseUrl().port());
        m_world->sim.stop();
        QSignalSpy failed(m_poller, &TaskPoller::taskFailed);
        QSignalSpy succeeded(m_poller, &TaskPoller::taskSucceeded);
        m_poller->watch(task);
        // Several polls fail to connect...
        QTRY_VERIFY_WITH_TIMEOUT(m_poller->requestsSent() >= 3, 5000);
        QCOMPARE(failed.count(), 0);
        QVERIFY(m_poller->isWatching(task.id));
        // ...then the platform is back, on the same address.
        QVERIFY(m_world->sim.start(port));
        QVERIFY(succeeded.wait(5000));
        QCOMPARE(failed.count(), 0);
    }

    void resumesUnfinishedTasksOnStart()
    {
        const VideoTask queued = submitted(QStringLiteral("resume me"));
        VideoTask interrupted;
        interrupted.mode = QStringLiteral("t2v");
        interrupted.llmid = QStringLiteral("r0ill7L0s6PtBS8mkmg-7");
        interrupted.modelName = QStringLiteral("viduq3-pro");
        interrupted.state = VideoTask::State::Submitting; // the app died before the answer came
        m_world->store.add(interrupted);
        VideoTask done = submitted(QStringLiteral("already done"));
        done.state = VideoTask::State::Succeeded;
        m_world->store.update(done);

        // A new poller on the same store: the next start of the app.
        TaskPoller again(&m_world->client, &m_world->store);
        again.setPolicy(fast());
        QSignalSpy succeeded(&again, &TaskPoller::taskSucceeded);
        again.resumeAll();
        QCOMPARE(again.watchedCount(), 1);
        QCOMPARE(m_world->store.task(interrupted.id).state, VideoTask::State::Unknown);
        QVERIFY(!m_world->store.task(interrupted.id).error.isEmpty());
        QVERIFY(succeeded.wait(5000));
        QCOMPARE(succeeded.first().first().value<VideoTask>().id, queued.id);
    }

    void stopWatching()
    {
        const VideoTask task = submitted();
        m_poller->watch(task);
        m_poller->unwatch(task.id);
        QCOMPARE(m_poller->watchedCount(), 0);
        QCOMPARE(m_world->store.task(task.id).state, VideoTask::State::Queued);
    }

    void rateStaysUnderTheCapWith200Tasks()
    {
        m_world->sim.config().taskStepMs = 3600 * 1000; // they stay running
        PollPolicy p;
        p.firstDelayMs = 1;
        p.maxIntervalMs = 50;
        p.maxPerSecond = 40;
        p.maxInFlight = 8;
        m_poller->setPolicy(p);
        QList<VideoTask> tasks;
        for (int i = 0; i < 200; ++i) {
            VideoTask t;
            t.mode = QStringLiteral("t2v");
            t.llmid = QStringLiteral("r0ill7L0s6PtBS8mkmg-7");
            t.state = VideoTask::State::Queued;
            t.taskId = QStringLiteral("9%1").arg(i);
            m_world->store.add(t);
            tasks << t;
        }
        m_world->sim.config().forcedStatus = 200;
        m_world->sim.config().forcedBody = "{\"status\":\"RUNNING\"}";
        const int before = m_world->sim.requestCount(QStringLiteral("/llmage/tasks"));
        QElapsedTimer clock;
        clock.start();
        for (const VideoTask &t : tasks)
            m_poller->watch(t);
        QTRY_VERIFY_WITH_TIMEOUT(m_world->sim.requestCount(QStringLiteral("/llmage/tasks")) - before >= 40, 10000);
        const int sent = m_world->sim.requestCount(QStringLiteral("/llmage/tasks")) - before;
        const double seconds = clock.elapsed() / 1000.0;
        // At most the cap per second, plus the one the bucket starts with.
        QVERIFY2(sent <= int(p.maxPerSecond * seconds) + 2, qPrintable(QStringLiteral("%1 requests in %2 s").arg(sent).arg(seconds)));
        QCOMPARE(m_poller->watchedCount(), 200);
    }
};

QTEST_GUILESS_MAIN(TestTaskPoller)
#include "tst_taskpoller.moc"
