// Replies from the platform (PLATFORM-API.md §2-§3): error bodies (JSON, HTML, text, Python-repr
// objects), in-band errors with HTTP 200, task replies flat or wrapped in data/data.resposne, and
// submission replies. Everything here goes through the places that decide what a reply means: ApiError
// for failures, TaskReply and SubmissionReply for the rest.
#include "FuzzSupport.h"
#include "api/ApiError.h"
#include "api/LenientJson.h"
#include "tasks/TaskReply.h"

#include <QJsonObject>

YJ_FUZZ_INIT(api_reply)
{
    Fuzz::init();
    return 0;
}

YJ_FUZZ_TARGET(api_reply)
{
    if (size < 1)
        return 0;
    // The first byte picks the HTTP status (200, 4xx, 5xx and the odd ones), the rest is the body.
    static const int statuses[] = {200, 400, 401, 402, 403, 404, 408, 413,
                                   422, 429, 500, 502, 503, 504, 0,   599};
    const int status = statuses[data[0] % 16];
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));

    const ApiError e = ApiError::fromHttpStatus(status, body);
    (void)e.title();
    (void)e.message();
    (void)e.code();
    (void)e.mayHaveReachedServer();
    const QString server = ApiError::extractServerMessage(body);
    if (server.size() > body.size() * 4 + 64)
        Fuzz::fail("a server message longer than its body");

    // The one reader of task and submission replies (app/tasks/TaskReply), on the raw bytes: JSON or
    // a Python dict repr (app/api/LenientJson), flat or wrapped in data / data.response / data.resposne.
    const TaskReply task = TaskReply::parse(body);
    (void)task.saysNotExist();
    (void)task.namesTask(QStringLiteral("936759404378734592"));
    const SubmissionReply submission = SubmissionReply::parse(body);
    bool ok = false;
    (void)LenientJson::pythonDict(body, &ok);

    const QJsonObject o = LenientJson::object(body, &ok);
    if (!ok)
        return 0;
    // A numeric id is read as its digits, or not at all.
    if (o.value(QLatin1String("taskid")).isDouble()) {
        for (const QChar c : submission.taskId)
            if (!c.isDigit())
                Fuzz::fail("a numeric task id read as something else than digits");
    }
    if (ApiError::isInBandError(o)) {
        const ApiError inBand = ApiError::fromInBandError(o);
        if (!inBand.isError())
            Fuzz::fail("an in-band error that is no error");
        (void)inBand.message();
        (void)inBand.code();
    }
    return 0;
}
