#include "video/ModelCatalog.h"

#include "core/Log.h"

#include <QDir>
#include <QFile>

ModelCatalog::ModelCatalog(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ModelSpec>();
}

void ModelCatalog::load(const QString &userDir)
{
    loadLater(userDir);
    ensureLoaded();
    emit changed();
}

void ModelCatalog::loadLater(const QString &userDir)
{
    m_models.clear();
    m_order.clear();
    m_errors.clear();
    m_userDir = userDir;
    m_pending = true;
}

void ModelCatalog::ensureLoaded() const
{
    if (!m_pending)
        return;
    m_pending = false;
    loadFolderNow(QStringLiteral(":/models"));
    if (!m_userDir.isEmpty() && QDir(m_userDir).exists())
        loadFolderNow(m_userDir);
}

void ModelCatalog::loadFolder(const QString &dir)
{
    ensureLoaded();
    loadFolderNow(dir);
}

void ModelCatalog::loadFolderNow(const QString &dir) const
{
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files)
        loadFile(QDir(dir).filePath(name));
}

void ModelCatalog::loadFile(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_errors << tr("%1: cannot be read (%2).").arg(path, file.errorString());
        return;
    }
    if (file.size() > 1024 * 1024) {
        m_errors << tr("%1: larger than 1 MiB, not a schema.").arg(path);
        return;
    }
    ModelSpec spec;
    QString error;
    if (!ModelSpec::fromJson(file.readAll(), path, &spec, &error)) {
        qCWarning(lcStore) << "schema rejected:" << error;
        m_errors << error;
        return;
    }
    if (!m_models.contains(spec.llmid))
        m_order.append(spec.llmid);
    m_models.insert(spec.llmid, spec);
}

QList<ModelSpec> ModelCatalog::models(const QString &mode) const
{
    ensureLoaded();
    QList<ModelSpec> list;
    for (const QString &id : m_order) {
        const ModelSpec &m = m_models[id];
        if (mode.isEmpty() || m.mode == mode)
            list.append(m);
    }
    // Enabled first, then by vendor, so the picker reads well; disabled ones stay visible at the end.
    std::stable_sort(list.begin(), list.end(), [](const ModelSpec &a, const ModelSpec &b) {
        if (a.enabled != b.enabled)
            return a.enabled;
        return a.vendor < b.vendor;
    });
    return list;
}

const ModelSpec *ModelCatalog::model(const QString &llmid) const
{
    ensureLoaded();
    const auto it = m_models.constFind(llmid);
    return it == m_models.constEnd() ? nullptr : &it.value();
}
