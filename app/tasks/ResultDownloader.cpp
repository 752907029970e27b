#include "tasks/ResultDownloader.h"

#include "api/PlatformClient.h"
#include "core/Hardening.h"
#include "core/Log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

namespace {
QString cleaned(QString text, int maxLength)
{
    // Letters (any script) and digits stay; everything else becomes a single '-'.
    QString out;
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            out += c;
        else if (!out.endsWith(QLatin1Char('-')))
            out += QLatin1Char('-');
        if (out.size() >= maxLength)
            break;
    }
    while (out.startsWith(QLatin1Char('-')))
        out.remove(0, 1);
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out;
}

bool isHttp(const QString &link)
{
    const QString scheme = QUrl(link).scheme().toLower();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https");
}
} // namespace

ResultDownloader::ResultDownloader(PlatformClient *client, TaskStore *store, QObject *parent)
    : QObject(parent), m_client(client), m_store(store)
{
}

ResultDownloader::~ResultDownloader()
{
    for (Job &job : m_jobs) {
        if (job.reply) {
            job.reply->disconnect(this);
            job.reply->abort();
        }
        delete job.file; // the .part file stays for the next start
        delete job.lock;
    }
}

void ResultDownloader::drop(qint64 id)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    if (it->reply) {
        it->reply->disconnect(this);
        it->reply->abort();
        it->reply->deleteLater();
    }
    delete it->file;
    delete it->lock;
    m_jobs.erase(it);
}

void ResultDownloader::cancel(qint64 id)
{
    m_queue.removeAll(id);
    m_refreshes.remove(id);
    if (!m_jobs.contains(id))
        return;
    drop(id);
    startQueued();
}

void ResultDownloader::markExpired(const VideoTask &given)
{
    VideoTask task = m_store->task(given.id);
    if (task.id == 0)
        return;
    m_refreshes.remove(task.id);
    task.errorCode = QStringLiteral("expired");
    task.error = tr("The platform no longer has this result, even under a fresh link. Check on the platform.");
    m_store->update(task);
    emit downloadFailed(task, task.error);
}

void ResultDownloader::setRetryPolicy(int firstDelayMs, int maxDelayMs, int maxAttempts)
{
    m_firstDelayMs = firstDelayMs;
    m_maxDelayMs = maxDelayMs;
    m_maxAttempts = maxAttempts;
}

QString ResultDownloader::safeBaseName(const VideoTask &task)
{
    const QString date = (task.createdAt.isValid() ? task.createdAt : QDateTime::currentDateTime()).toString(QStringLiteral("yyyyMMdd-HHmm"));
    QString model = cleaned(task.modelName, 40);
    // A dot inside a model name is harmless ("wan2.6"), but never two or a leading one.
    if (model.isEmpty())
        model = QStringLiteral("video");
    QString slug = cleaned(task.prompt, 40);
    QString id = cleaned(task.taskId, 40);
    if (id.isEmpty())
        id = QString::number(task.id);
    QStringList parts{date, model};
    if (!slug.isEmpty())
        parts << slug;
    parts << id;
    return parts.join(QLatin1Char('_'));
}

void ResultDownloader::resumeAll()
{
    // Only rows whose files were never stored (a query, not the whole history): a file the user deleted
    // later is not fetched again on its own (the Library offers Download again).
    for (const VideoTask &task : m_store->downloadsToResume()) {
        const bool videoMissing = task.videoPath.isEmpty() || !QFile::exists(task.videoPath);
        const bool coverMissing = !task.coverUrl.isEmpty() && (task.coverPath.isEmpty() || !QFile::exists(task.coverPath));
        if (videoMissing || coverMissing)
            download(task);
    }
}

void ResultDownloader::download(const VideoTask &task)
{
    if (m_jobs.contains(task.id) || task.videoUrl.isEmpty())
        return;
    if (m_jobs.size() >= MaxParallel) {
        if (!m_queue.contains(task.id))
            m_queue.append(task.id);
        return;
    }
    Hardening::makePrivateDir(m_folder);
    Job job;
    job.id = task.id;
    const QString base = QDir(m_folder).filePath(safeBaseName(task));
    const bool videoDone = !task.videoPath.isEmpty() && QFile::exists(task.videoPath);
    job.cover = videoDone;
    job.url = job.cover ? task.coverUrl : task.videoUrl;
    job.finalPath = base + (job.cover ? QStringLiteral(".jpg") : QStringLiteral(".mp4"));
    job.partPath = job.finalPath + QStringLiteral(".part");
    if (job.cover && (task.coverUrl.isEmpty() || (!task.coverPath.isEmpty() && QFile::exists(task.coverPath))))
        return;
    m_jobs.insert(task.id, job);
    start(task.id);
}

