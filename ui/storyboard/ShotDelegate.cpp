#include "storyboard/ShotDelegate.h"

#include "common/Theme.h"
#include "common/Thumbnails.h"
#include "storyboard/BoardModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace {
constexpr int Pad = 8;
constexpr QSize Cover(112, 63);
} // namespace

ShotDelegate::ShotDelegate(QObject *parent) : QStyledItemDelegate(parent), m_covers(new Thumbnails(64, this))
{
    connect(m_covers, &Thumbnails::loaded, this, &ShotDelegate::coverLoaded);
}

QSize ShotDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = option.fontMetrics.height();
    return {320, qMax(Cover.height(), 3 * line + 4) + 2 * Pad};
}

void ShotDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QRectF card = QRectF(option.rect).adjusted(4, 3, -4, -3);
    QPainterPath path;
    path.addRoundedRect(card, 8, 8);
    // A card (docs/UI-DESIGN.md): Surface with a Border outline; the selected one outlined in Accent on
    // the hover colour, so its text keeps the Text colour's contrast.
    painter->fillPath(path, Theme::role(selected ? Theme::Role::SurfaceAlt : Theme::Role::Surface, pal));
    painter->setPen(QPen(Theme::role(selected ? Theme::Role::Accent : Theme::Role::Border, pal), selected ? 2 : 1));
    painter->drawPath(path);

    const QRect coverRect(option.rect.left() + Pad + 2, option.rect.top() + (option.rect.height() - Cover.height()) / 2, Cover.width(),
                          Cover.height());
    QPainterPath coverPath;
    coverPath.addRoundedRect(coverRect, 5, 5);
    const QString coverFile = index.data(BoardModel::CoverRole).toString();
    const QPixmap *cover = m_covers->get(coverFile, Cover, Qt::KeepAspectRatioByExpanding);
    if (!cover || cover->isNull()) {
        painter->fillPath(coverPath, pal.color(QPalette::AlternateBase));
        if (coverFile.isEmpty()) { // (a cover being read shows in a moment)
            painter->setPen(Theme::role(Theme::Role::Muted, pal));
            painter->drawText(coverRect, Qt::AlignCenter, tr("no take"));
        }
    } else {
        painter->setClipPath(coverPath);
        painter->drawPixmap(coverRect, *cover,
                            QRect(QPoint((cover->width() - Cover.width()) / 2, (cover->height() - Cover.height()) / 2), Cover));
        painter->setClipping(false);
    }
    // The shot's number on its cover.
    const QString number = index.data(BoardModel::NumberRole).toString();
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    const QRect badge(coverRect.left() + 4, coverRect.top() + 4, QFontMetrics(bold).horizontalAdvance(number) + 12,
                      QFontMetrics(bold).height() + 2);
    QPainterPath badgePath;
    badgePath.addRoundedRect(badge, 4, 4);
    painter->fillPath(badgePath, QColor(0, 0, 0, 160));
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, number);

    const int x = coverRect.right() + Pad + 2;
    const int width = int(card.right()) - x - Pad;
    const int line = option.fontMetrics.height();
    int y = option.rect.top() + (option.rect.height() - 3 * line) / 2;
    const QColor text = selected ? pal.color(QPalette::Text) : pal.color(QPalette::Text);
    painter->setPen(text);
    painter->setFont(option.font);
    QString prompt = index.data(BoardModel::PromptRole).toString().simplified();
    if (prompt.isEmpty())
        prompt = tr("(no prompt)");
    painter->drawText(QRect(x, y, width, line), Qt::AlignLeft | Qt::AlignVCenter, option.fontMetrics.elidedText(prompt, Qt::ElideRight, width));
    y += line;
    QString second = index.data(BoardModel::ModelNameRole).toString();
    if (index.data(BoardModel::ChainedRole).toBool() && index.data(BoardModel::NumberRole).toInt() > 1)
        second = tr("↪ continues shot %1 · %2").arg(index.data(BoardModel::NumberRole).toInt() - 1).arg(second);
    painter->setPen(Theme::role(Theme::Role::Muted, pal));
    painter->drawText(QRect(x, y, width, line), Qt::AlignLeft | Qt::AlignVCenter, option.fontMetrics.elidedText(second, Qt::ElideRight, width));
    y += line;
    const bool problem = index.data(BoardModel::ProblemRole).toBool();
    painter->setPen(problem ? Theme::color(Theme::Tone::Error, pal) : Theme::role(Theme::Role::Muted, pal));
    painter->drawText(QRect(x, y, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(index.data(BoardModel::StatusRole).toString(), Qt::ElideRight, width));
    if (option.state & QStyle::State_HasFocus) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 2));
        painter->drawRoundedRect(card.adjusted(1, 1, -1, -1), 7, 7);
    }
    painter->restore();
}
