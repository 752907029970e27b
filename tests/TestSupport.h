#pragma once

#include "api/PlatformClient.h"
#include "core/LaunchOptions.h"
#include "simulator/PlatformSimulator.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace TestSupport {

inline QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(YJ_FIXTURES_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

// A fresh config and data folder per test: no test sees another's files.
struct Sandbox
{
    QTemporaryDir dir;
    LaunchOptions options() const
    {
        LaunchOptions o;
        o.configDir = dir.filePath(QStringLiteral("config"));
        o.dataDir = dir.filePath(QStringLiteral("data"));
        o.useKeychain = false;
        return o;
    }
};

// Starts the simulator on loopback and points the client at it, sending the given key.
inline bool connect(PlatformSimulator *simulator, PlatformClient *client, const QString &key)
{
    if (!simulator->start())
        return false;
    client->setBaseUrl(simulator->baseUrl());
    client->setApiKey(key);
    return true;
}

} // namespace TestSupport
