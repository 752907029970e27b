// What the app writes about the user is the user's alone: the data and config folders are created
// 0700, the database (with its -wal/-shm), a task's pictures and the downloads 0600.
#include "TestSupport.h"
#include "core/Hardening.h"
#include "store/Database.h"
#include "store/TaskStore.h"
#include "tasks/ResultDownloader.h"
#include "video/ImagePreparer.h"
#include "video/ModelCatalog.h"
#include "video/VideoSubmitter.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace {
// The permission bits as the system has them (QFileInfo maps them to Qt's own flags).
int mode(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
#else
    Q_UNUSED(path)
    return -1;
#endif
}
} // namespace

class TestPrivateFiles : public QObject
{
    Q_OBJECT
#ifdef Q_OS_UNIX
    mode_t m_umask = 0;
#endif

private slots:
    void initTestCase()
    {
#ifndef Q_OS_UNIX
        QSKIP("permission bits are a Unix matter");
#else
        // A permissive umask, as some desktops have, so only the app's own choices make files private.
        m_umask = ::umask(0);
#endif
    }
    void cleanupTestCase()
    {
#ifdef Q_OS_UNIX
        ::umask(m_umask);
#endif
    }

    void createdFoldersAreOwnerOnly()
    {
        QTemporaryDir dir;
        QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0755) == 0);
        const QString deep = dir.filePath(QStringLiteral("a/b/c"));
        QVERIFY(Hardening::makePrivateDir(deep));
        QCOMPARE(mode(dir.filePath(QStringLiteral("a"))), 0700);
        QCOMPARE(mode(dir.filePath(QStringLiteral("a/b"))), 0700);
        QCOMPARE(mode(deep), 0700);
        QCOMPARE(mode(dir.path()), 0755);         // a folder that was already there is left as it is
        QVERIFY(Hardening::makePrivateDir(deep)); // again: fine
        QVERIFY(Hardening::makePrivateDir(dir.filePath(QStringLiteral("t/u/")))); // as a user may type it
        QCOMPARE(mode(dir.filePath(QStringLiteral("t/u"))), 0700);
        QFile file(dir.filePath(QStringLiteral("f")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(!Hardening::makePrivateDir(dir.filePath(QStringLiteral("f/x")))); // under a file: no
    }

    void coreFoldersAndDatabaseAreOwnerOnly()
    {
        TestSupport::Sandbox box;
        std::unique_ptr<AppCore> core(TestSupport::startDemoCore(box));
        QVERIFY(core);
        QVERIFY(core->database()->isOpen());
        const QString data = box.options().dataDir;
        QCOMPARE(mode(data), 0700);
        QCOMPARE(mode(box.options().configDir), 0700);
        QCOMPARE(mode(core->database()->path()), 0600);
        QSqlQuery q(core->database()->db());
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS probe (x)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO probe VALUES (1)")));
        for (const char *suffix : {"-wal", "-shm"}) {
            const QString path = core->database()->path() + QLatin1String(suffix);
            QVERIFY2(QFile::exists(path), qPrintable(path));
            QCOMPARE(mode(path), 0600);
        }
    }

    void databaseLeftReadableIsMadePrivate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.close();
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        Database db(path);
        QVERIFY(db.open());
        QCOMPARE(mode(path), 0600);
    }

    void picturesAndDownloadsAreOwnerOnly()
    {
        TestSupport::TaskWorld world;
        QVERIFY(world.start(QStringLiteral("sk-private-01")));
        ModelCatalog catalog;
        catalog.load(QString());
        const ModelSpec *spec = catalog.model(QStringLiteral("x4HksKp9mXR1Yv60mw6Py"));
        QVERIFY(spec);
        QImage frame(64, 36, QImage::Format_RGB32);
        frame.fill(Qt::darkCyan);
        const QMap<QString, PreparedImage> images{
            {QStringLiteral("image_file1"), ImagePreparer::fromImage(frame, QStringLiteral("first.png"))},
            {QStringLiteral("image_file2"), ImagePreparer::fromImage(frame, QStringLiteral("last.png"))}};
        QVariantMap values = spec->defaults();
        values.insert(QStringLiteral("prompt"), QStringLiteral("dawn"));
        VideoSubmitter submitter(&world.client, &world.store);
        QSignalSpy submitted(&submitter, &VideoSubmitter::submitted);
        QVERIFY(submitter.submit(*spec, values, images, 1024 * 1024));
        QVERIFY(submitted.wait(10000));
        const VideoTask task = world.store.task(submitted.first().first().value<VideoTask>().id);
        const QString picture = task.images.value(QLatin1String("image_file1"))
                                    .toObject()
                                    .value(QLatin1String("file"))
                                    .toString();
        QVERIFY(QFile::exists(picture));
        QCOMPARE(mode(picture), 0600);
        QCOMPARE(mode(QFileInfo(picture).absolutePath()), 0700);
        QCOMPARE(mode(world.store.filesDir(task.id) + QStringLiteral("/..")), 0700);

        VideoTask done = task;
        done.state = VideoTask::State::Succeeded;
        done.videoUrl = world.sim.baseUrl().toString() + QStringLiteral("/idfile?path=/tmp/1/video.mp4");
        world.store.update(done);
        ResultDownloader downloader(&world.client, &world.store);
        const QString folder = world.dir.filePath(QStringLiteral("Videos/Yuanjing"));
        downloader.setFolder(folder);
        QSignalSpy downloaded(&downloader, &ResultDownloader::downloaded);
        downloader.download(done);
        QVERIFY(downloaded.wait(10000));
        const VideoTask fetched = world.store.task(task.id);
        QVERIFY(QFile::exists(fetched.videoPath));
        QCOMPARE(mode(fetched.videoPath), 0600);
        QCOMPARE(mode(folder), 0700);
    }
};

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "tst_privatefiles.moc"
