#include "video/ComparisonRunner.h"

#include "video/IntentMapper.h"
#include "video/RequestBuilder.h"
#include "video/VideoSubmitter.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>

ComparisonRunner::ComparisonRunner(VideoSubmitter *submitter, QObject *parent)
    : QObject(parent), m_submitter(submitter)
{
}

QList<ComparisonEntry> ComparisonRunner::entriesFor(const QList<ModelSpec> &specs, const VideoIntent &intent,
                                                    const QList<QPair<QString, PreparedImage>> &pictures)
{
    QList<ComparisonEntry> list;
    for (const ModelSpec &spec : specs) {
        ComparisonEntry e;
        e.spec = spec;
        const MappedIntent mapped = IntentMapper::map(spec, intent);
        e.values = mapped.values;
        for (const IntentAdjustment &a : mapped.adjustments)
            e.adjustments << a.message();
        QHash<QString, int> used;
        for (const auto &[role, image] : pictures) {
            const QString key = IntentMapper::imageField(spec, role, used[role]++);
            if (key.isEmpty())
                e.adjustments << QCoreApplication::translate(
                                     "ComparisonRunner", "%1: this model takes no such picture (not sent)")
                                     .arg(role);
            else
                e.images.insert(key, image);
        }
        list.append(e);
    }
    return list;
}

QList<ComparisonEntry> ComparisonRunner::variations(const ModelSpec &spec, const QVariantMap &values,
                                                    const QMap<QString, PreparedImage> &images, int takes)
{
    QList<ComparisonEntry> list;
    const FieldSpec *seed = spec.fieldWithRole(QStringLiteral("seed"));
    for (int i = 0; i < qBound(1, takes, 4); ++i) {
        ComparisonEntry e;
        e.spec = spec;
        e.values = values;
        e.images = images;
        if (seed) {
            const int low = seed->hasRange ? seed->minimum : 0;
            const int high = seed->hasRange ? seed->maximum : 2147483646;
            e.values.insert(seed->key, QString::number(QRandomGenerator::global()->bounded(
                                           qint64(low), qint64(high) + 1)));
        }
        list.append(e);
    }
    return list;
}

bool ComparisonRunner::start(const QList<ComparisonEntry> &entries, qint64 limitBytes)
{
    if (m_running || m_submitter->isBusy() || entries.isEmpty())
        return false;
    m_entries = entries;
    m_limit = limitBytes;
    m_comparison = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_current = -1;
    m_running = true;
    // Everything that can be refused here is, before the first request leaves.
    refuseInvalid(&m_entries);
    QTimer::singleShot(0, this, &ComparisonRunner::next);
    return true;
}

void ComparisonRunner::refuseInvalid(QList<ComparisonEntry> *entries)
{
    for (ComparisonEntry &e : *entries) {
        if (e.state != ComparisonEntry::State::Waiting)
            continue;
        if (!e.spec.enabled) {
            e.state = ComparisonEntry::State::Refused;
            e.error = QCoreApplication::translate("ComparisonRunner",
                                                  "This model is not enabled on the platform (%1).")
                          .arg(e.spec.disabledReason.text());
        } else if (const QMap<QString, QString> problems =
                       RequestBuilder::validate(e.spec, e.values, e.images);
                   !problems.isEmpty()) {
            e.state = ComparisonEntry::State::Refused;
            QStringList lines;
            for (auto it = problems.cbegin(); it != problems.cend(); ++it)
                lines << QStringLiteral("%1: %2").arg(it.key(), it.value());
            e.error = lines.join(QStringLiteral("; "));
        }
    }
}

void ComparisonRunner::next()
{
    delete m_once;
    while (++m_current < m_entries.size()) {
        if (m_entries.at(m_current).state == ComparisonEntry::State::Waiting)
            break;
        emit entryChanged(m_current);
    }
    if (m_current >= m_entries.size()) {
        m_running = false;
        emit finished();
        return;
    }
    const int index = m_current;
    m_once = new QObject(this);
    const auto settle = [this, index](ComparisonEntry::State state, const QString &error, qint64 row,
                                      const ApiError &apiError = {}) {
        ComparisonEntry &e = m_entries[index];
        e.state = state;
        e.error = error;
        e.taskRow = row;
        e.apiError = apiError;
        emit entryChanged(index);
        QTimer::singleShot(0, this, &ComparisonRunner::next);
    };
    connect(m_submitter, &VideoSubmitter::submitted, m_once,
            [settle](const VideoTask &t) { settle(ComparisonEntry::State::Sent, {}, t.id); });
    connect(m_submitter, &VideoSubmitter::refused, m_once,
            [settle](const QMap<QString, QString> &fields, const QString &error) {
                settle(ComparisonEntry::State::Refused,
                       error.isEmpty() ? QStringList(fields.values()).join(QLatin1Char(' ')) : error, 0);
            });
    connect(m_submitter, &VideoSubmitter::rejected, m_once,
            [settle](const VideoTask &, const ApiError &error) {
                settle(ComparisonEntry::State::Rejected, error.message(), 0, error);
            });
    connect(
        m_submitter, &VideoSubmitter::uncertain, m_once, [settle](const VideoTask &t, const ApiError &error) {
            settle(ComparisonEntry::State::Uncertain,
                   QCoreApplication::translate(
                       "ComparisonRunner",
                       "No clear answer (%1): kept as unknown; check on the platform before sending again.")
                       .arg(error.title()),
                   t.id, error);
        });
    ComparisonEntry &e = m_entries[index];
    e.state = ComparisonEntry::State::Sending;
    emit entryChanged(index);
    if (!m_submitter->submit(e.spec, e.values, e.images, m_limit, {}, m_comparison))
        settle(
            ComparisonEntry::State::Refused,
            QCoreApplication::translate("ComparisonRunner", "Another video is being submitted; try again."),
            0);
}
