#include "core/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Translations {

QString resolveLanguage(const QString &setting)
{
    if (setting == QLatin1String("zh_CN") || setting == QLatin1String("en"))
        return setting;
    const QStringList languages = QLocale::system().uiLanguages();
    for (const QString &lang : languages) {
        if (lang.startsWith(QLatin1String("zh"), Qt::CaseInsensitive))
            return QStringLiteral("zh_CN");
        if (lang.startsWith(QLatin1String("en"), Qt::CaseInsensitive))
            return QStringLiteral("en");
    }
    return QStringLiteral("en");
}

QString install(QCoreApplication *app, const QString &setting)
{
    const QString language = resolveLanguage(setting);
    auto *own = new QTranslator(app);
    if (own->load(QStringLiteral(":/i18n/yuanjing_%1.qm").arg(language)))
        app->installTranslator(own);
    auto *qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(language), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    QLocale::setDefault(QLocale(language == QLatin1String("zh_CN") ? QLocale::Chinese : QLocale::English,
                                language == QLatin1String("zh_CN") ? QLocale::China : QLocale::UnitedStates));
    return language;
}

} // namespace Translations
