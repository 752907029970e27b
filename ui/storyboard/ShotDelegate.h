#pragma once

#include <QStyledItemDelegate>

class Thumbnails;

// A shot as a card in the board's list: its film take's cover, its number, prompt, model, whether it
// continues the shot before, and where it stands.
class ShotDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ShotDelegate(QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

signals:
    void coverLoaded();

private:
    Thumbnails *m_covers;
};
