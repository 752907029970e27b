// The yuanjing command line against the simulator: every command, its exits, a resumed batch, and the
// app seeing the same tasks.
#include "TestSupport.h"
#include "core/AppCore.h"
#include "media/Media.h"
#include "store/Database.h"
#include "store/TaskStore.h"
#include "store/ConversationStore.h"
#include "tasks/TaskPoller.h"

#include <QDir>
#include <QImage>
#include <QSqlQuery>

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

class TestCli : public QObject
{
    Q_OBJECT
    TestSupport::Sandbox *m_box = nullptr;
    PlatformSimulator *m_sim = nullptr;

    struct Result
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    QProcessEnvironment env(const QString &key = QStringLiteral("sk-cli-000001")) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("YUANJING_CONFIG_DIR"), m_box->dir.filePath(QStringLiteral("config")));
        e.insert(QStringLiteral("YUANJING_DATA_DIR"), m_box->dir.filePath(QStringLiteral("data")));
        e.insert(QStringLiteral("YUANJING_NO_KEYCHAIN"), QStringLiteral("1"));
        e.insert(QStringLiteral("YUANJING_BASE_URL"), m_sim->baseUrl().toString());
        e.insert(QStringLiteral("YUANJING_POLL_FIRST_MS"), QStringLiteral("50"));
        e.remove(QStringLiteral("QT_LOGGING_RULES"));
        if (key.isEmpty())
            e.remove(QStringLiteral("YUANJING_API_KEY"));
        else
            e.insert(QStringLiteral("YUANJING_API_KEY"), key);
        return e;
    }
    // Runs yuanjing while this process's event loop keeps the simulator answering.
    Result run(const QStringList &args, const QByteArray &input = {}, const QString &key = QStringLiteral("sk-cli-000001"))
    {
        QProcess p;
        p.setProcessEnvironment(env(key));
        p.start(QStringLiteral(YJ_CLI_PATH), args);
        if (!input.isEmpty()) {
            p.write(input);
        }
        p.closeWriteChannel();
        QSignalSpy finished(&p, &QProcess::finished);
        if (!finished.wait(60000))
            p.kill();
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

private slots:
    void init()
    {
        m_box = new TestSupport::Sandbox;
        m_sim = new PlatformSimulator;
        QVERIFY(m_sim->start());
        m_sim->config().tokenDelayMs = 0;
        m_sim->config().taskStepMs = 40;
        m_sim->config().replyText = QStringLiteral("the answer");
        m_sim->config().reasoningText = QStringLiteral("thinking it over");
    }
    void cleanup()
    {
        delete m_sim;
        delete m_box;
    }

    void chatStreamsToStdout()
    {
        const Result r = run({QStringLiteral("chat"), QStringLiteral("-m"), QStringLiteral("glm-4.6"), QStringLiteral("--usage"),
                              QStringLiteral("--reasoning"), QStringLiteral("hello")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("the answer\n"));
        QVERIFY(r.err.contains("thinking it over"));
        QVERIFY(r.err.contains("usage:"));
        const QJsonObject body = QJsonDocument::fromJson(m_sim->requests().last().body).object();
        QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("glm-4.6"));
        QCOMPARE(body.value(QLatin1String("stream")).toBool(), true);
    }

    void chatFromStdinAsJson()
    {
        const Result r = run({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("--no-stream")}, "from stdin\n");
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QLatin1String("text")).toString(), QStringLiteral("the answer"));
        QVERIFY(o.value(QLatin1String("usage")).toObject().contains(QLatin1String("total_tokens")));
        QCOMPARE(QJsonDocument::fromJson(m_sim->requests().last().body).object().value(QLatin1String("prompt")).toString(),
                 QStringLiteral("from stdin"));
    }

    void exitCodes_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<int>("code");
        QTest::newRow("usage") << 0 << 2;
        QTest::newRow("rejected key") << 1 << 3;
        QTest::newRow("balance") << 2 << 4;
        QTest::newRow("bad request") << 3 << 5;
        QTest::newRow("unreachable") << 4 << 6;
        QTest::newRow("no key") << 5 << 3;
    }
    void exitCodes()
    {
        QFETCH(int, scenario);
        QFETCH(int, code);
        QStringList args{QStringLiteral("chat"), QStringLiteral("hi")};
        QString key = QStringLiteral("sk-cli-000001");
        switch (scenario) {
        case 0: args = {QStringLiteral("frobnicate")}; break;
        case 1: m_sim->config().requiredKey = QStringLiteral("another-key-1"); break;
        case 2: m_sim->config().insufficientBalance = true; break;
        case 3: args = {QStringLiteral("chat"), QStringLiteral("[sim:400] hi")}; break;
        case 4: m_sim->stop(); break;
        case 5: key.clear(); break;
        }
        const Result r = run(args, {}, key);
        QCOMPARE(r.code, code);
        QVERIFY(!r.err.isEmpty());
        QVERIFY(!r.err.contains("sk-cli-000001"));
    }

    // Every ending but done exits non-zero with its reason on stderr; the text received is still printed.
    void chatEndingsOtherThanDone_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("reason");
        QTest::newRow("ended-early fixture") << 0 << 6 << QByteArray("before the platform said it was complete");
        QTest::newRow("repr-error fixture") << 1 << 5 << QByteArray("upstream request failed");
        QTest::newRow("simulated early end") << 2 << 6 << QByteArray("before the platform said it was complete");
        QTest::newRow("simulated repr error") << 3 << 5 << QByteArray("upstream request failed");
        QTest::newRow("cut") << 4 << 6 << QByteArray("connection was lost");
    }
    void chatEndingsOtherThanDone()
    {
        QFETCH(int, scenario);
        QFETCH(int, code);
        QFETCH(QByteArray, reason);
        SimulatorConfig &c = m_sim->config();
        c.replyText = QStringLiteral("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十");
        c.reasoningText = QStringLiteral("-");
        switch (scenario) {
        case 0: c.forcedStatus = 200; c.forcedBody = TestSupport::fixture(QStringLiteral("t2t-stream-ended-early.sse")); c.forcedContentType = "text/event-stream"; break;
        case 1: c.forcedStatus = 200; c.forcedBody = TestSupport::fixture(QStringLiteral("t2t-stream-repr-error.ndjson")); c.forcedContentType = "text/html"; break;
        case 2: c.endAfterEvents = 5; break;
        case 3: c.errorAfterEvents = 5; c.errorAsRepr = true; break;
        case 4: c.resetAfterEvents = 5; break;
        }
        const Result r = run({QStringLiteral("chat"), QStringLiteral("hi")});
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(reason), r.err.constData());
        QVERIFY(!r.out.trimmed().isEmpty()); // the partial answer is not hidden
        // As JSON too: the state and the reason are there for a script to read.
        const Result j = run({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("hi")});
        QCOMPARE(j.code, code);
        const QJsonObject o = QJsonDocument::fromJson(j.out).object();
        QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("interrupted"));
        QVERIFY(!o.value(QLatin1String("reason")).toString().isEmpty());
    }

    // A database that cannot be opened or migrated: the command says so, and nothing is sent.
    void chatWithABrokenDatabaseSendsNothing()
    {
        {
            QDir().mkpath(m_box->dir.filePath(QStringLiteral("data")));
            Database db(m_box->dir.filePath(QStringLiteral("data/yuanjing.sqlite")));
            QVERIFY(db.open());
            QSqlQuery(db.db()).exec(QStringLiteral("PRAGMA user_version = 999"));
        }
        const Result r = run({QStringLiteral("chat"), QStringLiteral("hi")});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains("newer"), r.err.constData());
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/t2t")), 0);
    }

    void models()
    {
        const Result chat = run({QStringLiteral("models")});
        QCOMPARE(chat.code, 0);
        QVERIFY(chat.out.contains("qwen3-coder-plus")); // only on the platform's list
        const Result video = run({QStringLiteral("--json"), QStringLiteral("models"), QStringLiteral("--video")});
        QCOMPARE(video.code, 0);
        const QJsonArray list = QJsonDocument::fromJson(video.out).object().value(QLatin1String("models")).toArray();
        QCOMPARE(list.size(), 8);
        bool sawRadio = false;
        for (const QJsonValue &m : list)
            for (const QJsonValue &f : m.toObject().value(QLatin1String("fields")).toArray())
                sawRadio |= f.toObject().value(QLatin1String("key")).toString() == QLatin1String("radio");
        QVERIFY(sawRadio);
    }

    void videoIsCheckedBeforeSending()
    {
        Result r = run({QStringLiteral("video"), QStringLiteral("--llmid"), QStringLiteral("r0ill7L0s6PtBS8mkmg-7"),
                        QStringLiteral("--set"), QStringLiteral("prompt=x"), QStringLiteral("--set"), QStringLiteral("size=1*1")});
        QCOMPARE(r.code, 5);
        QVERIFY(r.err.contains("size"));
        r = run({QStringLiteral("video"), QStringLiteral("--llmid"), QStringLiteral("r0ill7L0s6PtBS8mkmg-7"), QStringLiteral("--set"),
                 QStringLiteral("prompt=x"), QStringLiteral("--set"), QStringLiteral("duration=99")});
        QCOMPARE(r.code, 5);
        QVERIFY(r.err.contains("duration"));
        r = run({QStringLiteral("video"), QStringLiteral("--llmid"), QStringLiteral("nope")});
        QCOMPARE(r.code, 2);
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 0);
    }

    // A picture that would take 324 MiB once decoded is refused with a clear message, nothing is sent.
    void hugePictureIsRefusedBeforeSending()
    {
        QProcess p;
        p.setProcessEnvironment(env());
        p.start(QStringLiteral(YJ_CLI_PATH),
                {QStringLiteral("video"), QStringLiteral("--llmid"), QStringLiteral("VooAIOtJdawpZjusWEzrh"), QStringLiteral("--set"),
                 QStringLiteral("prompt=x"), QStringLiteral("--image"),
                 QStringLiteral("image_file1=" YJ_FIXTURES_DIR "/huge-9000x9000.png")});
        p.closeWriteChannel();
        QSignalSpy finished(&p, &QProcess::finished);
        QVERIFY(finished.wait(60000));
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitCode(), 5);
        QVERIFY2(err.contains("too large"), err.constData());
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 0);
    }

    void videoWaitDownloadsAndTheAppSeesIt()
    {
        const Result r = run({QStringLiteral("video"), QStringLiteral("--llmid"), QStringLiteral("u9HZyfDoqU6uKI6M1BTks"),
                              QStringLiteral("--set"), QStringLiteral("prompt=waves"), QStringLiteral("--set"), QStringLiteral("duration=5"),
                              QStringLiteral("--wait")});
        QCOMPARE(r.code, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0), QByteArray("936759404378734592"));
        QVERIFY2(QFile::exists(QString::fromUtf8(lines.at(1))), lines.at(1).constData());
        // The app, on the same files, has the task.
        LaunchOptions o = m_box->options();
        o.baseUrlOverride = m_sim->baseUrl().toString();
        AppCore core(o);
        QSignalSpy started(&core, &AppCore::started);
        core.start();
        QVERIFY(started.count() || started.wait(5000));
        const QList<VideoTask> tasks = core.tasks()->tasks();
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(tasks.first().taskId, QStringLiteral("936759404378734592"));
        QCOMPARE(tasks.first().state, VideoTask::State::Succeeded);
        const Result list = run({QStringLiteral("tasks"), QStringLiteral("--status"), QStringLiteral("succeeded")});
        QVERIFY(list.out.contains("936759404378734592"));
        const Result one = run({QStringLiteral("--json"), QStringLiteral("task"), QStringLiteral("936759404378734592")});
        QCOMPARE(QJsonDocument::fromJson(one.out).object().value(QLatin1String("prompt")).toString(), QStringLiteral("waves"));
    }

    // --dry-run prints the body (pictures summarized, never their base64) and the expected cost; nothing
    // billable reaches the platform (only its free price list is read) and no task is written.
    void videoDryRunSendsNothing()
    {
        QImage frame(640, 360, QImage::Format_RGB32);
        frame.fill(Qt::darkGreen);
        const QString picture = m_box->dir.filePath(QStringLiteral("first.png"));
        QVERIFY(frame.save(picture));
        const QStringList args{QStringLiteral("video"), QStringLiteral("--llmid"), QStringLiteral("7RTOJD6K8A7RXCMG4GnQ9"),
                               QStringLiteral("--set"), QStringLiteral("prompt=a field"), QStringLiteral("--set"), QStringLiteral("duration=5"),
                               QStringLiteral("--image"), QStringLiteral("image_file1=") + picture, QStringLiteral("--image"),
                               QStringLiteral("image_file2=https://example.com/last.jpg"), QStringLiteral("--dry-run")};
        Result r = run(args);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("\"prompt\": \"a field\""), r.out.constData());
        QVERIFY2(r.out.contains("<image/jpeg 640x360"), r.out.constData());
        QVERIFY(r.out.contains("https://example.com/last.jpg"));
        QVERIFY(!r.out.contains("base64"));
        QVERIFY(r.out.contains("Expected cost"));

        r = run(QStringList{QStringLiteral("--json")} + args);
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QLatin1String("dry_run")).toBool(), true);
        const QJsonObject body = o.value(QLatin1String("body")).toObject();
        QCOMPARE(body.value(QLatin1String("llmid")).toString(), QStringLiteral("7RTOJD6K8A7RXCMG4GnQ9"));
        QCOMPARE(body.value(QLatin1String("duration")).toInt(), 5);
        QVERIFY(body.value(QLatin1String("image_file1")).toString().startsWith(QLatin1String("<image/jpeg")));
        // The simulator answers the price list: the platform's words come first.
        QCOMPARE(o.value(QLatin1String("cost")).toObject().value(QLatin1String("source")).toString(), QStringLiteral("pricing"));

        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 0);
        for (const auto &request : m_sim->requests())
            QCOMPARE(request.path, QStringLiteral("/llmage/v1/pricing"));
        const Result tasks = run({QStringLiteral("--json"), QStringLiteral("tasks")});
        QCOMPARE(QJsonDocument::fromJson(tasks.out).object().value(QLatin1String("tasks")).toArray().size(), 0);
    }

    // Without a price list, the estimate is this user's own history of the same settings.
    void videoDryRunEstimatesFromHistory()
    {
        m_sim->config().pricingAvailable = false;
        const QStringList args{QStringLiteral("video"), QStringLiteral("--llmid"), QStringLiteral("r0ill7L0s6PtBS8mkmg-7"), QStringLiteral("--set"),
                               QStringLiteral("prompt=waves"), QStringLiteral("--set"), QStringLiteral("resolution=720p"), QStringLiteral("--set"),
                               QStringLiteral("duration=5")};
        Result r = run(QStringList{QStringLiteral("--json")} + args + QStringList{QStringLiteral("--dry-run")});
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("cost")).toObject().value(QLatin1String("source")).toString(),
                 QStringLiteral("unknown"));
        QCOMPARE(run(args + QStringList{QStringLiteral("--wait")}).code, 0);
        r = run(QStringList{QStringLiteral("--json")} + args + QStringList{QStringLiteral("--dry-run")});
        const QJsonObject cost = QJsonDocument::fromJson(r.out).object().value(QLatin1String("cost")).toObject();
        QCOMPARE(cost.value(QLatin1String("source")).toString(), QStringLiteral("history"));
        QCOMPARE(cost.value(QLatin1String("credits")).toDouble(), 10.0);
        QCOMPARE(cost.value(QLatin1String("runs")).toInt(), 1);
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 1);
    }

    // One prompt, one intent, three models: three submissions, each with that model's own fields.
    void compareThreeModels()
    {
        const Result r = run({QStringLiteral("--json"), QStringLiteral("compare"), QStringLiteral("--llmid"), QStringLiteral("CrEMkFQfRCmbmopZsCqLj"),
                              QStringLiteral("--llmid"), QStringLiteral("u9HZyfDoqU6uKI6M1BTks"), QStringLiteral("--llmid"),
                              QStringLiteral("r0ill7L0s6PtBS8mkmg-7"), QStringLiteral("--ratio"), QStringLiteral("9:16"), QStringLiteral("--resolution"),
                              QStringLiteral("720p"), QStringLiteral("--duration"), QStringLiteral("5"), QStringLiteral("--set"),
                              QStringLiteral("prompt=海浪"), QStringLiteral("--wait")});
        QVERIFY2(r.code == 0, r.err.constData());
        QHash<QString, QJsonObject> sent;
        for (const auto &request : m_sim->requests())
            if (request.path == QLatin1String("/llmage/video")) {
                const QJsonObject body = QJsonDocument::fromJson(request.body).object();
                QVERIFY(!sent.contains(body.value(QLatin1String("llmid")).toString())); // each once
                sent.insert(body.value(QLatin1String("llmid")).toString(), body);
            }
        QCOMPARE(sent.size(), 3);
        for (const QJsonObject &body : std::as_const(sent))
            QCOMPARE(body.value(QLatin1String("prompt")).toString(), QStringLiteral("海浪"));
        const QJsonObject seedance = sent.value(QStringLiteral("CrEMkFQfRCmbmopZsCqLj"));
        QCOMPARE(seedance.value(QLatin1String("radio")).toString(), QStringLiteral("9:16"));
        QCOMPARE(seedance.value(QLatin1String("resolution")).toString(), QStringLiteral("720p"));
        QCOMPARE(seedance.value(QLatin1String("duration")).toInt(), 5);
        const QJsonObject wan = sent.value(QStringLiteral("u9HZyfDoqU6uKI6M1BTks"));
        QCOMPARE(wan.value(QLatin1String("size")).toString(), QStringLiteral("720*1280"));
        QCOMPARE(wan.value(QLatin1String("duration")).toInt(), 5);
        QVERIFY(!wan.contains(QLatin1String("ratio")) && !wan.contains(QLatin1String("resolution")));
        const QJsonObject vidu = sent.value(QStringLiteral("r0ill7L0s6PtBS8mkmg-7"));
        QCOMPARE(vidu.value(QLatin1String("ratio")).toString(), QStringLiteral("9:16"));
        QCOMPARE(vidu.value(QLatin1String("resolution")).toString(), QStringLiteral("720p"));
        QCOMPARE(vidu.value(QLatin1String("duration")).toInt(), 5);

        const QJsonArray list = QJsonDocument::fromJson(r.out).object().value(QLatin1String("compare")).toArray();
        QCOMPARE(list.size(), 3);
        // The three tasks are one comparison in the store (the Library can show them side by side again).
        const QString comparison = QJsonDocument::fromJson(r.out).object().value(QLatin1String("comparison")).toString();
        QVERIFY(!comparison.isEmpty());
        {
            Database db(m_box->dir.filePath(QStringLiteral("data/yuanjing.sqlite")));
            QVERIFY(db.open());
            TaskStore store(&db, m_box->dir.filePath(QStringLiteral("tasks")));
            QCOMPARE(store.comparison(comparison).size(), 3);
        }
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            QVERIFY(QFile::exists(o.value(QLatin1String("task")).toObject().value(QLatin1String("video_path")).toString()));
            QVERIFY(o.value(QLatin1String("credits")).toDouble() > 0);
            QVERIFY(o.contains(QLatin1String("seconds")));
            QCOMPARE(o.value(QLatin1String("sent")).toObject().value(QLatin1String("duration")).toInt(), 5);
        }
    }

    // One model refused by the platform, one failing midway, one disabled: each says so, the other runs,
    // nothing is sent twice.
    void compareOneRefusingDoesNotStopTheOthers()
    {
        m_sim->config().refuseVideoFor.insert(QStringLiteral("CrEMkFQfRCmbmopZsCqLj"));
        m_sim->config().failTasksFor.insert(QStringLiteral("u9HZyfDoqU6uKI6M1BTks"));
        const Result r = run({QStringLiteral("--json"), QStringLiteral("compare"), QStringLiteral("--llmid"), QStringLiteral("CrEMkFQfRCmbmopZsCqLj"),
                              QStringLiteral("--llmid"), QStringLiteral("u9HZyfDoqU6uKI6M1BTks"), QStringLiteral("--llmid"),
                              QStringLiteral("YjjGgxO_Xma8PWsMjJvps"), QStringLiteral("--llmid"), QStringLiteral("r0ill7L0s6PtBS8mkmg-7"),
                              QStringLiteral("--duration"), QStringLiteral("20"), QStringLiteral("--set"), QStringLiteral("prompt=x"),
                              QStringLiteral("--wait")});
        QCOMPARE(r.code, 7);
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 3); // the disabled one is never sent
        const QJsonArray list = QJsonDocument::fromJson(r.out).object().value(QLatin1String("compare")).toArray();
        QCOMPARE(list.size(), 4);
        QVERIFY(list.at(0).toObject().value(QLatin1String("error")).toString().contains(QLatin1String("balance")));
        QVERIFY(list.at(1).toObject().value(QLatin1String("error")).toString().contains(QLatin1String("failed")));
        QVERIFY(list.at(2).toObject().value(QLatin1String("error")).toString().contains(QLatin1String("not enabled")));
        const QJsonObject vidu = list.at(3).toObject();
        QVERIFY(!vidu.contains(QLatin1String("error")));
        QVERIFY(QFile::exists(vidu.value(QLatin1String("task")).toObject().value(QLatin1String("video_path")).toString()));
        // Vidu allows 16 s at most: said, and sent.
        QCOMPARE(vidu.value(QLatin1String("sent")).toObject().value(QLatin1String("duration")).toInt(), 16);
        QCOMPARE(vidu.value(QLatin1String("adjustments")).toArray().size(), 1);
    }

    void compareRefusesBadInputBeforeSending_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString a = QStringLiteral("CrEMkFQfRCmbmopZsCqLj"), b = QStringLiteral("u9HZyfDoqU6uKI6M1BTks");
        const QString prompt = QStringLiteral("prompt=x");
        QTest::newRow("one model") << QStringList{QStringLiteral("--llmid"), a, QStringLiteral("--set"), prompt};
        QTest::newRow("two modes") << QStringList{QStringLiteral("--llmid"), a, QStringLiteral("--llmid"), QStringLiteral("7RTOJD6K8A7RXCMG4GnQ9"),
                                                  QStringLiteral("--set"), prompt};
        QTest::newRow("no prompt") << QStringList{QStringLiteral("--llmid"), a, QStringLiteral("--llmid"), b};
        QTest::newRow("bad ratio") << QStringList{QStringLiteral("--llmid"), a, QStringLiteral("--llmid"), b, QStringLiteral("--ratio"),
                                                  QStringLiteral("wide"), QStringLiteral("--set"), prompt};
        QTest::newRow("bad resolution") << QStringList{QStringLiteral("--llmid"), a, QStringLiteral("--llmid"), b, QStringLiteral("--resolution"),
                                                       QStringLiteral("hd"), QStringLiteral("--set"), prompt};
        QTest::newRow("model field") << QStringList{QStringLiteral("--llmid"), a, QStringLiteral("--llmid"), b, QStringLiteral("--set"),
                                                    QStringLiteral("radio=9:16"), QStringLiteral("--set"), prompt};
        QTest::newRow("typo") << QStringList{QStringLiteral("--llmid"), a, QStringLiteral("--llmid"), b, QStringLiteral("--ration"),
                                             QStringLiteral("9:16"), QStringLiteral("--set"), prompt};
    }
    void compareRefusesBadInputBeforeSending()
    {
        QFETCH(QStringList, args);
        const Result r = run(QStringList{QStringLiteral("compare")} + args);
        QCOMPARE(r.code, 2);
        QVERIFY(!r.err.isEmpty());
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 0);
    }

    void failedVideoExits7()
    {
        const Result r = run({QStringLiteral("video"), QStringLiteral("--llmid"), QStringLiteral("r0ill7L0s6PtBS8mkmg-7"),
                              QStringLiteral("--set"), QStringLiteral("prompt=[sim:fail] x"), QStringLiteral("--wait")});
        QCOMPARE(r.code, 7);
    }

    QString writeBatch(const QByteArray &content, const QString &name = QStringLiteral("jobs.jsonl"))
    {
        const QString path = m_box->dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(content);
        return path;
    }
    static QByteArray threeJobs()
    {
        return "{\"llmid\":\"r0ill7L0s6PtBS8mkmg-7\",\"set\":{\"prompt\":\"one\",\"duration\":2}}\n"
               "{\"llmid\":\"u9HZyfDoqU6uKI6M1BTks\",\"set\":{\"prompt\":\"two\",\"duration\":5}}\n"
               "{\"llmid\":\"r0ill7L0s6PtBS8mkmg-7\",\"prompt\":\"three\",\"duration\":3,\"resolution\":\"720p\"}\n";
    }

    void batchKilledDuringASlowSubmissionSendsItOnce()
    {
        // The platform checks the balance and calls the vendor before it answers: the job is made and
        // billed while the client waits, and the client is killed before the answer.
        m_sim->config().submitDelayMs = 60000;
        const QString path = writeBatch(threeJobs());
        QProcess first;
        first.setProcessEnvironment(env());
        QSignalSpy received(m_sim, &PlatformSimulator::requestReceived);
        first.start(QStringLiteral(YJ_CLI_PATH), {QStringLiteral("batch"), path, QStringLiteral("--concurrency"), QStringLiteral("1")});
        QTRY_VERIFY_WITH_TIMEOUT(m_sim->requestCount(QStringLiteral("/llmage/video")) == 1, 20000);
        first.kill();
        QVERIFY(first.waitForFinished(5000));
        // The re-run skips it, says it is uncertain, and sends the other two.
        m_sim->config().submitDelayMs = 0;
        const Result r = run({QStringLiteral("--json"), QStringLiteral("batch"), path, QStringLiteral("--concurrency"), QStringLiteral("2")});
        const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(summary.value(QLatin1String("skipped")).toInt(), 1);
        QCOMPARE(summary.value(QLatin1String("submitted")).toInt(), 2);
        QCOMPARE(summary.value(QLatin1String("uncertain_lines")).toArray(), QJsonArray{1});
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 3);
        // The task row says so too.
        const Result unknown = run({QStringLiteral("tasks"), QStringLiteral("--status"), QStringLiteral("unknown")});
        QVERIFY2(unknown.out.contains("one"), unknown.out.constData());
        // And the human-readable run names the line.
        const Result again = run({QStringLiteral("batch"), path});
        QVERIFY2(again.err.contains("line 1: uncertain"), again.err.constData());
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 3);

        // The user finds its id on the platform and gives it: the video it paid for comes home.
        const QJsonArray all = QJsonDocument::fromJson(run({QStringLiteral("--json"), QStringLiteral("tasks"), QStringLiteral("--status"),
                                                             QStringLiteral("unknown")}).out)
                                   .object()
                                   .value(QLatin1String("tasks"))
                                   .toArray();
        QCOMPARE(all.size(), 1);
        const QString row = QString::number(all.first().toObject().value(QLatin1String("id")).toInteger());
        const Result given = run({QStringLiteral("task"), row, QStringLiteral("--taskid"), QStringLiteral("936759404378734592"),
                                  QStringLiteral("--wait")});
        QCOMPARE(given.code, 0);
        QVERIFY(QFile::exists(QString::fromUtf8(given.out.trimmed())));
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 3);
    }

    void batchJobsAreKnownByContentNotLine()
    {
        const QString path = writeBatch(threeJobs());
        const Result r = run({QStringLiteral("--json"), QStringLiteral("batch"), path, QStringLiteral("--concurrency"), QStringLiteral("3")});
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("submitted")).toInt(), 3);
        // A comment and a blank line on top, one line reformatted: the same jobs, nothing sent again.
        QByteArray edited = "# my films\n\n" + threeJobs();
        edited.replace("{\"llmid\":\"u9HZyfDoqU6uKI6M1BTks\",\"set\":{\"prompt\":\"two\",\"duration\":5}}",
                       "{ \"set\": {\"duration\": 5, \"prompt\": \"two\"}, \"llmid\": \"u9HZyfDoqU6uKI6M1BTks\" }");
        writeBatch(edited);
        const Result again = run({QStringLiteral("--json"), QStringLiteral("batch"), path});
        QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QLatin1String("skipped")).toInt(), 3);
        QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QLatin1String("submitted")).toInt(), 0);
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 3);
        // The platform's own body shape went out with the model's keys.
        const QJsonObject third = QJsonDocument::fromJson(m_sim->requests().at(2).body).object();
        bool sawThree = false;
        for (const auto &req : m_sim->requests())
            if (req.path == QLatin1String("/llmage/video")
                && QJsonDocument::fromJson(req.body).object().value(QLatin1String("prompt")).toString() == QLatin1String("three")) {
                sawThree = true;
                QCOMPARE(QJsonDocument::fromJson(req.body).object().value(QLatin1String("resolution")).toString(), QStringLiteral("720p"));
            }
        QVERIFY(sawThree);
        Q_UNUSED(third)
    }

    void identicalLinesAreSeparateJobs()
    {
        const QByteArray line = "{\"llmid\":\"r0ill7L0s6PtBS8mkmg-7\",\"set\":{\"prompt\":\"same\",\"duration\":1}}\n";
        const QString path = writeBatch(line + line);
        const Result r = run({QStringLiteral("--json"), QStringLiteral("batch"), path});
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("submitted")).toInt(), 2);
        writeBatch(line + line + line); // a third copy is a new job
        const Result again = run({QStringLiteral("--json"), QStringLiteral("batch"), path});
        QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QLatin1String("submitted")).toInt(), 1);
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 3);
    }

    void aTypoNeverBills_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("video --dryrun") << QStringList{QStringLiteral("video"), QStringLiteral("--llmid"), QStringLiteral("u9HZyfDoqU6uKI6M1BTks"),
                                                        QStringLiteral("--set"), QStringLiteral("prompt=waves"), QStringLiteral("--dryrun")};
        QTest::newRow("video --wiat") << QStringList{QStringLiteral("video"), QStringLiteral("--wiat"), QStringLiteral("--llmid"),
                                                      QStringLiteral("u9HZyfDoqU6uKI6M1BTks"), QStringLiteral("--set"), QStringLiteral("prompt=waves")};
        QTest::newRow("chat --modle") << QStringList{QStringLiteral("chat"), QStringLiteral("--modle"), QStringLiteral("x"), QStringLiteral("hi")};
        QTest::newRow("batch -n") << QStringList{QStringLiteral("batch"), QStringLiteral("JOBS"), QStringLiteral("-n")};
        QTest::newRow("value missing") << QStringList{QStringLiteral("video"), QStringLiteral("--set"), QStringLiteral("prompt=x"), QStringLiteral("--llmid")};
    }
    void aTypoNeverBills()
    {
        QFETCH(QStringList, args);
        const QString path = writeBatch(threeJobs());
        args.replaceInStrings(QStringLiteral("JOBS"), path);
        const Result r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("option") || r.err.contains("value"), r.err.constData());
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 0);
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/t2t")), 0);
    }

    void demoModeAppAndCliShareTheirPlatform()
    {
        // Each runs its own simulator on the same data folder: one platform, as the two see it.
        AppCore *core = TestSupport::startDemoCore(*m_box);
        QVERIFY(core);
        PollPolicy policy = core->poller()->policy();
        policy.firstDelayMs = 50;
        policy.maxIntervalMs = 100;
        core->poller()->setPolicy(policy);
        core->simulator()->config().taskStepMs = 40;
        QVERIFY(core->isDataOwner());
        QProcessEnvironment e = env();
        e.remove(QStringLiteral("YUANJING_BASE_URL"));
        QProcess p;
        p.setProcessEnvironment(e);
        p.start(QStringLiteral(YJ_CLI_PATH), {QStringLiteral("--demo"), QStringLiteral("video"), QStringLiteral("--llmid"),
                                               QStringLiteral("u9HZyfDoqU6uKI6M1BTks"), QStringLiteral("--set"), QStringLiteral("prompt=demo"),
                                               QStringLiteral("--set"), QStringLiteral("duration=5"), QStringLiteral("--wait")});
        QSignalSpy finished(&p, &QProcess::finished);
        QVERIFY(finished.wait(60000));
        const QByteArray out = p.readAllStandardOutput();
        QCOMPARE(p.exitCode(), 0);
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(QFile::exists(QString::fromUtf8(lines.at(1))));
        QCOMPARE(core->tasks()->tasks().first().state, VideoTask::State::Succeeded);
        delete core;
    }

    void theAppAndTheCliShareADataFolder()
    {
        // The app starts first: it owns the folder.
        LaunchOptions o = m_box->options();
        o.baseUrlOverride = m_sim->baseUrl().toString();
        o.apiKeyOverride = QStringLiteral("sk-cli-000001");
        AppCore core(o);
        QSignalSpy started(&core, &AppCore::started);
        core.start();
        QVERIFY(started.count() || started.wait(5000));
        QVERIFY(core.isDataOwner());
        PollPolicy policy = core.poller()->policy();
        policy.firstDelayMs = 50;
        policy.maxIntervalMs = 100;
        core.poller()->setPolicy(policy);
        // The app's answer in progress.
        const qint64 conversation = core.conversations()->createConversation(QStringLiteral("c"), QStringLiteral("qwen3-max"));
        ChatMessage live;
        live.conversationId = conversation;
        live.role = ChatMessage::Role::Assistant;
        live.state = ChatMessage::State::Streaming;
        live.content = QStringLiteral("half an answer");
        QVERIFY(core.conversations()->addMessage(live));

        // yuanjing, meanwhile, neither marks it interrupted nor polls or downloads anything itself.
        const Result list = run({QStringLiteral("tasks")});
        QCOMPARE(list.code, 0);
        QCOMPARE(core.conversations()->message(live.id).state, ChatMessage::State::Streaming);

        // A video from the command line: the app follows and downloads it, once; --wait hears of it.
        const Result r = run({QStringLiteral("video"), QStringLiteral("--llmid"), QStringLiteral("u9HZyfDoqU6uKI6M1BTks"),
                              QStringLiteral("--set"), QStringLiteral("prompt=shared"), QStringLiteral("--set"), QStringLiteral("duration=5"),
                              QStringLiteral("--wait")});
        QCOMPARE(r.code, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(QFile::exists(QString::fromUtf8(lines.at(1))));
        const QList<VideoTask> tasks = core.tasks()->tasks();
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(tasks.first().videoPath, QString::fromUtf8(lines.at(1)));
        int videoFetches = 0;
        for (const auto &req : m_sim->requests())
            if (req.path == QLatin1String("/idfile") && req.query.queryItemValue(QStringLiteral("path")).endsWith(QLatin1String(".mp4")))
                ++videoFetches;
        QCOMPARE(videoFetches, 1);
    }

    void batchRefusesABadLineBeforeSending()
    {
        const QString path = m_box->dir.filePath(QStringLiteral("bad.jsonl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"llmid\":\"r0ill7L0s6PtBS8mkmg-7\",\"set\":{\"prompt\":\"ok\"}}\n{\"llmid\":\"r0ill7L0s6PtBS8mkmg-7\",\"set\":{\"colour\":\"red\"}}\n");
        f.close();
        const Result r = run({QStringLiteral("batch"), path});
        QCOMPARE(r.code, 5);
        QVERIFY(r.err.contains("line 2"));
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 0);
    }

    void frameAndJoin()
    {
        // Clips written by the engine in this process; the command line reads and joins them.
        std::unique_ptr<media::Engine> engine = MediaModule::createEngine();
        QVERIFY(engine);
        auto clip = [&](const QString &name, QSize size, double fps, int frames, QColor first, QColor last,
                        bool audio) {
            media::ClipSpec spec;
            spec.size = size;
            spec.fps = fps;
            spec.frames = frames;
            spec.audio = audio;
            spec.frame = [=](int n) {
                QImage image(size, QImage::Format_RGB32);
                image.fill(n + 1 < frames ? first : last);
                return image;
            };
            const QString file = m_box->dir.filePath(name);
            return engine->writeClip(file, spec, {}).ok() ? file : QString();
        };
        const QString a = clip(QStringLiteral("a.mp4"), {320, 240}, 25, 25, Qt::red, Qt::green, true);
        const QString b = clip(QStringLiteral("b.mp4"), {200, 200}, 30, 30, Qt::blue, Qt::yellow, false);
        QVERIFY(!a.isEmpty() && !b.isEmpty());

        const QString last = m_box->dir.filePath(QStringLiteral("last.png"));
        Result r = run({QStringLiteral("frame"), a, QStringLiteral("--last"), QStringLiteral("-o"), last});
        QVERIFY2(r.code == 0, r.err.constData());
        const QImage image(last);
        QCOMPARE(image.size(), QSize(320, 240));
        QVERIFY(qGreen(image.pixel(160, 120)) > 200 && qRed(image.pixel(160, 120)) < 60);
        r = run({QStringLiteral("frame"), a, QStringLiteral("--at"), QStringLiteral("0.2"),
                 QStringLiteral("-o"), m_box->dir.filePath(QStringLiteral("at.jpg"))});
        QCOMPARE(r.code, 0);
        QVERIFY(qRed(QImage(m_box->dir.filePath(QStringLiteral("at.jpg"))).pixel(160, 120)) > 200);

        // A picture is not a video: said in words, nothing written.
        const QString shot = m_box->dir.filePath(QStringLiteral("nothing.png"));
        r = run({QStringLiteral("frame"), last, QStringLiteral("-o"), shot});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("is a picture, not a video"), r.err.constData());
        QVERIFY(!QFile::exists(shot));
        QCOMPARE(run({QStringLiteral("frame"), a, QStringLiteral("-o"),
                      m_box->dir.filePath(QStringLiteral("f.gif"))})
                     .code,
                 2);
        QCOMPARE(run({QStringLiteral("frame"), a, QStringLiteral("--first"), QStringLiteral("--last"),
                      QStringLiteral("-o"), last})
                     .code,
                 2);

        const QString film = m_box->dir.filePath(QStringLiteral("film.mp4"));
        r = run({QStringLiteral("--json"), QStringLiteral("join"), a, b, QStringLiteral("--fps"),
                 QStringLiteral("30"), QStringLiteral("-o"), film});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("stream_copy")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("width")).toInt(), 320);
        QCOMPARE(o.value(QStringLiteral("fps")).toDouble(), 30.0);
        QVERIFY(o.value(QStringLiteral("audio")).toBool());
        QVERIFY(qAbs(o.value(QStringLiteral("duration")).toDouble() - 2.0) < 0.07);
        media::ClipInfo info;
        QVERIFY(engine->probe(film, &info).ok());
        QVERIFY(info.hasAudio);
        QCOMPARE(info.fps, 30.0);

        // Mistakes in the command line are usage errors; a bad clip is said in words and leaves nothing.
        QCOMPARE(run({QStringLiteral("join"), a, b, QStringLiteral("--sise"), QStringLiteral("1x1"),
                      QStringLiteral("-o"), film})
                     .code,
                 2);
        QCOMPARE(run({QStringLiteral("join"), a, b, QStringLiteral("--size"), QStringLiteral("big"),
                      QStringLiteral("-o"), film})
                     .code,
                 2);
        QCOMPARE(run({QStringLiteral("join"), a, b}).code, 2);
        const QString none = m_box->dir.filePath(QStringLiteral("none.mp4"));
        r = run({QStringLiteral("join"), a, last, QStringLiteral("-o"), none});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("last.png"));
        QVERIFY(!QFile::exists(none) && !QFile::exists(none + QStringLiteral(".part")));
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 0);
    }

    QString writeBoard(const QString &name, bool chained)
    {
        const QString path = m_box->dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        const QJsonObject board{
            {QStringLiteral("title"), QStringLiteral("three shots")},
            {QStringLiteral("shots"),
             QJsonArray{QJsonObject{{QStringLiteral("llmid"), QStringLiteral("r0ill7L0s6PtBS8mkmg-7")},
                                    {QStringLiteral("set"), QJsonObject{{QStringLiteral("prompt"), QStringLiteral("a red panda wakes")}}}},
                        QJsonObject{{QStringLiteral("llmid"), QStringLiteral("7RTOJD6K8A7RXCMG4GnQ9")},
                                    {QStringLiteral("set"), QJsonObject{{QStringLiteral("prompt"), QStringLiteral("it climbs on")}}},
                                    {QStringLiteral("continue"), chained}},
                        QJsonObject{{QStringLiteral("llmid"), QStringLiteral("r0ill7L0s6PtBS8mkmg-7")},
                                    {QStringLiteral("set"), QJsonObject{{QStringLiteral("prompt"), QStringLiteral("the forest at night")}}}}}}};
        f.write(QJsonDocument(board).toJson());
        return path;
    }
    void chainedStoryboardContinuesFromTheLastFrameAndJoins()
    {
        const QString board = writeBoard(QStringLiteral("board.json"), true);
        Result r = run({QStringLiteral("--json"), QStringLiteral("storyboard"), QStringLiteral("run"), board});
        QVERIFY2(r.code == 0, r.err.constData() + r.out);
        QJsonObject summary = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(summary.value(QLatin1String("submitted")).toInt(), 3);
        QCOMPARE(summary.value(QLatin1String("done")).toInt(), 3);
        const QString film = summary.value(QLatin1String("film")).toString();
        QCOMPARE(QFileInfo(film).fileName(), QStringLiteral("board.mp4"));
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 3);

        // Shot 2 was sent with shot 1's very last frame in its first-frame field, and only shot 2.
        const QString shot1 = summary.value(QLatin1String("shots")).toArray().at(0).toObject().value(QLatin1String("video")).toString();
        std::unique_ptr<media::Engine> engine = MediaModule::createEngine();
        QVERIFY(engine);
        QImage last, first;
        QVERIFY(engine->frame(shot1, media::FramePosition::Last, 0, &last).ok());
        QVERIFY(engine->frame(shot1, media::FramePosition::First, 0, &first).ok());
        int withFrame = 0;
        for (const PlatformSimulator::Recorded &req : m_sim->requests()) {
            if (req.path != QLatin1String("/llmage/video"))
                continue;
            const QImage sent = TestSupport::sentPicture(req.body, QStringLiteral("image_file1"));
            if (sent.isNull())
                continue;
            ++withFrame;
            QCOMPARE(sent.size(), last.size());
            // JPEG on the way: close to the last frame, and closer to it than to the first.
            qint64 toLast = 0, toFirst = 0;
            for (int y = 0; y < sent.height(); y += 7)
                for (int x = 0; x < sent.width(); x += 7) {
                    toLast += qAbs(qGray(sent.pixel(x, y)) - qGray(last.pixel(x, y)));
                    toFirst += qAbs(qGray(sent.pixel(x, y)) - qGray(first.pixel(x, y)));
                }
            QVERIFY2(toLast < toFirst, QByteArray::number(toLast) + " vs " + QByteArray::number(toFirst));
        }
        QCOMPARE(withFrame, 1);
        // In demo mode shot 2's clip starts on the picture it was given: the film visibly continues.
        const QString shot2 = summary.value(QLatin1String("shots")).toArray().at(1).toObject().value(QLatin1String("video")).toString();
        QImage opening;
        QVERIFY(engine->frame(shot2, media::FramePosition::First, 0, &opening).ok());
        QCOMPARE(opening.size(), last.size());
        qint64 diff = 0, samples = 0;
        for (int y = 0; y < opening.height(); y += 7)
            for (int x = 0; x < opening.width(); x += 7, ++samples)
                diff += qAbs(qGray(opening.pixel(x, y)) - qGray(last.pixel(x, y)));
        QVERIFY2(diff / samples < 12, QByteArray::number(diff / samples));

        // The film: three 4 s demo clips, with their sound.
        media::ClipInfo info;
        QVERIFY(engine->probe(film, &info).ok());
        QVERIFY2(qAbs(info.duration - 12.0) < 0.2, QByteArray::number(info.duration));
        QVERIFY(info.hasAudio);

        // Again: nothing is sent twice; the film is joined anew from the same takes.
        QFile::remove(film);
        r = run({QStringLiteral("--json"), QStringLiteral("storyboard"), QStringLiteral("run"), board});
        QVERIFY2(r.code == 0, r.err.constData());
        summary = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(summary.value(QLatin1String("submitted")).toInt(), 0);
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 3);
        QVERIFY(QFile::exists(film));
    }

    void storyboardKilledMidwaySendsNothingTwice()
    {
        // Shot 1 is sent and the run killed before the platform answers: its task may exist and be billed.
        m_sim->config().submitDelayMs = 60000;
        const QString board = writeBoard(QStringLiteral("killed.json"), true);
        QProcess first;
        first.setProcessEnvironment(env());
        first.start(QStringLiteral(YJ_CLI_PATH), {QStringLiteral("storyboard"), QStringLiteral("run"), board,
                                                  QStringLiteral("--concurrency"), QStringLiteral("1")});
        QTRY_VERIFY_WITH_TIMEOUT(m_sim->requestCount(QStringLiteral("/llmage/video")) == 1, 20000);
        first.kill();
        QVERIFY(first.waitForFinished(5000));
        m_sim->config().submitDelayMs = 0;
        // The re-run never resends shot 1, holds back shot 2 (it continues an uncertain shot), makes shot 3.
        const Result r = run({QStringLiteral("--json"), QStringLiteral("storyboard"), QStringLiteral("run"), board});
        QCOMPARE(r.code, 7);
        const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
        const QJsonArray shots = summary.value(QLatin1String("shots")).toArray();
        QCOMPARE(shots.at(0).toObject().value(QLatin1String("state")).toString(), QStringLiteral("uncertain"));
        QCOMPARE(shots.at(1).toObject().value(QLatin1String("state")).toString(), QStringLiteral("blocked"));
        QCOMPARE(shots.at(2).toObject().value(QLatin1String("state")).toString(), QStringLiteral("done"));
        QCOMPARE(summary.value(QLatin1String("submitted")).toInt(), 1);
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 2);
        QVERIFY(summary.value(QLatin1String("film")).toString().isEmpty());
        const Result again = run({QStringLiteral("storyboard"), QStringLiteral("run"), board});
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 2);
        QVERIFY2(again.err.contains("shot 1: uncertain"), again.err.constData());
    }

    void storyboardMistakesSendNothing()
    {
        const QString path = m_box->dir.filePath(QStringLiteral("bad.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // A text-to-video model has no first frame to continue into.
        f.write("{\"shots\":[{\"llmid\":\"r0ill7L0s6PtBS8mkmg-7\",\"set\":{\"prompt\":\"a\"}},"
                "{\"llmid\":\"r0ill7L0s6PtBS8mkmg-7\",\"set\":{\"prompt\":\"b\"},\"continue\":true}]}");
        f.close();
        Result r = run({QStringLiteral("storyboard"), QStringLiteral("run"), path});
        QCOMPARE(r.code, 5);
        QVERIFY2(r.err.contains("shot 2"), r.err.constData());
        QCOMPARE(run({QStringLiteral("storyboard"), QStringLiteral("run"), path, QStringLiteral("--bogus")}).code, 2);
        QCOMPARE(run({QStringLiteral("storyboard"), QStringLiteral("go"), path}).code, 2);
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 0);
    }

    void storyboardImportListExport()
    {
        // A board file into the app's Storyboard tab, and back out as a file that runs.
        const QString board = writeBoard(QStringLiteral("panda.json"), true);
        Result r = run({QStringLiteral("--json"), QStringLiteral("storyboard"), QStringLiteral("import"), board});
        QVERIFY2(r.code == 0, r.err.constData());
        const qint64 id = QJsonDocument::fromJson(r.out).object().value(QLatin1String("id")).toInteger();
        QVERIFY(id > 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("shots")).toInt(), 3);
        r = run({QStringLiteral("--json"), QStringLiteral("storyboard"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        const QJsonArray boards = QJsonDocument::fromJson(r.out).object().value(QLatin1String("boards")).toArray();
        QCOMPARE(boards.size(), 1);
        QCOMPARE(boards.first().toObject().value(QLatin1String("id")).toInteger(), id);
        const QString out = m_box->dir.filePath(QStringLiteral("exported.json"));
        r = run({QStringLiteral("storyboard"), QStringLiteral("export"), QString::number(id), QStringLiteral("-o"), out});
        QVERIFY2(r.code == 0, r.err.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray shots = QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("shots")).toArray();
        QCOMPARE(shots.size(), 3);
        QCOMPARE(shots.at(1).toObject().value(QLatin1String("continue")).toBool(), true);
        QCOMPARE(shots.at(1).toObject().value(QLatin1String("set")).toObject().value(QLatin1String("prompt")).toString(),
                 QStringLiteral("it climbs on"));
        // To standard output without -o; an unknown board, or a file that is no board, is a usage error.
        r = run({QStringLiteral("storyboard"), QStringLiteral("export"), QString::number(id)});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("\"shots\""));
        QCOMPARE(run({QStringLiteral("storyboard"), QStringLiteral("export"), QStringLiteral("99")}).code, 2);
        QCOMPARE(run({QStringLiteral("storyboard"), QStringLiteral("export")}).code, 2);
        QFile bad(m_box->dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"shots\": [{\"llmid\": \"nope\"}]}");
        bad.close();
        r = run({QStringLiteral("storyboard"), QStringLiteral("import"), bad.fileName()});
        QCOMPARE(r.code, 5);
        QVERIFY2(r.err.contains("shot 1"), r.err.constData());
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 0);
    }

    void promptImprove()
    {
        m_sim->config().replyText.clear(); // the simulator's own prompt help
        Result r = run({QStringLiteral("--demo"), QStringLiteral("prompt"), QStringLiteral("improve"), QStringLiteral("--llmid"),
                        QStringLiteral("u9HZyfDoqU6uKI6M1BTks"), QStringLiteral("a fox in the snow")});
        QCOMPARE(r.code, 0);
        const QString out = QString::fromUtf8(r.out).trimmed();
        QVERIFY2(out.startsWith(QStringLiteral("a fox in the snow. Medium shot")), r.out.constData());
        QVERIFY(!out.contains(QLatin1Char('\n')));

        r = run({QStringLiteral("prompt"), QStringLiteral("improve"), QStringLiteral("--llmid"), QStringLiteral("u9HZyfDoqU6uKI6M1BTks"),
                 QStringLiteral("--variant"), QStringLiteral("en"), QStringLiteral("--chat-model"), QStringLiteral("deepseek-v3"),
                 QStringLiteral("一只狐狸")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("Cinematic shot: 一只狐狸"));
        QCOMPARE(m_sim->requests().last().path, QStringLiteral("/llmage/t2t"));
        QCOMPARE(QJsonDocument::fromJson(m_sim->requests().last().body).object().value("model").toString(), QStringLiteral("deepseek-v3"));

        // Its cost is in the ledger like any chat call.
        {
            Database db(m_box->dir.filePath(QStringLiteral("data/yuanjing.sqlite")));
            QVERIFY(db.open());
            QSqlQuery q(db.db());
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM usage_ledger WHERE kind = 'chat'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 2); // the two runs above
        }

        const int sent = int(m_sim->requests().size());
        // Mistakes are usage errors, and nothing is sent.
        for (const QStringList &args : {QStringList{"prompt", "improve", "--llmid", "nope", "x"},
                                        QStringList{"prompt", "improve", "x"},
                                        QStringList{"prompt", "improve", "--llmid", "u9HZyfDoqU6uKI6M1BTks", "--variant", "longer", "x"},
                                        QStringList{"prompt", "improve", "--llmid", "u9HZyfDoqU6uKI6M1BTks", "--shots", "3", "x"},
                                        QStringList{"prompt", "improve", "--llmid", "u9HZyfDoqU6uKI6M1BTks"}}) {
            r = run(args, {}, QStringLiteral("sk-cli-000001"));
            QVERIFY2(r.code == 2, qPrintable(args.join(' ') + QStringLiteral(": ") + QString::fromUtf8(r.err)));
        }
        QCOMPARE(int(m_sim->requests().size()), sent);

        m_sim->config().insufficientBalance = true;
        r = run({QStringLiteral("prompt"), QStringLiteral("improve"), QStringLiteral("--llmid"), QStringLiteral("u9HZyfDoqU6uKI6M1BTks"), QStringLiteral("x")});
        QCOMPARE(r.code, 4);
        QVERIFY(r.out.isEmpty());
    }

    void storyboardPlan()
    {
        m_sim->config().replyText.clear();
        const QString board = m_box->dir.filePath(QStringLiteral("board.json"));
        Result r = run({QStringLiteral("storyboard"), QStringLiteral("plan"), QStringLiteral("--llmid"), QStringLiteral("r0ill7L0s6PtBS8mkmg-7"),
                        QStringLiteral("--shots"), QStringLiteral("4"), QStringLiteral("一只狐狸在雪地里寻找回家的路"), QStringLiteral("-o"), board});
        QVERIFY2(r.code == 0, r.err.constData());
        QFile f(board);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(o.value("title").toString(), QStringLiteral("一只狐狸在雪地里寻找回家的路"));
        const QJsonArray shots = o.value("shots").toArray();
        QCOMPARE(shots.size(), 4);
        for (const QJsonValue &shot : shots) {
            QCOMPARE(shot["llmid"].toString(), QStringLiteral("r0ill7L0s6PtBS8mkmg-7"));
            QVERIFY(!shot["set"]["prompt"].toString().isEmpty());
            QCOMPARE(shot["set"]["duration"].toInt(), 5);
        }
        // A text-to-video model has no first frame to continue into: separate shots.
        QVERIFY(!shots[1]["continue"].toBool());
        // Nothing was generated: one chat call, no video.
        for (const auto &req : m_sim->requests())
            QVERIFY(req.path != QLatin1String("/llmage/video"));

        // The planned board runs as it is: four shots, one film.
        Result ran = run({QStringLiteral("storyboard"), QStringLiteral("run"), board, QStringLiteral("--concurrency"), QStringLiteral("4")});
        QVERIFY2(ran.code == 0, ran.err.constData());
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 4);
        QVERIFY(QFile::exists(m_box->dir.filePath(QStringLiteral("board.mp4"))));

        // With an image-to-video model whose first frame is optional, the planned shots are chained.
        const QString chained = m_box->dir.filePath(QStringLiteral("chained.json"));
        r = run({QStringLiteral("storyboard"), QStringLiteral("plan"), QStringLiteral("--llmid"), QStringLiteral("7RTOJD6K8A7RXCMG4GnQ9"),
                 QStringLiteral("--shots"), QStringLiteral("2"), QStringLiteral("a paper boat on a river"), QStringLiteral("-o"), chained});
        QVERIFY2(r.code == 0, r.err.constData());
        QFile cf(chained);
        QVERIFY(cf.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(cf.readAll()).object().value("shots").toArray().at(1)["continue"].toBool());
        ran = run({QStringLiteral("storyboard"), QStringLiteral("run"), chained});
        QVERIFY2(ran.code == 0, ran.err.constData());
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 6);
        // Shot 2 went with a first frame (shot 1's last).
        const QJsonObject second = QJsonDocument::fromJson(m_sim->requests().last().body).object();
        bool sawFrame = false;
        for (const auto &req : m_sim->requests())
            if (req.path == QLatin1String("/llmage/video")
                && QJsonDocument::fromJson(req.body).object().value(QLatin1String("image_file1")).toString().startsWith(QLatin1String("data:image/")))
                sawFrame = true;
        QVERIFY(sawFrame);
        Q_UNUSED(second)

        // An answer without shots: a clear message, no board written.
        m_sim->config().replyText = QStringLiteral("Sorry, I can't.");
        QFile::remove(board);
        r = run({QStringLiteral("storyboard"), QStringLiteral("plan"), QStringLiteral("--llmid"), QStringLiteral("r0ill7L0s6PtBS8mkmg-7"),
                 QStringLiteral("--shots"), QStringLiteral("4"), QStringLiteral("story"), QStringLiteral("-o"), board});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("no shot list"));
        QVERIFY(!QFile::exists(board));
        // Too many shots asked for, or a typo: usage errors before anything is sent.
        r = run({QStringLiteral("storyboard"), QStringLiteral("plan"), QStringLiteral("--llmid"), QStringLiteral("r0ill7L0s6PtBS8mkmg-7"),
                 QStringLiteral("--shots"), QStringLiteral("40"), QStringLiteral("story")});
        QCOMPARE(r.code, 2);
        r = run({QStringLiteral("storyboard"), QStringLiteral("plan"), QStringLiteral("--llmid"), QStringLiteral("r0ill7L0s6PtBS8mkmg-7"),
                 QStringLiteral("--shots"), QStringLiteral("4"), QStringLiteral("--wait"), QStringLiteral("story")});
        QCOMPARE(r.code, 2);
    }

    void helpAndVersion()
    {
        const Result help = run({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains("Exit codes"));
        QVERIFY(help.out.contains("join VIDEO..."));
        const Result version = run({QStringLiteral("--version")});
        QVERIFY(version.out.contains(YUANJING_VERSION));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
