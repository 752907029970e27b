#pragma once

#include "chat/ChatTypes.h"

#include <QCoreApplication>
#include <QFont>
#include <QHash>
#include <QImage>
#include <QPalette>
#include <QString>
#include <QTextDocument>
#include <QTextFormat>

#include <memory>
#include <optional>
#include <vector>

// One piece of a message as the chat view lays it out: the header, the thinking, a few thousand
// characters of an answer's prose, one code block, or the footer. Each is its own small document, so
// the view imports and lays out only the pieces on screen: the cost of showing an answer does not
// depend on how long it is, and text scrolled out of sight costs nothing until it is scrolled to.
struct ChatBlock
{
    // The view's own actions (Copy, Regenerate, Edit, the version switcher…) carry their action in this
    // private character property, which no Markdown or HTML can set: a link in an answer's text, even
    // one spelled "msg:regenerate/…", can never press the app's buttons.
    static constexpr int ActionProperty = QTextFormat::UserProperty + 14;
    // An action drawn as an icon says what it does in this property: its tooltip, and its text for
    // copying and screen readers (the icon itself is one object character).
    static constexpr int LabelProperty = QTextFormat::UserProperty + 15;
    // A footer document's properties: where its hover-only actions run (document positions).
    static constexpr const char *ActionsFrom = "yjActionsFrom";
    static constexpr const char *ActionsTo = "yjActionsTo";

    enum class Kind { Header, Reasoning, Text, Code, Footer };
    Kind kind = Kind::Text;
    qint64 messageId = 0;
    bool indented = false;   // the user's own messages stand apart
    int gapAbove = 0;        // space above the block, outside its background
    QString source;          // Markdown (Text) or the code itself (Code)
    QString language;        // Code
    int codeIndex = -1;      // Code: its number within the message, for "Copy code"
    bool codeGoesOn = false; // Code: a long block is cut at line ends
    bool codeStarts = false; // Code: the first piece, which has the header (language, copy)
    // Its text as shown, kept once asked for (copying, screen readers): asking again costs no document.
    mutable std::optional<QString> plainText;
    // Laid out only while near the screen; the height stays known once measured.
    std::unique_ptr<QTextDocument> doc;
    int height = 0;
    bool measured = false; // height is the real one for the view's width, not an estimate
};

// Makes the documents of blocks and estimates the height of those not made yet. Knows the fonts and
// colours of the view; knows nothing of scrolling or selection.
class ChatBlockRenderer
{
    Q_DECLARE_TR_FUNCTIONS(ChatView)
public:
    // Past this size a block of prose is cut at a paragraph end: each block stays cheap to lay out.
    static constexpr qsizetype TextBlockChars = 3000;
    static constexpr int Indent = 64;
    static constexpr int MessageGap = 12; // between two bubbles
    // Inside a message's bubble, around its text (docs/UI-DESIGN.md: 12, the card padding).
    static constexpr int BubblePadding = 12;
    static constexpr int ActionIconSize = 18;
    static constexpr int CodeInset = 12; // the code's distance from its background's edges
    // Space after a paragraph, a list or a code block, in lines.
    static constexpr double ParagraphSpacing = 0.4;

    ChatBlockRenderer();
    void setPalette(const QPalette &palette)
    {
        m_palette = palette;
        m_icons.clear();
    }
    int lineSpacing() const;

    // message: the one the block belongs to, in its present state (headers and footers show it).
    std::unique_ptr<QTextDocument> make(const ChatBlock &block, const ChatMessage &message, bool expanded,
                                        int width) const;
    int estimateHeight(const ChatBlock &block, const ChatMessage &message, bool expanded, int width) const;

    // The blocks of Markdown: prose cut into blocks of at most TextBlockChars at paragraph ends, code
    // blocks numbered on from firstCode and cut at line ends into pieces of about that size.
    static std::vector<ChatBlock> split(const QString &markdown, qint64 messageId, int firstCode);

private:
    // What an estimate needs of a font, measured once.
    struct Metrics
    {
        double narrow = 8; // a Latin character
        double wide = 16;  // a CJK character
        int line = 20;
    };
    static Metrics measure(const QFont &font);
    const Metrics &textMetrics() const;
    const Metrics &codeMetrics() const;
    QString reasoningText(const ChatMessage &message, bool expanded) const;
    // The icon of resources/icons in the muted colour, at the size of an action.
    QImage actionIcon(const QString &name) const;
    // Markdown tables with a header row, padding and light rules.
    void styleTables(QTextDocument *doc) const;
    static int estimateText(const QString &text, int width, const Metrics &metrics, bool markdown);

    QFont m_textFont;
    QFont m_codeFont;
    mutable std::optional<Metrics> m_text;
    mutable std::optional<Metrics> m_code;
    QPalette m_palette;
    mutable QHash<QString, QImage> m_icons; // for m_palette
};
