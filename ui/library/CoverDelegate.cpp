#include "library/CoverDelegate.h"

#include "store/TaskStore.h"
#include "tasks/LibraryModel.h"

#include "common/Theme.h"
#include "common/Thumbnails.h"
#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

CoverDelegate::CoverDelegate(QObject *parent)
    : QStyledItemDelegate(parent), m_covers(new Thumbnails(400, this)) // a thousand-video library keeps only what is seen
{
    connect(m_covers, &Thumbnails::loaded, this, &CoverDelegate::coverLoaded);
}

const QPixmap *CoverDelegate::cover(const QString &path) const
{
    return m_covers->get(path, QSize(CoverWidth * 2, CoverHeight * 2));
}

int CoverDelegate::loadedCount() const
{
    return m_covers->loadedCount();
}

const QImage &CoverDelegate::icon(const QString &name, const QColor &color, int size, qreal ratio) const
{
    // Made once: a grid of a thousand cards repaints often.
    const QString key = QStringLiteral("%1/%2/%3/%4").arg(name, color.name()).arg(size).arg(ratio);
    auto it = m_icons.find(key);
    if (it == m_icons.end())
        it = m_icons.insert(key, Theme::tintedIcon(name, color, size, ratio));
    return *it;
}

QSize CoverDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {CoverWidth + 2 * Theme::Space::M,
            CoverHeight + 2 * option.fontMetrics.lineSpacing() + 3 * Theme::Space::M};
}

QRect CoverDelegate::coverRect(const QRect &itemRect)
{
    const QRect card =
        itemRect.adjusted(Theme::Space::XS, Theme::Space::XS, -Theme::Space::XS, -Theme::Space::XS);
    return {card.left() + (card.width() - CoverWidth) / 2, card.top() + Theme::Space::S, CoverWidth,
            CoverHeight};
}

QRect CoverDelegate::reuseRect(const QRect &itemRect)
{
    const QRect cover = coverRect(itemRect);
    return {cover.right() - 32, cover.top() + 4, 28, 28};
}

