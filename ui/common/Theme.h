#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class QAbstractButton;
class QIcon;
class QTabWidget;
class QWidget;

// The few colours the app adds to the system palette (errors, warnings, notices), chosen to stay
// readable on a light and on a dark palette alike. Widgets marked with apply() follow the palette when
// it changes while the app runs (the desktop switching to dark mode).
namespace Theme {

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
// An icon of resources/icons by name. The monochrome ones are drawn in the palette's text colour on a
// dark palette (they are dark grey for a light one); coloured ones are left as they are.
QIcon icon(const QString &name);
// Sets the icon and keeps it right when the palette changes.
void setIcon(QAbstractButton *button, const QString &name);
void setTabIcon(QTabWidget *tabs, int index, const QString &name);

// "system" (the default), "light" or "dark": the appearance setting, applied at once.
void applyAppearance(const QString &choice);
// Whether the desktop says it prefers dark (the XDG desktop portal's color-scheme); false when unknown.
bool desktopPrefersDark();

} // namespace Theme
