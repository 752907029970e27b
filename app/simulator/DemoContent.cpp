#include "simulator/DemoContent.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace DemoContent {

QString answerFor(const QString &prompt, const QString &model)
{
    const QString topic = prompt.simplified().left(60);
    return QStringLiteral(
               "## 关于「%1」\n\n"
               "这是 **%2** 在演示模式下的回答(由内置模拟器生成,不消耗余额)。\n\n"
               "- 第一点:回答以流式逐字到达;\n"
               "- 第二点:支持 *Markdown*、`行内代码` 和表格;\n"
               "- 第三点:随时可以按 Esc 停止。\n\n"
               "| 项目 | 说明 |\n|---|---|\n| 模型 | %2 |\n| 模式 | 演示 |\n\n"
               "```python\nprint(\"你好,元境\")\n```\n\n"
               "Demo mode answer: connect a real API key in Settings to talk to the platform.")
        .arg(topic, model);
}

QString promptHelpAnswerFor(const QString &prompt, const QString &sysPrompt)
{
    const QString original = prompt.simplified();
    const bool chinese = original.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]")));
    if (sysPrompt.startsWith(QLatin1String("You are a video prompt writer."))) {
        if (sysPrompt.contains(QLatin1String("into English")))
            return QStringLiteral("Cinematic shot: %1. Slow push-in at eye level, soft golden-hour light, shallow depth of "
                                  "field, gentle motion, film grain.")
                .arg(original);
        if (sysPrompt.contains(QLatin1String("into Simplified Chinese")))
            return QStringLiteral("电影感镜头:%1。平视角度缓慢推进,柔和的黄昏光线,浅景深,动作舒缓,胶片颗粒质感。").arg(original);
        if (sysPrompt.contains(QLatin1String("Make it shorter")))
            return original.left(qMax(8, int(original.size()) / 2));
        const bool more = sysPrompt.contains(QLatin1String("more concrete visual detail"));
        if (chinese)
            return QStringLiteral("%1。中景,镜头缓慢推进,柔和的侧光,电影感构图,浅景深%2。")
                .arg(original, more ? QStringLiteral(",空气中漂浮着细小的尘埃,远处的背景虚化成温暖的光斑,色调偏暖") : QString());
        return QStringLiteral("%1. Medium shot, slow push-in, soft side light, cinematic composition, shallow depth of field%2.")
            .arg(original, more ? QStringLiteral(", fine dust drifting in the air, the background melting into warm bokeh, "
                                                 "warm colour grade")
                                : QString());
    }
    if (sysPrompt.startsWith(QLatin1String("You plan storyboards for video."))) {
        static const QRegularExpression count(QStringLiteral("Shots:\\s*(\\d+)"));
        const QRegularExpressionMatch m = count.match(prompt);
        const int shots = qBound(1, m.hasMatch() ? m.captured(1).toInt() : 4, 12);
        const QString story = prompt.section(QLatin1String("Story:"), 1).simplified().left(80);
        const QStringList zhBeats{QStringLiteral("远景建立场景,晨雾中缓缓推进"), QStringLiteral("中景,主角登场,镜头跟随"),
                                  QStringLiteral("近景特写,表情与细节,浅景深"), QStringLiteral("动作高潮,手持镜头快速移动"),
                                  QStringLiteral("俯拍全景,光线变化"), QStringLiteral("结尾,镜头缓缓拉远,画面渐暗")};
        const QStringList enBeats{QStringLiteral("wide establishing shot, slow push-in through morning mist"),
                                  QStringLiteral("medium shot, the hero enters, tracking camera"),
                                  QStringLiteral("close-up on the face and details, shallow depth of field"),
                                  QStringLiteral("the action peaks, fast handheld camera"),
                                  QStringLiteral("high-angle overview as the light changes"),
                                  QStringLiteral("ending, the camera pulls back slowly, fade to dark")};
        const QStringList &beats = chinese ? zhBeats : enBeats;
        QString json = QStringLiteral("{\n  \"title\": %1,\n  \"shots\": [\n").arg(QString::fromUtf8(QJsonDocument(QJsonArray{story}).toJson(QJsonDocument::Compact)).mid(1).chopped(1));
        for (int i = 0; i < shots; ++i) {
            const QString shotPrompt = chinese ? QStringLiteral("%1:%2").arg(story, beats.at(i % beats.size()))
                                               : QStringLiteral("%1: %2").arg(story, beats.at(i % beats.size()));
            json += QStringLiteral("    {\"prompt\": %1, \"duration\": 5}%2\n")
                        .arg(QString::fromUtf8(QJsonDocument(QJsonArray{shotPrompt}).toJson(QJsonDocument::Compact)).mid(1).chopped(1),
                             i + 1 < shots ? QStringLiteral(",") : QString());
        }
        json += QStringLiteral("  ]\n}");
        return QStringLiteral("Here is a %1-shot storyboard (demo mode):\n\n```json\n%2\n```\n").arg(shots).arg(json);
    }
    return {};
}

