// The database: every commit durable before it returns, since a task row guards a paid submission.
#include "TestSupport.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QTest>

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void commitsAreSyncedInFull()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("d.sqlite")));
        QVERIFY(db.open());
        QSqlQuery q(db.db());
        QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2); // FULL
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
