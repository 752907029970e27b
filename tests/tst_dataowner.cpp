// One owner per data folder: the first process holds it, the next takes over when it ends, and only
// what a dead process left behind is marked interrupted.
#include "TestSupport.h"
#include "core/DataFolderOwner.h"
#include "core/ProcessLock.h"
#include "store/TaskStore.h"
#include "tasks/TaskPoller.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

class TestDataOwner : public QObject
{
    Q_OBJECT

private slots:
    void firstHoldsTheFolderAndHandsItOver()
    {
        QTemporaryDir dir;
        auto *first = new DataFolderOwner(dir.path());
        DataFolderOwner second(dir.path());
        QVERIFY(first->tryAcquire());
        QVERIFY(!second.tryAcquire());
        QVERIFY(second.isSessionLive(first->sessionId()));
        QVERIFY(!second.isSessionLive(QStringLiteral("00000000-0000-0000-0000-000000000000")));
        QVERIFY(!second.isSessionLive(QStringLiteral("../../etc/passwd")));
        const QString firstSession = first->sessionId();
        QSignalSpy became(&second, &DataFolderOwner::becameOwner);
        second.keepTrying(20);
        QVERIFY(!second.tryAcquire()); // still held
        QCOMPARE(became.count(), 0);
        delete first;
        QVERIFY(became.wait(5000));
        QVERIFY(second.isOwner());
        QVERIFY(!second.isSessionLive(firstSession));
    }

    void locksLeftBehindAreFree()
    {
        // What a process killed outright leaves: the lock files, with a pid that may be anyone's now.
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("sessions"));
        const QString deadSession = QStringLiteral("5d7e3c1a-0000-4000-8000-00000000dead");
        for (const QString &name :
             {QStringLiteral("owner.lock"), QStringLiteral("sessions/%1.lock").arg(deadSession)}) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray::number(QCoreApplication::applicationPid()) +
                       "\nyuanjing-studio\nlocalhost\n");
        }
        DataFolderOwner owner(dir.path());
        QVERIFY(owner.tryAcquire()); // the system let go of it with the process, whatever the file says
        QVERIFY(!owner.isSessionLive(deadSession));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("sessions/%1.lock").arg(deadSession)))); // tidied

        // Held is held, by a lock of this process too, and a lock let go of takes its file with it.
        ProcessLock again(dir.filePath(QStringLiteral("owner.lock")));
        QVERIFY(!again.tryLock());
        QVERIFY(ProcessLock::isHeld(dir.filePath(QStringLiteral("owner.lock"))));
        ProcessLock other(dir.filePath(QStringLiteral("other.lock")));
        QVERIFY(other.tryLock());
        QVERIFY(ProcessLock::isHeld(other.path()));
        other.unlock();
        QVERIFY(!ProcessLock::isHeld(other.path()));
        QVERIFY(!QFile::exists(other.path()));
    }

    void onlyDeadSessionsSubmissionsBecomeUnknown()
    {
        TestSupport::Sandbox box;
        LaunchOptions o = box.options();
        o.baseUrlOverride = QStringLiteral("http://127.0.0.1:9");
        o.apiKeyOverride = QStringLiteral("sk-owner-1");
        auto *owner = new AppCore(o);
        QSignalSpy started(owner, &AppCore::started);
        owner->start();
        QVERIFY(started.count() || started.wait(5000));
        QVERIFY(owner->isDataOwner());

        AppCore other(o);
        QSignalSpy otherStarted(&other, &AppCore::started);
        other.start();
        QVERIFY(otherStarted.count() || otherStarted.wait(5000));
        QVERIFY(!other.isDataOwner());

        // The owner is sending a task (its session is live), and a dead process left one behind.
        VideoTask live;
        live.mode = QStringLiteral("t2v");
        live.llmid = QStringLiteral("u9HZyfDoqU6uKI6M1BTks");
        live.modelName = QStringLiteral("wan2.6-t2v");
        live.prompt = QStringLiteral("on its way");
        live.state = VideoTask::State::Submitting;
        live.session = owner->dataOwner()->sessionId();
        QVERIFY(owner->tasks()->add(live));
        VideoTask orphan = live;
        orphan.prompt = QStringLiteral("left behind");
        orphan.session = QStringLiteral("5d7e3c1a-0000-4000-8000-000000000000");
        QVERIFY(owner->tasks()->add(orphan));

        // The owner ends; the other takes over, marking only the orphan.
        QSignalSpy became(other.dataOwner(), &DataFolderOwner::becameOwner);
        VideoTask stillLive = live;
        stillLive.session = other.dataOwner()->sessionId(); // as if the other process were sending it
        QVERIFY(owner->tasks()->update(stillLive));
        delete owner;
        QVERIFY(became.wait(5000));
        QVERIFY(other.isDataOwner());
        QCOMPARE(other.tasks()->task(orphan.id).state, VideoTask::State::Unknown);
        QCOMPARE(other.tasks()->task(live.id).state, VideoTask::State::Submitting);
    }

    void theStoreSeesAnotherProcesssChanges()
    {
        QTemporaryDir dir;
        Database a(dir.filePath(QStringLiteral("t.sqlite")));
        Database b(dir.filePath(QStringLiteral("t.sqlite")));
        QVERIFY(a.open());
        QVERIFY(b.open());
        TaskStore storeA(&a, dir.filePath(QStringLiteral("tasks")));
        TaskStore storeB(&b, dir.filePath(QStringLiteral("tasks")));
        VideoTask before; // there before B watches: what B starts from, not a change
        before.mode = QStringLiteral("t2v");
        before.llmid = QStringLiteral("x");
        before.modelName = QStringLiteral("m");
        before.prompt = QStringLiteral("earlier");
        QVERIFY(storeA.add(before));
        QSqlQuery age(a.db()); // written a minute ago, not in the millisecond B starts watching
        QVERIFY(age.exec(QStringLiteral("UPDATE video_tasks SET updated_at = updated_at - 60000")));
        storeB.watchOutsideChanges(60000); // checked by hand below
        QSignalSpy outside(&storeB, &TaskStore::taskChangedOutside);
        QSignalSpy removed(&storeB, &TaskStore::taskRemoved);
        VideoTask t;
        t.mode = QStringLiteral("t2v");
        t.llmid = QStringLiteral("x");
        t.modelName = QStringLiteral("m");
        t.prompt = QStringLiteral("p");
        QVERIFY(storeA.add(t));
        storeB.checkForOutsideChanges();
        QCOMPARE(outside.count(), 1);
        QCOMPARE(outside.first().first().value<VideoTask>().id, t.id);
        storeB.checkForOutsideChanges(); // nothing new
        QCOMPARE(outside.count(), 1);
        QVERIFY(storeA.remove(t.id, false));
        storeB.checkForOutsideChanges();
        QCOMPARE(removed.count(), 1);
        // An update of a row that is gone fails and tells nobody.
        QSignalSpy changed(&storeA, &TaskStore::taskChanged);
        QVERIFY(!storeA.update(t));
        QCOMPARE(changed.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDataOwner)
#include "tst_dataowner.moc"
