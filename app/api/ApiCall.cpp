#include "api/ApiCall.h"

#include "api/LenientJson.h"
#include "core/Log.h"

#include <QNetworkReply>
#include <QTimer>

namespace {
int httpStatusOf(QNetworkReply *reply)
{
    return reply ? reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
}

ApiError errorFor(QNetworkReply *reply, bool canceledByUser, const QByteArray &body)
{
    const int status = httpStatusOf(reply);
    // An HTTP status wins over the transport error Qt derives from it (e.g. 401 → AuthenticationRequired).
    if (status >= 400)
        return ApiError::fromHttpStatus(status, body);
    return ApiError::fromNetwork(reply->error(), canceledByUser, reply->errorString());
}
} // namespace

ApiCall::ApiCall(QNetworkReply *reply, QObject *parent) : QObject(parent), m_reply(reply)
{
    reply->setParent(this);
    connect(reply, &QNetworkReply::readyRead, this, &ApiCall::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &ApiCall::onFinished);
}

ApiCall::~ApiCall()
{
    // Going away unfinished (app shutdown): drop the request without telling anyone half-destroyed.
    if (m_reply && m_reply->isRunning()) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void ApiCall::abort()
{
    if (!m_reply || m_done)
        return;
    m_canceledByUser = true;
    m_reply->abort();
}

bool ApiCall::isRunning() const
{
    return !m_done;
}

void ApiCall::onReadyRead()
{
    const QByteArray chunk = m_reply->readAll();
    if (m_overflow)
        return;
    if (m_body.size() + chunk.size() > MaxBodyBytes) {
        m_overflow = true;
        m_body.clear();
        m_reply->abort();
        return;
    }
    m_body += chunk;
}

void ApiCall::onFinished()
{
    if (m_done)
        return;
    onReadyRead();
    if (m_overflow) {
        finish(ApiError(ApiError::Kind::InvalidResponse, httpStatusOf(m_reply),
                        tr("reply larger than %1 MiB").arg(MaxBodyBytes / (1024 * 1024))));
        return;
    }
    const int status = httpStatusOf(m_reply);
    if (m_reply->error() != QNetworkReply::NoError || status >= 400) {
        finish(errorFor(m_reply, m_canceledByUser, m_body));
        return;
    }
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(m_body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // One server version writes its error objects as a Python dict repr: read it as the object it is.
        bool isObject = false;
        const QJsonObject repr = LenientJson::pythonDict(m_body.trimmed(), &isObject);
        if (isObject) {
            doc = QJsonDocument(repr);
            parseError.error = QJsonParseError::NoError;
        }
    }
    if (parseError.error != QJsonParseError::NoError) {
        const ApiError htmlOrText = ApiError::fromHttpStatus(500, m_body);
        const bool html = m_body.trimmed().startsWith('<');
        finish(html ? ApiError(ApiError::Kind::Server, status, htmlOrText.serverMessage())
                    : ApiError(ApiError::Kind::InvalidResponse, status, {}));
        return;
    }
    if (m_inBandErrors && doc.isObject() && ApiError::isInBandError(doc.object())) {
        finish(ApiError::fromInBandError(doc.object()));
        return;
    }
    finish({}, doc);
}

void ApiCall::finish(const ApiError &error, const QJsonDocument &doc)
{
    m_done = true;
    if (error.isError()) {
        qCInfo(lcApi) << "call failed:" << m_reply->url().path() << error.code() << error.httpStatus()
                      << error.serverMessage();
        emit failed(error);
    } else {
        emit succeeded(doc);
    }
    emit finished(error);
    deleteLater();
}

StreamCall::StreamCall(QNetworkReply *reply, QObject *parent) : QObject(parent), m_reply(reply)
{
    reply->setParent(this);
    connect(reply, &QNetworkReply::readyRead, this, &StreamCall::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &StreamCall::onFinished);
}

StreamCall::~StreamCall()
{
    // Going away unfinished (app shutdown): drop the request without telling anyone half-destroyed.
    if (m_reply && m_reply->isRunning()) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void StreamCall::abort()
{
    if (!m_reply || m_done)
        return;
    m_canceledByUser = true;
    m_reply->abort();
}

bool StreamCall::isRunning() const
{
    return !m_done;
}

bool StreamCall::isSuccessStatus() const
{
    const int status = httpStatusOf(m_reply);
    return status == 0 || (status >= 200 && status < 300);
}

void StreamCall::onReadyRead()
{
    if (!m_drainScheduled)
        drain();
}

void StreamCall::drain()
{
    m_drainScheduled = false;
    if (!m_reply)
        return;
    // A slice at a time, with a turn of the event loop in between: a burst of megabytes that arrived
    // at once never blocks the UI thread for long.
    // Asks only for what is there: read(n) allocates n bytes first, and a 256 KiB buffer for every
    // few kilobytes that arrived is a large allocation (an mmap and munmap) per read.
    const QByteArray chunk = m_reply->read(qMin<qint64>(SliceBytes, m_reply->bytesAvailable()));
    if (!chunk.isEmpty()) {
        m_received += chunk.size();
        if (isSuccessStatus())
            emit bytesArrived(chunk);
        else if (m_errorBody.size() < 64 * 1024)
            m_errorBody += chunk;
    }
    if (m_reply->bytesAvailable() > 0 && !m_canceledByUser) {
        m_drainScheduled = true;
        QTimer::singleShot(0, this, &StreamCall::drain);
        return;
    }
    if (m_finishPending)
        complete();
}

void StreamCall::onFinished()
{
    if (m_done || m_finishPending)
        return;
    m_finishPending = true;
    if (m_canceledByUser || m_reply->bytesAvailable() == 0) {
        if (!m_drainScheduled)
            complete();
        return;
    }
    if (!m_drainScheduled)
        drain();
}

void StreamCall::complete()
{
    if (m_done)
        return;
    m_done = true;
    ApiError error;
    if (m_reply->error() != QNetworkReply::NoError || !isSuccessStatus())
        error = errorFor(m_reply, m_canceledByUser, m_errorBody);
    else if (m_canceledByUser)
        error = ApiError(ApiError::Kind::Canceled); // stopped while the last bytes were being handed on
    if (error.isError())
        qCInfo(lcApi) << "stream ended with error:" << error.code() << error.httpStatus() << error.serverMessage();
    emit finished(error);
    deleteLater();
}
