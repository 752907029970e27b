#include "common/Theme.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFontDatabase>
#include <QFontInfo>
#include <QHash>
#include <QIcon>
#include <QImageReader>
#include <QLabel>
#include <QMutex>
#include <QPainter>
#include <QPixmap>
#include <QPointer>
#include <QProxyStyle>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOptionButton>
#include <QStyleOptionTab>
#include <QStyleOptionToolButton>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>
#include <QWidget>

#ifdef YJ_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>
#endif

namespace {
const char *const ToneProperty = "yuanjingTone";
const char *const CssProperty = "yuanjingToneCss";
const char *const IconProperty = "yuanjingIcon";
const char *const TabIconsProperty = "yuanjingTabIcons";

// The stylesheet of the appearance in use (empty until applyAppearance()): set on the widgets that take
// a component pattern, not on the application. An application stylesheet makes Qt polish every widget
// through its stylesheet style, which cost start-up ~10 ms (BENCHMARKS.md); the widgets of a pattern
// (and what they hold) are few.
QString &currentSheet()
{
    static QString sheet;
    return sheet;
}

// The rules of one pattern, which setRole puts on a widget of it: parsing the whole sheet for every
// widget of a pattern cost start-up ~5 ms. A rule belongs to a pattern when its selector names it
// (its descendants' rules too: "card QLabel"); the segment's ends come with the segment.
QString sheetForRole(const QString &role)
{
    static QHash<QString, QString> cache;
    static QList<std::pair<QString, QString>> parsed; // selector, whole rule; once per sheet
    static QString cachedFor;
    const QString &sheet = currentSheet();
    if (cachedFor != sheet) {
        cache.clear();
        parsed.clear();
        cachedFor = sheet;
        QString text = sheet;
        text.remove(QRegularExpression(QStringLiteral("/\\*.*?\\*/"), QRegularExpression::DotMatchesEverythingOption));
        qsizetype start = 0;
        while (start < text.size()) {
            const qsizetype end = text.indexOf(QLatin1Char('}'), start);
            if (end < 0)
                break;
            const QString rule = text.mid(start, end - start + 1).trimmed();
            parsed.append({rule.left(rule.indexOf(QLatin1Char('{'))), rule});
            start = end + 1;
        }
    }
    if (const auto it = cache.constFind(role); it != cache.constEnd())
        return *it;
    const QString key = QStringLiteral("yjRole=\"%1\"").arg(role);
    QString rules;
    for (const auto &[selector, rule] : std::as_const(parsed))
        if (selector.contains(key) || (role == QLatin1String("segment") && selector.contains(QLatin1String("yjSegment"))))
            rules += rule + QLatin1Char('\n');
    cache.insert(role, rules);
    return rules;
}

bool isMonochrome(const QImage &image)
{
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QRgb px = line[x];
            if (qAlpha(px) > 0 && (qAbs(qRed(px) - qGreen(px)) > 8 || qAbs(qGreen(px) - qBlue(px)) > 8))
                return false;
        }
    }
    return true;
}

void refreshIcons(QWidget *w)
{
    if (auto *button = qobject_cast<QAbstractButton *>(w); button && w->property(IconProperty).isValid())
        button->setIcon(Theme::icon(w->property(IconProperty).toString()));
    if (auto *tabs = qobject_cast<QTabWidget *>(w); tabs && w->property(TabIconsProperty).isValid()) {
        const QStringList names = w->property(TabIconsProperty).toStringList();
        for (int i = 0; i < names.size() && i < tabs->count(); ++i)
            if (!names.at(i).isEmpty())
                tabs->setTabIcon(i, Theme::icon(names.at(i)));
    }
}

QString styleSheetFor(QWidget *widget, Theme::Tone tone, const QString &css)
{
    const QPalette palette = QApplication::palette(widget);
    const QString fg = Theme::color(tone, palette).name();
    if (tone == Theme::Tone::Notice)
        return QStringLiteral("QLabel { background: %1; color: %2; %3 }")
            .arg(Theme::noticeBackground(palette).name(), fg, css);
    return QStringLiteral("QLabel { color: %1; %2 }").arg(fg, css);
}

// The patterns that are only a font and a colour (the text roles) or a surface (the card) are set on the
// widget itself, and tabs, primary and toolbar are drawn by the application's style (AppStyle), not by
// a stylesheet: a widget under a stylesheet, and every child of it, is polished,
// measured and painted through QStyleSheetStyle, which matches each rule against each of them (the
// composer's card made its dozen children so, and the first screen's labels: ~1.5 ms of start-up).
struct TextRole
{
    const char *name;
    Theme::Type size;
    bool muted;
    bool demiBold;
    int paddingTop;
};
const TextRole *textRole(const QString &name)
{
    static const TextRole roles[] = {
        {"muted", Theme::Type::Body, true, false, 0},
        {"caption", Theme::Type::Caption, true, false, 0},
        {"title", Theme::Type::Title, false, true, 0},
        {"heading", Theme::Type::Heading, false, true, 0},
        {"section", Theme::Type::Caption, true, true, Theme::Space::S},
        {"empty-title", Theme::Type::Title, true, false, 0},
    };
    for (const TextRole &role : roles)
        if (name == QLatin1String(role.name))
            return &role;
    return nullptr;
}

