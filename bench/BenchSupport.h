#pragma once

#include "core/AppCore.h"
#include "core/LaunchOptions.h"

#include <QCoreApplication>
#include <QTemporaryDir>

// What the benchmarks share: an app core on scratch folders, without the keychain.
namespace BenchSupport {

inline LaunchOptions optionsIn(const QTemporaryDir &dir, bool demo = false)
{
    LaunchOptions o;
    o.configDir = dir.filePath(QStringLiteral("c"));
    o.dataDir = dir.filePath(QStringLiteral("d"));
    o.useKeychain = false;
    o.demo = demo;
    return o;
}

// Starts the core and turns the event loop until it has.
inline void start(AppCore &core)
{
    core.start();
    while (!core.isStarted())
        QCoreApplication::processEvents();
}

} // namespace BenchSupport
