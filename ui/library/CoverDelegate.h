#pragma once

#include <QHash>
#include <QImage>
#include <QStyledItemDelegate>

class Thumbnails;

// Paints a task as a card (docs/UI-DESIGN.md), in the Library's grid and the Studio's strip of recent
// tasks: its cover (loaded lazily, off the UI thread) with a state chip, the asked duration and, while
// it runs, a progress line; the prompt; the model and elapsed time. Under the pointer, a "use these
// settings" icon on the cover (reuseClicked).
class CoverDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int CoverWidth = 208;
    static constexpr int CoverHeight = 117;

    explicit CoverDelegate(QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    int loadedCount() const;
    // Where a card's cover and its "use these settings" icon are, in the view's coordinates.
    static QRect coverRect(const QRect &itemRect);
    static QRect reuseRect(const QRect &itemRect);

signals:
    void coverLoaded();
    void reuseClicked(const QModelIndex &index);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    const QPixmap *cover(const QString &path) const;
    const QImage &icon(const QString &name, const QColor &color, int size, qreal ratio) const;

    Thumbnails *m_covers;
    mutable QHash<QString, QImage> m_icons;
};
