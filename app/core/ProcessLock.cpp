#include "core/ProcessLock.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#else
#include <QLockFile>
#endif

ProcessLock::ProcessLock(const QString &path) : m_path(path)
{
}

ProcessLock::~ProcessLock()
{
    unlock();
}

#ifdef Q_OS_UNIX
namespace {
bool sameFile(int fd, const QByteArray &path)
{
    struct stat opened
    {
    };
    struct stat named
    {
    };
    return fstat(fd, &opened) == 0 && stat(path.constData(), &named) == 0 && opened.st_dev == named.st_dev &&
           opened.st_ino == named.st_ino;
}
} // namespace

bool ProcessLock::tryLock()
{
    if (m_fd >= 0)
        return true;
    const QByteArray path = QFile::encodeName(m_path);
    // A holder unlocking removes the file: a lock taken on the file it just removed would be taken
    // on nothing, so the one at the path now is checked, and opened again if it changed.
    for (int attempt = 0; attempt < 3; ++attempt) {
        // Not inherited by the programs this one starts: a child still running would hold it on.
        const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0)
            return false;
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd);
            return false;
        }
        if (!sameFile(fd, path)) {
            ::close(fd);
            continue;
        }
        // Who holds it, for a person looking, in QLockFile's layout (pid, program, host), which an
        // older QLockFile reads to tell a live holder from a dead one. Not synced: the lock is the
        // flock, not the file's content.
        const QByteArray who = QByteArray::number(QCoreApplication::applicationPid()) + '\n' +
                               QFileInfo(QCoreApplication::applicationFilePath()).fileName().toUtf8() + '\n' +
                               QSysInfo::machineHostName().toUtf8() + '\n';
        // Only informative: the lock holds whether or not it could be written.
        if (ftruncate(fd, 0) == 0) {
            const ssize_t written = ::write(fd, who.constData(), size_t(who.size()));
            Q_UNUSED(written);
        }
        m_fd = fd;
        return true;
    }
    return false;
}

void ProcessLock::unlock()
{
    if (m_fd < 0)
        return;
    ::unlink(QFile::encodeName(m_path).constData());
    ::close(m_fd); // lets go of the lock
    m_fd = -1;
}

bool ProcessLock::isLocked() const
{
    return m_fd >= 0;
}

bool ProcessLock::isHeld(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false; // no file, no holder
    // A shared lock is refused only while someone holds the exclusive one.
    const bool held = flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    return held;
}
#else
bool ProcessLock::tryLock()
{
    if (!m_lock) {
        m_lock = std::make_unique<QLockFile>(m_path);
        m_lock->setStaleLockTime(0); // held for as long as the process runs: stale only when it is gone
    }
    return m_lock->tryLock(0);
}

void ProcessLock::unlock()
{
    if (m_lock)
        m_lock->unlock();
}

bool ProcessLock::isLocked() const
{
    return m_lock && m_lock->isLocked();
}

bool ProcessLock::isHeld(const QString &path)
{
    if (!QFile::exists(path))
        return false;
    QLockFile probe(path);
    probe.setStaleLockTime(0);
    if (probe.tryLock(0)) {
        probe.unlock(); // it was left by a process that is gone
        return false;
    }
    return probe.error() == QLockFile::LockFailedError;
}
#endif
