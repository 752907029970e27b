#include "chat/PromptImprover.h"

#include "chat/ChatRequest.h"

#include "api/ApiCall.h"

#include <QRegularExpression>

PromptImprover::PromptImprover(PlatformClient *client, UsageLedger *ledger, QObject *parent)
    : QObject(parent), m_request(new ChatRequest(client, ledger, this))
{
    connect(m_request, &ChatRequest::textChanged, this,
            [this](const QString &text) { emit previewChanged(cleaned(text)); });
    connect(m_request, &ChatRequest::finished, this, [this](const ChatMessage &answer) {
        const QString text = cleaned(answer.content);
        if (answer.state == ChatMessage::State::Done && !text.isEmpty())
            emit improved(text, answer.usage);
        else if (answer.state == ChatMessage::State::Stopped)
            emit failed(tr("Stopped. Your prompt is unchanged."), text);
        else
            emit failed(
                tr("The prompt could not be improved: %1 Your prompt is unchanged.")
                    .arg(answer.error.isEmpty() ? tr("the model returned an empty answer.") : answer.error),
                text);
    });
}

bool PromptImprover::improve(const QString &prompt, const ModelSpec &spec, Variant variant,
                             const QString &chatModel)
{
    if (prompt.trimmed().isEmpty())
        return false;
    return m_request->start(chatModel, instructions(spec, variant), prompt.trimmed());
}

void PromptImprover::stop()
{
    m_request->stop();
}

bool PromptImprover::isBusy() const
{
    return m_request->isBusy();
}

QString PromptImprover::instructions(const ModelSpec &spec, Variant variant)
{
    // The frame is in English (what chat models follow best); the answer's language is the variant's.
    QString task;
    switch (variant) {
    case Variant::Improve:
        task = QStringLiteral(
            "Make it specific and vivid: subject, action, camera movement, lighting, style and pacing. "
            "Keep the user's language.");
        break;
    case Variant::MoreDetail:
        task = QStringLiteral(
            "Add more concrete visual detail (setting, textures, colours, camera, lighting, motion). "
            "Keep the user's language.");
        break;
    case Variant::Shorter:
        task =
            QStringLiteral("Make it shorter: about half the length, keeping the subject, action and camera. "
                           "Keep the user's language.");
        break;
    case Variant::ToEnglish:
        task = QStringLiteral("Translate it into English, improving it as a video prompt.");
        break;
    case Variant::ToChinese:
        task = QStringLiteral("Translate it into Simplified Chinese, improving it as a video prompt.");
        break;
    }
    QString text = QStringLiteral("You are a video prompt writer. Rewrite the user's video prompt for the "
                                  "video model %1 (%2).\n%3\n")
                       .arg(spec.label.en.isEmpty() ? spec.label.text() : spec.label.en, spec.model, task);
    const QString guide = spec.promptGuide.text();
    if (!guide.isEmpty())
        text += QStringLiteral("How this model reads prompts: %1\n").arg(guide);
    if (const FieldSpec *prompt = spec.field(QStringLiteral("prompt")); prompt && prompt->maxLength > 0)
        text += QStringLiteral("At most %1 characters.\n").arg(prompt->maxLength);
    text += QStringLiteral("Reply with the rewritten prompt only: no title, no quotes, no explanation.");
    return text;
}

QString PromptImprover::cleaned(const QString &answer)
{
    QString text = answer.trimmed();
    static const QRegularExpression fence(QStringLiteral("^```[^\\n]*\\n([\\s\\S]*?)(?:\\n```\\s*)?$"));
    if (const QRegularExpressionMatch m = fence.match(text); m.hasMatch())
        text = m.captured(1).trimmed();
    static const QRegularExpression label(
        QStringLiteral("^(?:\\*\\*)?(?:improved prompt|rewritten "
                       "prompt|prompt|提示词|优化后的提示词)(?:\\*\\*)?\\s*[:：]\\s*(?:\\*\\*)?"),
        QRegularExpression::CaseInsensitiveOption);
    text.remove(label);
    text = text.trimmed();
    static const QList<QPair<QChar, QChar>> quotes{
        {QLatin1Char('"'), QLatin1Char('"')}, {QChar(0x201C), QChar(0x201D)}, {QChar(0x300C), QChar(0x300D)}};
    for (const auto &q : quotes)
        if (text.size() > 1 && text.front() == q.first && text.back() == q.second)
            text = text.mid(1, text.size() - 2).trimmed();
    return text;
}

bool PromptImprover::variantFromName(const QString &name, Variant *variant)
{
    static const QHash<QString, Variant> names{{QStringLiteral("improve"), Variant::Improve},
                                               {QStringLiteral("detail"), Variant::MoreDetail},
                                               {QStringLiteral("shorter"), Variant::Shorter},
                                               {QStringLiteral("en"), Variant::ToEnglish},
                                               {QStringLiteral("zh"), Variant::ToChinese}};
    if (!names.contains(name))
        return false;
    *variant = names.value(name);
    return true;
}

QString PromptImprover::variantLabel(Variant variant)
{
    switch (variant) {
    case Variant::Improve:
        return tr("Improve");
    case Variant::MoreDetail:
        return tr("More detail");
    case Variant::Shorter:
        return tr("Shorter");
    case Variant::ToEnglish:
        return tr("Translate to English");
    case Variant::ToChinese:
        return tr("Translate to Chinese (中文)");
    }
    return {};
}

QList<PromptImprover::Variant> PromptImprover::variants()
{
    return {Variant::Improve, Variant::MoreDetail, Variant::Shorter, Variant::ToEnglish, Variant::ToChinese};
}
