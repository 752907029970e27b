// A chat answer end to end: ChatSession → PlatformClient → simulator → decoder → store and ledger.
#include "TestSupport.h"
#include "api/PlatformClient.h"
#include "chat/ChatSession.h"
#include "simulator/DemoContent.h"
#include "simulator/PlatformSimulator.h"
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/UsageLedger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

class TestChatSession : public QObject
{
    Q_OBJECT

    QTemporaryDir *m_dir = nullptr;
    Database *m_db = nullptr;
    ConversationStore *m_store = nullptr;
    UsageLedger *m_ledger = nullptr;
    PlatformSimulator *m_sim = nullptr;
    PlatformClient *m_client = nullptr;
    ChatSession *m_session = nullptr;
    qint64 m_conversation = 0;

    ChatMessage runToEnd(const QString &prompt)
    {
        QSignalSpy finished(m_session, &ChatSession::messageFinished);
        if (!m_session->send(m_conversation, prompt))
            return {};
        if (!finished.wait(15000))
            return {};
        return finished.first().first().value<ChatMessage>();
    }
    QJsonObject lastChatBody() const
    {
        for (qsizetype i = m_sim->requests().size() - 1; i >= 0; --i)
            if (m_sim->requests().at(i).path == QLatin1String("/llmage/t2t"))
                return QJsonDocument::fromJson(m_sim->requests().at(i).body).object();
        return {};
    }

private slots:
    void init()
    {
        m_dir = new QTemporaryDir;
        m_db = new Database(m_dir->filePath(QStringLiteral("chat.sqlite")));
        QVERIFY(m_db->open());
        m_store = new ConversationStore(m_db);
        m_ledger = new UsageLedger(m_db);
        m_sim = new PlatformSimulator;
        QVERIFY(m_sim->start());
        m_sim->config().tokenDelayMs = 0;
        m_sim->config().splitBytes = 7; // lines and UTF-8 characters split across reads
        m_client = new PlatformClient;
        m_client->setBaseUrl(m_sim->baseUrl());
        m_client->setApiKey(QStringLiteral("sk-test-chat-1"));
        m_session = new ChatSession(m_client, m_store, m_ledger);
        m_conversation = m_store->createConversation(QStringLiteral("t"), QStringLiteral("qwen3-max"));
    }
    void cleanup()
    {
        delete m_session;
        delete m_client;
        delete m_sim;
        delete m_ledger;
        delete m_store;
        delete m_db;
        delete m_dir;
    }

