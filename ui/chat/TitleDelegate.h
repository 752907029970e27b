#pragma once

#include <QCache>
#include <QStyledItemDelegate>
#include <QTextLayout>

// One line of text a row, elided at the right, as QStyledItemDelegate draws it, with each row's
// text shaped once and kept: the style's own drawing shapes a title three or four times a paint
// (its size, its elision, its layout), which for the conversation list's first screen of Chinese
// titles was most of what painting the window cost at start-up.
class TitleDelegate : public QStyledItemDelegate
{
public:
    explicit TitleDelegate(QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    // The row's text laid out on one line in a width (elided when it does not fit).
    const QTextLayout &layoutFor(const QString &text, const QStyleOptionViewItem &option, int width) const;

    struct Key
    {
        QString text;
        QString font;
        int width;
        int direction;
        int alignment;
        int elide;
        bool operator==(const Key &o) const
        {
            return width == o.width && direction == o.direction && alignment == o.alignment &&
                   elide == o.elide && text == o.text && font == o.font;
        }
    };
    friend size_t qHash(const Key &key, size_t seed)
    {
        return qHashMulti(seed, key.text, key.font, key.width, key.direction, key.alignment, key.elide);
    }
    mutable QCache<Key, QTextLayout> m_layouts;
};
