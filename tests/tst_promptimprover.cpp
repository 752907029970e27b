// Prompt help through the chat: the instructions come from the model's schema (prompt_guide), the answer
// streams in, ends through AnswerAssembler and its cost is in the ledger; a failure leaves a clear message
// and the user's prompt alone. The storyboard request and the simulator's plan come out as a board.
#include "TestSupport.h"
#include "api/PlatformClient.h"
#include "chat/PromptImprover.h"
#include "chat/ShotListReader.h"
#include "chat/StoryboardPlanner.h"
#include "simulator/DemoContent.h"
#include "simulator/PlatformSimulator.h"
#include "store/Database.h"
#include "store/UsageLedger.h"
#include "video/ModelCatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

class TestPromptImprover : public QObject
{
    Q_OBJECT

    QTemporaryDir *m_dir = nullptr;
    Database *m_db = nullptr;
    UsageLedger *m_ledger = nullptr;
    PlatformSimulator *m_sim = nullptr;
    PlatformClient *m_client = nullptr;
    ModelCatalog m_catalog;

    const ModelSpec &wan() const { return *m_catalog.model(QStringLiteral("u9HZyfDoqU6uKI6M1BTks")); }
    QJsonObject lastChatBody() const
    {
        for (qsizetype i = m_sim->requests().size() - 1; i >= 0; --i)
            if (m_sim->requests().at(i).path == QLatin1String("/llmage/t2t"))
                return QJsonDocument::fromJson(m_sim->requests().at(i).body).object();
        return {};
    }
    int chatCalls() const
    {
        int n = 0;
        for (const auto &r : m_sim->requests())
            n += r.path == QLatin1String("/llmage/t2t");
        return n;
    }

private slots:
    void initTestCase() { m_catalog.load(QString()); }
    void init()
    {
        m_dir = new QTemporaryDir;
        m_db = new Database(m_dir->filePath(QStringLiteral("p.sqlite")));
        QVERIFY(m_db->open());
        m_ledger = new UsageLedger(m_db);
        m_sim = new PlatformSimulator;
        QVERIFY(m_sim->start());
        m_sim->config().tokenDelayMs = 1; // an event at a time, so the preview grows
        m_client = new PlatformClient;
        m_client->setBaseUrl(m_sim->baseUrl());
        m_client->setApiKey(QStringLiteral("sk-test-prompt-1"));
    }
    void cleanup()
    {
        delete m_client;
        delete m_sim;
        delete m_ledger;
        delete m_db;
        delete m_dir;
    }

    void instructionsComeFromTheSchema()
    {
        const QString text = PromptImprover::instructions(wan(), PromptImprover::Variant::Improve);
        QVERIFY(text.contains(wan().promptGuide.en));
        QVERIFY(text.contains(QStringLiteral("wan2.6-t2v")));
        QVERIFY(text.contains(QStringLiteral("4000"))); // the prompt field's limit
        QVERIFY(PromptImprover::instructions(wan(), PromptImprover::Variant::ToEnglish)
                    .contains(QStringLiteral("English")));
        QVERIFY(PromptImprover::instructions(wan(), PromptImprover::Variant::Shorter)
                    .contains(QStringLiteral("shorter")));
        // Another vendor, another guide.
        const ModelSpec *vidu = m_catalog.model(QStringLiteral("r0ill7L0s6PtBS8mkmg-7"));
        QVERIFY(PromptImprover::instructions(*vidu, PromptImprover::Variant::Improve)
                    .contains(vidu->promptGuide.en));
        QVERIFY(!PromptImprover::instructions(*vidu, PromptImprover::Variant::Improve)
                     .contains(wan().promptGuide.en));
    }