void applyTextRole(QWidget *widget, const TextRole &role)
{
    if (role.size != Theme::Type::Body) {
        QFont font = widget->font();
        font.setPointSizeF(Theme::font(role.size, QApplication::font()).pointSizeF());
        if (role.demiBold)
            font.setWeight(QFont::DemiBold);
        widget->setFont(font);
    }
    if (role.muted) {
        // Only the text's colour is the widget's own: the rest it inherits, as it did.
        QPalette palette;
        palette.setColor(QPalette::WindowText, Theme::role(Theme::Role::Muted, QApplication::palette()));
        widget->setPalette(palette);
    }
    if (role.paddingTop)
        widget->setContentsMargins(0, role.paddingTop, 0, 0);
}

// The card: a surface with a light outline and rounded corners, drawn under what the widget draws, in
// the application palette's colours as they are when it is painted (as app.qss's were).
class CardPainter : public QObject
{
public:
    static CardPainter *instance()
    {
        static QPointer<CardPainter> painter;
        if (!painter)
            painter = new CardPainter(qApp);
        return painter;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            auto *widget = static_cast<QWidget *>(watched);
            const QPalette palette = QApplication::palette(widget);
            QPainter painter(widget);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(QPen(Theme::role(Theme::Role::Border, palette), 1));
            painter.setBrush(Theme::role(Theme::Role::Surface, palette));
            painter.drawRoundedRect(QRectF(widget->rect()).adjusted(0.5, 0.5, -0.5, -0.5),
                                    Theme::Radius::Medium, Theme::Radius::Medium);
        }
        return false;
    }

private:
    using QObject::QObject;
};

void applyRole(QWidget *widget, const QString &name)
{
    if (const TextRole *role = textRole(name)) {
        applyTextRole(widget, *role);
        return;
    }
    if (name == QLatin1String("primary")) {
        // Drawn by the application's style (AppStyle), its label semibold.
        QFont font = widget->font();
        font.setWeight(QFont::DemiBold);
        widget->setFont(font);
        widget->updateGeometry();
        widget->update();
        return;
    }
    if (name == QLatin1String("toolbar")) {
        // Drawn by the application's style (AppStyle), which measures it by its role. A button keeps the
        // size it measured first until a change event: one already laid out (in a layout built before its
        // role was given) is told to measure again, or it keeps a size too small for its label.
        widget->setAttribute(Qt::WA_Hover);
        QEvent measureAgain(QEvent::StyleChange);
        QCoreApplication::sendEvent(widget, &measureAgain);
        widget->updateGeometry();
        widget->update();
        return;
    }
    if (name == QLatin1String("tabs")) {
        // Drawn by the application's style (AppStyle); a hovered tab is marked.
        widget->setAttribute(Qt::WA_Hover);
        widget->update();
        return;
    }
    if (name == QLatin1String("card")) {
        widget->installEventFilter(CardPainter::instance()); // once: installing again moves it to the front
        widget->setContentsMargins(1, 1, 1, 1);              // inside the outline, as the stylesheet's border
        widget->update();
        return;
    }
    widget->setStyleSheet(sheetForRole(name));
}

// Re-colours the marked widgets when the application palette changes.
class PaletteWatcher : public QObject
{
public:
    static void ensure()
    {
        static QPointer<PaletteWatcher> watcher;
        if (!watcher && qApp) {
            watcher = new PaletteWatcher(qApp);
            qApp->installEventFilter(watcher);
        }
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange) {
            for (QWidget *w : QApplication::allWidgets()) {
                if (w->property("yjRole").isValid())
                    applyRole(w, w->property("yjRole").toString());
                const QVariant tone = w->property(ToneProperty);
                if (tone.isValid())
                    w->setStyleSheet(
                        styleSheetFor(w, Theme::Tone(tone.toInt()), w->property(CssProperty).toString()));
                refreshIcons(w);
            }
        }
        return false;
    }

private:
    using QObject::QObject;
};
} // namespace

namespace Theme {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor color(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    // Each has a contrast of at least 4.5:1 on its background (WCAG AA), in both palettes.
    switch (tone) {
    case Tone::Plain:
        return palette.color(QPalette::WindowText);
    case Tone::Error:
        return dark ? QColor(0xff, 0x8a, 0x7a) : QColor(0xb0, 0x2a, 0x1c);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xc1, 0x66) : QColor(0x8a, 0x4b, 0x00);
    case Tone::Success:
        return dark ? QColor(0x6f, 0xdc, 0x8c) : QColor(0x1e, 0x7a, 0x42);
    case Tone::Notice:
        return dark ? QColor(0xff, 0xe0, 0xa6) : QColor(0x6b, 0x41, 0x00);
    }
    return palette.color(QPalette::WindowText);
}