    void streamedAnswer()
    {
        const ChatMessage answer = runToEnd(QStringLiteral("你好"));
        QCOMPARE(answer.state, ChatMessage::State::Done);
        QCOMPARE(answer.content, DemoContent::answerFor(QStringLiteral("你好"), QStringLiteral("qwen3-max")));
        QCOMPARE(answer.reasoning, DemoContent::reasoningFor(QStringLiteral("你好")));
        QVERIFY(answer.usage.valid);
        QVERIFY(!answer.llmUsageId.isEmpty());
        // Written through to the store.
        const QList<ChatMessage> stored = m_store->messages(m_conversation);
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(1).content, answer.content);
        QCOMPARE(stored.at(1).state, ChatMessage::State::Done);
        // And to the ledger, once.
        const QList<LedgerEntry> ledger = m_ledger->entries();
        QCOMPARE(ledger.size(), 1);
        QCOMPARE(ledger.first().ref, answer.llmUsageId);
        QCOMPARE(ledger.first().usage.totalTokens, answer.usage.totalTokens);
    }

    void ndjsonFramingWithCrlf()
    {
        m_sim->config().framing = SimulatorConfig::Framing::Ndjson;
        m_sim->config().lineEnding = "\r\n";
        const ChatMessage answer = runToEnd(QStringLiteral("hi"));
        QCOMPARE(answer.state, ChatMessage::State::Done);
        QCOMPARE(answer.content, DemoContent::answerFor(QStringLiteral("hi"), QStringLiteral("qwen3-max")));
    }

    void requestBodyFollowsTheProtocol()
    {
        m_store->setSystemPrompt(m_conversation, QStringLiteral("你是助手"));
        runToEnd(QStringLiteral("first"));
        runToEnd(QStringLiteral("second"));
        const QJsonObject body = lastChatBody();
        QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("qwen3-max"));
        QCOMPARE(body.value(QLatin1String("prompt")).toString(), QStringLiteral("second"));
        QCOMPARE(body.value(QLatin1String("sys_prompt")).toString(), QStringLiteral("你是助手"));
        QVERIFY(body.value(QLatin1String("stream")).isBool());
        QCOMPARE(body.value(QLatin1String("stream")).toBool(), true);
        const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 4); // system, user, assistant, user
        QCOMPARE(messages.at(0).toObject().value(QLatin1String("role")).toString(), QStringLiteral("system"));
        QCOMPARE(messages.at(1).toObject().value(QLatin1String("content")).toString(), QStringLiteral("first"));
        QCOMPARE(messages.at(2).toObject().value(QLatin1String("role")).toString(), QStringLiteral("assistant"));
        QCOMPARE(messages.at(3).toObject().value(QLatin1String("content")).toString(), QStringLiteral("second"));
    }

    void historyTurnsLimitContext()
    {
        m_session->setHistoryTurns(1);
        runToEnd(QStringLiteral("one"));
        runToEnd(QStringLiteral("two"));
        runToEnd(QStringLiteral("three"));
        const QJsonArray messages = lastChatBody().value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(0).toObject().value(QLatin1String("content")).toString(), QStringLiteral("two"));
    }

    void nonStreamingMode()
    {
        m_session->setStreaming(false);
        const ChatMessage answer = runToEnd(QStringLiteral("plain"));
        QCOMPARE(answer.state, ChatMessage::State::Done);
        QCOMPARE(answer.content, DemoContent::answerFor(QStringLiteral("plain"), QStringLiteral("qwen3-max")));
        QCOMPARE(lastChatBody().value(QLatin1String("stream")).toBool(true), false);
        QVERIFY(answer.usage.valid);
    }

    void stopKeepsPartialAnswer()
    {
        m_sim->config().tokenDelayMs = 20;
        m_sim->config().splitBytes = 0;
        m_sim->config().reasoningText = QStringLiteral("-");
        QSignalSpy finished(m_session, &ChatSession::messageFinished);
        QVERIFY(m_session->send(m_conversation, QStringLiteral("long")));
        QTRY_VERIFY(m_session->activeMessage().content.size() > 10);
        m_session->stop();
        QTRY_COMPARE(finished.count(), 1);
        const ChatMessage answer = finished.first().first().value<ChatMessage>();
        QCOMPARE(answer.state, ChatMessage::State::Stopped);
        QVERIFY(answer.content.size() > 10);
        QVERIFY(answer.content.size() < DemoContent::answerFor(QStringLiteral("long"), QStringLiteral("qwen3-max")).size());
        QCOMPARE(m_store->messages(m_conversation).at(1).content, answer.content);
        QVERIFY(!m_session->isBusy());
    }

    void regenerateAddsAVersion()
    {
        const ChatMessage first = runToEnd(QStringLiteral("question"));
        QSignalSpy finished(m_session, &ChatSession::messageFinished);
        QSignalSpy reshaped(m_session, &ChatSession::pathChanged);
        QVERIFY(m_session->regenerate(m_conversation));
        QVERIFY(finished.wait());
        QCOMPARE(reshaped.count(), 1);
        const QList<ChatMessage> messages = m_store->messages(m_conversation);
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).content, QStringLiteral("question"));
        QCOMPARE(messages.at(1).state, ChatMessage::State::Done);
        QVERIFY(messages.at(1).id != first.id);
        QCOMPARE(messages.at(1).versionIndex, 2);
        QCOMPARE(messages.at(1).versionCount, 2);
        QCOMPARE(m_store->message(first.id).content, first.content); // the old answer is still there
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/t2t")), 2);
        // The same question once: the context of the new answer is what came before the question.
        QCOMPARE(lastChatBody().value(QLatin1String("messages")).toArray().size(), 1);
    }

    // A regenerate that fails (balance, platform error) leaves the earlier answer whole, one switch away.
    void failedRegenerateKeepsTheOldAnswer_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::newRow("429") << 0;
        QTest::newRow("502") << 1;
        QTest::newRow("cut") << 2;
    }
    void failedRegenerateKeepsTheOldAnswer()
    {
        QFETCH(int, scenario);
        const ChatMessage first = runToEnd(QStringLiteral("question"));
        QCOMPARE(first.state, ChatMessage::State::Done);
        SimulatorConfig &c = m_sim->config();
        switch (scenario) {
        case 0: c.insufficientBalance = true; break;
        case 1: c.forcedStatus = 502; c.forcedBody = "<html>502</html>"; c.forcedContentType = "text/html"; break;
        case 2: c.resetAfterEvents = 3; c.splitBytes = 0; break;
        }
        QSignalSpy finished(m_session, &ChatSession::messageFinished);
        QVERIFY(m_session->answerAgain(m_conversation, m_store->messages(m_conversation).at(0).id));
        QVERIFY(finished.wait());
        const ChatMessage failed = finished.first().first().value<ChatMessage>();
        QVERIFY(failed.state != ChatMessage::State::Done);
        const ChatMessage old = m_store->message(first.id);
        QCOMPARE(old.content, first.content);
        QCOMPARE(old.state, ChatMessage::State::Done);
        QCOMPARE(m_store->allMessages(m_conversation).size(), 3);
        // The failed try is shown (with its reason); the old answer is version 1 of 2.
        const QList<ChatMessage> shown = m_store->messages(m_conversation);
        QCOMPARE(shown.last().id, failed.id);
        QCOMPARE(shown.last().versionCount, 2);
        QCOMPARE(m_store->showVersion(failed.id, -1), first.id);
        QCOMPARE(m_store->messages(m_conversation).last().content, first.content);
    }

    // The next question's context follows the version shown, not the newest one.
    void contextFollowsTheVersionShown()
    {
        m_sim->config().replyText = QStringLiteral("answer A");
        const ChatMessage a = runToEnd(QStringLiteral("question"));
        m_sim->config().replyText = QStringLiteral("answer B");
        QSignalSpy finished(m_session, &ChatSession::messageFinished);
        QVERIFY(m_session->regenerate(m_conversation));
        QVERIFY(finished.wait());
        QVERIFY(m_store->showVersion(finished.first().first().value<ChatMessage>().id, -1));
        runToEnd(QStringLiteral("follow-up"));
        const QJsonArray messages = lastChatBody().value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(1).toObject().value(QLatin1String("content")).toString(), QStringLiteral("answer A"));
        // And the follow-up hangs under answer A.
        QCOMPARE(m_store->messages(m_conversation).at(1).id, a.id);
        QCOMPARE(m_store->messages(m_conversation).size(), 4);
    }

    // Nothing is sent (so nothing billed) when the rows cannot be written; the user is told why.
    void refusedWriteSendsNothing()
    {
        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON messages"
                                      " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")));
        QSignalSpy refused(m_session, &ChatSession::sendRefused);
        QVERIFY(!m_session->send(m_conversation, QStringLiteral("hello")));
        QCOMPARE(refused.count(), 1);
        QVERIFY(refused.first().first().toString().contains(QLatin1String("disk is full")));
        QVERIFY(!m_session->isBusy());
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/t2t")), 0);
        QCOMPARE(m_store->messageCount(m_conversation), 0);
    }

    // Quitting during an answer: it is saved as stopped with every byte received, never left streaming.
    void stopAndSaveKeepsTheTextAsStopped()
    {
        m_session->setIntervals(16, 60000); // no periodic save: what is on disk comes from stopAndSave
        m_sim->config().tokenDelayMs = 20;
        m_sim->config().splitBytes = 0;
        m_sim->config().reasoningText = QStringLiteral("-");
        QVERIFY(m_session->send(m_conversation, QStringLiteral("long")));
        QTRY_VERIFY(m_session->activeMessage().content.size() > 10);
        const qint64 id = m_session->activeMessage().id;
        m_session->stopAndSave();
        QVERIFY(!m_session->isBusy());
        const ChatMessage stored = m_store->message(id);
        QCOMPARE(stored.state, ChatMessage::State::Stopped);
        QVERIFY(stored.content.size() > 10);
        QCOMPARE(stored.content, m_session->activeMessage().content);
    }

    void editAndResendFromAMessage()
    {
        runToEnd(QStringLiteral("one"));
        runToEnd(QStringLiteral("two"));
        const qint64 firstUser = m_store->messages(m_conversation).at(0).id;
        QSignalSpy finished(m_session, &ChatSession::messageFinished);
        QVERIFY(m_session->editAndResend(m_conversation, firstUser, QStringLiteral("one, edited")));
        QVERIFY(finished.wait());
        const QList<ChatMessage> messages = m_store->messages(m_conversation);
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).content, QStringLiteral("one, edited"));
        QCOMPARE(messages.at(0).versionIndex, 2);
        QCOMPARE(messages.at(0).versionCount, 2);
        QCOMPARE(lastChatBody().value(QLatin1String("messages")).toArray().size(), 1);
        // The old question and all that followed it are kept, one switch away.
        QCOMPARE(m_store->allMessages(m_conversation).size(), 6);
        QVERIFY(m_store->showVersion(messages.at(0).id, -1));
        QCOMPARE(m_store->messages(m_conversation).size(), 4);
        QCOMPARE(m_store->messages(m_conversation).at(2).content, QStringLiteral("two"));
    }

    void refusesASecondSendWhileBusy()
    {
        m_sim->config().tokenDelayMs = 30;
        QVERIFY(m_session->send(m_conversation, QStringLiteral("a")));
        QSignalSpy refused(m_session, &ChatSession::sendRefused);
        QVERIFY(!m_session->send(m_conversation, QStringLiteral("b")));
        QCOMPARE(refused.count(), 1);
        m_session->stop();
        QTRY_VERIFY(!m_session->isBusy());
    }

    void errors_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("keepsText");
        QTest::newRow("401") << 0 << "auth" << int(ChatMessage::State::Failed) << false;
        QTest::newRow("403 plain") << 1 << "auth" << int(ChatMessage::State::Failed) << false;
        QTest::newRow("400") << 2 << "bad_request" << int(ChatMessage::State::Failed) << false;
        QTest::newRow("429") << 3 << "insufficient_balance" << int(ChatMessage::State::Failed) << false;
        QTest::newRow("413") << 4 << "too_large" << int(ChatMessage::State::Failed) << false;
        QTest::newRow("502 html") << 5 << "server" << int(ChatMessage::State::Failed) << false;
        QTest::newRow("timeout") << 6 << "timeout" << int(ChatMessage::State::Failed) << false;
        QTest::newRow("reset mid-stream") << 7 << "network" << int(ChatMessage::State::Interrupted) << true;
        QTest::newRow("error line in stream") << 8 << "upstream" << int(ChatMessage::State::Interrupted) << true;
        QTest::newRow("empty answer") << 9 << "empty" << int(ChatMessage::State::Failed) << false;
        QTest::newRow("ended-early fixture") << 10 << "stream_closed" << int(ChatMessage::State::Interrupted) << true;
        QTest::newRow("repr-error fixture") << 11 << "upstream" << int(ChatMessage::State::Interrupted) << true;
        QTest::newRow("simulated early end") << 12 << "stream_closed" << int(ChatMessage::State::Interrupted) << true;
        QTest::newRow("simulated repr error") << 13 << "upstream" << int(ChatMessage::State::Interrupted) << true;
        QTest::newRow("[DONE] without final chunk") << 14 << "no_final_chunk" << int(ChatMessage::State::Interrupted) << true;
    }
    void errors()
    {
        QFETCH(int, scenario);
        QFETCH(QString, code);
        QFETCH(int, state);
        QFETCH(bool, keepsText);
        SimulatorConfig &c = m_sim->config();
        c.reasoningText = QStringLiteral("-");
        QString prompt = QStringLiteral("hello");
        switch (scenario) {
        case 0: c.requiredKey = QStringLiteral("other-key-000"); break;
        case 1: c.requiredKey = QStringLiteral("other-key-000"); c.authStatus = 403; c.authPlainText = true; break;
        case 2: prompt = QStringLiteral("[sim:400] hello"); break;
        case 3: c.insufficientBalance = true; break;
        case 4: c.maxBodyBytes = 10; break;
        case 5: c.forcedStatus = 502; c.forcedBody = "<html><title>502 Bad Gateway</title></html>"; c.forcedContentType = "text/html"; break;
        case 6: m_client->setTimeouts(300, 300); c.answerDelayMs = 3000; break;
        case 7: c.resetAfterEvents = 20; c.splitBytes = 0; break;
        case 8: c.errorAfterEvents = 20; break;
        case 9: c.forcedStatus = 200; c.forcedBody = "data: [DONE]\n\n"; c.forcedContentType = "text/event-stream"; break;
        case 10: c.forcedStatus = 200; c.forcedBody = TestSupport::fixture(QStringLiteral("t2t-stream-ended-early.sse")); c.forcedContentType = "text/event-stream"; break;
        case 11: c.forcedStatus = 200; c.forcedBody = TestSupport::fixture(QStringLiteral("t2t-stream-repr-error.ndjson")); c.forcedContentType = "text/html"; break;
        case 12: c.endAfterEvents = 20; break;
        case 13: c.errorAfterEvents = 20; c.errorAsRepr = true; break;
        case 14: c.forcedStatus = 200; c.forcedBody = "data: {\"choices\":[{\"delta\":{\"content\":\"half\"}}]}\n\ndata: [DONE]\n\n"; c.forcedContentType = "text/event-stream"; break;
        }
        const ChatMessage answer = runToEnd(prompt);
        QCOMPARE(answer.errorCode, code);
        QCOMPARE(int(answer.state), state);
        QVERIFY(!answer.error.isEmpty());
        if (code == QLatin1String("upstream"))
            QVERIFY2(answer.error.contains(QLatin1String("upstream request failed")), qPrintable(answer.error));
        QCOMPARE(!answer.content.isEmpty(), keepsText);
        QVERIFY(!m_session->isBusy());
        // Stored as shown, and never sent again on its own.
        const ChatMessage stored = m_store->messages(m_conversation).last();
        QCOMPARE(stored.errorCode, code);
        QCOMPARE(stored.content, answer.content);
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/t2t")), 1);
    }

    void invalidUtf8InStream()
    {
        m_sim->config().forcedStatus = 200;
        m_sim->config().forcedContentType = "text/event-stream";
        m_sim->config().forcedBody = "data: {\"choices\":[{\"delta\":{\"content\":\"A\xff\xfe" "B\"}}]}\n\n"
                                     "data: {\"choices\":[],\"finish\":\"1\",\"usage\":{\"total_tokens\":3}}\n\ndata: [DONE]\n\n";
        const ChatMessage answer = runToEnd(QStringLiteral("x"));
        QCOMPARE(answer.state, ChatMessage::State::Done);
        QVERIFY(answer.content.startsWith(QLatin1Char('A')));
        QVERIFY(answer.content.endsWith(QLatin1Char('B')));
    }

    void partialAnswerIsOnDiskWhileStreaming()
    {
        m_session->setIntervals(16, 50);
        m_sim->config().tokenDelayMs = 15;
        m_sim->config().splitBytes = 0;
        m_sim->config().reasoningText = QStringLiteral("-");
        QVERIFY(m_session->send(m_conversation, QStringLiteral("persist me")));
        // Another connection to the same file, as the next start after a crash would open it.
        Database other(m_db->path());
        QVERIFY(other.open());
        ConversationStore reader(&other);
        QTRY_VERIFY(reader.messages(m_conversation).value(1).content.size() > 20);
        QCOMPARE(reader.messages(m_conversation).value(1).state, ChatMessage::State::Streaming);
        // The process dies here: the next start marks the answer interrupted and keeps its text.
        QCOMPARE(reader.recoverInterrupted(), 1);
        const ChatMessage recovered = reader.messages(m_conversation).value(1);
        QCOMPARE(recovered.state, ChatMessage::State::Interrupted);
        QVERIFY(recovered.content.size() > 20);
        m_session->stop();
        QTRY_VERIFY(!m_session->isBusy());
    }
};

QTEST_GUILESS_MAIN(TestChatSession)
#include "tst_chatsession.moc"
