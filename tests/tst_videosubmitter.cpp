// Submission through the simulator: written before sent, the answer recorded, never resent.
#include "TestSupport.h"
#include "store/Database.h"
#include "store/TaskStore.h"
#include "tasks/TaskReply.h"
#include "video/ModelCatalog.h"
#include "video/VideoSubmitter.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

class TestVideoSubmitter : public QObject
{
    Q_OBJECT
    TestSupport::TaskWorld *m_world = nullptr;
    VideoSubmitter *m_submitter = nullptr;
    ModelCatalog m_catalog;

    QVariantMap valuesFor(const ModelSpec &spec, const QString &prompt)
    {
        QVariantMap v = spec.defaults();
        v.insert(QStringLiteral("prompt"), prompt);
        return v;
    }

private slots:
    void initTestCase() { m_catalog.load(QString()); }
    void init()
    {
        m_world = new TestSupport::TaskWorld;
        QVERIFY(m_world->start(QStringLiteral("sk-video-0001")));
        m_submitter = new VideoSubmitter(&m_world->client, &m_world->store);
    }
    void cleanup()
    {
        delete m_submitter;
        delete m_world;
    }

    void submitsAndRecords()
    {
        const ModelSpec *spec = m_catalog.model(QStringLiteral("x4HksKp9mXR1Yv60mw6Py"));
        QImage frame(320, 180, QImage::Format_RGB32);
        frame.fill(Qt::darkCyan);
        const QMap<QString, PreparedImage> images{
            {QStringLiteral("image_file1"), ImagePreparer::fromImage(frame, QStringLiteral("first.png"))},
            {QStringLiteral("image_file2"), ImagePreparer::fromUrl(QUrl(QStringLiteral("https://example.com/last.jpg")))}};
        QSignalSpy changed(&m_world->store, &TaskStore::taskChanged);
        QSignalSpy submitted(m_submitter, &VideoSubmitter::submitted);
        QSignalSpy busy(m_submitter, &VideoSubmitter::busyChanged);
        QVERIFY(m_submitter->submit(*spec, valuesFor(*spec, QStringLiteral("日出")), images, 1024 * 1024));
        QVERIFY(m_submitter->isBusy());
        QVERIFY(!m_submitter->submit(*spec, valuesFor(*spec, QStringLiteral("again")), images, 1024 * 1024));
        QVERIFY(submitted.wait(10000));
        // Written before it was sent: the first record has no task id yet.
        const VideoTask first = changed.first().first().value<VideoTask>();
        QCOMPARE(first.state, VideoTask::State::Submitting);
        QVERIFY(first.taskId.isEmpty());

        const VideoTask task = submitted.first().first().value<VideoTask>();
        QCOMPARE(task.state, VideoTask::State::Queued);
        QCOMPARE(task.taskId, QStringLiteral("936759404378734592"));
        const VideoTask stored = m_world->store.task(task.id);
        QCOMPARE(stored.taskId, task.taskId);
        QCOMPARE(stored.prompt, QStringLiteral("日出"));
        QCOMPARE(stored.params.value(QLatin1String("duration")).toInt(), 15);
        QVERIFY(QFile::exists(stored.images.value(QLatin1String("image_file1")).toObject().value(QLatin1String("file")).toString()));
        QCOMPARE(stored.images.value(QLatin1String("image_file2")).toObject().value(QLatin1String("url")).toString(),
                 QStringLiteral("https://example.com/last.jpg"));
        // Exactly one request, with exactly the model's keys.
        QCOMPARE(m_world->sim.requestCount(QStringLiteral("/llmage/video")), 1);
        const QJsonObject body = QJsonDocument::fromJson(m_world->sim.requests().last().body).object();
        const QStringList keys = body.keys();
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
                 (QSet<QString>{QStringLiteral("llmid"), QStringLiteral("prompt"), QStringLiteral("size"), QStringLiteral("duration"),
                                QStringLiteral("image_file1"), QStringLiteral("image_file2")}));
        QVERIFY(body.value(QLatin1String("duration")).isDouble());
        QVERIFY(!m_submitter->isBusy());
        QCOMPARE(m_world->store.promptHistory(QStringLiteral("i2v")), QStringList{QStringLiteral("日出")});
    }

    // Found by fuzz/api_reply: a numeric task id too large for 64 bits was cast to qint64 (undefined
    // behaviour; "-9223372036854775808" on x86), in submission and task replies alike. Only whole
    // numbers that fit are ids.
    void numericTaskIds_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<QString>("id");
        QTest::newRow("string") << QByteArray("{\"taskid\":\"936759404378734592\"}") << "936759404378734592";
        QTest::newRow("number") << QByteArray("{\"taskid\":936759404378734592}") << "936759404378734592";
        QTest::newRow("small number") << QByteArray("{\"taskid\":42}") << "42";
        QTest::newRow("too large") << QByteArray("{\"taskid\":9367594043787345929367}") << "";
        QTest::newRow("negative") << QByteArray("{\"taskid\":-5}") << "";
        QTest::newRow("fraction") << QByteArray("{\"taskid\":1.5}") << "";
        QTest::newRow("huge") << QByteArray("{\"taskid\":1e308}") << "";
        QTest::newRow("missing") << QByteArray("{\"status\":\"created\"}") << "";
        QFile crash(QStringLiteral(YJ_FUZZ_DIR "/regressions/api_reply/taskid-number-out-of-range"));
        QVERIFY(crash.open(QIODevice::ReadOnly));
        QTest::newRow("the fuzzer's input") << crash.readAll().mid(1) << ""; // its first byte picks the HTTP status
    }
    void numericTaskIds()
    {
        QFETCH(QByteArray, reply);
        QFETCH(QString, id);
        QCOMPARE(SubmissionReply::parse(reply).taskId, id);
        QCOMPARE(TaskReply::parse(reply).taskId, id);
    }

    // Such a reply, from the platform: the task is not lost and not resent, but marked unknown.
    void unusableTaskIdIsUncertain()
    {
        const ModelSpec *spec = m_catalog.model(QStringLiteral("u9HZyfDoqU6uKI6M1BTks"));
        m_world->sim.config().forcedStatus = 200;
        m_world->sim.config().forcedBody = "{\"taskid\": 9367594043787345929367, \"status\": \"CREATED\"}";
        QSignalSpy uncertain(m_submitter, &VideoSubmitter::uncertain);
        QVERIFY(m_submitter->submit(*spec, valuesFor(*spec, QStringLiteral("dusk")), {}, 1024 * 1024));
        QVERIFY(uncertain.wait(10000));
        const VideoTask task = uncertain.first().first().value<VideoTask>();
        QCOMPARE(m_world->store.task(task.id).state, VideoTask::State::Unknown);
        QCOMPARE(m_world->sim.requestCount(QStringLiteral("/llmage/video")), 1);
    }

    void refusedBeforeSending()
    {
        const ModelSpec *spec = m_catalog.model(QStringLiteral("x4HksKp9mXR1Yv60mw6Py"));
        QSignalSpy refused(m_submitter, &VideoSubmitter::refused);
        QVERIFY(m_submitter->submit(*spec, valuesFor(*spec, QString()), {}, 1024 * 1024));
        QVERIFY(refused.wait());
        const auto fields = refused.first().first().value<QMap<QString, QString>>();
        QVERIFY(fields.contains(QStringLiteral("prompt")));
        QVERIFY(fields.contains(QStringLiteral("image_file1")));
        QCOMPARE(m_world->sim.requestCount(QStringLiteral("/llmage/video")), 0);
        QVERIFY(m_world->store.tasks().isEmpty());
    }

    void platformRefusals_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("state");
        QTest::newRow("400") << 0 << int(ApiError::Kind::BadRequest) << int(VideoTask::State::Rejected);
        QTest::newRow("429") << 1 << int(ApiError::Kind::InsufficientBalance) << int(VideoTask::State::Rejected);
        QTest::newRow("not enabled") << 2 << int(ApiError::Kind::Upstream) << int(VideoTask::State::Rejected);
        QTest::newRow("dropped after sending") << 3 << int(ApiError::Kind::Network) << int(VideoTask::State::Unknown);
        QTest::newRow("502") << 4 << int(ApiError::Kind::Server) << int(VideoTask::State::Unknown);
    }
    void platformRefusals()
    {
        QFETCH(int, scenario);
        QFETCH(int, kind);
        QFETCH(int, state);
        QString llmid = QStringLiteral("r0ill7L0s6PtBS8mkmg-7");
        QString prompt = QStringLiteral("a cat");
        switch (scenario) {
        case 0: prompt = QStringLiteral("[sim:400] a cat"); break;
        case 1: m_world->sim.config().insufficientBalance = true; break;
        case 2: llmid = QStringLiteral("YjjGgxO_Xma8PWsMjJvps"); break;
        case 3: m_world->sim.config().closeWithoutAnswer = true; break;
        case 4: m_world->sim.config().forcedStatus = 502; m_world->sim.config().forcedBody = "<html>bad gateway</html>"; break;
        }
        const ModelSpec *spec = m_catalog.model(llmid);
        QSignalSpy rejected(m_submitter, &VideoSubmitter::rejected);
        QSignalSpy uncertain(m_submitter, &VideoSubmitter::uncertain);
        QVERIFY(m_submitter->submit(*spec, valuesFor(*spec, prompt), {}, 1024 * 1024));
        QTRY_VERIFY_WITH_TIMEOUT(rejected.count() + uncertain.count() == 1, 10000);
        QSignalSpy &spy = rejected.isEmpty() ? uncertain : rejected;
        const ApiError error = spy.first().at(1).value<ApiError>();
        QCOMPARE(int(error.kind()), kind);
        const VideoTask task = m_world->store.task(spy.first().first().value<VideoTask>().id);
        QCOMPARE(int(task.state), state);
        QVERIFY(!task.error.isEmpty());
        QCOMPARE(m_world->sim.requestCount(QStringLiteral("/llmage/video")), 1);
        QVERIFY(!m_submitter->isBusy());
    }
};

QTEST_GUILESS_MAIN(TestVideoSubmitter)
#include "tst_videosubmitter.moc"
