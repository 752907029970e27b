#pragma once

#include "simulator/HttpRequestParser.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

class QTimer;

// Reads one request from a socket and writes one response (Connection: close), which is all the
// simulator needs: QNetworkAccessManager opens a new connection when the server closes one. A request
// that breaks HttpRequestParser's limits is answered with its 4xx at once and the connection closed,
// without reading the rest; one that has not fully arrived within RequestTimeoutMs gets 408.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    static constexpr int RequestTimeoutMs = 30000;

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
    HttpRequestParser m_parser;
    QTimer *m_requestTimer;
    bool m_dispatched = false;
    bool m_chunked = false;
};
