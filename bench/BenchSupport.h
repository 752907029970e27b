#pragma once

#include "core/AppCore.h"
#include "core/LaunchOptions.h"

#include <QCoreApplication>
#include <QList>
#include <QTemporaryDir>

#include <algorithm>

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

// The median of a run's times (the mean of the middle two for an even count).
inline double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty()
               ? 0
               : (v.size() % 2 ? v.at(v.size() / 2) : (v.at(v.size() / 2 - 1) + v.at(v.size() / 2)) / 2);
}

} // namespace BenchSupport