void ResultDownloader::startQueued()
{
    while (m_jobs.size() < MaxParallel && !m_queue.isEmpty()) {
        const VideoTask task = m_store->task(m_queue.takeFirst());
        if (task.id)
            download(task);
    }
}

void ResultDownloader::start(qint64 id)
{
    Job &job = m_jobs[id];
    if (!isHttp(job.url)) {
        fail(id, tr("The platform gave a link the app does not follow: %1").arg(job.url.left(80)), QStringLiteral("bad_link"), false);
        return;
    }
    if (!job.lock) {
        job.lock = new QLockFile(job.partPath + QStringLiteral(".lock"));
        job.lock->setStaleLockTime(0);
    }
    if (!job.lock->isLocked() && !job.lock->tryLock(0)) {
        if (job.lock->error() == QLockFile::LockFailedError)
            fail(id, tr("Another program is writing %1; trying again later.").arg(QDir::toNativeSeparators(job.partPath)),
                 QStringLiteral("busy"), true);
        else
            fail(id, tr("Cannot write %1.").arg(QDir::toNativeSeparators(job.partPath)), QStringLiteral("disk"), true);
        return;
    }
    delete job.file;
    job.file = new QFile(job.partPath);
    if (!job.file->open(QIODevice::ReadWrite | QIODevice::Append, Hardening::PrivateFile)) {
        fail(id, tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(job.partPath), job.file->errorString()),
             QStringLiteral("disk"), true);
        return;
    }
    job.offset = job.file->size();
    job.expectedTotal = -1;
    job.started = false;
    job.writeError = false;
    QNetworkRequest request(QUrl(job.url));
    request.setTransferTimeout(60000);
    if (job.offset > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(job.offset) + '-');
    QNetworkReply *reply = m_client->networkManager()->get(request);
    job.reply = reply;
    connect(reply, &QNetworkReply::readyRead, this, [this, id] { onReadyRead(id); });
    connect(reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, id](qint64 received, qint64 total) {
        const Job &j = m_jobs.value(id);
        emit progress(id, j.offset + received, total > 0 ? j.offset + total : -1);
    });
}

void ResultDownloader::onReadyRead(qint64 id)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end() || !it->reply)
        return;
    Job &job = *it;
    QNetworkReply *reply = job.reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 && status != 206) {
        reply->readAll(); // error bodies are not files
        return;
    }
    if (!job.started) {
        job.started = true;
        const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString().toLower();
        if (type.startsWith(QLatin1String("text/html"))) {
            job.error = tr("The platform sent a web page instead of the file.");
            reply->abort();
            return;
        }
        if (status == 200 && job.offset > 0) {
            // The server ignored our Range: start the file again.
            job.file->resize(0);
            job.offset = 0;
        }
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        const QByteArray range = reply->rawHeader("Content-Range"); // "bytes 100-199/200"
        const qsizetype slash = range.lastIndexOf('/');
        if (status == 206 && slash > 0)
            job.expectedTotal = range.mid(slash + 1).toLongLong();
        else if (length > 0)
            job.expectedTotal = job.offset + length;
    }
    const QByteArray data = reply->readAll();
    if (job.file->write(data) != data.size()) {
        job.writeError = true;
        job.error = tr("Cannot write %1 (is the disk full?): %2").arg(QDir::toNativeSeparators(job.partPath), job.file->errorString());
        reply->abort();
    }
}

