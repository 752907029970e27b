#pragma once

#include "api/StreamDecoder.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

struct Conversation
{
    // The title as shown (list, header, exports): an untitled conversation is called "New chat" in the
    // language of the moment, so its placeholder is never stored in the language it was made in.
    QString shownTitle() const;

    qint64 id = 0;
    QString title; // empty until the first question names it, or the user does
    QString model;
    QString sysPrompt;
    QString draft;
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct ChatMessage
{
    enum class Role { User, Assistant };
    // Streaming: still arriving (or the app died while it was: then Interrupted on the next start).
    enum class State { Done, Streaming, Stopped, Interrupted, Failed };

    qint64 id = 0;
    qint64 conversationId = 0;
    Role role = Role::User;
    QString content;
    QString reasoning;
    State state = State::Done;
    QString error;    // translated text shown at the answer
    QString errorCode;
    QString model;
    QDateTime createdAt;
    QDateTime finishedAt;
    TokenUsage usage;
    QString llmUsageId;
    // Versions: an answer asked again, or a question edited, is a sibling of the old one (the same
    // parent). The conversation shown, and sent as context, follows the version shown of each.
    qint64 parentId = 0; // the message this one follows; 0 for the first of its conversation
    bool active = true;  // the version shown among its siblings
    int versionIndex = 1; // 1-based, among its siblings (oldest first), as the switcher shows it
    int versionCount = 1;

    bool isAssistant() const { return role == Role::Assistant; }
    // Whether this message is part of the context sent with the next request.
    bool countsAsContext() const { return !content.isEmpty() && state != State::Failed; }

    static QString roleName(Role role);
    static Role roleFromName(const QString &name);
    static QString stateName(State state);
    static State stateFromName(const QString &name);
};

Q_DECLARE_METATYPE(ChatMessage)