QColor noticeBackground(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x4a, 0x38, 0x12) : QColor(0xff, 0xf4, 0xe5);
}

void apply(QWidget *widget, Tone tone, const QString &css)
{
    if (tone == Tone::Plain) {
        widget->setProperty(ToneProperty, QVariant());
        widget->setStyleSheet(QString());
        return;
    }
    PaletteWatcher::ensure();
    widget->setProperty(ToneProperty, int(tone));
    widget->setProperty(CssProperty, css);
    widget->setStyleSheet(styleSheetFor(widget, tone, css));
}

namespace {
// Decoded icons, kept: the same few are drawn again and again, and the start-up warm-up decodes them
// on another thread before the window asks (predecodeIcons).
QMutex s_pngMutex;
QHash<QString, QImage> s_pngs;

// An icon's PNG, PNG named and no detection: otherwise QImageReader loads every image plugin (SVG,
// GIF, JPEG… and their libraries) to ask whether one reads PNG better, which the first icon did at
// start-up.
QImage readPng(const QString &path)
{
    {
        const QMutexLocker lock(&s_pngMutex);
        if (const auto it = s_pngs.constFind(path); it != s_pngs.constEnd())
            return *it;
    }
    QImageReader reader(path, "png");
    reader.setAutoDetectImageFormat(false);
    const QImage image = reader.read();
    const QMutexLocker lock(&s_pngMutex);
    s_pngs.insert(path, image);
    return image;
}

// Fusion, with the standard icons the first screen asks for (QMenuBar's overflow arrow, a search field's
// clear button) from our resources: Qt's own are read through QIcon::addFile and QPixmap::load, which
// guess their format by loading every image plugin (SVG, GIF, JPEG… and their libraries).
class AppStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;
    QIcon standardIcon(StandardPixmap which, const QStyleOption *option, const QWidget *widget) const override
    {
        if (which == SP_ToolBarHorizontalExtensionButton)
            return icon(QStringLiteral("next"));
        if (which == SP_LineEditClearButton)
            return icon(QStringLiteral("close"));
        return QProxyStyle::standardIcon(which, option, widget);
    }

