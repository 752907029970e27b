// Replies from the platform (PLATFORM-API.md §2-§3): error bodies (JSON, HTML, text, Python-repr
// objects), in-band errors with HTTP 200, task replies flat or wrapped in data/data.resposne, and
// submission replies. Everything here goes through the one place that decides what a reply means
// (ApiError), then the fields the poller and submitter read.
#include "FuzzSupport.h"
#include "api/ApiError.h"
#include "video/VideoSubmitter.h"

#include <QJsonDocument>
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

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return 0;
    const QJsonObject o = doc.object();
    if (ApiError::isInBandError(o)) {
        const ApiError inBand = ApiError::fromInBandError(o);
        if (!inBand.isError())
            Fuzz::fail("an in-band error that is no error");
        (void)inBand.message();
        (void)inBand.code();
    }
    // The task reply's shapes: flat, {"data": {...}}, {"data": {"resposne": {...}}}.
    QJsonObject task = o;
    for (int depth = 0; depth < 3; ++depth) {
        for (const char *wrapper : {"data", "resposne", "response"}) {
            const QJsonValue inner = task.value(QLatin1String(wrapper));
            if (inner.isObject()) {
                task = inner.toObject();
                break;
            }
        }
    }
    (void)task.value(QLatin1String("status")).toString().trimmed().toUpper();
    (void)task.value(QLatin1String("video")).toString();
    (void)task.value(QLatin1String("usage")).toObject();
    // The submission reply, through the submitter's own reading of it.
    (void)VideoSubmitter::taskIdOf(o);
    return 0;
}
