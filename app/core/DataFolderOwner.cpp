#include "core/DataFolderOwner.h"

#include "core/Log.h"
#include "core/ProcessLock.h"

#include <QDir>
#include <QFile>
#include <QUuid>

namespace {
QString sessionPath(const QString &dir, const QString &id)
{
    return QDir(dir).filePath(QStringLiteral("sessions/%1.lock").arg(id));
}

bool isSafeId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-'))
            return false;
    return true;
}
} // namespace

DataFolderOwner::DataFolderOwner(const QString &dataDir, QObject *parent)
    : QObject(parent), m_dir(dataDir), m_sessionId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QDir().mkpath(QDir(m_dir).filePath(QStringLiteral("sessions")));
    m_sessionLock = std::make_unique<ProcessLock>(sessionPath(m_dir, m_sessionId));
    if (!m_sessionLock->tryLock())
        qCWarning(lcStore) << "cannot hold the session lock in" << m_dir;
    m_retry.setTimerType(Qt::CoarseTimer);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        if (tryAcquire()) {
            m_retry.stop();
            emit becameOwner();
        }
    });
}

DataFolderOwner::~DataFolderOwner()
{
    m_ownerLock.reset();   // unlocks: the next process may take over
    m_sessionLock.reset();
}

bool DataFolderOwner::tryAcquire()
{
    if (m_owner)
        return true;
    if (!m_ownerLock)
        m_ownerLock = std::make_unique<ProcessLock>(QDir(m_dir).filePath(QStringLiteral("owner.lock")));
    m_owner = m_ownerLock->tryLock();
    if (m_owner)
        qCInfo(lcStore) << "this process owns the data folder";
    return m_owner;
}

void DataFolderOwner::keepTrying(int intervalMs)
{
    if (m_owner)
        return;
    m_retry.start(intervalMs);
}

bool DataFolderOwner::isSessionLive(const QString &sessionId) const
{
    if (sessionId == m_sessionId)
        return true;
    if (!isSafeId(sessionId))
        return false;
    const QString path = sessionPath(m_dir, sessionId);
    if (ProcessLock::isHeld(path))
        return true;
    QFile::remove(path); // left by a process that is gone (its id is never used again)
    return false;
}