bool CoverDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton &&
            reuseRect(option.rect).contains(mouse->position().toPoint())) {
            emit reuseClicked(index);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

namespace {
Theme::Chip chipFor(VideoTask::State state, bool downloaded)
{
    switch (state) {
    case VideoTask::State::Succeeded:
        return downloaded ? Theme::Chip::Done : Theme::Chip::Running;
    case VideoTask::State::Running:
        return Theme::Chip::Running;
    case VideoTask::State::Queued:
    case VideoTask::State::Submitting:
        return Theme::Chip::Waiting;
    case VideoTask::State::Failed:
    case VideoTask::State::Rejected:
        return Theme::Chip::Failed;
    case VideoTask::State::Unknown:
        return Theme::Chip::Unknown;
    }
    return Theme::Chip::Waiting;
}
} // namespace

void CoverDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // The application's palette: the views are see-through to the window colour, the cards on it.
    const QPalette pal = QApplication::palette();
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const QRectF card = QRectF(option.rect)
                            .adjusted(Theme::Space::XS + 0.5, Theme::Space::XS + 0.5, -Theme::Space::XS - 0.5,
                                      -Theme::Space::XS - 0.5);
    // The card: the surface with a light outline; the accent's outline when selected.
    painter->setPen(selected ? QPen(Theme::role(Theme::Role::Accent, pal), 2)
                             : QPen(hovered ? Theme::role(Theme::Role::Muted, pal)
                                            : Theme::role(Theme::Role::Border, pal),
                                    1));
    painter->setBrush(Theme::role(Theme::Role::Surface, pal));
    painter->drawRoundedRect(card, Theme::Radius::Medium, Theme::Radius::Medium);
    if (option.state & QStyle::State_HasFocus && !selected) {
        painter->setPen(QPen(Theme::role(Theme::Role::Accent, pal), 1, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(card.adjusted(2, 2, -2, -2), Theme::Radius::Medium, Theme::Radius::Medium);
    }

    const QRect coverRect = CoverDelegate::coverRect(option.rect);
    QPainterPath coverPath;
    coverPath.addRoundedRect(QRectF(coverRect), Theme::Radius::Small, Theme::Radius::Small);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0x2a, 0x2c, 0x33));
    painter->drawPath(coverPath);
    const auto state = VideoTask::State(index.data(LibraryModel::StateRole).toInt());
    if (const QPixmap *pixmap = cover(index.data(LibraryModel::CoverPathRole).toString())) {
        const QPixmap scaled = pixmap->scaled(coverRect.size() * painter->device()->devicePixelRatioF(),
                                              Qt::KeepAspectRatio, Qt::SmoothTransformation);
        const QSizeF logical = scaled.deviceIndependentSize() / painter->device()->devicePixelRatioF();
        const QRectF target(coverRect.left() + (coverRect.width() - logical.width()) / 2,
                            coverRect.top() + (coverRect.height() - logical.height()) / 2, logical.width(),
                            logical.height());
        painter->save();
        painter->setClipPath(coverPath);
        painter->drawPixmap(target, scaled, scaled.rect());
        painter->restore();
    } else {
        // No cover yet: the video icon, quiet, in the middle.
        painter->drawImage(QRectF(coverRect.center().x() - 16, coverRect.center().y() - 16, 32, 32),
                           icon(QStringLiteral("video"), QColor(0x8a, 0x90, 0x9a), 32,
                                painter->device()->devicePixelRatioF()));
    }

    QFont small = Theme::font(Theme::Type::Caption, option.font);
    const QFontMetrics fm(small);
    painter->setFont(small);
    // The state chip, on the cover's top left.
    const QString status = index.data(LibraryModel::StatusTextRole).toString();
    const bool downloaded = !index.data(LibraryModel::VideoPathRole).toString().isEmpty();
    const QRectF chip(coverRect.left() + 6, coverRect.top() + 6, fm.horizontalAdvance(status) + 14,
                      fm.height() + 4);
    painter->setBrush(Theme::chipColor(chipFor(state, downloaded), pal));
    painter->drawRoundedRect(chip, chip.height() / 2, chip.height() / 2);
    painter->setPen(Qt::white);
    painter->drawText(chip, Qt::AlignCenter, status);
    // The asked duration, on the bottom right.
    if (const int seconds = index.data(LibraryModel::DurationRole).toInt(); seconds > 0) {
        const QString text = tr("%1 s").arg(seconds);
        const QRectF badge(coverRect.right() - fm.horizontalAdvance(text) - 16,
                           coverRect.bottom() - fm.height() - 8, fm.horizontalAdvance(text) + 10,
                           fm.height() + 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0, 0, 0, 170));
        painter->drawRoundedRect(badge, 3, 3);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, text);
    }
    // Still on its way: a progress line along the cover's foot (the elapsed time below is the figure).
    const bool waiting = state == VideoTask::State::Submitting || state == VideoTask::State::Queued ||
                         state == VideoTask::State::Running ||
                         (state == VideoTask::State::Succeeded && !downloaded);
    if (waiting) {
        const QRectF track(coverRect.left(), coverRect.bottom() - 2, coverRect.width(), 3);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(255, 255, 255, 60));
        painter->drawRect(track);
        painter->setBrush(Theme::role(Theme::Role::Accent, pal).lighter(130));
        const qreal part = state == VideoTask::State::Running     ? 0.6
                           : state == VideoTask::State::Succeeded ? 0.9
                                                                  : 0.15;
        painter->drawRect(QRectF(track.left(), track.top(), track.width() * part, track.height()));
    }
    // Under the pointer: use these settings again.
    if (hovered) {
        const QRect reuse = reuseRect(option.rect);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0, 0, 0, 150));
        painter->drawRoundedRect(reuse, Theme::Radius::Small, Theme::Radius::Small);
        painter->drawImage(
            QRectF(reuse.adjusted(5, 5, -5, -5)),
            icon(QStringLiteral("reuse"), Qt::white, 18, painter->device()->devicePixelRatioF()));
    }

    const int line = option.fontMetrics.lineSpacing();
    painter->setPen(pal.text().color());
    painter->setFont(option.font);
    const QRect text(coverRect.left(), coverRect.bottom() + Theme::Space::S, CoverWidth, line);
    painter->drawText(
        text, Qt::AlignLeft | Qt::AlignVCenter,
        option.fontMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, CoverWidth));
    painter->setFont(small);
    painter->setPen(Theme::role(Theme::Role::Muted, pal));
    const QString meta = index.data(LibraryModel::ModelRole).toString() + QStringLiteral(" · ") +
                         index.data(LibraryModel::ElapsedRole).toString();
    painter->drawText(text.translated(0, line), Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(meta, Qt::ElideRight, CoverWidth));
    painter->restore();
}
