#include "chat/ConversationExporter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ConversationExporter {

QByteArray toMarkdown(const Conversation &c, const QList<ChatMessage> &messages)
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("ConversationExporter", s); };
    QString out = QStringLiteral("# %1\n\n").arg(c.shownTitle());
    out += QStringLiteral("- %1: %2\n").arg(tr("Model"), c.model);
    if (!c.sysPrompt.isEmpty())
        out += QStringLiteral("- %1: %2\n").arg(tr("System prompt"), c.sysPrompt);
    out += QLatin1Char('\n');
    for (const ChatMessage &m : messages) {
        out += QStringLiteral("## %1 · %2\n\n")
                   .arg(m.isAssistant() ? tr("Assistant") + QStringLiteral(" (") + m.model + QLatin1Char(')') : tr("User"),
                        m.createdAt.toString(Qt::ISODate));
        if (!m.reasoning.isEmpty()) {
            QString quoted = m.reasoning;
            quoted.replace(QLatin1Char('\n'), QLatin1String("\n> "));
            out += QStringLiteral("> **%1**\n>\n> %2\n\n").arg(tr("Thinking"), quoted);
        }
        out += m.content + QStringLiteral("\n\n");
        if (!m.error.isEmpty())
            out += QStringLiteral("*%1*\n\n").arg(m.error);
    }
    return out.toUtf8();
}

QByteArray toJson(const Conversation &c, const QList<ChatMessage> &messages)
{
    QJsonArray list;
    for (const ChatMessage &m : messages) {
        // Every version: each names the message it follows and whether it is the version shown.
        QJsonObject o{{QStringLiteral("id"), m.id},
                      {QStringLiteral("parent_id"), m.parentId ? QJsonValue(m.parentId) : QJsonValue()},
                      {QStringLiteral("version"), m.versionIndex},
                      {QStringLiteral("versions"), m.versionCount},
                      {QStringLiteral("shown_version"), m.active},
                      {QStringLiteral("role"), ChatMessage::roleName(m.role)},
                      {QStringLiteral("content"), m.content},
                      {QStringLiteral("state"), ChatMessage::stateName(m.state)},
                      {QStringLiteral("model"), m.model},
                      {QStringLiteral("created_at"), m.createdAt.toString(Qt::ISODateWithMs)}};
        if (!m.reasoning.isEmpty())
            o.insert(QStringLiteral("reasoning_content"), m.reasoning);
        if (m.usage.valid)
            o.insert(QStringLiteral("usage"), m.usage.toJson());
        if (!m.llmUsageId.isEmpty())
            o.insert(QStringLiteral("llmusageid"), m.llmUsageId);
        if (!m.error.isEmpty())
            o.insert(QStringLiteral("error"), m.error);
        list.append(o);
    }
    const QJsonObject root{{QStringLiteral("title"), c.shownTitle()},
                           {QStringLiteral("model"), c.model},
                           {QStringLiteral("sys_prompt"), c.sysPrompt},
                           {QStringLiteral("created_at"), c.createdAt.toString(Qt::ISODateWithMs)},
                           {QStringLiteral("messages"), list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace ConversationExporter
