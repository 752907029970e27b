#pragma once

#include "api/ApiCall.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

class QNetworkAccessManager;
class QNetworkRequest;

// The one place that talks HTTP to the platform: base URL, the Bearer header, JSON bodies, timeouts.
// Everything above it (chat, video, tasks, account) asks it for calls and never builds a request.
class PlatformClient : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 StreamReadBufferBytes = 128 * 1024;

    explicit PlatformClient(QObject *parent = nullptr);
    ~PlatformClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setApiKey(const QString &key);
    bool hasApiKey() const { return !m_apiKey.isEmpty(); }
    // Inactivity limits: a plain call, and a stream (long silent "thinking" pauses are normal there).
    void setTimeouts(int callMs, int streamMs);
    int callTimeoutMs() const { return m_callTimeoutMs; }

    QUrl endpoint(const QString &path, const QUrlQuery &query = {}) const;

    ApiCall *postJson(const QString &path, const QJsonObject &body, const QUrlQuery &query = {});
    ApiCall *get(const QString &path, const QUrlQuery &query = {}, ApiCall::Importance importance = ApiCall::Normal);
    StreamCall *postStream(const QString &path, const QJsonObject &body);
    // A plain GET of an absolute URL (result downloads), with no API key attached.
    QNetworkReply *getUrl(const QUrl &url);

    QNetworkAccessManager *networkManager() const { return m_nam; }

signals:
    // Any call that the platform answered without error (path: which endpoint).
    void callSucceeded(const QString &path);
    // Any 429 anywhere in the app, with the model the call was for.
    void balanceInsufficient(const QString &serverMessage, const QString &model);
    // Any 401/403 anywhere in the app.
    void keyRejected(const ApiError &error);

private:
    QNetworkRequest makeRequest(const QUrl &url, int timeoutMs) const;
    QNetworkReply *postOnce(QNetworkRequest request, const QByteArray &body);
    void watch(QObject *call, const QString &path, const QString &model);
    void observe(const ApiError &error, const QString &path, const QString &model);

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QString m_apiKey;
    int m_callTimeoutMs = 30000;
    int m_streamTimeoutMs = 300000;
};
