#pragma once

#include <QObject>
#include <QTimer>
#include <memory>

// One owner per data folder. The app and `yuanjing` share a database, a task store and a library
// folder; the first of them to start holds owner.lock and alone resumes, polls and downloads (so no
// two processes write the same .part file or both ask the platform). The others work through the
// database and take over when the owner ends (keepTrying()).
//
// The locks are ProcessLocks: the system lets go of them when their process ends, however it ends.
// Each process also holds a lock of its own session (sessions/<id>.lock) while it runs, so that an
// owner can tell a submission or answer that another live process is making from one left behind by
// a process that died: only the second kind is marked interrupted.
class ProcessLock;

class DataFolderOwner : public QObject
{
    Q_OBJECT
public:
    explicit DataFolderOwner(const QString &dataDir, QObject *parent = nullptr);
    ~DataFolderOwner() override;

    // Becomes the owner if no live process is; true when this process owns the folder.
    bool tryAcquire();
    bool isOwner() const { return m_owner; }
    // Tries again every intervalMs until it owns the folder (then becameOwner()).
    void keepTrying(int intervalMs);
    QString sessionId() const { return m_sessionId; }
    // Whether the process that wrote sessionId is still running (this one included).
    bool isSessionLive(const QString &sessionId) const;

signals:
    void becameOwner();

private:
    QString m_dir;
    QString m_sessionId;
    std::unique_ptr<ProcessLock> m_ownerLock;
    std::unique_ptr<ProcessLock> m_sessionLock;
    QTimer m_retry;
    bool m_owner = false;
};
