// Chat search and start-up at size (issue 14): a database of N messages (default 100,000, ~150 MB of
// mixed Chinese and English), then the median time of conversation searches through the store, as the
// list model's worker runs them (own connection). `bench_search make DIR [N]` builds the database in
// DIR/yuanjing.sqlite (for bench/run.sh's start-up run); `bench_search query DIR [RUNS]` times queries;
// `bench_search tasks DIR [RUNS]` times the task store's look for other processes' writes in a copy of that
// database (10,000 tasks), beside the scan of every task's update time it replaced.
#include "BenchSupport.h"
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/TaskStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

namespace {
const QStringList Chinese{QStringLiteral("我是通义千问，阿里巴巴集团旗下的超大规模语言模型。"),
                          QStringLiteral("这段视频展示了黄昏时分的海边城市，镜头缓缓推进。"),
                          QStringLiteral("请把下面的段落翻译成英文，并保持原有的语气。"),
                          QStringLiteral("旅行计划：第一天去东京，第二天去京都，第三天回上海。"),
                          QStringLiteral("模型在推理时会先思考，然后给出答案和引用的资料。"),
                          QStringLiteral("第一点，数据要先清洗；第二点，特征要标准化；第三点，验证集要独立。")};
const QStringList English{QStringLiteral("The quick brown fox jumps over the lazy dog near the river bank. "),
                          QStringLiteral("Seedance renders a 1080p clip of a lighthouse at dawn with slow waves. "),
                          QStringLiteral("Here is a Python function that parses the NDJSON stream line by line. "),
                          QStringLiteral("Remember to normalise the features before training the classifier. "),
                          QStringLiteral("The answer ended before the platform said it was complete, so retry. ")};

QString makeText(QRandomGenerator &rng, int targetBytes)
{
    QString text;
    int bytes = 0;
    while (bytes < targetBytes) {
        const QString &piece = rng.bounded(2) ? Chinese.at(rng.bounded(Chinese.size()))
                                              : English.at(rng.bounded(English.size()));
        text += piece;
        text += QString::number(rng.bounded(100000)); // numbers make rarer trigrams
        text += QLatin1Char(rng.bounded(4) ? ' ' : '\n');
        bytes += piece.toUtf8().size() + 6;
    }
    return text;
}

int make(const QString &dir, int count)
{
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(QStringLiteral("yuanjing.sqlite"));
    QFile::remove(path);
    Database db(path);
    if (!db.open())
        return 1;
    QRandomGenerator rng(14);
    QSqlDatabase sql = db.db();
    QSqlQuery q(sql);
    sql.transaction();
    const int perConversation = 50;
    qint64 conversation = 0, previous = 0;
    QSqlQuery c(sql), m(sql);
    c.prepare(QStringLiteral("INSERT INTO conversations (title, model, created_at, updated_at) VALUES (?, 'qwen3-max', ?, ?)"));
    m.prepare(QStringLiteral("INSERT INTO messages (conversation_id, role, content, state, model, created_at, parent_id)"
                             " VALUES (?, ?, ?, 'done', 'qwen3-max', ?, ?)"));
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - qint64(count) * 1000;
    for (int i = 0; i < count; ++i) {
        if (i % perConversation == 0) {
            c.addBindValue(QStringLiteral("对话 %1 conversation").arg(i / perConversation));
            c.addBindValue(t0 + i * 1000);
            c.addBindValue(t0 + i * 1000);
            c.exec();
            conversation = c.lastInsertId().toLongLong();
            previous = 0;
        }
        const bool user = i % 2 == 0;
        // Questions are short, answers long: ~1.5 KB of UTF-8 a message on average.
        const QString text = makeText(rng, user ? 300 : 2700);
        m.addBindValue(conversation);
        m.addBindValue(user ? QStringLiteral("user") : QStringLiteral("assistant"));
        m.addBindValue(text);
        m.addBindValue(t0 + i * 1000);
        m.addBindValue(previous ? QVariant(previous) : QVariant(QMetaType::fromType<qint64>()));
        m.exec();
        previous = m.lastInsertId().toLongLong();
        if (i % 10000 == 9999) {
            sql.commit();
            sql.transaction();
            QTextStream(stderr) << (i + 1) << " messages\n";
        }
    }
    sql.commit();
    // And 10,000 finished video tasks, as a long-time user's Library holds (issue 13's half of the case).
    sql.transaction();
    QSqlQuery t(sql);
    t.prepare(QStringLiteral("INSERT INTO video_tasks (created_at, updated_at, mode, llmid, model, prompt, params, images, state,"
                             " taskid, usage, video_url, cover_url, video_path, cover_path, succeeded_at)"
                             " VALUES (?, ?, 't2v', 'u9HZyfDoqU6uKI6M1BTks', 'wan2.6-t2v', ?, '{\"duration\":5,\"size\":\"1920*1080\"}',"
                             " '{}', 'succeeded', ?, '{\"credits\":20}', ?, ?, ?, ?, ?)"));
    for (int i = 0; i < 10000; ++i) {
        const qint64 at = t0 + qint64(i) * 100;
        t.addBindValue(at);
        t.addBindValue(at);
        t.addBindValue(makeText(rng, 120));
        t.addBindValue(QString::number(936759404378734592LL + i));
        t.addBindValue(QStringLiteral("https://opencomputing.ai/idfile?path=/tmp/%1/video.mp4").arg(i));
        t.addBindValue(QStringLiteral("https://opencomputing.ai/idfile?path=/tmp/%1/cover.jpeg").arg(i));
        t.addBindValue(QStringLiteral("/nonexistent/videos/%1.mp4").arg(i));
        t.addBindValue(QStringLiteral("/nonexistent/videos/%1.jpg").arg(i));
        t.addBindValue(at + 60000);
        t.exec();
    }
    sql.commit();
    q.exec(QStringLiteral("SELECT SUM(LENGTH(CAST(content AS BLOB))) FROM messages"));
    q.next();
    QTextStream(stdout) << "made " << count << " messages, " << q.value(0).toLongLong() / (1024 * 1024)
                        << " MiB of text, file " << QFileInfo(path).size() / (1024 * 1024) << " MiB\n";
    return 0;
}

int query(const QString &dir, int runs)
{
    const QString path = QDir(dir).filePath(QStringLiteral("yuanjing.sqlite"));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench"));
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open())
        return 1;
    const QStringList queries{QStringLiteral("通义千问"), QStringLiteral("黄昏时分"), QStringLiteral("lighthouse"),
                              QStringLiteral("NDJSON stream"), QStringLiteral("东京，第二"), QStringLiteral("12345"),
                              QStringLiteral("不存在的词语"), QStringLiteral("zebra crossing"),
                              QStringLiteral("京都"), QStringLiteral("fox"), QStringLiteral("海")};
    QList<double> all;
    for (const QString &q : queries) {
        QList<double> times;
        qsizetype hits = 0;
        for (int r = 0; r < runs; ++r) {
            QElapsedTimer t;
            t.start();
            hits = ConversationStore::searchConversations(db, q).size();
            times << t.nsecsElapsed() / 1e6;
        }
        std::sort(times.begin(), times.end());
        const double median = times.at(times.size() / 2);
        all << median;
        QTextStream(stdout) << "query " << q << ": " << QString::number(median, 'f', 2) << " ms median, " << hits
                            << " conversations\n";
    }
    std::sort(all.begin(), all.end());
    QTextStream(stdout) << "search: median of query medians " << QString::number(all.at(all.size() / 2), 'f', 2)
                        << " ms, slowest " << QString::number(all.last(), 'f', 2) << " ms (budget 50)\n";
    return 0;
}
int tasks(const QString &dir, int runs)
{
    QTemporaryDir scratch;
    const QString path = scratch.filePath(QStringLiteral("yuanjing.sqlite"));
    if (!QFile::copy(QDir(dir).filePath(QStringLiteral("yuanjing.sqlite")), path))
        return 1;
    Database writer(path), reader(path);
    if (!writer.open() || !reader.open())
        return 1;
    TaskStore other(&writer, scratch.filePath(QStringLiteral("tasks")));
    TaskStore store(&reader, scratch.filePath(QStringLiteral("tasks")));
    const QList<VideoTask> all = other.tasks();
    QSqlQuery count(reader.db());
    count.exec(QStringLiteral("SELECT count(*) FROM task_changes"));
    count.next();
    const qint64 entries = count.value(0).toLongLong();
    count.finish(); // a statement left open would hold its snapshot, and the reader would see no new writes
    store.watchOutsideChanges(3600 * 1000); // checked by hand below
    int seen = 0;
    QObject::connect(&store, &TaskStore::taskChangedOutside, [&seen] { ++seen; });
    QList<double> before, after;
    for (int r = 0; r < runs; ++r) {
        // Another process finishes one task...
        VideoTask t = all.at(r % all.size());
        t.platformStatus = QStringLiteral("SUCCEEDED %1").arg(r);
        other.update(t);
        // ...what the check did before: every task's id and update time, into the table it compared with.
        QElapsedTimer timer;
        timer.start();
        QSqlQuery q(reader.db());
        q.setForwardOnly(true);
        q.exec(QStringLiteral("SELECT id, updated_at FROM video_tasks INDEXED BY tasks_by_update"));
        QHash<qint64, qint64> known;
        while (q.next())
            known.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
        before << timer.nsecsElapsed() / 1e6;
        // ...and now: the log's entries since the last look, and the row written.
        timer.restart();
        store.checkForOutsideChanges();
        after << timer.nsecsElapsed() / 1e6;
    }
    QTextStream(stdout) << all.size() << " tasks, " << entries << " log entries; "
                        << "a check after another process's write: before (every task's update time) "
                        << QString::number(BenchSupport::median(before), 'f', 2)
                        << " ms, now (the log since the last look) "
                        << QString::number(BenchSupport::median(after), 'f', 2) << " ms median of " << runs
                        << "; first check " << QString::number(after.first(), 'f', 2)
                        << " ms (trims the log); " << seen << " of " << runs << " writes seen\n";
    return seen == runs ? 0 : 1;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString what = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const QString dir = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QDir::tempPath() + QStringLiteral("/yj-search");
    if (what == QLatin1String("make"))
        return make(dir, argc > 3 ? QString::fromLocal8Bit(argv[3]).toInt() : 100000);
    if (what == QLatin1String("query"))
        return query(dir, argc > 3 ? QString::fromLocal8Bit(argv[3]).toInt() : 7);
    if (what == QLatin1String("tasks"))
        return tasks(dir, argc > 3 ? QString::fromLocal8Bit(argv[3]).toInt() : 21);
    QTextStream(stderr) << "usage: bench_search make DIR [N] | query DIR [RUNS] | tasks DIR [RUNS]\n";
    return 2;
}
