#include "chat/StoryboardPlanner.h"

#include "chat/ShotListReader.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace StoryboardPlanner {

QString instructions(const ModelSpec &spec, int shots)
{
    QStringList fields;
    for (const FieldSpec &f : spec.fields) {
        if (f.type == FieldSpec::Type::Image || f.key == QLatin1String("prompt"))
            continue;
        QString line =
            QStringLiteral("\"%1\" (%2").arg(f.key, f.label.en.isEmpty() ? f.label.text() : f.label.en);
        if (!f.choices.isEmpty())
            line += QStringLiteral(", one of %1").arg(f.choices.join(QStringLiteral(", ")));
        else if (f.hasRange)
            line += QStringLiteral(", %1 to %2").arg(f.minimum).arg(f.maximum);
        line += QLatin1Char(')');
        fields << line;
    }
    QString text = QStringLiteral("You plan storyboards for video. Split the user's story into exactly %1 "
                                  "shots for the video model %2 (%3); "
                                  "each shot is one video clip, and together they tell the story in order. "
                                  "Each shot's prompt stands on its "
                                  "own: repeat the characters' looks and the setting, and give action, "
                                  "camera and light. Write the prompts "
                                  "in the story's language.\n")
                       .arg(shots)
                       .arg(spec.label.en.isEmpty() ? spec.label.text() : spec.label.en, spec.model);
    if (!spec.promptGuide.text().isEmpty())
        text += QStringLiteral("How this model reads prompts: %1\n").arg(spec.promptGuide.text());
    text += QStringLiteral("Answer with JSON only: {\"title\": \"…\", \"shots\": [{\"prompt\": \"…\"");
    if (const FieldSpec *duration = spec.field(QStringLiteral("duration")))
        text += QStringLiteral(", \"duration\": %1")
                    .arg(duration->defaultValue.isValid() ? duration->defaultValue.toString()
                                                          : QStringLiteral("5"));
    text += QStringLiteral("}, …]}.");
    if (!fields.isEmpty())
        text += QStringLiteral(" Optional fields of a shot: %1.").arg(fields.join(QStringLiteral("; ")));
    return text;
}

QString request(const QString &story, int shots)
{
    return QStringLiteral("Shots: %1\nStory: %2").arg(shots).arg(story.trimmed());
}

QJsonObject board(const QString &title, const ModelSpec &spec, const QList<QVariantMap> &shots)
{
    // A shot continues from the previous one's last frame only where the model has a first-frame field
    // (the schema says so); a text-to-video board is a list of separate shots.
    bool hasFirstFrame = false;
    for (const FieldSpec &f : spec.fields)
        hasFirstFrame = hasFirstFrame || (f.type == FieldSpec::Type::Image && f.role == QLatin1String("first_frame"));
    QJsonArray list;
    for (int i = 0; i < shots.size(); ++i) {
        QJsonObject set;
        const QVariantMap &values = shots.at(i);
        for (auto it = values.constBegin(); it != values.constEnd(); ++it)
            if (const FieldSpec *f = spec.field(it.key()))
                set.insert(it.key(), f->toJson(it.value()));
        QJsonObject shot{{QStringLiteral("llmid"), spec.llmid}, {QStringLiteral("set"), set}};
        if (i > 0 && hasFirstFrame)
            shot.insert(QStringLiteral("continue"), true);
        list.append(shot);
    }
    return {{QStringLiteral("title"), title}, {QStringLiteral("shots"), list}};
}

QString titleFor(const QString &answer, const QString &story)
{
    const QJsonDocument doc = QJsonDocument::fromJson(ShotListReader::extractJson(answer));
    const QString title = doc.object().value(QLatin1String("title")).toString().simplified();
    if (!title.isEmpty())
        return title.left(80);
    return story.trimmed().section(QLatin1Char('\n'), 0, 0).simplified().left(40);
}

} // namespace StoryboardPlanner
