#pragma once

#include <QByteArray>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QUrlQuery>

// One HTTP/1.1 request as the simulator received it.
struct HttpRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QMap<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    bool bodyTooLarge = false;
};

// Reads one request from a socket and writes one response (Connection: close), which is all the
// simulator needs: QNetworkAccessManager opens a new connection when the server closes one.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, qint64 maxBodyBytes, QObject *parent = nullptr);

    QTcpSocket *socket() const { return m_socket; }
    bool isOpen() const { return m_socket && m_socket->state() == QAbstractSocket::ConnectedState; }

    void respond(int status, const QByteArray &body, const QByteArray &contentType = "application/json",
                 const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});
    // For streams: the status line and headers only; the body follows with write() and ends with close().
    void beginStream(const QByteArray &contentType);
    void write(const QByteArray &bytes);
    void close();
    // Drops the connection at once (a reset), after what was written so far has left.
    void reset();

    static QByteArray reasonPhrase(int status);

signals:
    void requestReceived(const HttpRequest &request);
    void closed();

private:
    void onReadyRead();

    QPointer<QTcpSocket> m_socket;
    QByteArray m_buffer;
    qint64 m_maxBodyBytes;
    bool m_headersParsed = false;
    bool m_dispatched = false;
    bool m_chunked = false;
    qint64 m_contentLength = 0;
    HttpRequest m_request;
};
