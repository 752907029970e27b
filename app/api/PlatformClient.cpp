#include "api/PlatformClient.h"

#include "core/Log.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {
// A request body that can be read once only. Qt 6.4 silently sends a POST again when the connection
// drops before the answer starts; every chat or video call may be billed, so instead of a second
// request the call must fail (ContentReSendError) and let the user decide.
class OneShotBody : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject *parent) : QIODevice(parent), m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    bool reset() override { return false; }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = qMin(max, qint64(m_data.size()) - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};
} // namespace

QNetworkReply *PlatformClient::postOnce(QNetworkRequest request, const QByteArray &body)
{
    request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    auto *device = new OneShotBody(body, nullptr);
    QNetworkReply *reply = m_nam->post(request, device);
    device->setParent(reply);
    return reply;
}

PlatformClient::PlatformClient(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    qRegisterMetaType<ApiError>();
    // The platform never redirects API calls (their requests allow same-origin at most, see makeRequest);
    // downloads carry no key and may follow a redirect, within the same scheme.
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

PlatformClient::~PlatformClient()
{
    // Calls still running hold replies of the network manager: end them before it goes.
    qDeleteAll(findChildren<ApiCall *>(Qt::FindDirectChildrenOnly));
    qDeleteAll(findChildren<StreamCall *>(Qt::FindDirectChildrenOnly));
    delete m_nam;
}

void PlatformClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
    qCInfo(lcApi) << "platform:" << url.toString();
}

void PlatformClient::setApiKey(const QString &key)
{
    m_apiKey = key.trimmed();
    Redaction::addSecret(m_apiKey);
}

void PlatformClient::setTimeouts(int callMs, int streamMs)
{
    m_callTimeoutMs = callMs;
    m_streamTimeoutMs = streamMs;
}

QUrl PlatformClient::endpoint(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

QNetworkRequest PlatformClient::makeRequest(const QUrl &url, int timeoutMs) const
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json, text/event-stream, */*");
    // Exactly "Bearer" + one space + key: the platform compares it literally.
    if (!m_apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_apiKey.toUtf8());
    request.setRawHeader("User-Agent", "YuanjingStudio/" YUANJING_VERSION);
    request.setTransferTimeout(timeoutMs);
    // The key goes to the platform's origin only: an API call follows no redirect elsewhere (Qt would
    // carry the Authorization header along).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    return request;
}

ApiCall *PlatformClient::postJson(const QString &path, const QJsonObject &body, const QUrlQuery &query)
{
    const QUrl url = endpoint(path, query);
    qCDebug(lcApi) << "POST" << url.path();
    auto *call = new ApiCall(postOnce(makeRequest(url, m_callTimeoutMs), QJsonDocument(body).toJson(QJsonDocument::Compact)),
                             this);
    watch(call, path, body.value(QLatin1String("model")).toString(body.value(QLatin1String("llmid")).toString()));
    return call;
}

ApiCall *PlatformClient::get(const QString &path, const QUrlQuery &query, ApiCall::Importance importance)
{
    const QUrl url = endpoint(path, query);
    qCDebug(lcApi) << "GET" << url.path();
    auto *call = new ApiCall(m_nam->get(makeRequest(url, m_callTimeoutMs)), this);
    if (importance == ApiCall::Normal)
        watch(call, path, query.queryItemValue(QStringLiteral("model")));
    return call;
}

StreamCall *PlatformClient::postStream(const QString &path, const QJsonObject &body)
{
    const QUrl url = endpoint(path);
    qCDebug(lcApi) << "POST (stream)" << url.path();
    QNetworkRequest request = makeRequest(url, m_streamTimeoutMs);
    // Hand bytes on as they come rather than buffering in Qt.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    QNetworkReply *reply = postOnce(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    // Back-pressure: a burst is handed on in slices, so decoding one never blocks the UI thread for long.
    reply->setReadBufferSize(StreamReadBufferBytes);
    auto *call = new StreamCall(reply, this);
    watch(call, path, body.value(QLatin1String("model")).toString());
    return call;
}

QNetworkReply *PlatformClient::getUrl(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setRawHeader("User-Agent", "YuanjingStudio/" YUANJING_VERSION);
    request.setTransferTimeout(m_callTimeoutMs);
    return m_nam->get(request);
}

void PlatformClient::watch(QObject *call, const QString &path, const QString &model)
{
    const auto seen = [this, path, model](const ApiError &error) { observe(error, path, model); };
    if (auto *c = qobject_cast<ApiCall *>(call))
        connect(c, &ApiCall::finished, this, seen);
    else if (auto *s = qobject_cast<StreamCall *>(call))
        connect(s, &StreamCall::finished, this, seen);
}

void PlatformClient::observe(const ApiError &error, const QString &path, const QString &model)
{
    switch (error.kind()) {
    case ApiError::Kind::None:
        emit callSucceeded(path);
        break;
    case ApiError::Kind::InsufficientBalance:
        emit balanceInsufficient(error.serverMessage(), model);
        break;
    case ApiError::Kind::Auth:
        emit keyRejected(error);
        break;
    default:
        break;
    }
}
