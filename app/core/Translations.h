#pragma once

#include <QString>

class QCoreApplication;

namespace Translations {
// "system" follows the system locale: Chinese on a Chinese system, English otherwise.
QString resolveLanguage(const QString &setting);
// Installs the app's and Qt's own translations for the language; returns the language used.
QString install(QCoreApplication *app, const QString &setting);
} // namespace Translations