void ResultDownloader::onFinished(qint64 id)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    Job &job = *it;
    QNetworkReply *reply = job.reply;
    if (!reply)
        return;
    onReadyRead(id);
    reply->deleteLater();
    job.reply = nullptr;
    job.file->flush();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!job.error.isEmpty()) {
        const QString error = job.error;
        job.error.clear();
        fail(id, error, job.writeError ? QStringLiteral("disk") : QStringLiteral("not_a_file"), true);
        return;
    }
    if (status == 404 || status == 403 || status == 410) {
        if (!job.cover && m_refreshes.value(id) < m_maxRefreshes) {
            // Result links are temporary: ask the platform for fresh ones before giving up.
            m_refreshes[id] += 1;
            const VideoTask task = m_store->task(id);
            drop(id);
            qCInfo(lcStore) << "result link refused with" << status << "; asking for a fresh one";
            if (task.id)
                emit linkExpired(task);
            startQueued();
            return;
        }
        fail(id, tr("The platform no longer has this file (HTTP %1). Its link: %2").arg(status).arg(job.url),
             QStringLiteral("expired"), false);
        return;
    }
    if (status == 416 && job.offset > 0) {
        complete(id); // everything was already here
        return;
    }
    if (reply->error() != QNetworkReply::NoError || (status != 200 && status != 206)) {
        fail(id, tr("Download interrupted (%1); it will resume.").arg(reply->errorString()), QStringLiteral("network"), true);
        return;
    }
    complete(id);
}

void ResultDownloader::complete(qint64 id)
{
    Job &job = m_jobs[id];
    job.file->flush();
    if (job.expectedTotal > 0 && job.file->size() != job.expectedTotal) {
        // Not the file the server announced: never let a damaged video appear; fetch it again whole.
        job.file->resize(0);
        job.expectedTotal = -1;
        fail(id, tr("The download arrived incomplete; it will be fetched again."), QStringLiteral("network"), true);
        return;
    }
    job.file->close();
    // The finished file appears under its name in one step; a half file never does.
    QFile::remove(job.finalPath);
    if (!QFile::rename(job.partPath, job.finalPath)) {
        fail(id, tr("Cannot move the finished file to %1.").arg(QDir::toNativeSeparators(job.finalPath)), QStringLiteral("disk"), true);
        return;
    }
    VideoTask task = m_store->task(id);
    if (job.cover)
        task.coverPath = job.finalPath;
    else
        task.videoPath = job.finalPath;
    if (task.errorCode == QLatin1String("network") || task.errorCode == QLatin1String("disk")
        || task.errorCode == QLatin1String("not_a_file")) {
        task.error.clear();
        task.errorCode.clear();
    }
    const QString name = QFileInfo(job.finalPath).fileName();
    m_refreshes.remove(id);
    const bool stored = m_store->update(task);
    drop(id); // `job` is gone from here on
    if (!stored) {
        startQueued(); // the task was deleted meanwhile
        return;
    }
    qCInfo(lcStore) << "downloaded" << name;
    if (!task.coverUrl.isEmpty() && (task.coverPath.isEmpty() || !QFile::exists(task.coverPath))) {
        download(task); // the cover next
        return;
    }
    emit downloaded(task);
    startQueued();
}

void ResultDownloader::fail(qint64 id, const QString &message, const QString &code, bool retry)
{
    Job &job = m_jobs[id];
    if (job.file)
        job.file->close();
    VideoTask task = m_store->task(id);
    if (task.id == 0) {
        drop(id); // deleted meanwhile
        startQueued();
        return;
    }
    ++job.attempts;
    const bool again = retry && job.attempts < m_maxAttempts;
    const bool cover = job.cover;
    // A missing cover is no reason to call the video lost: only the video's troubles are the task's.
    if (!cover) {
        task.error = message;
        task.errorCode = code;
        m_store->update(task);
    }
    if (again) {
        const int delay = qMin(m_maxDelayMs, m_firstDelayMs * (1 << qMin(job.attempts - 1, 16)));
        QTimer::singleShot(delay, this, [this, id] {
            if (m_jobs.contains(id))
                start(id);
        });
        return;
    }
    drop(id);
    m_refreshes.remove(id); // a later "check again" gets its fresh links again
    if (cover) {
        qCInfo(lcStore) << "cover not downloaded:" << code;
        task.coverUrl.clear(); // the Library draws its own placeholder
        m_store->update(task);
        emit downloaded(task);
    } else {
        emit downloadFailed(task, message);
    }
    startQueued();
}
