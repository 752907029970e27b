#include "TestSupport.h"
#include "chat/ConversationExporter.h"
#include "chat/ConversationListModel.h"
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/UsageLedger.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTranslator>

namespace {
// A language installed after the conversation was made: only the placeholder is translated.
class PlaceholderTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (QByteArray(context) == "Conversation" && QByteArray(source) == "New chat")
            return QStringLiteral("新对话");
        return {};
    }
    bool isEmpty() const override { return false; }
};
} // namespace

class TestConversationStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString dbPath() const { return m_dir.filePath(QStringLiteral("t.sqlite")); }

private slots:
    void init() { QFile::remove(dbPath()); }

    void theListReadsAPageAtATime()
    {
        // Start-up reads the newest page of conversations, not the whole history.
        Database db(dbPath());
        QVERIFY(db.open());
        ConversationStore store(&db);
        const int total = 2 * ConversationListModel::PageSize + ConversationListModel::PageSize / 2; // the last page short
        db.db().transaction();
        for (int i = 0; i < total; ++i)
            store.createConversation(QStringLiteral("c%1").arg(i), QStringLiteral("qwen3-max"));
        db.db().commit();
        ConversationListModel model(&store);
        QCOMPARE(model.rowCount(), ConversationListModel::PageSize);
        QCOMPARE(model.data(model.index(0), Qt::DisplayRole).toString(), QStringLiteral("c%1").arg(total - 1)); // newest first
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        model.fetchMore({});
        QCOMPARE(model.rowCount(), total);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.data(model.index(total - 1), Qt::DisplayRole).toString(), QStringLiteral("c0"));
        // A change keeps what was scrolled to (the oldest is one fetch away again).
        store.createConversation(QStringLiteral("newest"), QStringLiteral("qwen3-max"));
        QCOMPARE(model.rowCount(), total);
        QCOMPARE(model.data(model.index(0), Qt::DisplayRole).toString(), QStringLiteral("newest"));
        QVERIFY(model.canFetchMore({}));
    }

    void schemaAndWal()
    {
        Database db(dbPath());
        QVERIFY(db.open());
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QSqlQuery q(db.db());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    }

    void newerSchemaIsRefused()
    {
        {
            Database db(dbPath());
            QVERIFY(db.open());
            QSqlQuery(db.db()).exec(QStringLiteral("PRAGMA user_version = 999"));
        }
        Database db(dbPath());
        QString error;
        QVERIFY(!db.open(&error));
        QVERIFY(error.contains(QLatin1String("newer")));
    }

    void conversationsPersistAcrossReopen()
    {
        qint64 id = 0;
        {
            Database db(dbPath());
            QVERIFY(db.open());
            ConversationStore store(&db);
            id = store.createConversation(QStringLiteral("旅行计划"), QStringLiteral("qwen3-max"), QStringLiteral("be brief"));
            QVERIFY(id > 0);
            store.setDraft(id, QStringLiteral("half-typed 草稿"));
            ChatMessage user;
            user.conversationId = id;
            user.content = QStringLiteral("去哪里?");
            store.addMessage(user);
            ChatMessage answer;
            answer.conversationId = id;
            answer.role = ChatMessage::Role::Assistant;
            answer.state = ChatMessage::State::Streaming;
            answer.content = QStringLiteral("partial");
            store.addMessage(answer);
            answer.content = QStringLiteral("partial answer");
            answer.usage = TokenUsage{1, 2, 3, 0, true};
            answer.llmUsageId = QStringLiteral("U1");
            QVERIFY(store.updateMessage(answer));
        }
        Database db(dbPath());
        QVERIFY(db.open());
        ConversationStore store(&db);
        QCOMPARE(store.recoverInterrupted(), 1);
        const Conversation c = store.conversation(id);
        QCOMPARE(c.title, QStringLiteral("旅行计划"));
        QCOMPARE(c.sysPrompt, QStringLiteral("be brief"));
        QCOMPARE(c.draft, QStringLiteral("half-typed 草稿"));
        const QList<ChatMessage> messages = store.messages(id);
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(1).content, QStringLiteral("partial answer"));
        QCOMPARE(messages.at(1).state, ChatMessage::State::Interrupted);
        QCOMPARE(messages.at(1).usage.totalTokens, 3);
        QCOMPARE(messages.at(1).llmUsageId, QStringLiteral("U1"));
    }

    void searchTitlesAndText()
    {
        Database db(dbPath());
        QVERIFY(db.open());
        ConversationStore store(&db);
        const qint64 a = store.createConversation(QStringLiteral("Cats"), QStringLiteral("m"));
        const qint64 b = store.createConversation(QStringLiteral("Dogs"), QStringLiteral("m"));
        ChatMessage m;
        m.conversationId = b;
        m.content = QStringLiteral("a 100% useful_answer about 猫");
        store.addMessage(m);
        QCOMPARE(store.conversations().size(), 2);
        QCOMPARE(store.conversations(QStringLiteral("cat")).size(), 1);
        QCOMPARE(store.conversations(QStringLiteral("cat")).first().id, a);
        QCOMPARE(store.conversations(QStringLiteral("猫")).first().id, b);
        QCOMPARE(store.conversations(QStringLiteral("100%")).size(), 1);
        QCOMPARE(store.conversations(QStringLiteral("l_a")).size(), 1);
        QCOMPARE(store.conversations(QStringLiteral("zzz")).size(), 0);
    }

    void renameAndDelete()
    {
        Database db(dbPath());
        QVERIFY(db.open());
        ConversationStore store(&db);
        const qint64 id = store.createConversation(QStringLiteral("x"), QStringLiteral("m"));
        store.renameConversation(id, QStringLiteral("  renamed "));
        QCOMPARE(store.conversation(id).title, QStringLiteral("renamed"));
        QList<qint64> ids;
        for (int i = 0; i < 4; ++i) {
            ChatMessage m;
            m.conversationId = id;
            m.content = QString::number(i);
            ids << store.addMessage(m);
        }
        QCOMPARE(store.messageCount(id), 4);
        store.deleteConversation(id);
        QCOMPARE(store.conversation(id).id, 0);
        QCOMPARE(store.messageCount(id), 0);
    }

    // An answer asked again is a version beside the old one: both kept, the new one shown, the
    // switch and the versions surviving a restart; the context follows the version shown.
    void versionsSurviveRestart()
    {
        qint64 conversation = 0, first = 0, second = 0, question = 0;
        {
            Database db(dbPath());
            QVERIFY(db.open());
            ConversationStore store(&db);
            conversation = store.createConversation(QStringLiteral("v"), QStringLiteral("m"));
            ChatMessage user;
            user.conversationId = conversation;
            user.content = QStringLiteral("问题");
            ChatMessage answer;
            answer.conversationId = conversation;
            answer.role = ChatMessage::Role::Assistant;
            answer.content = QStringLiteral("first answer");
            QVERIFY(store.addExchange(&user, answer));
            question = user.id;
            first = answer.id;
            ChatMessage again;
            again.conversationId = conversation;
            again.role = ChatMessage::Role::Assistant;
            again.content = QStringLiteral("second answer");
            again.parentId = question;
            QVERIFY(store.addExchange(nullptr, again));
            second = again.id;
            QList<ChatMessage> shown = store.messages(conversation);
            QCOMPARE(shown.size(), 2);
            QCOMPARE(shown.at(1).id, second);
            QCOMPARE(shown.at(1).versionIndex, 2);
            QCOMPARE(shown.at(1).versionCount, 2);
            QCOMPARE(store.shownLeaf(conversation), second);
            QCOMPARE(store.contextBefore(second, 10).last().content, QStringLiteral("second answer"));
            QCOMPARE(store.showVersion(second, -1), first);
            QCOMPARE(store.showVersion(first, -1), 0); // no version before the first
        }
        Database db(dbPath());
        QVERIFY(db.open());
        ConversationStore store(&db);
        const QList<ChatMessage> shown = store.messages(conversation);
        QCOMPARE(shown.size(), 2);
        QCOMPARE(shown.at(1).id, first);
        QCOMPARE(shown.at(1).content, QStringLiteral("first answer"));
        QCOMPARE(shown.at(1).versionIndex, 1);
        QCOMPARE(shown.at(1).versionCount, 2);
        QCOMPARE(store.allMessages(conversation).size(), 3);
        QCOMPARE(store.shownLeaf(conversation), first);
        const QList<ChatMessage> context = store.contextBefore(first, 10);
        QCOMPARE(context.size(), 2);
        QCOMPARE(context.at(0).id, question);
        QCOMPARE(context.at(1).content, QStringLiteral("first answer"));
        QCOMPARE(store.contextBefore(first, 1).size(), 1); // read with a limit, newest kept
        QCOMPARE(store.contextBefore(first, 1).first().id, first);
    }

    // Deleting a version the user chose removes it and what followed it, shows its neighbour, and
    // leaves the other versions; the only version of a message cannot be deleted.
    void deleteVersionRemovesItsPath()
    {
        Database db(dbPath());
        QVERIFY(db.open());
        ConversationStore store(&db);
        const qint64 conversation = store.createConversation(QStringLiteral("d"), QStringLiteral("m"));
        const auto said = [&](const QString &text, qint64 follows, ChatMessage::Role role) {
            ChatMessage m;
            m.conversationId = conversation;
            m.role = role;
            m.content = text;
            m.parentId = follows;
            return m;
        };
        ChatMessage user = said(QStringLiteral("问题"), 0, ChatMessage::Role::User);
        ChatMessage answer = said(QStringLiteral("first answer"), 0, ChatMessage::Role::Assistant);
        QVERIFY(store.addExchange(&user, answer));
        ChatMessage again = said(QStringLiteral("second answer"), user.id, ChatMessage::Role::Assistant);
        QVERIFY(store.addExchange(nullptr, again));
        // A follow-up on the second version: it goes with it.
        ChatMessage followUp = said(QStringLiteral("and then?"), store.shownLeaf(conversation), ChatMessage::Role::User);
        ChatMessage followAnswer = said(QStringLiteral("then this"), 0, ChatMessage::Role::Assistant);
        QVERIFY(store.addExchange(&followUp, followAnswer));
        QCOMPARE(store.messages(conversation).size(), 4);
        QCOMPARE(store.messageCount(conversation), 5);

        QCOMPARE(store.deleteVersion(user.id), 0); // the only version of the question
        QCOMPARE(store.deleteVersion(again.id), answer.id);
        const QList<ChatMessage> shown = store.messages(conversation);
        QCOMPARE(shown.size(), 2);
        QCOMPARE(shown.at(1).id, answer.id);
        QCOMPARE(shown.at(1).versionCount, 1);
        QCOMPARE(store.messageCount(conversation), 2);
        QCOMPARE(store.message(followAnswer.id).id, 0);
        QCOMPARE(store.deleteVersion(answer.id), 0); // now the only one
        // The search index forgets the deleted text.
        QVERIFY(store.conversations(QStringLiteral("then this")).isEmpty());
        QCOMPARE(store.conversations(QStringLiteral("first answer")).size(), 1);
    }

    // Rows that cannot be written are reported, and nothing of the exchange is left half-written.
    void refusedWriteLeavesNothing()
    {
        Database db(dbPath());
        QVERIFY(db.open());
        ConversationStore store(&db);
        const qint64 conversation = store.createConversation(QStringLiteral("x"), QStringLiteral("m"));
        QSqlQuery q(db.db());
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER refuse_answers BEFORE INSERT ON messages WHEN new.role = 'assistant'"
                                      " BEGIN SELECT RAISE(ABORT, 'disk is full'); END")));
        ChatMessage user;
        user.conversationId = conversation;
        user.content = QStringLiteral("q");
        ChatMessage answer;
        answer.conversationId = conversation;
        answer.role = ChatMessage::Role::Assistant;
        QVERIFY(!store.addExchange(&user, answer));
        QVERIFY(store.lastError().contains(QLatin1String("disk is full")));
        QCOMPARE(store.messageCount(conversation), 0);
        QCOMPARE(answer.id, 0);
    }

    // An untitled conversation is stored without a title and shown as "New chat" in the language of the
    // moment, not the one it was made in; its first question names it.
    void theUntitledPlaceholderFollowsTheLanguage()
    {
        Database db(dbPath());
        QVERIFY(db.open());
        ConversationStore store(&db);
        const qint64 id = store.createConversation(QString(), QStringLiteral("qwen3-max"));
        QCOMPARE(store.conversation(id).title, QString());
        QCOMPARE(store.conversation(id).shownTitle(), QStringLiteral("New chat"));
        ConversationListModel model(&store);
        QCOMPARE(model.data(model.index(0), Qt::DisplayRole).toString(), QStringLiteral("New chat"));
        PlaceholderTranslator chinese;
        QCoreApplication::installTranslator(&chinese);
        QCOMPARE(store.conversation(id).shownTitle(), QStringLiteral("新对话"));
        QCOMPARE(model.data(model.index(0), Qt::DisplayRole).toString(), QStringLiteral("新对话"));
        QVERIFY(ConversationExporter::toMarkdown(store.conversation(id), {}).startsWith("# 新对话\n"));
        QCoreApplication::removeTranslator(&chinese);
        store.renameConversation(id, QStringLiteral("旅行计划"));
        QCOMPARE(store.conversation(id).shownTitle(), QStringLiteral("旅行计划"));
    }

    // Placeholders stored by earlier versions (in the language of the day) are cleared where nothing
    // was asked yet; a conversation with messages keeps its title, whatever it is.
    void storedPlaceholdersAreClearedByTheMigration()
    {
        qint64 english = 0, chinese = 0, asked = 0, named = 0;
        {
            Database db(dbPath());
            QVERIFY(db.open());
            ConversationStore store(&db);
            english = store.createConversation(QStringLiteral("New chat"), QStringLiteral("qwen3-max"));
            chinese = store.createConversation(QStringLiteral("新对话"), QStringLiteral("qwen3-max"));
            asked = store.createConversation(QStringLiteral("New chat"), QStringLiteral("qwen3-max"));
            named = store.createConversation(QStringLiteral("New chat ideas"), QStringLiteral("qwen3-max"));
            ChatMessage question;
            question.conversationId = asked;
            question.content = QStringLiteral("hello");
            QVERIFY(store.addMessage(question) > 0);
            QSqlQuery q(db.db());
            // Back to version 7: without what versions 8 and up added (9: the task change log).
            for (const char *drop : {"DROP TRIGGER task_changes_insert", "DROP TRIGGER task_changes_update",
                                     "DROP TRIGGER task_changes_delete", "DROP TABLE task_changes"})
                QVERIFY(q.exec(QLatin1String(drop)));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 7")));
        }
        Database db(dbPath());
        QVERIFY(db.open());
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        ConversationStore store(&db);
        QCOMPARE(store.conversation(english).title, QString());
        QCOMPARE(store.conversation(chinese).title, QString());
        QCOMPARE(store.conversation(asked).title, QStringLiteral("New chat"));
        QCOMPARE(store.conversation(named).title, QStringLiteral("New chat ideas"));
    }

    // A database this version cannot migrate is closed, not used half-migrated.
    void failedMigrationClosesTheFile()
    {
        {
            Database db(dbPath());
            QVERIFY(db.open());
            QSqlQuery q(db.db());
            // A schema back at 6, whose next step cannot apply (the storyboard tables already exist).
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 6")));
        }
        Database db(dbPath());
        QString error;
        QVERIFY(!db.open(&error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!db.isOpen());
    }

    // The index finds exactly what a plain scan of every message finds, for Chinese, English and
    // mixed text, any case, inside words, and for short queries by their own path.
    void searchEqualsAPlainScan()
    {
        Database db(dbPath());
        QVERIFY(db.open());
        ConversationStore store(&db);
        const QStringList words{QStringLiteral("通义千问"), QStringLiteral("阿里巴巴"), QStringLiteral("模型"),
                                QStringLiteral("Seedance"), QStringLiteral("video"), QStringLiteral("旅行计划"),
                                QStringLiteral("qwen3-max"), QStringLiteral("50% off"), QStringLiteral("a_b"),
                                QStringLiteral("他说\"好\""), QStringLiteral("Python"), QStringLiteral("东京")};
        for (int c = 0; c < 40; ++c) {
            const qint64 id = store.createConversation(QStringLiteral("对话 %1").arg(c), QStringLiteral("m"));
            for (int i = 0; i < 6; ++i) {
                ChatMessage m;
                m.conversationId = id;
                m.role = i % 2 ? ChatMessage::Role::Assistant : ChatMessage::Role::User;
                m.content = QStringLiteral("%1 and %2，然后 %3").arg(words.at((c * 7 + i) % words.size()),
                                                                  words.at((c * 3 + i * 5) % words.size()),
                                                                  QString::number(c * 100 + i));
                store.addMessage(m);
            }
            if (c % 5 == 0) { // an answer updated later: the index follows
                ChatMessage last = store.messages(id).last();
                last.content += QStringLiteral(" 更新后的 Updated text");
                QVERIFY(store.updateMessage(last));
            }
        }
        const auto plainScan = [&](const QString &query) {
            QList<qint64> ids;
            QSqlQuery q(db.db());
            q.exec(QStringLiteral("SELECT id, title FROM conversations ORDER BY updated_at DESC, id DESC"));
            while (q.next()) {
                const qint64 id = q.value(0).toLongLong();
                bool hit = q.value(1).toString().contains(query, Qt::CaseInsensitive);
                for (const ChatMessage &m : store.allMessages(id))
                    hit = hit || m.content.contains(query, Qt::CaseInsensitive);
                if (hit)
                    ids << id;
            }
            return ids;
        };
        const QStringList queries{QStringLiteral("通义千问"), QStringLiteral("千问"), QStringLiteral("巴巴集"),
                                  QStringLiteral("SEEDANCE"), QStringLiteral("ideo"), QStringLiteral("qwen3-m"),
                                  QStringLiteral("50% o"), QStringLiteral("a_b"), QStringLiteral("\"好\""),
                                  QStringLiteral("更新后"), QStringLiteral("updated TEXT"), QStringLiteral("1203"),
                                  QStringLiteral("对话 1"), QStringLiteral("东"), QStringLiteral("py"),
                                  QStringLiteral("不存在的词"), QStringLiteral("%"), QStringLiteral("_")};
        int nonEmpty = 0;
        for (const QString &query : queries) {
            QList<qint64> found;
            for (const Conversation &c : store.conversations(query))
                found << c.id;
            QCOMPARE(found, plainScan(query));
            nonEmpty += !found.isEmpty();
        }
        QVERIFY(nonEmpty > 10);
        // The index holds the messages, and uses it (not a scan of the table).
        QSqlQuery plan(db.db());
        QVERIFY(plan.exec(QStringLiteral("SELECT COUNT(*) FROM messages_fts WHERE messages_fts MATCH '\"千问\"' OR messages_fts MATCH '\"通义千\"'")));
        QVERIFY(plan.next() && plan.value(0).toInt() > 0);
    }

    // Typing runs one search, after the last key, off the UI thread; only its result is shown.
    void searchIsDebouncedAndAsynchronous()
    {
        Database db(dbPath());
        QVERIFY(db.open());
        ConversationStore store(&db);
        for (const QString &text : {QStringLiteral("alpha 话题"), QStringLiteral("beta 话题")}) {
            const qint64 id = store.createConversation(QStringLiteral("t"), QStringLiteral("m"));
            ChatMessage m;
            m.conversationId = id;
            m.content = text;
            store.addMessage(m);
        }
        ConversationListModel model(&store);
        model.setSearchDelay(30);
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy searched(&model, &ConversationListModel::searched);
        model.setFilter(QStringLiteral("a"));
        model.setFilter(QStringLiteral("al"));
        model.setFilter(QStringLiteral("alp"));
        QCOMPARE(model.rowCount(), 2); // nothing yet: the UI thread did not search
        QVERIFY(searched.wait());
        QCOMPARE(searched.count(), 1);
        QCOMPARE(searched.first().first().toString(), QStringLiteral("alp"));
        QCOMPARE(model.rowCount(), 1);
        model.setFilter(QString());
        QCOMPARE(model.rowCount(), 2);
    }

    void ledgerRecordsOnce()
    {
        Database db(dbPath());
        QVERIFY(db.open());
        UsageLedger ledger(&db);
        LedgerEntry e;
        e.kind = QStringLiteral("chat");
        e.ref = QStringLiteral("K9_veNBxeqvrFfbGWXs0R");
        e.model = QStringLiteral("qwen3-max");
        e.usage = TokenUsage{10, 60, 70, 0, true};
        QVERIFY(ledger.record(e));
        QVERIFY(ledger.record(e));
        const QList<LedgerEntry> all = ledger.entries();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().usage.totalTokens, 70);
    }
};

QTEST_GUILESS_MAIN(TestConversationStore)
#include "tst_conversationstore.moc"