    // The patterns "tabs", "primary" and "toolbar" (docs/UI-DESIGN.md) are drawn here rather than by a
    // stylesheet, which made every such widget slow to measure and paint at start-up. The tabs: 8 × 16 px
    // of padding and 2 px apart, text in Muted, the current tab's in Text over a 2 px Accent line, a
    // hovered one's over a Border line.
    int pixelMetric(PixelMetric metric, const QStyleOption *option, const QWidget *widget) const override
    {
        // The metric is looked at before the widget's role: a role is a dynamic property, and the style is
        // asked for a metric about a thousand times before the first frame.
        switch (metric) {
        case PM_MenuButtonIndicator:
            if (isRole(widget, "toolbar"))
                return 0; // its room is in the button's padding (sizeFromContents)
            break;
        case PM_TabBarTabHSpace:
            if (isTabs(widget))
                return 2 * (TabPaddingX + TabMargin);
            break;
        case PM_TabBarTabVSpace:
            if (isTabs(widget))
                return 2 * TabPaddingY + TabLine;
            break;
        case PM_TabBarTabShiftHorizontal:
        case PM_TabBarTabShiftVertical:
            if (isTabs(widget))
                return 0;
            break;
        default:
            break;
        }
        return QProxyStyle::pixelMetric(metric, option, widget);
    }
    QSize sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &size,
                           const QWidget *widget) const override
    {
        // A primary button: its label, at least 20 px high, in 8 × 20 px of padding.
        if (type == CT_PushButton && isRole(widget, "primary"))
            return QSize(size.width() + 2 * PrimaryPaddingX, qMax(size.height(), 20) + 2 * PrimaryPaddingY);
        // A toolbar button: its label in 5 × 12 px of padding (22 px on the right of a split button, for
        // its menu part) inside a 1 px outline; a tool button 3 px more each way, as the stylesheet made
        // them (the sizes they had).
        if ((type == CT_PushButton || type == CT_ToolButton) && isRole(widget, "toolbar")) {
            const int extra = type == CT_ToolButton ? 3 : 0;
            return QSize(size.width() + ToolbarPaddingX + rightPadding(option) + 2 + extra,
                         size.height() + 2 * ToolbarPaddingY + 2 + extra);
        }
        // The label keeps the room beside it that the tabs had when a stylesheet drew them (12 px).
        if (type == CT_TabBarTab && isTabs(widget))
            return size + QSize(12, 0);
        return QProxyStyle::sizeFromContents(type, option, size, widget);
    }
    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget) const override
    {
        const auto *tab = qstyleoption_cast<const QStyleOptionTab *>(option);
        if (tab && isTabs(widget)) {
            const bool current = tab->state & State_Selected;
            const bool hovered = (tab->state & State_MouseOver) && (tab->state & State_Enabled);
            const QPalette palette = QApplication::palette(widget);
            if (element == CE_TabBarTabShape) {
                if (current || hovered) {
                    const QRect r = tab->rect.adjusted(TabMargin, 0, -TabMargin, 0);
                    painter->fillRect(QRect(r.left(), r.bottom() - TabLine + 1, r.width(), TabLine),
                                      Theme::role(current ? Role::Accent : Role::Border, palette));
                }
                return;
            }
            if (element == CE_TabBarTabLabel) {
                QStyleOptionTab label = *tab;
                label.palette.setColor(QPalette::WindowText, current || hovered
                                                                 ? palette.color(QPalette::Text)
                                                                 : Theme::role(Role::Muted, palette));
                QProxyStyle::drawControl(element, &label, painter, widget);
                return;
            }
        }
        const auto *button = qstyleoption_cast<const QStyleOptionButton *>(option);
        if (element == CE_PushButton && button && isRole(widget, "primary")) {
            drawPrimary(button, painter, widget);
            return;
        }
        if (element == CE_PushButton && button && isRole(widget, "toolbar")) {
            const QPalette palette = QApplication::palette(widget);
            drawToolbarPanel(button->state, button->rect, palette, painter);
            QStyleOptionButton label = *button;
            label.rect = button->rect.adjusted(ToolbarPaddingX + 1, ToolbarPaddingY + 1, -ToolbarPaddingX - 1,
                                               -ToolbarPaddingY - 1);
            label.palette.setColor(QPalette::ButtonText, toolbarText(button->state, palette));
            QProxyStyle::drawControl(CE_PushButtonLabel, &label, painter, widget);
            return;
        }
        QProxyStyle::drawControl(element, option, painter, widget);
    }

    void drawComplexControl(ComplexControl control, const QStyleOptionComplex *option, QPainter *painter,
                            const QWidget *widget) const override
    {
        const auto *tool = qstyleoption_cast<const QStyleOptionToolButton *>(option);
        if (control == CC_ToolButton && tool && isRole(widget, "toolbar")) {
            const QPalette palette = QApplication::palette(widget);
            drawToolbarPanel(tool->state, tool->rect, palette, painter);
            const bool split = tool->features & QStyleOptionToolButton::MenuButtonPopup;
            if (split) {
                // The menu part: a rule on its left, an arrow in it.
                const QRect menu = subControlRect(control, option, SC_ToolButtonMenu, widget);
                painter->fillRect(QRect(menu.left(), tool->rect.top() + 1, 1, tool->rect.height() - 2),
                                  Theme::role(Role::Border, palette));
                QStyleOption arrow = *tool;
                arrow.rect = menu.adjusted(1, 0, 0, 0);
                arrow.palette.setColor(QPalette::ButtonText, toolbarText(tool->state, palette));
                arrow.palette.setColor(QPalette::WindowText, toolbarText(tool->state, palette));
                proxy()->drawPrimitive(PE_IndicatorArrowDown, &arrow, painter, widget);
            }
            // The label, without the menu's own indicator (the pattern has none).
            QStyleOptionToolButton label = *tool;
            label.rect = tool->rect.adjusted(ToolbarPaddingX + 1, ToolbarPaddingY + 1, -rightPadding(tool) - 1,
                                             -ToolbarPaddingY - 1);
            label.palette.setColor(QPalette::ButtonText, toolbarText(tool->state, palette));
            label.state &= ~(State_Sunken | State_On);
            proxy()->drawControl(CE_ToolButtonLabel, &label, painter, widget);
            return;
        }
        QProxyStyle::drawComplexControl(control, option, painter, widget);
    }
    QRect subControlRect(ComplexControl control, const QStyleOptionComplex *option, SubControl sub,
                         const QWidget *widget) const override
    {
        const auto *tool = qstyleoption_cast<const QStyleOptionToolButton *>(option);
        if (control == CC_ToolButton && tool && isRole(widget, "toolbar")) {
            const bool split = tool->features & QStyleOptionToolButton::MenuButtonPopup;
            const QRect menu(tool->rect.right() - ToolbarMenuWidth, tool->rect.top(), ToolbarMenuWidth + 1,
                             tool->rect.height());
            if (sub == SC_ToolButtonMenu)
                return split ? menu : QRect();
            if (sub == SC_ToolButton)
                return split ? tool->rect.adjusted(0, 0, -ToolbarMenuWidth - 1, 0) : tool->rect;
        }
        return QProxyStyle::subControlRect(control, option, sub, widget);
    }

