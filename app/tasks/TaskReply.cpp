#include "tasks/TaskReply.h"

#include "api/LenientJson.h"

#include <cmath>

namespace {
QString idOf(const QJsonValue &v)
{
    // Ids are strings, but a server may write a number; large ones must not pass through a double.
    if (v.isString())
        return v.toString().trimmed();
    if (v.isDouble()) {
        // Only a whole number within 63 bits: casting 9e21 to qint64 is undefined (fuzz/api_reply found
        // it); anything else is no id, so the task is unknown and the user checks, never resent.
        const double d = v.toDouble();
        if (!std::isfinite(d) || d < 0 || d >= 9.2e18 || d != std::floor(d))
            return {};
        return QString::number(qint64(d));
    }
    return {};
}

QString stripErrorPrefix(QString text)
{
    text = text.trimmed();
    if (text.startsWith(QLatin1String("ERROR:"), Qt::CaseInsensitive))
        text = text.mid(6).trimmed();
    return text;
}

QString messageOf(const QJsonValue &v)
{
    if (v.isString())
        return stripErrorPrefix(v.toString());
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (const char *key : {"message", "error", "msg"})
            if (o.value(QLatin1String(key)).isString())
                return stripErrorPrefix(o.value(QLatin1String(key)).toString());
    }
    return {};
}
} // namespace

bool TaskReply::saysNotExist() const
{
    return error.contains(QLatin1String("not exist"), Qt::CaseInsensitive);
}

bool TaskReply::namesTask(const QString &ourTaskId) const
{
    return !taskId.isEmpty() || (!ourTaskId.isEmpty() && error.contains(ourTaskId));
}

TaskReply TaskReply::parse(QByteArrayView bytes)
{
    bool ok = false;
    const QJsonObject o = LenientJson::object(bytes, &ok);
    return ok ? parse(o) : TaskReply();
}

TaskReply TaskReply::parse(const QJsonObject &reply)
{
    TaskReply r;
    // Unwrap in the order the server nests: data.resposne, data.response, data, the flat object.
    QJsonObject o = reply;
    const QJsonValue data = reply.value(QLatin1String("data"));
    if (data.isObject()) {
        const QJsonObject d = data.toObject();
        if (d.value(QLatin1String("resposne")).isObject())
            o = d.value(QLatin1String("resposne")).toObject();
        else if (d.value(QLatin1String("response")).isObject())
            o = d.value(QLatin1String("response")).toObject();
        else
            o = d;
        const QString wrapper = reply.value(QLatin1String("status")).toString().trimmed();
        if (wrapper.compare(QLatin1String("error"), Qt::CaseInsensitive) == 0) {
            // {"status":"error","data":{"message":…}}: the call failed, the task's state is not known.
            r.error = messageOf(d.value(QLatin1String("message")));
            return r;
        }
    }
    r.status = o.value(QLatin1String("status")).toString().trimmed().toUpper();
    r.taskId = idOf(o.value(QLatin1String("taskid")));
    r.error = messageOf(o.value(QLatin1String("error")));
    r.videoUrl = o.value(QLatin1String("video")).toString().trimmed();
    r.coverUrl = o.value(QLatin1String("image")).toString().trimmed();
    r.usage = o.value(QLatin1String("usage")).toObject();
    if (r.status.isEmpty())
        r.kind = Kind::Unreadable;
    else if (r.status == QLatin1String("SUCCEEDED"))
        r.kind = Kind::Succeeded;
    else if (r.status == QLatin1String("FAILED"))
        r.kind = Kind::Failed;
    else if (r.status == QLatin1String("UNKNOWN"))
        r.kind = Kind::Unknown;
    else if (r.status == QLatin1String("CREATED") || r.status == QLatin1String("PENDING"))
        r.kind = Kind::Queued;
    else
        r.kind = Kind::Running;
    return r;
}

SubmissionReply SubmissionReply::parse(QByteArrayView bytes)
{
    bool ok = false;
    const QJsonObject o = LenientJson::object(bytes, &ok);
    if (!ok) {
        SubmissionReply r;
        return r;
    }
    return parse(o);
}

SubmissionReply SubmissionReply::parse(const QJsonObject &reply)
{
    SubmissionReply r;
    QJsonObject o = reply;
    if (reply.value(QLatin1String("data")).isObject() && !reply.contains(QLatin1String("taskid")))
        o = reply.value(QLatin1String("data")).toObject();
    r.taskId = idOf(o.value(QLatin1String("taskid")));
    r.status = o.value(QLatin1String("status")).toString().trimmed();
    r.error = messageOf(o.value(QLatin1String("error")));
    const bool failedStatus = r.status.compare(QLatin1String("FAILED"), Qt::CaseInsensitive) == 0
                              || r.status.compare(QLatin1String("error"), Qt::CaseInsensitive) == 0;
    r.failed = r.taskId.isEmpty() && (failedStatus || !r.error.isEmpty());
    return r;
}
