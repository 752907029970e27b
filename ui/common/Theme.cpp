#include "common/Theme.h"

#include <QAbstractButton>
#include <QApplication>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QTabWidget>
#include <QEvent>
#include <QPointer>
#include <QStyle>
#include <QStyleFactory>
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
                const QVariant tone = w->property(ToneProperty);
                if (tone.isValid())
                    w->setStyleSheet(styleSheetFor(w, Theme::Tone(tone.toInt()), w->property(CssProperty).toString()));
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
    case Tone::Plain: return palette.color(QPalette::WindowText);
    case Tone::Error: return dark ? QColor(0xff, 0x8a, 0x7a) : QColor(0xb0, 0x2a, 0x1c);
    case Tone::Warning: return dark ? QColor(0xff, 0xc1, 0x66) : QColor(0x8a, 0x4b, 0x00);
    case Tone::Success: return dark ? QColor(0x6f, 0xdc, 0x8c) : QColor(0x1e, 0x7a, 0x42);
    case Tone::Notice: return dark ? QColor(0xff, 0xe0, 0xa6) : QColor(0x6b, 0x41, 0x00);
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

QIcon icon(const QString &name)
{
    const QString base = QStringLiteral(":/icons/") + name;
    const QPalette palette = QApplication::palette();
    if (!isDark(palette))
        return QIcon(base + QStringLiteral(".png"));
    QIcon out;
    for (const auto &[suffix, ratio] : {std::pair{QStringLiteral(".png"), 1.0}, std::pair{QStringLiteral("@2x.png"), 2.0}}) {
        QImage image(base + suffix);
        if (image.isNull())
            continue;
        image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        if (isMonochrome(image)) {
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

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b), text(0xe8, 0xe8, 0xe8), disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Dark, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xc0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xff));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

bool desktopPrefersDark()
{
#ifdef YJ_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.portal.Desktop"),
                                                       QStringLiteral("/org/freedesktop/portal/desktop"),
                                                       QStringLiteral("org.freedesktop.portal.Settings"),
                                                       QStringLiteral("Read"));
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

void applyAppearance(const QString &choice)
{
    // What the platform gave before the app changed anything: "system" returns to it.
    static const QString systemStyle = QApplication::style()->name();
    static const QPalette systemPalette = QApplication::palette();
    // Whether the app has replaced the platform's style and palette (else "system" has nothing to undo).
    static bool changed = false;
    const bool dark = choice == QLatin1String("dark")
        || (choice != QLatin1String("light") && !isDark(systemPalette) && desktopPrefersDark());
    if (dark) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    } else if (choice == QLatin1String("light") && isDark(systemPalette)) {
        QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
        QApplication::setStyle(fusion);
        QApplication::setPalette(fusion->standardPalette());
    } else if (changed) {
        QApplication::setStyle(QStyleFactory::create(systemStyle));
        QApplication::setPalette(systemPalette);
    }
    changed = dark || (choice == QLatin1String("light") && isDark(systemPalette));
}

QString colored(Tone tone, const QString &html)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(color(tone, QApplication::palette()).name(), html);
}

} // namespace Theme
