#pragma once

#include "api/ApiError.h"
#include "store/TaskStore.h"
#include "video/ImagePreparer.h"
#include "video/ModelSchema.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

class PlatformClient;
class ApiCall;
namespace RequestBuilder { struct Result; }

// A batch job: recorded as sent in the same transaction as its task row (TaskStore::add).
struct BatchJob
{
    QString key;
    QString batch;
    int line = 0;
};

// Sends one video request: builds it off the UI thread (re-encoding pictures to fit the size limit),
// writes the task and its pictures to the store *before* sending, then records the platform's answer.
// One request at a time; never resent on its own (every submission may be billed).
class VideoSubmitter : public QObject
{
    Q_OBJECT
public:
    VideoSubmitter(PlatformClient *client, TaskStore *store, QObject *parent = nullptr);
    ~VideoSubmitter() override;

    // comparison: the comparison (or set of variations) the task belongs to, written on its row.
    bool submit(const ModelSpec &spec, const QVariantMap &values, const QMap<QString, PreparedImage> &images,
                qint64 limitBytes, const BatchJob &job = {}, const QString &comparison = {});
    bool isBusy() const { return m_busy; }
    // The process's session (DataFolderOwner), written on the task row while it is being submitted.
    void setSession(const QString &session) { m_session = session; }
    // The row of the task on its way (0 when none).
    qint64 taskInFlight() const { return m_inFlight; }

signals:
    void busyChanged(bool busy);
    // Nothing was sent: the form is not valid, or the request cannot be made small enough.
    void refused(const QMap<QString, QString> &fieldErrors, const QString &error);
    // The platform accepted the task.
    void submitted(const VideoTask &task);
    // The platform refused it (nothing was made).
    void rejected(const VideoTask &task, const ApiError &error);
    // No clear answer: the request may or may not have reached the platform.
    void uncertain(const VideoTask &task, const ApiError &error);

private:
    void onBuilt();
    void send(const RequestBuilder::Result &result);
    void setBusy(bool busy);

    PlatformClient *m_client;
    TaskStore *m_store;
    QFutureWatcher<RequestBuilder::Result> *m_watcher;
    ModelSpec m_spec;
    QVariantMap m_values;
    BatchJob m_job;
    QString m_comparison;
    QString m_session;
    qint64 m_inFlight = 0;
    bool m_busy = false;
};
