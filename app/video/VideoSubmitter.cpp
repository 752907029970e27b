#include "video/VideoSubmitter.h"

#include "api/PlatformClient.h"
#include "core/Hardening.h"
#include "core/Log.h"
#include "tasks/TaskReply.h"
#include "video/RequestBuilder.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QtConcurrent>

VideoSubmitter::VideoSubmitter(PlatformClient *client, TaskStore *store, QObject *parent)
    : QObject(parent), m_client(client), m_store(store), m_watcher(new QFutureWatcher<RequestBuilder::Result>(this))
{
    connect(m_watcher, &QFutureWatcherBase::finished, this, &VideoSubmitter::onBuilt);
}

VideoSubmitter::~VideoSubmitter()
{
    m_watcher->waitForFinished();
}

void VideoSubmitter::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

bool VideoSubmitter::submit(const ModelSpec &spec, const QVariantMap &values, const QMap<QString, PreparedImage> &images,
                            qint64 limitBytes, const BatchJob &job, const QString &comparison)
{
    if (m_busy)
        return false;
    setBusy(true);
    m_spec = spec;
    m_values = values;
    m_job = job;
    m_comparison = comparison;
    m_watcher->setFuture(QtConcurrent::run(
        [spec, values, images, limitBytes] { return RequestBuilder::build(spec, values, images, limitBytes); }));
    return true;
}

void VideoSubmitter::onBuilt()
{
    const RequestBuilder::Result result = m_watcher->result();
    if (!result.ok()) {
        setBusy(false);
        emit refused(result.fieldErrors, result.error);
        return;
    }
    send(result);
}

void VideoSubmitter::send(const RequestBuilder::Result &result)
{
    // First the record, then the request: a crash in between leaves a task marked "submitting", never
    // a paid-for video the app does not know about.
    VideoTask task;
    task.mode = m_spec.mode;
    task.llmid = m_spec.llmid;
    task.modelName = m_spec.model;
    task.prompt = m_values.value(QStringLiteral("prompt")).toString().trimmed();
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        if (const FieldSpec *f = m_spec.field(it.key()); f && f->type != FieldSpec::Type::Image)
            task.params.insert(it.key(), result.body.value(it.key()));
    task.state = VideoTask::State::Submitting;
    task.requestBytes = result.bytes;
    task.session = m_session;
    task.comparison = m_comparison;
    task.createdAt = QDateTime::currentDateTime();
    task.deadline = task.createdAt.addSecs(qint64(m_spec.taskMaxAgeHoursFor(task.params)) * 3600);
    if (!m_store->add(task, m_job.key, m_job.batch, m_job.line)) {
        setBusy(false);
        emit refused({}, m_job.key.isEmpty() || m_store->batchJobTask(m_job.key) == 0
                             ? tr("The task could not be written to the database; nothing was sent.")
                             : tr("This job was already sent; it is not sent again."));
        return;
    }
    m_inFlight = task.id;
    Hardening::makePrivateDir(m_store->filesDir(task.id));
    for (auto it = result.images.cbegin(); it != result.images.cend(); ++it) {
        if (!it->isValid())
            continue;
        if (it->source == PreparedImage::Source::Url) {
            task.images.insert(it.key(), QJsonObject{{QStringLiteral("url"), it->url.toString()}});
            continue;
        }
        const QString path = QDir(m_store->filesDir(task.id))
                                 .filePath(it.key() + (it->mimeType == QLatin1String("image/png") ? QStringLiteral(".png")
                                                                                                 : QStringLiteral(".jpg")));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly, Hardening::PrivateFile))
            file.write(it->encoded);
        task.images.insert(it.key(), QJsonObject{{QStringLiteral("file"), path}, {QStringLiteral("origin"), it->origin}});
    }
    m_store->update(task);

    ApiCall *call = m_client->postJson(QStringLiteral("/llmage/video"), result.body);
    connect(call, &ApiCall::finished, this, [this, call, task](const ApiError &error) mutable {
        Q_UNUSED(call)
        m_inFlight = 0;
        setBusy(false);
        task.session.clear();
        if (error.isError()) {
            task.error = error.message();
            task.errorCode = error.code();
            if (error.mayHaveReachedServer()) {
                task.state = VideoTask::State::Unknown;
                m_store->update(task);
                emit uncertain(task, error);
            } else {
                task.state = VideoTask::State::Rejected;
                m_store->update(task);
                emit rejected(task, error);
            }
        }
    });
    connect(call, &ApiCall::succeeded, this, [this, task](const QJsonDocument &doc) mutable {
        const SubmissionReply reply = SubmissionReply::parse(doc.object());
        task.session.clear();
        task.taskId = reply.taskId;
        task.platformStatus = reply.status;
        if (task.taskId.isEmpty()) {
            // An answer without a task id: the platform may still have started something.
            task.state = VideoTask::State::Unknown;
            const ApiError error(ApiError::Kind::InvalidResponse, 200, tr("no taskid in the reply"));
            task.error = error.message();
            task.errorCode = error.code();
            m_store->update(task);
            emit uncertain(task, error);
            return;
        }
        task.state = VideoTask::State::Queued;
        m_store->update(task);
        qCInfo(lcApi) << "video task submitted:" << task.taskId;
        emit submitted(task);
    });
}
