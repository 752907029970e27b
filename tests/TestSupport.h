#pragma once

#include "api/PlatformClient.h"
#include "core/AppCore.h"
#include "core/LaunchOptions.h"
#include "simulator/PlatformSimulator.h"
#include "store/Database.h"
#include "store/TaskStore.h"
#include "storyboard/Board.h"

#include <QDir>
#include <QSignalSpy>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
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

// The picture sent in a /llmage/video request's field, decoded (null when there is none).
inline QImage sentPicture(const QByteArray &body, const QString &field)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    QString value = o.value(field).toString();
    if (value.isEmpty())
        value = o.value(QStringLiteral("params")).toObject().value(field).toString();
    const int comma = int(value.indexOf(QLatin1Char(',')));
    if (!value.startsWith(QLatin1String("data:image")) || comma < 0)
        return {};
    return QImage::fromData(QByteArray::fromBase64(value.mid(comma + 1).toLatin1()));
}

// A storyboard shot with a prompt, for the board tests.
inline BoardShot shotOf(const QString &llmid, const QString &prompt, bool chained = false)
{
    BoardShot s;
    s.llmid = llmid;
    s.values.insert(QStringLiteral("prompt"), prompt);
    s.chained = chained;
    return s;
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

// The whole app core in demo mode on the sandbox's folders, started; nullptr when it does not start.
inline AppCore *startDemoCore(const Sandbox &box)
{
    LaunchOptions o = box.options();
    o.demo = true;
    auto *core = new AppCore(o);
    QSignalSpy started(core, &AppCore::started);
    core->start();
    if (started.isEmpty() && !started.wait(5000)) {
        delete core;
        return nullptr;
    }
    return core;
}

// Starts the simulator on loopback and points the client at it, sending the given key.
inline bool connect(PlatformSimulator *simulator, PlatformClient *client, const QString &key)
{
    if (!simulator->start())
        return false;
    client->setBaseUrl(simulator->baseUrl());
    client->setApiKey(key);
    return true;
}

// A task store on a fresh database and a client talking to a fresh simulator: what the task tests share.
// Members are destroyed in reverse order, the client before the simulator and the store before its database.
struct TaskWorld
{
    QTemporaryDir dir;
    Database db{dir.filePath(QStringLiteral("t.sqlite"))};
    TaskStore store{&db, dir.filePath(QStringLiteral("tasks"))};
    PlatformSimulator sim;
    PlatformClient client;

    bool start(const QString &key) { return db.open() && TestSupport::connect(&sim, &client, key); }
};

} // namespace TestSupport
