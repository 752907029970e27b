#include "account/UsageChart.h"
#include "common/Theme.h"

#include <QLocale>
#include <QPainter>
#include <QPushButton>

UsageChart::UsageChart(QWidget *parent) : QWidget(parent), m_start(new QPushButton(tr("Start a chat"), this))
{
    setMinimumHeight(150);
    setAccessibleName(tr("Usage chart"));
    Theme::setRole(m_start, "toolbar");
    connect(m_start, &QPushButton::clicked, this, &UsageChart::startRequested);
}

void UsageChart::resizeEvent(QResizeEvent *)
{
    // Below the empty state's sentence (two lines at most), centred.
    const QSize size = m_start->sizeHint();
    m_start->setGeometry((width() - size.width()) / 2, qMin(height() - size.height() - 4, height() / 2 + 2 * fontMetrics().height() + 8),
                         size.width(), size.height());
}

void UsageChart::setBars(const QList<Bar> &bars, const QString &unit)
{
    m_bars = bars;
    m_unit = unit;
    QStringList text;
    for (const Bar &b : bars)
        text << QStringLiteral("%1: %2").arg(b.label).arg(b.value);
    setAccessibleDescription(text.join(QStringLiteral("; ")));
    m_start->setVisible(bars.isEmpty());
    update();
}

void UsageChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(font());
    const QRect area = rect().adjusted(8, fm.height() + 6, -8, -(fm.height() + 8));
    if (m_bars.isEmpty()) {
        // The empty state: an icon, one sentence and its action (m_start).
        const QColor muted = Theme::role(Theme::Role::Muted, palette());
        const QImage icon = Theme::tintedIcon(QStringLiteral("account"), muted, 40, devicePixelRatioF());
        const QRect text = rect().adjusted(8, height() / 2, -8, 0);
        p.drawImage(QRectF(width() / 2.0 - 20, height() / 2.0 - 48, 40, 40), icon);
        p.setPen(muted);
        p.drawText(text, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                   tr("No usage recorded yet: every chat and video is counted here as it is made."));
        return;
    }
    double max = 0;
    for (const Bar &b : m_bars)
        max = qMax(max, b.value);
    if (max <= 0)
        max = 1;
    const double slot = double(area.width()) / m_bars.size();
    const QLocale locale;
    for (int i = 0; i < m_bars.size(); ++i) {
        const Bar &b = m_bars.at(i);
        const int h = int(area.height() * (b.value / max));
        const QRectF bar(area.left() + i * slot + slot * 0.15, area.bottom() - h, slot * 0.7, h);
        p.setPen(Qt::NoPen);
        p.setBrush(palette().color(QPalette::Highlight));
        p.drawRoundedRect(bar, 2, 2);
        p.setPen(palette().color(QPalette::Text));
        if (b.value > 0)
            p.drawText(QRectF(bar.left() - 10, bar.top() - fm.height() - 2, bar.width() + 20, fm.height()),
                       Qt::AlignCenter, locale.toString(b.value, 'g', 6));
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRectF(area.left() + i * slot, area.bottom() + 4, slot, fm.height()), Qt::AlignCenter,
                   fm.elidedText(b.label, Qt::ElideRight, int(slot)));
    }
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(QRect(area.left(), 0, area.width(), fm.height() + 4), Qt::AlignLeft | Qt::AlignVCenter,
               m_unit);
}
