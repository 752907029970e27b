#pragma once

#include <QCache>
#include <QSet>
#include <QStyledItemDelegate>

// Paints a task in the Library's grid: its cover (loaded lazily, off the UI thread), a status badge,
// the prompt, model and elapsed time.
class CoverDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int CoverWidth = 208;
    static constexpr int CoverHeight = 117;

    explicit CoverDelegate(QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    int loadedCount() const { return int(m_cache.size()); }

signals:
    void coverLoaded();

private:
    const QPixmap *cover(const QString &path) const;

    mutable QCache<QString, QPixmap> m_cache;
    mutable QSet<QString> m_loading;
};
