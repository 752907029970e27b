#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

// What one /llmage/tasks reply says, whichever shape the server wrote it in (PLATFORM-API.md §3): flat,
// {"status":"ok","data":{…}}, data.response or data.resposne (sic); status in any case; the object as
// JSON or as a Python dict repr. The one place that reads a task reply.
struct TaskReply
{
    enum class Kind {
        Unreadable, // nothing we can act on (no status, a wrapper error, not an object): ask again later
        Queued,     // CREATED, PENDING
        Running,    // RUNNING or any other non-terminal status
        Succeeded,
        Failed,
        Unknown,    // the platform's own UNKNOWN
    };

    Kind kind = Kind::Unreadable;
    QString status;   // as the platform wrote it, upper-cased
    QString taskId;   // the id the reply names (may be the vendor's)
    QString videoUrl;
    QString coverUrl;
    QJsonObject usage;
    QString error;    // the platform's message (failure or wrapper error)

    // "taskid=… not exist": the platform does not (yet, or any more) know the id.
    bool saysNotExist() const;
    // The reply is about a task, ours: it carries a task id, or its message names our id. A failure that
    // names no task is not an answer about ours.
    bool namesTask(const QString &ourTaskId) const;
    bool isTerminal() const { return kind == Kind::Succeeded || kind == Kind::Failed || kind == Kind::Unknown; }

    static TaskReply parse(const QJsonObject &reply);
    static TaskReply parse(QByteArrayView bytes);
};

// What one /llmage/video reply says: a task id (string or number) and its status, or a failure
// ({"error": …, "status": "FAILED"}, as JSON or a Python dict repr).
struct SubmissionReply
{
    QString taskId;
    QString status;
    bool failed = false;
    QString error;

    static SubmissionReply parse(const QJsonObject &reply);
    static SubmissionReply parse(QByteArrayView bytes);
};