private:
    static constexpr int TabPaddingX = 16, TabPaddingY = 8, TabMargin = 2, TabLine = 2;
    static constexpr int PrimaryPaddingX = 20, PrimaryPaddingY = 8;
    static constexpr int ToolbarPaddingX = 12, ToolbarPaddingY = 5, ToolbarSplitPadding = 22, ToolbarMenuWidth = 18;
    static int rightPadding(const QStyleOption *option)
    {
        const auto *tool = qstyleoption_cast<const QStyleOptionToolButton *>(option);
        return tool && (tool->features & QStyleOptionToolButton::MenuButtonPopup) ? ToolbarSplitPadding
                                                                                  : ToolbarPaddingX;
    }
    // A quiet text button beside the main one: Surface in a Border outline (Accent with the focus),
    // SurfaceAlt under the pointer, 8 px corners.
    static void drawToolbarPanel(QStyle::State state, const QRect &rect, const QPalette &palette, QPainter *painter)
    {
        const bool hovered = (state & State_Enabled) && (state & State_MouseOver);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(Theme::role(state & State_HasFocus ? Role::Accent : Role::Border, palette), 1));
        painter->setBrush(Theme::role(hovered ? Role::SurfaceAlt : Role::Surface, palette));
        painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), Radius::Medium, Radius::Medium);
        painter->restore();
    }
    static QColor toolbarText(QStyle::State state, const QPalette &palette)
    {
        return state & State_Enabled ? palette.color(QPalette::Text) : Theme::role(Role::Muted, palette);
    }
    static bool isRole(const QWidget *widget, const char *role)
    {
        return widget && widget->property("yjRole").toString() == QLatin1String(role);
    }
    static bool isTabs(const QWidget *widget) { return isRole(widget, "tabs"); }

    // The one main action of a view (Generate, Send): Accent, rounded, its label in OnAccent; darker
    // (lighter on a dark palette) under the pointer, a 2 px ring in Text with the focus, Border and
    // Muted when disabled.
    void drawPrimary(const QStyleOptionButton *button, QPainter *painter, const QWidget *widget) const
    {
        const QPalette palette = QApplication::palette(widget);
        const bool enabled = button->state & State_Enabled;
        const bool hovered = enabled && (button->state & State_MouseOver);
        const QColor accent = Theme::role(Role::Accent, palette);
        const QColor fill = !enabled  ? Theme::role(Role::Border, palette)
                            : hovered ? (Theme::isDark(palette) ? accent.lighter(112) : accent.darker(112))
                                      : accent;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(QRectF(button->rect), Radius::Medium, Radius::Medium);
        if (enabled && (button->state & State_HasFocus)) {
            painter->setPen(QPen(palette.color(QPalette::Text), 2));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(QRectF(button->rect).adjusted(1, 1, -1, -1), Radius::Medium - 1,
                                     Radius::Medium - 1);
        }
        painter->restore();
        QStyleOptionButton label = *button;
        label.rect = button->rect.adjusted(PrimaryPaddingX, PrimaryPaddingY, -PrimaryPaddingX, -PrimaryPaddingY);
        label.palette.setColor(QPalette::ButtonText,
                               enabled ? Theme::role(Role::OnAccent, palette) : Theme::role(Role::Muted, palette));
        QProxyStyle::drawControl(CE_PushButtonLabel, &label, painter, widget);
    }
};
} // namespace

void predecodeIcons(bool hiDpi)
{
    // The renderings icon() reads: the 1x ones, and the 2x ones too on a HiDPI screen.
    const QDir dir(QStringLiteral(":/icons"));
    for (const QString &name : dir.entryList({QStringLiteral("*.png")}, QDir::Files))
        if (hiDpi || !name.contains(QLatin1Char('@')))
            readPng(dir.filePath(name));
}

QIcon icon(const QString &name)
{
    const QString base = QStringLiteral(":/icons/") + name;
    const QPalette palette = QApplication::palette();
    const bool dark = isDark(palette);
    QIcon out;
    // Only the renderings this screen can show: the 2x one is decoded only on a HiDPI screen.
    const bool hiDpi = qApp && qApp->devicePixelRatio() > 1.0;
    for (const auto &[suffix, ratio] : {std::pair{QStringLiteral(".png"), 1.0}, std::pair{QStringLiteral("@2x.png"), 2.0}}) {
        if (ratio > 1.0 && !hiDpi)
            continue;
        QImage image = readPng(base + suffix);
        if (image.isNull())
            continue;
        image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        if (dark && isMonochrome(image)) {
            QPainter painter(&image);
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(image.rect(), palette.color(QPalette::WindowText));
        }
        QPixmap pixmap = QPixmap::fromImage(image);
        pixmap.setDevicePixelRatio(ratio);
        out.addPixmap(pixmap);
    }
    return out;
}

