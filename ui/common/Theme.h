#pragma once

#include <functional>

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

class QAbstractButton;
class QFont;
class QImage;
class QIcon;
class QTabWidget;
class QWidget;

// The app's visual design (docs/UI-DESIGN.md): its light and dark palettes, the colour roles it adds to
// them, the spacing, type and radius scales, and the component patterns of the application stylesheet
// (resources/style/app.qss), which widgets take by their "yjRole" property (setRole()). The tones
// (errors, warnings, notices) stay readable on both palettes. Widgets marked with apply() follow the
// palette when it changes while the app runs (the desktop switching to dark mode).
namespace Theme {

// Spacing scale, in pixels: every margin and gap is one of these.
namespace Space {
constexpr int XS = 4, S = 8, M = 12, L = 16, XL = 24, XXL = 32;
}
// Corner radii: chips and code (Small), buttons, fields and cards (Medium), chat bubbles (Large).
namespace Radius {
constexpr int Small = 4, Medium = 8, Large = 12;
}
// Type scale, as a factor of the application font's size.
enum class Type { Caption, Body, Title, Heading };
QFont font(Type type, const QFont &base);

// The colours the design adds to the palette's roles.
enum class Role {
    Surface,        // cards, bubbles of the model, the composer (the palette's Base)
    SurfaceAlt,     // hover, chips, the thinking panel, a code block's header
    Border,         // rules and card outlines (light)
    Accent,         // primary buttons, the selected segment, focus (the palette's Highlight)
    OnAccent,       // text on Accent
    Muted,          // secondary text (the palette's PlaceholderText)
    UserBubble,     // the user's own messages
    CodeBackground, // code blocks
};
QColor role(Role role, const QPalette &palette);
// A task's state chip, white text on it: waiting, running (the accent), done, failed, unknown.
enum class Chip { Waiting, Running, Done, Failed, Unknown };
QColor chipColor(Chip chip, const QPalette &palette);
// Sets the widget's component pattern ("card", "primary", "segment", "icon", "chip", "muted",
// "title", "empty-title", "tabs", "group"…; see app.qss): the widget takes the pattern of the
// appearance in use, and keeps it when the palette changes. Some are app.qss's rules for it; the card
// (painted under the widget), the text roles (a font and a colour), and tabs, primary and toolbar
// (drawn by the application's style) have no stylesheet.
void setRole(QWidget *widget, const char *role);
// That stylesheet (empty before applyAppearance()).
QString styleSheetInUse();
// The part of it a widget of this pattern gets: the rules that name the pattern.
QString styleSheetForRole(const char *role);
// The empty state of a view (docs/UI-DESIGN.md): an icon, one sentence and, if given, one action,
// centred. The widget is parented to parent; action is re-parented into it.
QWidget *emptyState(QWidget *parent, const QString &icon, const QString &sentence,
                    QAbstractButton *action = nullptr);
// The application stylesheet for a palette (resources/style/app.qss with the colours filled in).
QString styleSheet(const QPalette &palette);

enum class Tone { Plain, Error, Warning, Success, Notice };

bool isDark(const QPalette &palette);
// Text colour for the tone on the palette's window colour (Notice: on noticeBackground()).
QColor color(Tone tone, const QPalette &palette);
QColor noticeBackground(const QPalette &palette);
// The tone for a label (a tinted box for Notice); css is added inside the rule (padding and the like).
// Plain removes it.
void apply(QWidget *widget, Tone tone, const QString &css = QString());
// For rich text made by hand: <span style="color:…">text</span>, on the application palette.
QString colored(Tone tone, const QString &html);

// The dark palette used when the user asks for it (or the desktop prefers dark but Qt's platform
// theme gives a light palette, as Qt 6.4 does on GNOME).
QPalette darkPalette();
// The light palette: the app's own, so that the design looks the same on every desktop.
QPalette lightPalette();
// An icon of resources/icons by name. The monochrome ones are drawn in the palette's text colour on a
// dark palette (they are dark grey for a light one); coloured ones are left as they are.
QIcon icon(const QString &name);
// The icon of resources/icons drawn in one colour, size × size logical pixels at the ratio (for icons
// that are painted, not set on a button: the chat's actions).
QImage tintedIcon(const QString &name, const QColor &color, int size, qreal devicePixelRatio);
// The icon in one colour (white on a primary button), at 1× and 2×.
QIcon iconIn(const QString &name, const QColor &color);
// Sets the icon and keeps it right when the palette changes.
void setIcon(QAbstractButton *button, const QString &name);
void setTabIcon(QTabWidget *tabs, int index, const QString &name);

// "system" (the default: dark when the desktop prefers dark), "light" or "dark": the appearance
// setting, applied at once, with the Fusion style and the application stylesheet.
void applyAppearance(const QString &choice);
// The installed Chinese face the text is set in where Latin fonts have no glyph ("Noto Sans CJK SC"
// on Debian), or empty when there is none.
QString chineseFamily();
// The font of what people and models write (questions, answers, conversation titles): base in
// chineseFamily(), whose Latin letters are drawn to go with its Chinese ones, so that a line is set
// in one face and has one height whatever its script; and without the optional shaping (kerning,
// ligatures), which neither script needs to be legible and which doubles the cost of laying out long
// text (scripts that need shaping still get it). base unchanged in family without a Chinese face.
QFont contentFont(QFont base);
// The application font: the desktop's, then chineseFamily() for what it lacks. Without it Qt asks
// fontconfig per script, which picks a Japanese face of the same file for Chinese punctuation and a
// Chinese one for the characters: two faces loaded (~5 MiB) and two shapes of the same marks.
// desktopFamily: the family the desktop's font came to at the last start (empty: find it now). The
// desktop's font is usually an alias ("Sans Serif"), and finding the family behind it is a fontconfig
// query on the start-up path (~1.3 ms); the caller checks it once the window is up
// (desktopFontFamily()) and applies again if it changed, as for the dark preference. Returns the
// desktop's family it used.
QString applyTextFont(const QString &desktopFamily = {});
// The family the desktop's font comes to now (asks fontconfig).
QString desktopFontFamily();
// Whether the desktop says it prefers dark (the XDG desktop portal's color-scheme); false when unknown.
// Asks the portal and waits for its answer (up to 300 ms): not for the start-up path.
bool desktopPrefersDark();
// What "system" follows: the desktop's preference as last known (saved by the caller), used at once;
// followDesktopScheme() then asks the portal on a thread of its own and follows its changes while the
// app runs, re-applying the appearance when the answer differs and telling `changed` (to save it).
void setDesktopPrefersDark(bool dark);
// Decodes every built-in icon (the 2x renderings on a HiDPI screen) into the cache icon() reads
// from. Thread-safe: the start-up warm-up calls it beside the main thread.
void predecodeIcons(bool hiDpi);
void followDesktopScheme(const std::function<void(bool dark)> &changed);

} // namespace Theme