    void cleanedTakesThePromptOutOfItsWrapping_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("prompt");
        QTest::newRow("plain") << QStringLiteral("  A cat.  ") << QStringLiteral("A cat.");
        QTest::newRow("fence") << QStringLiteral("```text\nA cat.\n```") << QStringLiteral("A cat.");
        QTest::newRow("label") << QStringLiteral("**Improved prompt:** A cat.") << QStringLiteral("A cat.");
        QTest::newRow("quotes") << QStringLiteral("\"A cat.\"") << QStringLiteral("A cat.");
        QTest::newRow("chinese label and quotes")
            << QStringLiteral("提示词:「一只猫。」") << QStringLiteral("一只猫。");
    }
    void cleanedTakesThePromptOutOfItsWrapping()
    {
        QFETCH(QString, answer);
        QFETCH(QString, prompt);
        QCOMPARE(PromptImprover::cleaned(answer), prompt);
    }

    void improvesThroughTheChat()
    {
        PromptImprover improver(m_client, m_ledger);
        QSignalSpy preview(&improver, &PromptImprover::previewChanged);
        QSignalSpy improved(&improver, &PromptImprover::improved);
        QSignalSpy failed(&improver, &PromptImprover::failed);
        const QString original = QStringLiteral("一只猫在窗台上");
        QVERIFY(
            improver.improve(original, wan(), PromptImprover::Variant::Improve, QStringLiteral("qwen3-max")));
        QVERIFY(improver.isBusy());
        QVERIFY(!improver.improve(original, wan(), PromptImprover::Variant::Improve,
                                  QStringLiteral("qwen3-max"))); // one at a time
        QVERIFY(improved.wait(15000));
        QVERIFY(failed.isEmpty());
        QVERIFY(preview.size() > 1); // streamed
        const QString text = improved.first().at(0).toString();
        QVERIFY(text.startsWith(original));
        QVERIFY(text.size() > original.size());
        QCOMPARE(preview.last().first().toString(), text);
        const TokenUsage usage = improved.first().at(1).value<TokenUsage>();
        QVERIFY(usage.valid);
        QVERIFY(usage.totalTokens > 0);
        // Sent like a chat: the model chosen, the instructions as sys_prompt, streamed.
        const QJsonObject body = lastChatBody();
        QCOMPARE(body.value("model").toString(), QStringLiteral("qwen3-max"));
        QCOMPARE(body.value("sys_prompt").toString(),
                 PromptImprover::instructions(wan(), PromptImprover::Variant::Improve));
        QCOMPARE(body.value("prompt").toString(), original);
        // Recorded like any chat call.
        const QList<LedgerEntry> entries = m_ledger->entries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().kind, QStringLiteral("chat"));
        QCOMPARE(entries.first().usage.totalTokens, usage.totalTokens);
        QCOMPARE(chatCalls(), 1);
    }

    void translates()
    {
        PromptImprover improver(m_client, m_ledger);
        QSignalSpy improved(&improver, &PromptImprover::improved);
        QVERIFY(improver.improve(QStringLiteral("一只猫"), wan(), PromptImprover::Variant::ToEnglish,
                                 QStringLiteral("qwen3-max")));
        QVERIFY(improved.wait(15000));
        QVERIFY(improved.first().at(0).toString().startsWith(QStringLiteral("Cinematic shot")));
    }

    void failuresLeaveAClearMessage_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("429") << 0 << QStringLiteral("unchanged");
        QTest::newRow("cut midway") << 1 << QStringLiteral("kept");
        QTest::newRow("error line") << 2 << QStringLiteral("platform");
        QTest::newRow("empty answer") << 3 << QStringLiteral("empty");
    }
    void failuresLeaveAClearMessage()
    {
        QFETCH(int, mode);
        QFETCH(QString, mentions);
        if (mode == 0)
            m_sim->config().insufficientBalance = true;
        else if (mode == 1)
            m_sim->config().resetAfterEvents = 3;
        else if (mode == 2)
            m_sim->config().errorAfterEvents = 3;
        else
            m_sim->config().replyText = QStringLiteral("```\n\n```");
        PromptImprover improver(m_client, m_ledger);
        QSignalSpy improved(&improver, &PromptImprover::improved);
        QSignalSpy failed(&improver, &PromptImprover::failed);
        QVERIFY(improver.improve(QStringLiteral("a cat"), wan(), PromptImprover::Variant::Improve,
                                 QStringLiteral("qwen3-max")));
        QVERIFY(failed.wait(15000));
        QVERIFY(improved.isEmpty());
        const QString message = failed.first().at(0).toString();
        QVERIFY2(message.contains(mentions, Qt::CaseInsensitive), qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("unchanged")));
        QCOMPARE(chatCalls(), 1); // never resent
        QVERIFY(!improver.isBusy());
    }

    void stop()
    {
        m_sim->config().tokenDelayMs = 50;
        PromptImprover improver(m_client, m_ledger);
        QSignalSpy preview(&improver, &PromptImprover::previewChanged);
        QSignalSpy failed(&improver, &PromptImprover::failed);
        QVERIFY(improver.improve(QStringLiteral("a cat"), wan(), PromptImprover::Variant::Improve,
                                 QStringLiteral("qwen3-max")));
        QVERIFY(preview.wait(15000));
        improver.stop(); // the abort may end the call at once
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 15000);
        QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("Stopped")));
    }

    void planIsABoard()
    {
        const QString story = QStringLiteral("一只狐狸在雪地里寻找回家的路");
        QCOMPARE(StoryboardPlanner::request(story, 4), QStringLiteral("Shots: 4\nStory: ") + story);
        const QString instructions = StoryboardPlanner::instructions(wan(), 4);
        QVERIFY(instructions.contains(QStringLiteral("exactly 4 shots")));
        QVERIFY(instructions.contains(QStringLiteral("\"duration\" (Duration, one of 5, 10, 15)")));
        QVERIFY(instructions.contains(wan().promptGuide.en));

        // The simulator answers like a model: prose and a fenced JSON plan, which the reader reads.
        const QString answer =
            DemoContent::promptHelpAnswerFor(StoryboardPlanner::request(story, 4), instructions);
        QVERIFY(answer.contains(QStringLiteral("```json")));
        const ShotListReader::Result read = ShotListReader::read(answer, wan(), 4);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.shots.size(), 4);
        QVERIFY(read.notes.isEmpty());
        QCOMPARE(StoryboardPlanner::titleFor(answer, story), story);

        const QJsonObject board =
            StoryboardPlanner::board(StoryboardPlanner::titleFor(answer, story), wan(), read.shots);
        QCOMPARE(board.value("title").toString(), story);
        const QJsonArray shots = board.value("shots").toArray();
        QCOMPARE(shots.size(), 4);
        QCOMPARE(shots[0].toObject().value("llmid").toString(), wan().llmid);
        QVERIFY(!shots[0].toObject().contains("continue"));
        // Wan text-to-video has no first-frame field: its shots are separate, not chained.
        QVERIFY(!shots[1].toObject().contains("continue"));
        const QJsonObject set = shots[2].toObject().value("set").toObject();
        QVERIFY(set.value("prompt").toString().startsWith(story));
        QVERIFY(set.value("duration").isDouble()); // as the request carries it
        QCOMPARE(set.value("duration").toInt(), 5);
    }
};

QTEST_MAIN(TestPromptImprover)
#include "tst_promptimprover.moc"
