#pragma once

#include <QCache>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QSize>

// Covers and thumbnails, read and scaled off the UI thread (a cover of any size costs the UI nothing)
// and kept, a bounded number of them. get() gives the picture when it is ready, or null and starts
// reading it; loaded() says when one is ready (the view asks again as it repaints).
class Thumbnails : public QObject
{
    Q_OBJECT
public:
    explicit Thumbnails(int keep, QObject *parent = nullptr);
    // The picture at path scaled to fit bound (or, with KeepAspectRatioByExpanding, to cover it).
    const QPixmap *get(const QString &path, const QSize &bound,
                       Qt::AspectRatioMode mode = Qt::KeepAspectRatio) const;
    int loadedCount() const { return int(m_cache.size()); }

signals:
    void loaded(const QString &path);

private:
    mutable QCache<QString, QPixmap> m_cache;
    mutable QSet<QString> m_loading;
};