QImage tintedIcon(const QString &name, const QColor &color, int size, qreal ratio)
{
    const QString base = QStringLiteral(":/icons/") + name;
    QImage image = readPng(base + (ratio * size > 24 ? QStringLiteral("@2x.png") : QStringLiteral(".png")));
    if (image.isNull())
        return image;
    image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied)
                .scaled(QSize(size, size) * ratio, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPainter painter(&image);
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(image.rect(), color);
    painter.end();
    image.setDevicePixelRatio(ratio);
    return image;
}

QIcon iconIn(const QString &name, const QColor &color)
{
    QIcon out;
    for (const qreal ratio : {1.0, 2.0})
        if (const QImage image = tintedIcon(name, color, 24, ratio); !image.isNull())
            out.addPixmap(QPixmap::fromImage(image));
    return out;
}

void setIcon(QAbstractButton *button, const QString &name)
{
    PaletteWatcher::ensure();
    button->setProperty(IconProperty, name);
    button->setIcon(icon(name));
}

void setTabIcon(QTabWidget *tabs, int index, const QString &name)
{
    PaletteWatcher::ensure();
    QStringList names = tabs->property(TabIconsProperty).toStringList();
    while (names.size() <= index)
        names.append(QString());
    names[index] = name;
    tabs->setProperty(TabIconsProperty, names);
    tabs->setTabIcon(index, icon(name));
}

namespace {
struct PaletteColours
{
    QColor window, base, alternate, text, muted, button, accent, link, linkVisited, border, tooltip, disabled;
};

QPalette makePalette(const PaletteColours &c, bool dark)
{
    QPalette p;
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.text);
    p.setColor(QPalette::Base, c.base);
    p.setColor(QPalette::AlternateBase, c.alternate);
    p.setColor(QPalette::ToolTipBase, c.tooltip);
    p.setColor(QPalette::ToolTipText, c.text);
    p.setColor(QPalette::PlaceholderText, c.muted);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::Button, c.button);
    p.setColor(QPalette::ButtonText, c.text);
    p.setColor(QPalette::BrightText, dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc0, 0x20, 0x20));
    // Fusion draws bevels and frames from these: kept close to the border colour, so frames stay light.
    p.setColor(QPalette::Light, dark ? c.button.lighter(125) : QColor(Qt::white));
    p.setColor(QPalette::Midlight, dark ? c.button.lighter(110) : c.alternate);
    p.setColor(QPalette::Mid, c.border);
    p.setColor(QPalette::Dark, dark ? c.window.darker(130) : c.border.darker(115));
    p.setColor(QPalette::Shadow, dark ? QColor(Qt::black) : c.border.darker(150));
    p.setColor(QPalette::Highlight, c.accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, c.link);
    p.setColor(QPalette::LinkVisited, c.linkVisited);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, c.disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, c.border);
    return p;
}

// The "@name@" fields of app.qss.
QString fillStyleSheet(QString qss, const QPalette &p)
{
    using Theme::Role;
    const QList<std::pair<const char *, QString>> fields{
        {"window", p.color(QPalette::Window).name()},
        {"text", p.color(QPalette::Text).name()},
        {"surface", Theme::role(Role::Surface, p).name()},
        {"surfaceAlt", Theme::role(Role::SurfaceAlt, p).name()},
        {"border", Theme::role(Role::Border, p).name()},
        {"accent", Theme::role(Role::Accent, p).name()},
        {"onAccent", Theme::role(Role::OnAccent, p).name()},
        {"captionPt", QString::number(Theme::font(Theme::Type::Caption, QApplication::font()).pointSizeF(), 'f', 1)},
    };
    for (const auto &[name, value] : fields)
        qss.replace(QLatin1Char('@') + QLatin1String(name) + QLatin1Char('@'), value);
    return qss;
}
} // namespace

QPalette darkPalette()
{
    return makePalette({QColor(0x1c, 0x1d, 0x21), QColor(0x25, 0x27, 0x2c), QColor(0x2e, 0x31, 0x37),
                        QColor(0xe7, 0xe9, 0xed), QColor(0xa2, 0xa8, 0xb3), QColor(0x2e, 0x31, 0x37),
                        QColor(0x3f, 0x6f, 0xe0), QColor(0x86, 0xb0, 0xff), QColor(0xc0, 0xa8, 0xff),
                        QColor(0x3a, 0x3d, 0x44), QColor(0x2e, 0x31, 0x37), QColor(0x80, 0x85, 0x8f)},
                       true);
}

