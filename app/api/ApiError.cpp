#include "api/ApiError.h"

#include "api/LenientJson.h"

#include <QRegularExpression>

ApiError::ApiError(Kind kind, int httpStatus, QString serverMessage)
    : m_kind(kind), m_httpStatus(httpStatus), m_serverMessage(std::move(serverMessage))
{
}

static QString stripErrorPrefix(QString text)
{
    text = text.trimmed();
    if (text.startsWith(QLatin1String("ERROR:"), Qt::CaseInsensitive))
        text = text.mid(6).trimmed();
    return text;
}

static bool looksLikeHtml(const QByteArray &body)
{
    const QByteArray head = body.left(512).trimmed().toLower();
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body");
}

// The message of an error object, wherever the server put it.
static QString messageOfObject(const QJsonObject &o)
{
    for (const char *key : {"error", "message", "msg", "detail"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isString())
            return stripErrorPrefix(v.toString());
        if (v.isObject() && v.toObject().value(QLatin1String("message")).isString())
            return stripErrorPrefix(v.toObject().value(QLatin1String("message")).toString());
    }
    const QJsonValue data = o.value(QLatin1String("data"));
    if (data.isObject() && data.toObject().value(QLatin1String("message")).isString())
        return stripErrorPrefix(data.toObject().value(QLatin1String("message")).toString());
    return {};
}

QString ApiError::extractServerMessage(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return {};
    bool isObject = false;
    const QJsonObject o = LenientJson::object(trimmed, &isObject); // JSON, or a Python dict repr
    if (isObject)
        return messageOfObject(o);
    if (looksLikeHtml(trimmed)) {
        // An error page: its <title> is the only part worth showing.
        static const QRegularExpression titleRe(QStringLiteral("<title>([^<]{1,200})</title>"),
                                                QRegularExpression::CaseInsensitiveOption);
        const auto match = titleRe.match(QString::fromUtf8(trimmed.left(4096)));
        return match.hasMatch() ? match.captured(1).trimmed() : QString();
    }
    // Plain text (some 403s): keep it short, one line.
    QString text = QString::fromUtf8(trimmed.left(300)).simplified();
    return stripErrorPrefix(text);
}

ApiError ApiError::fromHttpStatus(int status, const QByteArray &body)
{
    const QString server = extractServerMessage(body);
    // Older servers say a low balance with a 400 whose message is "InsufficientFunds".
    if (status == 400 && (server.contains(QLatin1String("InsufficientFunds"), Qt::CaseInsensitive)
                          || server.contains(QLatin1String("Insufficient balance"), Qt::CaseInsensitive)))
        return ApiError(Kind::InsufficientBalance, status, server);
    switch (status) {
    case 400:
    case 422:
        return ApiError(Kind::BadRequest, status, server);
    case 401:
    case 403:
        return ApiError(Kind::Auth, status, server);
    case 404:
    case 410:
        return ApiError(Kind::NotFound, status, server);
    case 408:
        return ApiError(Kind::Timeout, status, server);
    case 413:
        return ApiError(Kind::TooLarge, status, server);
    case 402:
    case 429:
        return ApiError(Kind::InsufficientBalance, status, server);
    default:
        break;
    }
    if (status >= 500)
        return ApiError(Kind::Server, status, server);
    if (status >= 400)
        return ApiError(Kind::BadRequest, status, server);
    return ApiError(Kind::InvalidResponse, status, server);
}

ApiError ApiError::fromNetwork(QNetworkReply::NetworkError error, bool canceledByUser, const QString &detail)
{
    switch (error) {
    case QNetworkReply::NoError:
        return {};
    case QNetworkReply::OperationCanceledError:
        // Both our own abort() and the transfer timeout end up here; only the caller knows which.
        return ApiError(canceledByUser ? Kind::Canceled : Kind::Timeout, 0, {});
    case QNetworkReply::TimeoutError:
        return ApiError(Kind::Timeout, 0, {});
    default:
        return ApiError(Kind::Network, 0, detail);
    }
}

