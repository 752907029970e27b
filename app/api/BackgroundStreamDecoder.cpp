#include "api/BackgroundStreamDecoder.h"

#include <QThread>

// The decoder's state, touched only on the decoding thread.
struct BackgroundStreamDecoder::Worker : QObject
{
    StreamDecoder decoder;
    quint64 generation = 0;
};

namespace {
// Runs of text (or of reasoning) become one event: the receiver appends once per batch.
QList<StreamEvent> joined(QList<StreamEvent> events)
{
    QList<StreamEvent> out;
    out.reserve(events.size());
    for (StreamEvent &e : events) {
        const bool text = e.type == StreamEvent::Type::Text || e.type == StreamEvent::Type::Reasoning;
        if (text && !out.isEmpty() && out.last().type == e.type)
            out.last().text += e.text;
        else
            out.append(std::move(e));
    }
    return out;
}
} // namespace

BackgroundStreamDecoder::BackgroundStreamDecoder(QObject *parent) : QObject(parent) {}

BackgroundStreamDecoder::~BackgroundStreamDecoder()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
}

void BackgroundStreamDecoder::reset()
{
    if (!m_thread) {
        // Started on first use: an app that never chats never pays for the thread.
        m_thread = new QThread(this);
        m_thread->setObjectName(QStringLiteral("stream-decoder"));
        m_worker = new Worker;
        m_worker->moveToThread(m_thread);
        m_thread->start();
    }
    ++m_generation;
    m_finishing = false;
}

void BackgroundStreamDecoder::feed(const QByteArray &bytes)
{
    if (!bytes.isEmpty())
        post(bytes, false);
}

void BackgroundStreamDecoder::finish()
{
    m_finishing = true;
    post(QByteArray(), true);
}

void BackgroundStreamDecoder::post(const QByteArray &bytes, bool last)
{
    if (!m_thread)
        reset();
    Worker *worker = m_worker;
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        worker,
        [this, worker, generation, bytes, last] {
            if (worker->generation != generation) {
                worker->decoder = StreamDecoder();
                worker->generation = generation;
            }
            QList<StreamEvent> events = worker->decoder.feed(bytes);
            if (last)
                events += worker->decoder.finish();
            const StreamDecoder::Status status = worker->decoder.status();
            // Queued to this object: if it is gone by then, the call is dropped with it.
            QMetaObject::invokeMethod(
                this, [this, generation, events = joined(std::move(events)), status, last] { deliver(generation, events, status, last); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void BackgroundStreamDecoder::deliver(quint64 generation, const QList<StreamEvent> &events,
                                      const StreamDecoder::Status &status, bool last)
{
    if (generation != m_generation)
        return; // from a stream given up on
    if (!events.isEmpty())
        emit decoded(events, status);
    if (last && m_finishing) {
        m_finishing = false;
        emit finished(status);
    }
}
