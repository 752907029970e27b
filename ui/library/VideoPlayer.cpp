#include "library/VideoPlayer.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibrary>

#ifndef YJ_PLAYER_DIR_FROM_BIN
#define YJ_PLAYER_DIR_FROM_BIN "../lib/yuanjing-studio"
#endif

QStringList VideoPlayer::moduleFolders()
{
    const QString bin = QCoreApplication::applicationDirPath();
    return {bin, QDir::cleanPath(bin + QLatin1Char('/') + QStringLiteral(YJ_PLAYER_DIR_FROM_BIN)),
            QDir::cleanPath(bin + QStringLiteral("/.."))};
}

VideoPlayer *VideoPlayer::create(QWidget *parent, QString *whyNot)
{
    return createFrom(moduleFolders(), parent, whyNot);
}

VideoPlayer *VideoPlayer::createFrom(const QStringList &folders, QWidget *parent, QString *whyNot)
{
    QStringList reasons;
    for (const QString &folder : folders) {
        // QLibrary adds the platform's prefix and suffix (yuanjing-player.so, .dll, .dylib).
        QLibrary module(QDir(folder).filePath(QStringLiteral("yuanjing-player")));
        if (!module.load()) {
            reasons << module.errorString();
            continue;
        }
        if (const auto make = reinterpret_cast<CreateVideoPlayer>(module.resolve(YJ_CREATE_PLAYER_SYMBOL)))
            return make(parent); // the module stays loaded for the life of the program
        reasons << module.errorString();
    }
    if (whyNot)
        *whyNot = reasons.join(QLatin1Char('\n'));
    return nullptr;
}
