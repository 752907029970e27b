#include "chat/ChatTypes.h"

#include <QCoreApplication>

QString Conversation::shownTitle() const
{
    return title.isEmpty() ? QCoreApplication::translate("Conversation", "New chat") : title;
}

QString ChatMessage::roleName(Role role)
{
    return role == Role::User ? QStringLiteral("user") : QStringLiteral("assistant");
}

ChatMessage::Role ChatMessage::roleFromName(const QString &name)
{
    return name == QLatin1String("assistant") ? Role::Assistant : Role::User;
}

QString ChatMessage::stateName(State state)
{
    switch (state) {
    case State::Done: return QStringLiteral("done");
    case State::Streaming: return QStringLiteral("streaming");
    case State::Stopped: return QStringLiteral("stopped");
    case State::Interrupted: return QStringLiteral("interrupted");
    case State::Failed: return QStringLiteral("failed");
    }
    return QStringLiteral("done");
}

ChatMessage::State ChatMessage::stateFromName(const QString &name)
{
    if (name == QLatin1String("streaming")) return State::Streaming;
    if (name == QLatin1String("stopped")) return State::Stopped;
    if (name == QLatin1String("interrupted")) return State::Interrupted;
    if (name == QLatin1String("failed")) return State::Failed;
    return State::Done;
}
