#include "api/PlatformClient.h"

#include "core/Log.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

PlatformClient::PlatformClient(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    qRegisterMetaType<ApiError>();
    // The platform never redirects API calls; downloads may, within the same scheme.
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
    return request;
}

ApiCall *PlatformClient::postJson(const QString &path, const QJsonObject &body, const QUrlQuery &query)
{
    const QUrl url = endpoint(path, query);
    qCDebug(lcApi) << "POST" << url.path();
    auto *call = new ApiCall(m_nam->post(makeRequest(url, m_callTimeoutMs),
                                         QJsonDocument(body).toJson(QJsonDocument::Compact)),
                             this);
    watch(call);
    return call;
}

ApiCall *PlatformClient::get(const QString &path, const QUrlQuery &query)
{
    const QUrl url = endpoint(path, query);
    qCDebug(lcApi) << "GET" << url.path();
    auto *call = new ApiCall(m_nam->get(makeRequest(url, m_callTimeoutMs)), this);
    watch(call);
    return call;
}

StreamCall *PlatformClient::postStream(const QString &path, const QJsonObject &body)
{
    const QUrl url = endpoint(path);
    qCDebug(lcApi) << "POST (stream)" << url.path();
    QNetworkRequest request = makeRequest(url, m_streamTimeoutMs);
    // Hand bytes on as they come rather than buffering in Qt.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    QNetworkReply *reply = m_nam->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    // Back-pressure: a burst is handed on in slices, so decoding one never blocks the UI thread for long.
    reply->setReadBufferSize(StreamReadBufferBytes);
    auto *call = new StreamCall(reply, this);
    watch(call);
    return call;
}

QNetworkReply *PlatformClient::getUrl(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setRawHeader("User-Agent", "YuanjingStudio/" YUANJING_VERSION);
    request.setTransferTimeout(m_callTimeoutMs);
    return m_nam->get(request);
}

void PlatformClient::watch(QObject *call)
{
    if (auto *c = qobject_cast<ApiCall *>(call))
        connect(c, &ApiCall::finished, this, &PlatformClient::observe);
    else if (auto *s = qobject_cast<StreamCall *>(call))
        connect(s, &StreamCall::finished, this, &PlatformClient::observe);
}

void PlatformClient::observe(const ApiError &error)
{
    switch (error.kind()) {
    case ApiError::Kind::None:
        emit callSucceeded();
        break;
    case ApiError::Kind::InsufficientBalance:
        emit balanceInsufficient(error.serverMessage());
        break;
    case ApiError::Kind::Auth:
        emit keyRejected(error);
        break;
    default:
        break;
    }
}
