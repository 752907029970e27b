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

namespace {
// Two processes' connections to one data folder, each with its task store.
struct TwoProcesses
{
    QTemporaryDir dir;
    Database a{dir.filePath(QStringLiteral("t.sqlite"))};
    Database b{dir.filePath(QStringLiteral("t.sqlite"))};
    TaskStore storeA{&a, dir.filePath(QStringLiteral("tasks"))};
    TaskStore storeB{&b, dir.filePath(QStringLiteral("tasks"))};
    bool open() { return a.open() && b.open(); }
};
} // namespace

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
        TwoProcesses two;
        QVERIFY(two.open());
        VideoTask before; // there before B watches: what B starts from, not a change
        before.mode = QStringLiteral("t2v");
        before.llmid = QStringLiteral("x");
        before.modelName = QStringLiteral("m");
        before.prompt = QStringLiteral("earlier");
        QVERIFY(two.storeA.add(before));
        QSqlQuery age(two.a.db()); // written a minute ago, not in the millisecond B starts watching
        QVERIFY(age.exec(QStringLiteral("UPDATE video_tasks SET updated_at = updated_at - 60000")));
        two.storeB.watchOutsideChanges(60000); // checked by hand below
        QSignalSpy outside(&two.storeB, &TaskStore::taskChangedOutside);
        QSignalSpy removed(&two.storeB, &TaskStore::taskRemoved);
        VideoTask t;
        t.mode = QStringLiteral("t2v");
        t.llmid = QStringLiteral("x");
        t.modelName = QStringLiteral("m");
        t.prompt = QStringLiteral("p");
        QVERIFY(two.storeA.add(t));
        two.storeB.checkForOutsideChanges();
        QCOMPARE(outside.count(), 1);
        QCOMPARE(outside.first().first().value<VideoTask>().id, t.id);
        two.storeB.checkForOutsideChanges(); // nothing new
        QCOMPARE(outside.count(), 1);
        QVERIFY(two.storeA.remove(t.id, false));
        two.storeB.checkForOutsideChanges();
        QCOMPARE(removed.count(), 1);
        // An update of a row that is gone fails and tells nobody.
        QSignalSpy changed(&two.storeA, &TaskStore::taskChanged);
        QVERIFY(!two.storeA.update(t));
        QCOMPARE(changed.count(), 0);
    }

    // The check reads what was written since it last looked (the change log), so rows this process never
    // read are seen too, its own writes are not announced again, and a deletion by another process is.
    void theStoreReadsOnlyWhatWasWrittenSinceItLooked()
    {
        TwoProcesses two;
        QVERIFY(two.open());
        QList<VideoTask> old;
        for (int i = 0; i < 3; ++i) {
            VideoTask t = task(QStringLiteral("old %1").arg(i));
            QVERIFY(two.storeA.add(t));
            old.append(t);
        }
        two.storeB.watchOutsideChanges(60000);
        QSignalSpy outside(&two.storeB, &TaskStore::taskChangedOutside);
        QSignalSpy removed(&two.storeB, &TaskStore::taskRemoved);

        VideoTask changed = old[1];
        changed.prompt = QStringLiteral("changed by A");
        QVERIFY(two.storeA.update(changed));
        VideoTask mine = task(QStringLiteral("B's own"));
        QVERIFY(two.storeB.add(mine));
        two.storeB.checkForOutsideChanges();
        QCOMPARE(outside.count(), 1);
        QCOMPARE(outside.first().first().value<VideoTask>().prompt, QStringLiteral("changed by A"));

        // B removes a row itself, A removes another: one taskRemoved each, none twice.
        QVERIFY(two.storeB.remove(old[0].id, false));
        QCOMPARE(removed.count(), 1);
        QVERIFY(two.storeA.remove(old[2].id, false));
        two.storeB.checkForOutsideChanges();
        QCOMPARE(removed.count(), 2);
        QCOMPARE(removed.last().first().toLongLong(), old[2].id);
        QCOMPARE(outside.count(), 1);

        // Nobody else wrote: nothing read, nothing told.
        two.storeB.checkForOutsideChanges();
        QCOMPARE(outside.count(), 1);
        QCOMPARE(removed.count(), 2);
    }

    // A log trimmed past what a process last read (it was stopped for a day): the rows' update times tell
    // what changed instead.
    void aTrimmedLogFallsBackOnUpdateTimes()
    {
        TwoProcesses two;
        QVERIFY(two.open());
        VideoTask first = task(QStringLiteral("first"));
        QVERIFY(two.storeA.add(first));
        QSqlQuery age(two.a.db()); // written before B started, beyond the minute of slack
        QVERIFY(age.exec(QStringLiteral("UPDATE video_tasks SET updated_at = updated_at - 120000")));
        two.storeB.watchOutsideChanges(60000);
        two.storeB.checkForOutsideChanges(); // the first check trims entries older than a day: none here
        QSignalSpy outside(&two.storeB, &TaskStore::taskChangedOutside);
        VideoTask second = task(QStringLiteral("second"));
        QVERIFY(two.storeA.add(second));
        VideoTask third = task(QStringLiteral("third"));
        QVERIFY(two.storeA.add(third));
        QSqlQuery trim(two.a.db());
        QVERIFY(trim.exec(QStringLiteral("DELETE FROM task_changes WHERE task_id <> %1").arg(third.id)));
        two.storeB.checkForOutsideChanges();
        QCOMPARE(outside.count(), 2);
        QCOMPARE(outside.at(0).first().value<VideoTask>().id, second.id);
        QCOMPARE(outside.at(1).first().value<VideoTask>().id, third.id);
        // And from there on the log again.
        VideoTask fourth = task(QStringLiteral("fourth"));
        QVERIFY(two.storeA.add(fourth));
        two.storeB.checkForOutsideChanges();
        QCOMPARE(outside.count(), 3);
    }

    // The log keeps a day: older entries go at a process's first check, the newest are kept.
    void theChangeLogKeepsADay()
    {
        TwoProcesses two;
        QVERIFY(two.open());
        TaskStore &store = two.storeA;
        for (int i = 0; i < 4; ++i) {
            VideoTask t = task(QStringLiteral("t %1").arg(i));
            QVERIFY(store.add(t));
        }
        QSqlQuery q(two.a.db());
        QVERIFY(q.exec(QStringLiteral("UPDATE task_changes SET at = at - 2 * 86400 WHERE seq <= 3")));
        store.watchOutsideChanges(60000);
        store.checkForOutsideChanges();
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), min(seq) FROM task_changes")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(q.value(1).toInt(), 4);
    }

    // A process trimming its own old entries (left running for days, nobody else writing) has not missed
    // anything: the next write of another is read from the log, not guessed from update times (which
    // would also announce a row written just before this process began watching).
    void trimmingItsOwnEntriesIsNotAGap()
    {
        TwoProcesses two;
        QVERIFY(two.open());
        VideoTask early = task(QStringLiteral("just before B watches"));
        QVERIFY(two.storeA.add(early));
        two.storeB.watchOutsideChanges(60000);
        VideoTask mine = task(QStringLiteral("B's own, two days ago"));
        QVERIFY(two.storeB.add(mine));
        QSqlQuery age(two.b.db()); // B's own connection: no commit of another for B
        QVERIFY(age.exec(QStringLiteral("UPDATE task_changes SET at = at - 2 * 86400")));
        two.storeB.checkForOutsideChanges(); // nobody else wrote: B trims, its own entries included
        QSqlQuery left(two.b.db());
        QVERIFY(left.exec(QStringLiteral("SELECT count(*) FROM task_changes")) && left.next());
        QCOMPARE(left.value(0).toInt(), 0);
        left.finish();
        QSignalSpy outside(&two.storeB, &TaskStore::taskChangedOutside);
        VideoTask later = task(QStringLiteral("A's, now"));
        QVERIFY(two.storeA.add(later));
        two.storeB.checkForOutsideChanges();
        QCOMPARE(outside.count(), 1);
        QCOMPARE(outside.first().first().value<VideoTask>().id, later.id);
    }

private:
    static VideoTask task(const QString &prompt)
    {
        VideoTask t;
        t.mode = QStringLiteral("t2v");
        t.llmid = QStringLiteral("x");
        t.modelName = QStringLiteral("m");
        t.prompt = prompt;
        return t;
    }
};

QTEST_GUILESS_MAIN(TestDataOwner)
#include "tst_dataowner.moc"
