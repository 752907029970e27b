// The yuanjing command line against the simulator: every command, its exits, a resumed batch, and the
// app seeing the same tasks.
#include "TestSupport.h"
#include "core/AppCore.h"
#include "store/Database.h"
#include "store/TaskStore.h"

#include <QDir>
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

    void failedVideoExits7()
    {
        const Result r = run({QStringLiteral("video"), QStringLiteral("--llmid"), QStringLiteral("r0ill7L0s6PtBS8mkmg-7"),
                              QStringLiteral("--set"), QStringLiteral("prompt=[sim:fail] x"), QStringLiteral("--wait")});
        QCOMPARE(r.code, 7);
    }

    void batchResumesWithoutDoubleSubmission()
    {
        m_sim->config().taskStepMs = 300;
        const QString path = m_box->dir.filePath(QStringLiteral("jobs.jsonl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"llmid\":\"r0ill7L0s6PtBS8mkmg-7\",\"set\":{\"prompt\":\"one\",\"duration\":2}}\n"
                "# a comment\n"
                "{\"llmid\":\"u9HZyfDoqU6uKI6M1BTks\",\"set\":{\"prompt\":\"two\",\"duration\":5}}\n"
                "{\"llmid\":\"r0ill7L0s6PtBS8mkmg-7\",\"set\":{\"prompt\":\"three\",\"duration\":3,\"resolution\":\"720p\"}}\n");
        f.close();
        // First run: interrupted once something was submitted.
        QProcess first;
        first.setProcessEnvironment(env());
        first.start(QStringLiteral(YJ_CLI_PATH), {QStringLiteral("batch"), path, QStringLiteral("--concurrency"), QStringLiteral("1")});
        QTRY_VERIFY_WITH_TIMEOUT(m_sim->requestCount(QStringLiteral("/llmage/video")) >= 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path + QStringLiteral(".state")), 5000);
        first.kill();
        QVERIFY(first.waitForFinished(5000));
        const int sentBefore = m_sim->requestCount(QStringLiteral("/llmage/video"));
        // Second run: skips what was sent, does the rest.
        m_sim->config().taskStepMs = 40;
        const Result r = run({QStringLiteral("--json"), QStringLiteral("batch"), path, QStringLiteral("--concurrency"), QStringLiteral("2")});
        QCOMPARE(r.code, 0);
        const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(summary.value(QLatin1String("skipped")).toInt(), sentBefore);
        QCOMPARE(summary.value(QLatin1String("submitted")).toInt(), 3 - sentBefore);
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 3);
        // A third run sends nothing.
        const Result again = run({QStringLiteral("--json"), QStringLiteral("batch"), path});
        QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QLatin1String("skipped")).toInt(), 3);
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 3);
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

    void helpAndVersion()
    {
        const Result help = run({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains("Exit codes"));
        const Result version = run({QStringLiteral("--version")});
        QVERIFY(version.out.contains(YUANJING_VERSION));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