QPalette lightPalette()
{
    return makePalette({QColor(0xf4, 0xf5, 0xf7), QColor(0xff, 0xff, 0xff), QColor(0xec, 0xee, 0xf2),
                        QColor(0x1d, 0x21, 0x29), QColor(0x5c, 0x63, 0x70), QColor(0xff, 0xff, 0xff),
                        QColor(0x2f, 0x5b, 0xd3), QColor(0x1f, 0x55, 0xc4), QColor(0x6a, 0x3d, 0xb8),
                        QColor(0xd5, 0xd9, 0xe0), QColor(0xff, 0xff, 0xff), QColor(0x8a, 0x90, 0x9a)},
                       false);
}

QFont font(Type type, const QFont &base)
{
    QFont f = base;
    const qreal size = base.pointSizeF() > 0 ? base.pointSizeF() : 10.0;
    switch (type) {
    case Type::Caption:
        f.setPointSizeF(size * 0.88);
        break;
    case Type::Body:
        break;
    case Type::Title:
        f.setPointSizeF(size * 1.2);
        f.setWeight(QFont::DemiBold);
        break;
    case Type::Heading:
        f.setPointSizeF(size * 1.5);
        f.setWeight(QFont::DemiBold);
        break;
    }
    return f;
}

QColor role(Role r, const QPalette &p)
{
    const bool dark = isDark(p);
    switch (r) {
    case Role::Surface:
        return p.color(QPalette::Base);
    case Role::SurfaceAlt:
        return p.color(QPalette::AlternateBase);
    case Role::Border:
        return p.color(QPalette::Mid);
    case Role::Accent:
        return p.color(QPalette::Highlight);
    case Role::OnAccent:
        return p.color(QPalette::HighlightedText);
    case Role::Muted:
        return p.color(QPalette::PlaceholderText);
    case Role::UserBubble:
        return dark ? QColor(0x2b, 0x3a, 0x5c) : QColor(0xe6, 0xed, 0xfb);
    case Role::CodeBackground:
        return dark ? QColor(0x1f, 0x21, 0x25) : QColor(0xf0, 0xf2, 0xf5);
    }
    return p.color(QPalette::Base);
}

QColor chipColor(Chip chip, const QPalette &p)
{
    switch (chip) {
    case Chip::Waiting:
        return QColor(0x5f, 0x66, 0x72);
    case Chip::Running:
        return role(Role::Accent, p);
    case Chip::Done:
        return QColor(0x1e, 0x7a, 0x42);
    case Chip::Failed:
        return QColor(0xb0, 0x2a, 0x1c);
    case Chip::Unknown:
        return QColor(0x9a, 0x4a, 0x00);
    }
    return QColor(0x5f, 0x66, 0x72);
}

void setRole(QWidget *widget, const char *name)
{
    PaletteWatcher::ensure();
    widget->setProperty("yjRole", QString::fromLatin1(name));
    applyRole(widget, QString::fromLatin1(name));
}

QString styleSheetForRole(const char *role)
{
    return sheetForRole(QString::fromLatin1(role));
}

QString styleSheetInUse()
{
    return currentSheet();
}

QWidget *emptyState(QWidget *parent, const QString &iconName, const QString &sentence,
                    QAbstractButton *action)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setSpacing(Space::M);
    layout->addStretch();
    auto *icon = new QLabel(box);
    icon->setPixmap(QPixmap::fromImage(
        tintedIcon(iconName, role(Role::Muted, QApplication::palette()), 48, box->devicePixelRatioF())));
    icon->setAlignment(Qt::AlignCenter);
    auto *text = new QLabel(sentence, box);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    setRole(text, "empty-title");
    layout->addWidget(icon);
    layout->addWidget(text);
    if (action) {
        action->setParent(box);
        layout->addWidget(action, 0, Qt::AlignHCenter);
    }
    layout->addStretch(2);
    return box;
}

