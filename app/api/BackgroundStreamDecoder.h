#pragma once

#include "api/StreamDecoder.h"

#include <QObject>

class QThread;

// A StreamDecoder on a thread of its own. Parsing a fast stream's JSON lines costs as much as drawing
// its text; done here, it leaves the UI thread free to draw. Bytes go in in order; events come back in
// order, a batch per read, with runs of text joined, each with the decoder's status as of that batch.
class BackgroundStreamDecoder : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundStreamDecoder(QObject *parent = nullptr);
    ~BackgroundStreamDecoder() override;

    // A new stream: the decoder starts afresh, and anything still on its way from the last one is dropped.
    void reset();
    void feed(const QByteArray &bytes);
    // The stream closed: decoded() for a last line without a newline, if any, then finished().
    void finish();
    // True between finish() and finished().
    bool isFinishing() const { return m_finishing; }

signals:
    void decoded(const QList<StreamEvent> &events, const StreamDecoder::Status &status);
    void finished(const StreamDecoder::Status &status);

private:
    struct Worker;
    void post(const QByteArray &bytes, bool last);
    void deliver(quint64 generation, const QList<StreamEvent> &events, const StreamDecoder::Status &status, bool last);

    QThread *m_thread = nullptr;
    Worker *m_worker = nullptr; // lives on m_thread
    quint64 m_generation = 0;
    bool m_finishing = false;
};
