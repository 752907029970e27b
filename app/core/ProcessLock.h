#pragma once

#include <QString>
#include <memory>

class QLockFile;

// A lock on a file that a running process holds, and that the system lets go of when the process
// ends, however it ends (a crash, kill -9, a power cut): flock(2) on Unix, so nothing is written to
// disk and nothing synced to take it. (QLockFile writes its owner's details and syncs them to disk,
// which took the start-up ~0.5 ms a lock; it then has to guess from a pid whether a holder is
// still alive.) It also holds QLockFile's own flock, so either kind sees the other.
class ProcessLock
{
public:
    explicit ProcessLock(const QString &path);
    ~ProcessLock(); // unlock()
    ProcessLock(const ProcessLock &) = delete;
    ProcessLock &operator=(const ProcessLock &) = delete;

    // Takes the lock if no process (nor another ProcessLock of this one) holds it; never waits.
    bool tryLock();
    // Lets go, removing the file (while still holding it, so no one takes a file on its way out).
    void unlock();
    bool isLocked() const;
    QString path() const { return m_path; }

    // Whether some process holds the lock at path now (a file left by a process that ended is free).
    static bool isHeld(const QString &path);

private:
    QString m_path;
#ifdef Q_OS_UNIX
    int m_fd = -1;
#else
    std::unique_ptr<QLockFile> m_lock;
#endif
};
