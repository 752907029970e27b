#include "simulator/HttpConnection.h"

#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif
#include <QUrl>

HttpConnection::HttpConnection(QTcpSocket *socket, qint64 maxBodyBytes, QObject *parent)
    : QObject(parent), m_socket(socket), m_maxBodyBytes(maxBodyBytes)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        emit closed();
        deleteLater();
    });
}

void HttpConnection::onReadyRead()
{
    m_buffer += m_socket->readAll();
    if (m_dispatched)
        return;
    if (!m_headersParsed) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_buffer.size() > 64 * 1024)
                respond(431, R"({"error":"Request header fields too large"})");
            return;
        }
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        m_request.method = requestLine.value(0);
        const QUrl url(QString::fromLatin1(requestLine.value(1)));
        m_request.path = url.path();
        m_request.query = QUrlQuery(url);
        for (int i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                m_request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        m_contentLength = m_request.headers.value("content-length").toLongLong();
        m_buffer.remove(0, end + 4);
        m_headersParsed = true;
        m_request.bodyTooLarge = m_contentLength > m_maxBodyBytes;
    }
    if (m_buffer.size() < m_contentLength)
        return;
    m_request.body = m_request.bodyTooLarge ? QByteArray() : m_buffer.left(m_contentLength);
    m_buffer.clear();
    m_dispatched = true;
    emit requestReceived(m_request);
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
    case 416: return "Range Not Satisfiable";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
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
