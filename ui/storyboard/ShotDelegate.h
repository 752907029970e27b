#pragma once

#include <QCache>
#include <QPixmap>
#include <QStyledItemDelegate>

// A shot as a card in the board's list: its film take's cover, its number, prompt, model, whether it
// continues the shot before, and where it stands.
class ShotDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // A cover at thumbnail size (read once, scaled on reading: a cover of any size costs little).
    static QPixmap thumbnail(const QString &path, const QSize &size, QCache<QString, QPixmap> *cache);

private:
    mutable QCache<QString, QPixmap> m_covers{64};
};
