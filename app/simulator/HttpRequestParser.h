#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QMap>
#include <QString>
#include <QUrlQuery>

// One HTTP/1.1 request as the simulator received it.
struct HttpRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QMap<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    bool bodyTooLarge = false; // the body was longer than maxBodyBytes: read and dropped, answered 413
};

// Reads one request from bytes as they arrive, in any split, with bounded memory: the simulator listens
// on a port any local program can reach. Pure (no sockets), so it can be fuzzed (fuzz/http_request.cpp).
class HttpRequestParser
{
public:
    struct Limits
    {
        qint64 maxBodyBytes = 1024 * 1024;         // longer bodies are read, dropped and marked bodyTooLarge
        qint64 maxDiscardBytes = 64 * 1024 * 1024; // longer still: refused at once, without reading them
        qsizetype maxLineBytes = 8 * 1024;         // request line or one header line
        qsizetype maxHeaderBytes = 64 * 1024;      // the whole head
        int maxHeaders = 100;
    };
    enum class State { NeedMore, Complete, Failed };

    explicit HttpRequestParser(Limits limits);
    HttpRequestParser() : HttpRequestParser(Limits{}) {}

    // Takes the next bytes. Bytes after a complete request (or a failure) are ignored.
    State feed(QByteArrayView bytes);
    State state() const { return m_state; }
    const HttpRequest &request() const { return m_request; }
    // When Failed: the status to answer (400, 413, 414, 431, 501) and a short reason, in English (it
    // goes to a program, not a person).
    int errorStatus() const { return m_errorStatus; }
    QByteArray errorReason() const { return m_errorReason; }

private:
    State fail(int status, const QByteArray &reason);
    bool parseRequestLine(QByteArrayView line);
    bool parseHeaderLine(QByteArrayView line);
    State headersDone();

    Limits m_limits;
    State m_state = State::NeedMore;
    bool m_inBody = false;
    bool m_sawRequestLine = false;
    QByteArray m_line; // the head line being read
    qsizetype m_headBytes = 0;
    int m_headerCount = 0;
    qint64 m_contentLength = 0;
    qint64 m_bodyRead = 0;
    HttpRequest m_request;
    int m_errorStatus = 0;
    QByteArray m_errorReason;
};
