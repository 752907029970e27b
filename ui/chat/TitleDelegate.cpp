#include "chat/TitleDelegate.h"

#include <QApplication>
#include <QPainter>
#include <memory>

TitleDelegate::TitleDelegate(QObject *parent) : QStyledItemDelegate(parent)
{
    m_layouts.setMaxCost(512); // every row a window shows, at a few widths
}

void TitleDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // The style draws what is not text (selection, hover, focus) as it always does; the text is drawn
    // here, where it was laid out (as the style lays it out: its margins, its alignment, its colours).
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (text.isEmpty())
        return;
    // Where QCommonStyle puts an item's text: its text rectangle less the focus frame's margin, the line
    // centred (or top or bottom aligned) in it at the fraction of a pixel it falls on.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect rect =
        style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(margin, 0, -margin, 0);
    if (rect.width() <= 0)
        return;
    const QTextLayout &layout = layoutFor(text, opt, rect.width());
    const qreal height = layout.lineAt(0).height();
    qreal y = rect.top();
    if (opt.displayAlignment & Qt::AlignBottom)
        y = rect.top() + rect.height() - height;
    else if (opt.displayAlignment & Qt::AlignVCenter)
        y = rect.top() + (rect.height() - height) / 2.0;
    QPalette::ColorGroup group = (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
        group = QPalette::Inactive;
    painter->save();
    painter->setPen(opt.palette.color(group, (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText
                                                                                  : QPalette::Text));
    layout.draw(painter, QPointF(rect.left(), y));
    painter->restore();
}

const QTextLayout &TitleDelegate::layoutFor(const QString &text, const QStyleOptionViewItem &opt,
                                            int width) const
{
    const Key key{
        text, opt.font.key(), width, int(opt.direction), int(opt.displayAlignment), int(opt.textElideMode)};
    if (const QTextLayout *layout = m_layouts.object(key))
        return *layout;
    QTextOption option;
    option.setWrapMode(QTextOption::ManualWrap);
    option.setTextDirection(opt.direction);
    option.setAlignment(QStyle::visualAlignment(opt.direction, opt.displayAlignment));
    const auto lineOf = [&](const QString &shown) {
        auto layout = std::make_unique<QTextLayout>(shown, opt.font);
        layout->setTextOption(option);
        layout->beginLayout();
        QTextLine line = layout->createLine();
        line.setLineWidth(width);
        layout->endLayout();
        return layout;
    };
    auto layout = lineOf(text);
    // Elided as the style elides a line that does not fit.
    if (opt.textElideMode != Qt::ElideNone && layout->lineAt(0).naturalTextWidth() > width)
        layout = lineOf(QFontMetrics(opt.font).elidedText(text, opt.textElideMode, width));
    QTextLayout *kept = layout.release();
    m_layouts.insert(key, kept);
    return *kept;
}
