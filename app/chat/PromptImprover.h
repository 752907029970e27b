#pragma once

#include "api/StreamDecoder.h"
#include "video/ModelSchema.h"

#include <QCoreApplication>
#include <QObject>

class ChatRequest;
class PlatformClient;
class UsageLedger;

// A chat model rewrites a video prompt for one video model: streamed, so the user sees it grow beside
// the original, and never applied by itself (the Studio and `yuanjing prompt improve` decide). What each
// vendor wants is the model's `prompt_guide` in its schema file, not code; the frame around it is here.
class PromptImprover : public QObject
{
    Q_OBJECT
public:
    enum class Variant { Improve, MoreDetail, Shorter, ToEnglish, ToChinese };

    PromptImprover(PlatformClient *client, UsageLedger *ledger, QObject *parent = nullptr);

    // False (nothing sent) while busy, for an empty prompt or without a ledger.
    bool improve(const QString &prompt, const ModelSpec &spec, Variant variant, const QString &chatModel);
    void stop();
    bool isBusy() const;

    // What the chat model is told: the frame, the variant and the model's guide (in the UI's language).
    static QString instructions(const ModelSpec &spec, Variant variant);
    // The prompt alone, out of what models wrap it in (a fence, quotes, a "Prompt:" label).
    static QString cleaned(const QString &answer);
    // "improve", "detail", "shorter", "en", "zh" (the command line's names); false when unknown.
    static bool variantFromName(const QString &name, Variant *variant);
    static QString variantLabel(Variant variant);
    static QList<Variant> variants();

signals:
    void previewChanged(const QString &textSoFar);
    void improved(const QString &prompt, const TokenUsage &usage);
    // message is translated; the user's own prompt was not touched.
    void failed(const QString &message, const QString &partialText);

private:
    ChatRequest *m_request;
};
