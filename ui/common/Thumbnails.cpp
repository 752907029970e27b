#include "common/Thumbnails.h"

#include <QFutureWatcher>
#include <QImageReader>
#include <QtConcurrent>

Thumbnails::Thumbnails(int keep, QObject *parent) : QObject(parent)
{
    m_cache.setMaxCost(keep);
}

const QPixmap *Thumbnails::get(const QString &path, const QSize &bound, Qt::AspectRatioMode mode) const
{
    if (path.isEmpty())
        return nullptr;
    const QString key = QStringLiteral("%1@%2x%3/%4").arg(path).arg(bound.width()).arg(bound.height()).arg(int(mode));
    if (QPixmap *p = m_cache.object(key))
        return p;
    if (m_loading.contains(key))
        return nullptr;
    m_loading.insert(key);
    auto *watcher = new QFutureWatcher<QImage>(const_cast<Thumbnails *>(this));
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, key, path] {
        m_loading.remove(key);
        // A picture that cannot be read is kept as an empty one: it is not read again at every paint.
        m_cache.insert(key, new QPixmap(QPixmap::fromImage(watcher->result())));
        watcher->deleteLater();
        emit const_cast<Thumbnails *>(this)->loaded(path);
    });
    watcher->setFuture(QtConcurrent::run([path, bound, mode] {
        QImageReader reader(path);
        reader.setAutoTransform(true);
        const QSize size = reader.size();
        // Scaled while reading (and so within the reader's allocation limit whatever its size).
        if (size.isValid())
            reader.setScaledSize(size.scaled(bound, mode));
        return reader.read();
    }));
    return nullptr;
}
