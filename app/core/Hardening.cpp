#include "core/Hardening.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QStringList>

namespace Hardening {

void applyProcessLimits()
{
    QImageReader::setAllocationLimit(ImageAllocationLimitMiB);
}

bool makePrivateDir(const QString &path)
{
    if (path.isEmpty())
        return false;
    QString existing = QDir::cleanPath(QFileInfo(path).absoluteFilePath()); // no trailing "/", no "a/../"
    QStringList missing;
    while (!QFileInfo(existing).exists()) {
        const QString parent = QFileInfo(existing).absolutePath();
        missing.prepend(QFileInfo(existing).fileName());
        if (parent == existing)
            return false;
        existing = parent;
    }
    if (!QFileInfo(existing).isDir())
        return false;
    QDir dir(existing);
    for (const QString &name : std::as_const(missing)) {
        // Created with the permissions at once: there is no moment where another user could open it.
        if (!dir.mkdir(name, PrivateDir) && !dir.exists(name))
            return false;
        if (!dir.cd(name))
            return false;
    }
    return true;
}

bool makePrivateFile(const QString &path)
{
    return QFile::setPermissions(path, PrivateFile);
}

} // namespace Hardening
