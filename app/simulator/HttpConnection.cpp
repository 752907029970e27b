#include "simulator/HttpConnection.h"

#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace {
HttpRequestParser::Limits limitsFor(qint64 maxBodyBytes)
{
    HttpRequestParser::Limits limits;
    limits.maxBodyBytes = maxBodyBytes;
    limits.maxDiscardBytes = qMax(limits.maxDiscardBytes, maxBodyBytes);
    return limits;
}
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, qint64 maxBodyBytes, QObject *parent)
    : QObject(parent), m_socket(socket), m_parser(limitsFor(maxBodyBytes)), m_requestTimer(new QTimer(this))
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        emit closed();
        deleteLater();
    });
    // A client that opens a connection and trickles (or sends nothing) does not hold it for ever.
    m_requestTimer->setSingleShot(true);
    connect(m_requestTimer, &QTimer::timeout, this, [this] {
        if (!m_dispatched && m_parser.state() == HttpRequestParser::State::NeedMore)
            respond(408, R"({"error":"Request timeout"})");
    });
    m_requestTimer->start(RequestTimeoutMs);
}

void HttpConnection::onReadyRead()
{
    const QByteArray bytes = m_socket->readAll();
    if (m_dispatched)
        return; // one request a connection: what follows is dropped, not kept
    switch (m_parser.feed(bytes)) {
    case HttpRequestParser::State::NeedMore:
        return;
    case HttpRequestParser::State::Failed:
        m_dispatched = true;
        m_requestTimer->stop();
        respond(m_parser.errorStatus(),
                R"({"error":")" + m_parser.errorReason() + R"("})");
        return;
    case HttpRequestParser::State::Complete:
        m_dispatched = true;
        m_requestTimer->stop();
        emit requestReceived(m_parser.request());
        return;
    }
}

QByteArray HttpConnection::reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 206: return "Partial Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 413: return "Payload Too Large";
    case 408: return "Request Timeout";
    case 414: return "URI Too Long";
    case 416: return "Range Not Satisfiable";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

void HttpConnection::respond(int status, const QByteArray &body, const QByteArray &contentType,
                             const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    if (!m_socket)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Content-Type: " + contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &h : extraHeaders)
        head += h.first + ": " + h.second + "\r\n";
    head += "Connection: close\r\n\r\n";
    m_socket->write(head);
    m_socket->write(body);
    close();
}

void HttpConnection::beginStream(const QByteArray &contentType)
{
    if (!m_socket)
        return;
    // Chunked, as the platform's streaming server sends it: a cut before the last chunk is then
    // visible to the client as an error, not as a normal end.
    m_socket->write("HTTP/1.1 200 OK\r\nContent-Type: " + contentType
                    + "\r\nCache-Control: no-cache\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
    m_chunked = true;
}

void HttpConnection::write(const QByteArray &bytes)
{
    if (!m_socket || bytes.isEmpty())
        return;
    if (m_chunked)
        m_socket->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
    else
        m_socket->write(bytes);
}

void HttpConnection::close()
{
    if (!m_socket)
        return;
    if (m_chunked) {
        m_socket->write("0\r\n\r\n");
        m_chunked = false;
    }
    m_socket->disconnectFromHost();
}

void HttpConnection::reset()
{
    if (!m_socket)
        return;
    m_socket->flush();
    QPointer<QTcpSocket> socket = m_socket;
    // Let the bytes already written reach the client before the connection drops.
    QTimer::singleShot(50, this, [this, socket] {
        if (socket) {
#ifdef Q_OS_UNIX
            // SO_LINGER 0 turns the close into a real TCP reset, as a dropped proxy would send.
            struct linger lingerOpt {1, 0};
            ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &lingerOpt, sizeof lingerOpt);
#endif
            socket->abort();
        }
        deleteLater();
    });
}
