#include "media/Media.h"

#include <QDir>
#include <QLibrary>
#include <QMutex>
#include <QPointer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QThread>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#ifndef YJ_MEDIA_DIR_FROM_BIN
#define YJ_MEDIA_DIR_FROM_BIN "../lib/yuanjing-studio"
#endif

namespace {
QMutex g_loadLock;
CreateMediaEngine g_make = nullptr;
QString g_whyNot;
} // namespace

QStringList MediaModule::moduleFolders()
{
    const QString bin = QCoreApplication::applicationDirPath();
    return {bin, QDir::cleanPath(bin + QLatin1Char('/') + QStringLiteral(YJ_MEDIA_DIR_FROM_BIN)),
            QDir::cleanPath(bin + QStringLiteral("/.."))};
}

bool MediaModule::isLoaded()
{
    QMutexLocker lock(&g_loadLock);
    return g_make != nullptr;
}

std::unique_ptr<media::Engine> MediaModule::createEngine(QString *whyNot)
{
    QMutexLocker lock(&g_loadLock);
    if (!g_make) {
        QStringList reasons;
        for (const QString &folder : moduleFolders()) {
            // QLibrary adds the platform's suffix (yuanjing-media.so, .dll, .dylib).
            QLibrary module(QDir(folder).filePath(QStringLiteral("yuanjing-media")));
            if (!module.load()) {
                reasons << module.errorString();
                continue;
            }
            // The module stays loaded for the life of the program.
            if ((g_make = reinterpret_cast<CreateMediaEngine>(module.resolve(YJ_CREATE_MEDIA_ENGINE_SYMBOL))))
                break;
            reasons << module.errorString();
        }
        if (!g_make) {
            if (whyNot)
                *whyNot = MediaError::moduleMissing(reasons.join(QLatin1Char('\n')));
            return nullptr;
        }
    }
    return std::unique_ptr<media::Engine>(g_make());
}

QString MediaError::moduleMissing(const QString &why)
{
    return tr("The media module (yuanjing-media) could not be loaded; the installation may be damaged. %1")
        .arg(why);
}

QString MediaError::message(const media::Result &r)
{
    const QString file = QDir::toNativeSeparators(r.file);
    QString text;
    switch (r.kind) {
    case media::ErrorKind::None:
        return {};
    case media::ErrorKind::NotFound:
        text = tr("“%1” does not exist or cannot be read.").arg(file);
        break;
    case media::ErrorKind::NotAVideo:
        text = tr("“%1” is a picture, not a video.").arg(file);
        break;
    case media::ErrorKind::NoVideoStream:
        text = tr("“%1” has no video stream (sound only?).").arg(file);
        break;
    case media::ErrorKind::Corrupt:
        text = tr("“%1” is damaged or incomplete (a download cut short?) and cannot be read.").arg(file);
        break;
    case media::ErrorKind::DiskFull:
        text = tr("The disk is full: “%1” could not be written. Nothing was left half-written.").arg(file);
        break;
    case media::ErrorKind::WriteFailed:
        text = tr("“%1” could not be written.").arg(file);
        break;
    case media::ErrorKind::NoEncoder:
        text = tr("This system's FFmpeg lacks the H.264 or AAC encoder needed to write “%1”.").arg(file);
        break;
    case media::ErrorKind::Cancelled:
        text = tr("Cancelled; “%1” was not written.").arg(file);
        break;
    case media::ErrorKind::BadArgument:
        text = tr("That position or setting does not fit “%1”.").arg(file);
        break;
    case media::ErrorKind::Internal:
        if (file.isEmpty())
            return r.detail; // the module could not be loaded: already in words
        text = tr("The media engine failed on “%1”.").arg(file);
        break;
    }
    if (!r.detail.isEmpty())
        text += QLatin1Char(' ') + tr("(FFmpeg: %1)").arg(r.detail);
    return text;
}

MediaJob::MediaJob(QObject *parent) : QObject(parent), m_cancel(std::make_shared<std::atomic<bool>>(false))
{
}

MediaJob::~MediaJob()
{
    // Waits for the worker: it may still write into this job's results.
    m_cancel->store(true);
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

namespace {
// Encoding a film keeps every core busy (x264 makes its own threads, which inherit this thread's nice
// value): below the UI thread, so the window stays smooth while a film is joined. QThread's priorities do
// nothing for Linux's normal scheduling class, hence setpriority on the thread.
void lowerThisThreadsPriority()
{
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), 10);
#endif
}
} // namespace

void MediaJob::cancel()
{
    m_cancel->store(true);
}

void MediaJob::start(Work work)
{
    if (m_running)
        return;
    m_running = true;
    m_cancel->store(false);
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    QPointer<MediaJob> self(this);
    auto cancelFlag = m_cancel;
    m_thread = QThread::create([this, self, cancelFlag, work]() {
        lowerThisThreadsPriority();
        QString whyNot;
        media::Result result;
        std::unique_ptr<media::Engine> engine = MediaModule::createEngine(&whyNot);
        if (!engine) {
            result = media::Result{media::ErrorKind::Internal, {}, whyNot};
        } else {
            double last = -1;
            const media::Progress progress = [this, cancelFlag, &last](double f) {
                if (f - last >= 0.005 || f >= 1.0) { // at most 200 announcements per job
                    last = f;
                    QMetaObject::invokeMethod(
                        this, [this, f]() { emit progressed(f); }, Qt::QueuedConnection);
                }
                return !cancelFlag->load();
            };
            result = work(*engine, progress);
        }
        QMetaObject::invokeMethod(
            this,
            [this, result]() {
                m_result = result;
                m_running = false;
                emit finished(result.ok());
            },
            Qt::QueuedConnection);
    });
    m_thread->start();
}

void MediaJob::startJoin(const QStringList &inputs, const QString &output, const media::JoinOptions &options)
{
    start([this, inputs, output, options](media::Engine &engine, const media::Progress &progress) {
        return engine.join(inputs, output, options, progress, &m_report);
    });
}

void MediaJob::startFrame(const QString &video, media::FramePosition where, double seconds)
{
    start([this, video, where, seconds](media::Engine &engine, const media::Progress &) {
        return engine.frame(video, where, seconds, &m_image);
    });
}

media::Result MediaJob::runNow(const Work &work, QString *whyNot)
{
    std::unique_ptr<media::Engine> engine = MediaModule::createEngine(whyNot);
    if (!engine)
        return media::Result{media::ErrorKind::Internal, {}, whyNot ? *whyNot : QString()};
    return work(*engine, [](double) { return true; });
}

void FrameMime::write(QMimeData *data, const QString &video, media::FramePosition where, double seconds)
{
    const QJsonObject o{{QStringLiteral("video"), video}, {QStringLiteral("where"), int(where)}, {QStringLiteral("seconds"), seconds}};
    data->setData(QString::fromLatin1(Type), QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool FrameMime::read(const QMimeData *data, QString *video, media::FramePosition *where, double *seconds)
{
    if (!data || !data->hasFormat(QString::fromLatin1(Type)))
        return false;
    const QJsonObject o = QJsonDocument::fromJson(data->data(QString::fromLatin1(Type))).object();
    const int w = o.value(QLatin1String("where")).toInt(-1);
    *video = o.value(QLatin1String("video")).toString();
    *seconds = qMax(0.0, o.value(QLatin1String("seconds")).toDouble());
    if (video->isEmpty() || w < int(media::FramePosition::First) || w > int(media::FramePosition::Last))
        return false;
    *where = media::FramePosition(w);
    return true;
}

