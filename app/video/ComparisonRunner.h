#pragma once

#include "api/ApiError.h"
#include "video/ImagePreparer.h"
#include "video/ModelSchema.h"

#include <QList>
#include <QObject>
#include <QPointer>

class VideoSubmitter;
struct VideoIntent;

// One model's part in a comparison (or one take among variations): what is sent and what became of it.
struct ComparisonEntry
{
    enum class State { Waiting, Sending, Sent, Refused, Rejected, Uncertain };
    ModelSpec spec;
    QVariantMap values;
    QMap<QString, PreparedImage> images;
    QStringList adjustments; // what the intent mapper had to change (translated)
    State state = State::Waiting;
    QString error;      // translated, when refused, rejected or uncertain
    ApiError apiError;  // the platform's answer, when rejected or uncertain
    qint64 taskRow = 0; // the task's row once written (Sent or Uncertain)
};

// Sends a comparison's entries one after another through the one VideoSubmitter: each its own task,
// written before it is sent and never resent; an entry refused (locally or by the platform) or left
// uncertain does not stop the others. Every task carries the comparison's id.
class ComparisonRunner : public QObject
{
    Q_OBJECT
public:
    ComparisonRunner(VideoSubmitter *submitter, QObject *parent = nullptr);

    // False when the submitter is busy or a run is going on.
    bool start(const QList<ComparisonEntry> &entries, qint64 limitBytes);
    bool isRunning() const { return m_running; }
    QString comparison() const { return m_comparison; }
    const QList<ComparisonEntry> &entries() const { return m_entries; }

    // Entries for models of one mode from one intent (IntentMapper): the pictures by role.
    static QList<ComparisonEntry> entriesFor(const QList<ModelSpec> &specs, const VideoIntent &intent,
                                             const QList<QPair<QString, PreparedImage>> &pictures);
    // Marks the entries that cannot be sent as they are (model not enabled, a field wrong) as refused.
    static void refuseInvalid(QList<ComparisonEntry> *entries);
    // N takes of one model's values; each its own seed where the schema has one.
    static QList<ComparisonEntry> variations(const ModelSpec &spec, const QVariantMap &values,
                                             const QMap<QString, PreparedImage> &images, int takes);

signals:
    void entryChanged(int index);
    void finished();

private:
    void next();

    VideoSubmitter *m_submitter;
    QList<ComparisonEntry> m_entries;
    QString m_comparison;
    qint64 m_limit = 0;
    int m_current = -1;
    bool m_running = false;
    QPointer<QObject> m_once;
};
