#pragma once

#include "api/ApiError.h"

#include <QJsonDocument>
#include <QObject>
#include <QPointer>

class QNetworkReply;

// One request/response call with a JSON answer. Owns its reply; deletes itself after finished().
class ApiCall : public QObject
{
    Q_OBJECT
public:
    // Optional calls (pricing) may be refused without it saying anything about the key or balance.
    enum Importance { Normal, Optional };

    explicit ApiCall(QNetworkReply *reply, QObject *parent = nullptr);
    ~ApiCall() override;

    void abort();
    bool isRunning() const;
    // A task status reply describes the task: its "FAILED" and "error" are the answer, not a failed call.
    void setInBandErrorsAreFailures(bool on) { m_inBandErrors = on; }
    // Replies bigger than this are refused as invalid: a status reply is never megabytes long.
    static constexpr qint64 MaxBodyBytes = 8 * 1024 * 1024;

signals:
    void succeeded(const QJsonDocument &document);
    void failed(const ApiError &error);
    // Emitted after succeeded() or failed(), with the outcome.
    void finished(const ApiError &error);

private:
    void onReadyRead();
    void onFinished();
    void finish(const ApiError &error, const QJsonDocument &doc = {});

    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    bool m_canceledByUser = false;
    bool m_overflow = false;
    bool m_done = false;
    bool m_inBandErrors = true;
};

// A streamed call (chat). Hands raw bytes on as they arrive when the HTTP status is 2xx; maps the
// body to an ApiError otherwise. Deletes itself after finished().
class StreamCall : public QObject
{
    Q_OBJECT
public:
    explicit StreamCall(QNetworkReply *reply, QObject *parent = nullptr);
    ~StreamCall() override;

    void abort();
    bool isRunning() const;
    qint64 bytesReceived() const { return m_received; }
    // The most handed on per turn of the event loop.
    static constexpr qint64 SliceBytes = 256 * 1024;

signals:
    void bytesArrived(const QByteArray &bytes);
    // error.kind() == None when the stream ended normally (the decoder still judges its content).
    void finished(const ApiError &error);

private:
    void onReadyRead();
    void onFinished();
    void drain();
    void complete();
    bool isSuccessStatus() const;

    QPointer<QNetworkReply> m_reply;
    QByteArray m_errorBody;
    qint64 m_received = 0;
    bool m_canceledByUser = false;
    bool m_done = false;
    bool m_drainScheduled = false;
    bool m_finishPending = false;
};