bool ApiError::isInBandError(const QJsonObject &object)
{
    // A task's own state, FAILED included, is an answer about the task, not a failed call.
    if (object.contains(QLatin1String("taskid")))
        return false;
    const QJsonValue error = object.value(QLatin1String("error"));
    if ((error.isString() && !error.toString().isEmpty()) || error.isObject())
        return true;
    const QString status = object.value(QLatin1String("status")).toString();
    return status.compare(QLatin1String("FAILED"), Qt::CaseInsensitive) == 0
        || status.compare(QLatin1String("error"), Qt::CaseInsensitive) == 0;
}

ApiError ApiError::fromInBandError(const QJsonObject &object)
{
    // Read from the object itself: writing it out as JSON to parse it again (as this did) was a third
    // of the cost of an error line in the stream decoder.
    return ApiError(Kind::Upstream, 200, messageOfObject(object));
}

QString ApiError::title() const
{
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::Auth:
        return tr("API key rejected");
    case Kind::BadRequest:
        return tr("Request refused");
    case Kind::InsufficientBalance:
        return tr("Insufficient balance");
    case Kind::TooLarge:
        return tr("Request too large");
    case Kind::NotFound:
        return tr("Not found");
    case Kind::Server:
        return tr("Platform error");
    case Kind::InvalidResponse:
        return tr("Unexpected reply");
    case Kind::Upstream:
        return tr("Model call failed");
    case Kind::Network:
        return tr("Network error");
    case Kind::Timeout:
        return tr("Timed out");
    case Kind::Canceled:
        return tr("Stopped");
    }
    return {};
}

QString ApiError::message() const
{
    QString text;
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::Auth:
        text = tr("The platform did not accept the API key (HTTP %1). Check the key in Settings, or create "
                  "a new one on the platform (元境平台 → 下位系统接口 → 下位系统 → 创建APIKEY).")
                   .arg(m_httpStatus);
        break;
    case Kind::BadRequest:
        text = tr("The platform refused the request (HTTP %1).").arg(m_httpStatus);
        break;
    case Kind::InsufficientBalance:
        text = tr("Your balance is too low for this model. Before a call the platform holds back the highest "
                  "price this model has ever cost, so it can refuse even when your balance seems to cover the "
                  "price. Top up on the platform (user menu → 充值), then try again. See the Account tab.");
        break;
    case Kind::TooLarge:
        text = tr("The request is larger than the platform accepts. Use smaller images or lower the "
                  "request size limit in Settings.");
        break;
    case Kind::NotFound:
        text = tr("The platform no longer has this item (HTTP %1).").arg(m_httpStatus);
        break;
    case Kind::Server:
        text = tr("The platform had a problem (HTTP %1). Try again in a moment.").arg(m_httpStatus);
        break;
    case Kind::InvalidResponse:
        text = tr("The platform answered with something that is not the expected JSON.");
        break;
    case Kind::Upstream:
        text = tr("The platform reported that the call failed.");
        break;
    case Kind::Network:
        text = tr("Could not reach the platform. Check your connection and the base URL in Settings.");
        break;
    case Kind::Timeout:
        text = tr("The platform did not answer in time.");
        break;
    case Kind::Canceled:
        text = tr("Stopped by you.");
        break;
    }
    if (!m_serverMessage.isEmpty())
        text += QLatin1Char(' ') + tr("Server says: %1").arg(m_serverMessage);
    return text;
}

bool ApiError::mayHaveReachedServer() const
{
    return m_kind == Kind::Timeout || m_kind == Kind::Network || m_kind == Kind::Canceled
        || m_kind == Kind::InvalidResponse || m_kind == Kind::Server;
}

QString ApiError::code() const
{
    switch (m_kind) {
    case Kind::None: return QStringLiteral("ok");
    case Kind::Auth: return QStringLiteral("auth");
    case Kind::BadRequest: return QStringLiteral("bad_request");
    case Kind::InsufficientBalance: return QStringLiteral("insufficient_balance");
    case Kind::TooLarge: return QStringLiteral("too_large");
    case Kind::NotFound: return QStringLiteral("not_found");
    case Kind::Server: return QStringLiteral("server");
    case Kind::InvalidResponse: return QStringLiteral("invalid_response");
    case Kind::Upstream: return QStringLiteral("upstream");
    case Kind::Network: return QStringLiteral("network");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Canceled: return QStringLiteral("canceled");
    }
    return {};
}
