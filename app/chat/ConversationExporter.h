#pragma once

#include "chat/ChatTypes.h"

#include <QByteArray>
#include <QList>

// A conversation as a file the user keeps: Markdown to read, JSON to process. No key, no settings.
namespace ConversationExporter {
QByteArray toMarkdown(const Conversation &conversation, const QList<ChatMessage> &messages);
QByteArray toJson(const Conversation &conversation, const QList<ChatMessage> &messages);
} // namespace ConversationExporter