QString styleSheet(const QPalette &palette)
{
    QFile file(QStringLiteral(":/style/app.qss"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return fillStyleSheet(QString::fromUtf8(file.readAll()), palette);
}

bool desktopPrefersDark()
{
#ifdef YJ_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.portal.Desktop"), QStringLiteral("/org/freedesktop/portal/desktop"),
        QStringLiteral("org.freedesktop.portal.Settings"), QStringLiteral("Read"));
    call << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme");
    // Short: a desktop without the portal must not delay the start.
    const QDBusMessage reply = bus.call(call, QDBus::Block, 300);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return false;
    // The value comes wrapped in a variant, sometimes twice. 1 means "prefer dark".
    QVariant value = reply.arguments().constFirst();
    while (value.canConvert<QDBusVariant>())
        value = value.value<QDBusVariant>().variant();
    return value.toUInt() == 1;
#else
    return false;
#endif
}

namespace {
bool s_desktopDark = false;
QString s_choice = QStringLiteral("system");

#ifdef YJ_HAVE_DBUS
// The portal's SettingChanged, for as long as the app runs.
class DesktopSchemeWatcher : public QObject
{
    Q_OBJECT
public:
    DesktopSchemeWatcher(std::function<void(bool)> changed, QObject *parent)
        : QObject(parent), m_changed(std::move(changed))
    {
    }
    void take(bool dark)
    {
        if (dark == s_desktopDark)
            return;
        Theme::setDesktopPrefersDark(dark);
        Theme::applyAppearance(s_choice);
        if (m_changed)
            m_changed(dark);
    }
public slots:
    void onSettingChanged(const QString &nameSpace, const QString &key, const QDBusVariant &value)
    {
        if (nameSpace == QLatin1String("org.freedesktop.appearance") && key == QLatin1String("color-scheme"))
            take(value.variant().toUInt() == 1);
    }

private:
    std::function<void(bool)> m_changed;
};
#endif
} // namespace

void setDesktopPrefersDark(bool dark)
{
    s_desktopDark = dark;
}

void followDesktopScheme(const std::function<void(bool dark)> &changed)
{
#ifdef YJ_HAVE_DBUS
    static QPointer<DesktopSchemeWatcher> watcher;
    if (watcher || !qApp)
        return;
    watcher = new DesktopSchemeWatcher(changed, qApp);
    // Loading D-Bus, connecting and asking take the main thread 1-3 ms even without a desktop (and up
    // to the call's timeout with a slow one): a thread of its own does it, and hands the answer over.
    QThread *ask = QThread::create([w = QPointer<DesktopSchemeWatcher>(watcher)] {
        const bool dark = desktopPrefersDark();
        QDBusConnection bus = QDBusConnection::sessionBus();
        QMetaObject::invokeMethod(qApp, [w, dark, connected = bus.isConnected()] {
            if (!w)
                return;
            if (connected)
                QDBusConnection::sessionBus().connect(
                    QStringLiteral("org.freedesktop.portal.Desktop"), QStringLiteral("/org/freedesktop/portal/desktop"),
                    QStringLiteral("org.freedesktop.portal.Settings"), QStringLiteral("SettingChanged"), w.data(),
                    SLOT(onSettingChanged(QString, QString, QDBusVariant)));
            w->take(dark);
        });
    });
    QObject::connect(ask, &QThread::finished, ask, &QObject::deleteLater);
    // A quit before the portal answered waits for it (the call gives up after 300 ms).
    QObject::connect(qApp, &QCoreApplication::aboutToQuit, ask, [ask] { ask->wait(); });
    ask->start(QThread::IdlePriority);
#else
    Q_UNUSED(changed);
#endif
}

void applyAppearance(const QString &choice)
{
    // What the platform gives: "system" follows whether it (or the desktop's portal) is dark.
    static const bool systemDark = isDark(QApplication::palette());
    s_choice = choice;
    const bool dark = choice == QLatin1String("dark") ||
                      (choice != QLatin1String("light") && (systemDark || s_desktopDark));
    // Fusion everywhere: the design's palettes and stylesheet look the same on every desktop.
    // (Once: with the stylesheet on, style() is the stylesheet's own, whatever is under it.)
    static bool fusion = false;
    if (!fusion) {
        QApplication::setStyle(new AppStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
        fusion = true;
    }
    const QPalette palette = dark ? darkPalette() : lightPalette();
    // The sheet first: the palette change re-colours every widget of a pattern with it.
    currentSheet() = styleSheet(palette);
    QApplication::setPalette(palette);
}

QString chineseFamily()
{
    static const QString family = [] {
        const QStringList installed = QFontDatabase::families();
        for (const char *name : {"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"})
            if (installed.contains(QLatin1String(name)))
                return QString::fromLatin1(name);
        return QString();
    }();
    return family;
}

QFont contentFont(QFont base)
{
    if (const QString chinese = chineseFamily(); !chinese.isEmpty())
        base.setFamily(chinese);
    base.setStyleStrategy(QFont::PreferNoShaping);
    return base;
}

QString desktopFontFamily()
{
    // The family actually drawn: the desktop's may be an alias ("Sans Serif") that a family list
    // would not resolve.
    return QFontInfo(QFontDatabase::systemFont(QFontDatabase::GeneralFont)).family();
}

QString applyTextFont(const QString &desktopFamily)
{
    const QString chinese = chineseFamily();
    const QString desktop = desktopFamily.isEmpty() ? desktopFontFamily() : desktopFamily;
    // The desktop's own font, its size and style, in its family, then the Chinese face; or the desktop's
    // font as it is when it is that face already.
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    if (!chinese.isEmpty() && desktop != chinese)
        font.setFamilies({desktop, chinese});
    QApplication::setFont(font);
    return desktop;
}

QString colored(Tone tone, const QString &html)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>")
        .arg(color(tone, QApplication::palette()).name(), html);
}

} // namespace Theme

#ifdef YJ_HAVE_DBUS
#include "Theme.moc"
#endif
