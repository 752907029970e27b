#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QMetaType>
#include <QNetworkReply>
#include <QString>

// Every way a platform call can fail, as one value. The rest of the app asks an ApiError what
// happened (kind) and what to tell the user (title/message); nobody else maps HTTP codes.
class ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)
public:
    enum class Kind {
        None,
        Auth,                // 401/403: key missing, wrong or expired
        BadRequest,          // 400: the server says which field
        InsufficientBalance, // 429
        TooLarge,            // 413
        NotFound,            // 404 (expired result URL, unknown endpoint)
        Server,              // 5xx or an HTML error page
        InvalidResponse,     // 2xx but not the JSON we expect
        Upstream,            // 200 with {"error": ..., "status": "FAILED"}
        Network,             // refused, reset, DNS, TLS
        Timeout,             // no answer within the transfer timeout
        Canceled,            // the user stopped it
    };

    ApiError() = default;
    ApiError(Kind kind, int httpStatus = 0, QString serverMessage = {});

    static ApiError fromHttpStatus(int httpStatus, const QByteArray &body);
    static ApiError fromNetwork(QNetworkReply::NetworkError error, bool canceledByUser, const QString &detail);
    // A 200 body can still be a failure: {"error": "ERROR:...", "status": "FAILED"}.
    static ApiError fromInBandError(const QJsonObject &object);
    static bool isInBandError(const QJsonObject &object);
    // The server's own words from an error body: JSON "error"/"message"/data.message, or short plain text.
    static QString extractServerMessage(const QByteArray &body);

    Kind kind() const { return m_kind; }
    bool isError() const { return m_kind != Kind::None; }
    int httpStatus() const { return m_httpStatus; }
    QString serverMessage() const { return m_serverMessage; }

    // Short, translated: fits a banner or a status line.
    QString title() const;
    // Translated sentence(s) for the user, including the server's message where it helps.
    QString message() const;
    // True when the request may have reached the server and been billed even though no answer came.
    bool mayHaveReachedServer() const;
    // Stable, untranslated identifier for logs, exports and the command line.
    QString code() const;

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    QString m_serverMessage;
};

Q_DECLARE_METATYPE(ApiError)
