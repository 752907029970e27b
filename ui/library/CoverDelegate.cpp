#include "library/CoverDelegate.h"

#include "store/TaskStore.h"
#include "tasks/LibraryModel.h"

#include <QApplication>
#include <QFutureWatcher>
#include <QImageReader>
#include <QPainter>
#include <QtConcurrent>

CoverDelegate::CoverDelegate(QObject *parent) : QStyledItemDelegate(parent)
{
    m_cache.setMaxCost(400); // covers; a thousand-video library keeps only what is seen
}

const QPixmap *CoverDelegate::cover(const QString &path) const
{
    if (path.isEmpty())
        return nullptr;
    if (QPixmap *p = m_cache.object(path))
        return p;
    if (m_loading.contains(path))
        return nullptr;
    m_loading.insert(path);
    auto *watcher = new QFutureWatcher<QImage>(const_cast<CoverDelegate *>(this));
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        const QImage image = watcher->result();
        m_loading.remove(path);
        m_cache.insert(path, new QPixmap(QPixmap::fromImage(image)));
        watcher->deleteLater();
        emit const_cast<CoverDelegate *>(this)->coverLoaded();
    });
    watcher->setFuture(QtConcurrent::run([path] {
        QImageReader reader(path);
        reader.setAutoTransform(true);
        const QSize size = reader.size();
        if (size.isValid())
            reader.setScaledSize(size.scaled(CoverWidth * 2, CoverHeight * 2, Qt::KeepAspectRatio));
        return reader.read();
    }));
    return nullptr;
}

QSize CoverDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {CoverWidth + 16, CoverHeight + 2 * option.fontMetrics.lineSpacing() + 20};
}

void CoverDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    const QRect r = option.rect.adjusted(6, 6, -6, -6);
    const bool selected = option.state & QStyle::State_Selected;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(selected ? option.palette.highlight() : option.palette.alternateBase());
    painter->drawRoundedRect(r.adjusted(-3, -3, 3, 3), 6, 6);

    const QRect coverRect(r.left() + (r.width() - CoverWidth) / 2, r.top(), CoverWidth, CoverHeight);
    painter->setBrush(QColor(40, 40, 48));
    painter->drawRect(coverRect);
    if (const QPixmap *pixmap = cover(index.data(LibraryModel::CoverPathRole).toString())) {
        const QPixmap scaled = pixmap->scaled(coverRect.size() * painter->device()->devicePixelRatioF(), Qt::KeepAspectRatio,
                                              Qt::SmoothTransformation);
        const QSizeF logical = scaled.deviceIndependentSize() / painter->device()->devicePixelRatioF();
        const QRectF target(coverRect.left() + (coverRect.width() - logical.width()) / 2,
                            coverRect.top() + (coverRect.height() - logical.height()) / 2, logical.width(), logical.height());
        painter->drawPixmap(target, scaled, scaled.rect());
    }

    // The status badge, coloured by state.
    const auto state = VideoTask::State(index.data(LibraryModel::StateRole).toInt());
    QColor badge(90, 90, 100);
    switch (state) {
    case VideoTask::State::Succeeded: badge = QColor(39, 174, 96); break;
    case VideoTask::State::Running: badge = QColor(41, 128, 185); break;
    case VideoTask::State::Queued:
    case VideoTask::State::Submitting: badge = QColor(127, 140, 141); break;
    case VideoTask::State::Failed:
    case VideoTask::State::Rejected: badge = QColor(192, 57, 43); break;
    case VideoTask::State::Unknown: badge = QColor(211, 84, 0); break;
    }
    const QString status = index.data(LibraryModel::StatusTextRole).toString();
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    painter->setFont(small);
    const QFontMetrics fm(small);
    const QRect badgeRect(coverRect.left() + 6, coverRect.top() + 6, fm.horizontalAdvance(status) + 12, fm.height() + 4);
    painter->setBrush(badge);
    painter->drawRoundedRect(badgeRect, 4, 4);
    painter->setPen(Qt::white);
    painter->drawText(badgeRect, Qt::AlignCenter, status);

    painter->setPen(selected ? option.palette.highlightedText().color() : option.palette.text().color());
    painter->setFont(option.font);
    const QRect text(coverRect.left(), coverRect.bottom() + 4, CoverWidth, option.fontMetrics.lineSpacing());
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, CoverWidth));
    painter->setFont(small);
    painter->setPen(selected ? option.palette.highlightedText().color() : option.palette.placeholderText().color());
    const QString meta = index.data(LibraryModel::ModelRole).toString() + QStringLiteral(" · ")
                         + index.data(LibraryModel::ElapsedRole).toString();
    painter->drawText(text.translated(0, option.fontMetrics.lineSpacing()), Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(meta, Qt::ElideRight, CoverWidth));
    painter->restore();
}
