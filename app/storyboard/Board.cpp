#include "storyboard/Board.h"

#include "video/ModelCatalog.h"

#include <QFile>
#include <QJsonArray>

TakeOutcome takeOutcome(const VideoTask &t)
{
    switch (t.state) {
    case VideoTask::State::Failed:
    case VideoTask::State::Rejected: return TakeOutcome::Failed;
    case VideoTask::State::Unknown: return TakeOutcome::Unknown;
    case VideoTask::State::Succeeded:
        // The cover too (one that cannot be fetched is dropped): a run that ends leaves no .part behind.
        if (!t.videoPath.isEmpty() && QFile::exists(t.videoPath)
            && (t.coverUrl.isEmpty() || (!t.coverPath.isEmpty() && QFile::exists(t.coverPath))))
            return TakeOutcome::Downloaded;
        return t.errorCode == QLatin1String("expired") ? TakeOutcome::NotDownloaded : TakeOutcome::Pending;
    default: return TakeOutcome::Pending;
    }
}

VideoTask filmTake(const BoardShot &shot, const QList<VideoTask> &takes)
{
    // A copy, not a pointer into the list: callers pass lists made for the call.
    const VideoTask *first = nullptr;
    for (const VideoTask &t : takes) {
        if (takeOutcome(t) != TakeOutcome::Downloaded)
            continue;
        if (t.id == shot.chosenTask)
            return t;
        if (!first)
            first = &t;
    }
    return first ? *first : VideoTask();
}

QString firstFrameKey(const ModelSpec &spec)
{
    for (const FieldSpec &f : spec.fields)
        if (f.type == FieldSpec::Type::Image && f.role == QLatin1String("first_frame"))
            return f.key;
    return {};
}

namespace {
bool isJobKeyword(const QString &key)
{
    return key == QLatin1String("llmid") || key == QLatin1String("id") || key == QLatin1String("set")
        || key == QLatin1String("images") || key == QLatin1String("continue");
}
} // namespace

bool BoardFile::jobValues(const ModelSpec &spec, const QJsonObject &job, QVariantMap *values, QMap<QString, QString> *images,
                          QString *error)
{
    *values = spec.defaults();
    QJsonObject fields = job.value(QLatin1String("set")).toObject();
    QJsonObject pictures = job.value(QLatin1String("images")).toObject();
    for (auto it = job.constBegin(); it != job.constEnd(); ++it) {
        if (isJobKeyword(it.key()))
            continue;
        const FieldSpec *f = spec.field(it.key());
        if (f && f->type == FieldSpec::Type::Image)
            pictures.insert(it.key(), it.value());
        else
            fields.insert(it.key(), it.value());
    }
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const FieldSpec *f = spec.field(it.key());
        if (!f || f->type == FieldSpec::Type::Image) {
            *error = tr("no field “%1”").arg(it.key());
            return false;
        }
        values->insert(it.key(), it->isDouble() ? QString::number(it->toDouble()) : it->isBool() ? QVariant(it->toBool()) : QVariant(it->toString()));
    }
    for (auto it = pictures.constBegin(); it != pictures.constEnd(); ++it) {
        const FieldSpec *f = spec.field(it.key());
        if (!f || f->type != FieldSpec::Type::Image) {
            *error = tr("no picture field “%1”").arg(it.key());
            return false;
        }
        images->insert(it.key(), it->toString());
    }
    return true;
}

QJsonObject BoardFile::toJson(const Board &board)
{
    QJsonArray shots;
    for (const BoardShot &s : board.shots) {
        QJsonObject shot{{QStringLiteral("llmid"), s.llmid}, {QStringLiteral("set"), QJsonObject::fromVariantMap(s.values)}};
        QJsonObject pictures;
        for (auto it = s.images.cbegin(); it != s.images.cend(); ++it)
            pictures.insert(it.key(), it.value());
        if (!pictures.isEmpty())
            shot.insert(QStringLiteral("images"), pictures);
        if (s.chained)
            shot.insert(QStringLiteral("continue"), true);
        shots.append(shot);
    }
    return {{QStringLiteral("title"), board.title}, {QStringLiteral("shots"), shots}};
}

bool BoardFile::fromJson(const QJsonObject &file, const QDir &dir, const ModelCatalog &models, Board *board, QString *error)
{
    const QJsonArray shots = file.value(QLatin1String("shots")).toArray();
    if (shots.isEmpty()) {
        *error = tr("not a storyboard (a JSON object with a list of \"shots\"; see docs/STORYBOARD.md)");
        return false;
    }
    board->title = file.value(QLatin1String("title")).toString();
    board->shots.clear();
    for (int i = 0; i < shots.size(); ++i) {
        const QJsonObject o = shots.at(i).toObject();
        BoardShot shot;
        shot.position = i;
        shot.llmid = o.value(QLatin1String("llmid")).toString();
        shot.chained = o.value(QLatin1String("continue")).toBool();
        const ModelSpec *spec = models.model(shot.llmid);
        if (!spec) {
            *error = tr("shot %1: unknown model “%2”").arg(i + 1).arg(shot.llmid);
            return false;
        }
        QString why;
        if (!jobValues(*spec, o, &shot.values, &shot.images, &why)) {
            *error = tr("shot %1: %2").arg(i + 1).arg(why);
            return false;
        }
        for (auto it = shot.images.begin(); it != shot.images.end(); ++it)
            if (!it->startsWith(QLatin1String("http://")) && !it->startsWith(QLatin1String("https://")))
                *it = QDir::cleanPath(dir.filePath(*it));
        board->shots.append(shot);
    }
    return true;
}