QString reasoningFor(const QString &prompt)
{
    return QStringLiteral("用户问的是「%1」。我先整理要点,再用列表和表格组织回答。")
        .arg(prompt.simplified().left(40));
}

QStringList tokenize(const QString &text, int charsPerPiece)
{
    QStringList pieces;
    const int step = qMax(1, charsPerPiece);
    int i = 0;
    while (i < text.size()) {
        int len = qMin(step, int(text.size()) - i);
        if (i + len < text.size() && text.at(i + len - 1).isHighSurrogate())
            ++len;
        pieces.append(text.mid(i, len));
        i += len;
    }
    return pieces;
}

int promptTokens(const QString &prompt, const QString &sysPrompt)
{
    return int((prompt.size() + sysPrompt.size() + 1) / 2) + 4;
}

QStringList chatModels()
{
    return {QStringLiteral("qwen3-max"), QStringLiteral("qwen-plus"), QStringLiteral("deepseek-v3.2"),
            QStringLiteral("deepseek-r1"), QStringLiteral("glm-4.6"), QStringLiteral("doubao-seed-1-6"),
            QStringLiteral("qwen3-coder-plus")};
}

struct VideoModel
{
    const char *vendor;
    const char *action;
    const char *type;
    const char *model;
    bool enabled;
};

static const QHash<QString, VideoModel> &videoModels()
{
    static const QHash<QString, VideoModel> models{
        {QStringLiteral("CrEMkFQfRCmbmopZsCqLj"), {"seedance", "t2v", "text2video", "doubao-seedance-1-5-pro-251215", true}},
        {QStringLiteral("u9HZyfDoqU6uKI6M1BTks"), {"wan", "t2v", "text2video", "wan2.6-t2v", true}},
        {QStringLiteral("r0ill7L0s6PtBS8mkmg-7"), {"vidu", "t2v", "text2video", "viduq3-pro", true}},
        {QStringLiteral("YjjGgxO_Xma8PWsMjJvps"), {"seedance", "t2v", "text2video", "seedance-2.0", false}},
        {QStringLiteral("7RTOJD6K8A7RXCMG4GnQ9"), {"seedance", "i2v", "img2video", "doubao-seedance-1-5-pro-251215", true}},
        {QStringLiteral("FK_h7FLYnosv2TkMN4ATC"), {"vidu", "i2v", "img2video", "viduq3-pro", true}},
        {QStringLiteral("x4HksKp9mXR1Yv60mw6Py"), {"wan", "i2v", "img2video", "wan2.6-r2v", true}},
        {QStringLiteral("VooAIOtJdawpZjusWEzrh"), {"seedance", "r2v", "reference2video", "doubao-seedance-1-5-pro-251215", true}},
    };
    return models;
}

bool isKnownVideoModel(const QString &llmid)
{
    return videoModels().contains(llmid);
}

bool isEnabledVideoModel(const QString &llmid)
{
    return videoModels().value(llmid).enabled;
}

QJsonObject videoUsage(const QString &llmid, const QJsonObject &request)
{
    const VideoModel m = videoModels().value(llmid);
    const int duration = request.value(QLatin1String("duration")).toInt(5);
    const QString resolution = request.value(QLatin1String("resolution")).toString(QStringLiteral("1080p"));
    const bool offPeak = request.value(QLatin1String("off_peak")).toString() == QLatin1String("Y");
    // Credits: a simple, deterministic tariff so the Account tab's totals can be checked exactly.
    const int perSecond = resolution == QLatin1String("1080p") ? 4 : resolution == QLatin1String("720p") ? 2 : 1;
    const int credits = duration * perSecond / (offPeak ? 2 : 1);
    return QJsonObject{{QStringLiteral("action"), QString::fromLatin1(m.action)},
                       {QStringLiteral("credits"), credits},
                       {QStringLiteral("type"), QString::fromLatin1(m.type)},
                       {QStringLiteral("model"), request.value(QLatin1String("model")).toString(QString::fromLatin1(m.model))},
                       {QStringLiteral("resolution"), resolution},
                       {QStringLiteral("off_peak"), offPeak},
                       {QStringLiteral("duration"), duration}};
}

QString pricingText(const QString &model)
{
    if (model.startsWith(QLatin1String("qwen")) || model.startsWith(QLatin1String("deepseek"))
        || model.startsWith(QLatin1String("glm")) || model.startsWith(QLatin1String("doubao-seed-1")))
        return QStringLiteral("输入 ¥2.4 / 百万 tokens,输出 ¥9.6 / 百万 tokens(演示价格)");
    return QStringLiteral("按视频计费:1080p 每秒 4 积分,720p 每秒 2 积分(演示价格)");
}

} // namespace DemoContent
