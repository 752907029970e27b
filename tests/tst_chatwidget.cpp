// The Chat tab as a user drives it: a streamed answer through the simulator into the widget.
#include "TestSupport.h"
#include "chat/ChatSession.h"
#include "chat/ChatTab.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "chat/TitleDelegate.h"
#include "core/AppCore.h"
#include "simulator/PlatformSimulator.h"
#include "store/ConversationStore.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QInputMethodEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include "common/Theme.h"
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QTimer>

class TestChatWidget : public QObject
{
    Q_OBJECT

    TestSupport::Sandbox *m_box = nullptr;
    AppCore *m_core = nullptr;
    ChatTab *m_tab = nullptr;

    void makeTab()
    {
        m_tab = new ChatTab(m_core);
        m_tab->resize(900, 700);
        m_tab->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_tab));
    }
    // A question answered ("FIRST-ANSWER"), then regenerated ("SECOND-ANSWER"): the two versions.
    std::pair<ChatMessage, ChatMessage> answeredTwice()
    {
        m_core->simulator()->config().replyText = QStringLiteral("FIRST-ANSWER");
        const ChatMessage first = sendAndWait(QStringLiteral("question"));
        m_core->simulator()->config().replyText = QStringLiteral("SECOND-ANSWER");
        QSignalSpy finished(m_core->chat(), &ChatSession::messageFinished);
        emit m_tab->view()->messageAction(QStringLiteral("regenerate"), first.id, 0);
        if (!finished.wait())
            return {first, {}};
        return {first, finished.first().first().value<ChatMessage>()};
    }
    ChatMessage sendAndWait(const QString &text)
    {
        QSignalSpy finished(m_core->chat(), &ChatSession::messageFinished);
        m_tab->composer()->setFocus();
        // QTest types ASCII only; the text itself is set as an input method would commit it.
        m_tab->composer()->setPlainText(text);
        QTest::keyClick(m_tab->composer(), Qt::Key_Return);
        if (finished.isEmpty() && !finished.wait(15000))
            return {};
        return finished.first().first().value<ChatMessage>();
    }

    // What the view may have laid out at once: the screen and some 16 blocks of 3,000 characters on
    // either side, much less than the answers below.
    static constexpr qsizetype LaidOutBound = 110000;

    static ChatMessage streamingAnswer(qint64 id)
    {
        ChatMessage answer;
        answer.id = id;
        answer.conversationId = 1;
        answer.role = ChatMessage::Role::Assistant;
        answer.state = ChatMessage::State::Streaming;
        answer.model = QStringLiteral("qwen3-max");
        answer.createdAt = QDateTime::currentDateTime();
        return answer;
    }

    static ChatMessage finishedMessage(qint64 id, ChatMessage::Role role, const QString &content)
    {
        ChatMessage m = streamingAnswer(id);
        m.role = role;
        m.state = ChatMessage::State::Done;
        m.content = content;
        return m;
    }
    // Adds to the answer the paragraphs numbered from `from` up to (not including) `to`.
    static void addParagraphs(ChatMessage &answer, int from, int to)
    {
        for (int i = from; i < to; ++i)
            answer.content += QStringLiteral("Paragraph %1 with some words in it.\n\n").arg(i);
    }
    // A view on its own, as the chat tab holds it.
    static void showView(ChatView &view, int height = 600)
    {
        view.resize(800, height);
        view.show();
    }
    // An answer that has just started, shown in the view.
    static ChatMessage startAnswer(ChatView &view, qint64 id)
    {
        const ChatMessage answer = streamingAnswer(id);
        view.appendMessage(answer);
        return answer;
    }

private slots:
    void init()
    {
        m_box = new TestSupport::Sandbox;
        m_core = TestSupport::startDemoCore(*m_box);
        QVERIFY(m_core);
        m_core->simulator()->config().tokenDelayMs = 1;
        makeTab();
    }
    void cleanup()
    {
        delete m_tab;
        delete m_core;
        delete m_box;
    }

    void streamedAnswerIsShown()
    {
        const ChatMessage answer = sendAndWait(QStringLiteral("介绍一下"));
        QCOMPARE(answer.state, ChatMessage::State::Done);
        const QString shown = m_tab->view()->messageText(answer.id);
        QVERIFY2(shown.contains(QStringLiteral("第三点")), qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("print(\"你好,元境\")")));
        QVERIFY(shown.contains(QLatin1String("Tokens:")));
        QVERIFY(m_tab->composer()->toPlainText().isEmpty());
        QCOMPARE(m_tab->view()->codeBlock(answer.id, 0), QStringLiteral("print(\"你好,元境\")"));
        // The conversation took its title from the first message.
        QCOMPARE(m_core->conversations()->conversation(m_tab->currentConversationId()).title, QStringLiteral("介绍一下"));
    }

    void eachAnswerShowsOnlyItsOwnText()
    {
        m_core->simulator()->config().replyText = QStringLiteral("FIRST-ANSWER-TEXT");
        const ChatMessage first = sendAndWait(QStringLiteral("one"));
        m_core->simulator()->config().replyText = QStringLiteral("SECOND-ANSWER-TEXT");
        const ChatMessage second = sendAndWait(QStringLiteral("two"));
        QVERIFY(m_tab->view()->messageText(first.id).contains(QLatin1String("FIRST-ANSWER-TEXT")));
        const QString shown = m_tab->view()->messageText(second.id);
        QVERIFY2(shown.contains(QLatin1String("SECOND-ANSWER-TEXT")), qPrintable(shown));
        QVERIFY2(!shown.contains(QLatin1String("FIRST-ANSWER-TEXT")), qPrintable(shown));
        // And a failed answer after them shows no text at all, only what went wrong.
        const ChatMessage failed = sendAndWait(QStringLiteral("[sim:429] three"));
        const QString failedText = m_tab->view()->messageText(failed.id);
        QVERIFY2(!failedText.contains(QLatin1String("ANSWER-TEXT")), qPrintable(failedText));
        QVERIFY(failedText.contains(failed.error));
    }

    // A burst far larger than a block (a fast server): every paragraph must be shown, in order, with its
    // code blocks numbered right.
    void burstIsShownWholeAndInOrder()
    {
        ChatView view;
        showView(view);
        ChatMessage answer = startAnswer(view, 41);
        const int paragraphs = 600;
        for (int i = 0; i < paragraphs; ++i) {
            answer.content += QStringLiteral("Paragraph P%1 段落 with **bold** text.\n\n").arg(i, 4, 10, QLatin1Char('0'));
            if (i % 50 == 49)
                answer.content += QStringLiteral("```\ncode %1\n```\n\n").arg(i / 50);
            if (i % 200 == 199)
                view.updateStreaming(answer); // three bursts of ~15,000 characters
        }
        QVERIFY(answer.content.size() > 3 * ChatBlockRenderer::TextBlockChars);
        answer.state = ChatMessage::State::Done;
        answer.finishedAt = answer.createdAt.addSecs(3);
        view.finishMessage(answer);
        const QString shown = view.messageText(answer.id);
        qsizetype at = 0;
        for (int i = 0; i < paragraphs; ++i) {
            const qsizetype next = shown.indexOf(QStringLiteral("Paragraph P%1").arg(i, 4, 10, QLatin1Char('0')), at);
            QVERIFY2(next > at, qPrintable(QStringLiteral("paragraph %1 missing or out of order").arg(i)));
            at = next;
        }
        QCOMPARE(shown.count(QStringLiteral("Paragraph P")), paragraphs);
        for (int k = 0; k < paragraphs / 50; ++k)
            QCOMPARE(view.codeBlock(answer.id, k), QStringLiteral("code %1").arg(k));
        QVERIFY(shown.contains(ChatView::tr("Regenerate")));
        QVERIFY(!shown.contains(ChatView::tr("Writing…")));
    }

    // A long code block, still being written, is laid out in pieces: only those near the screen. Put
    // together they are the code, copied whole by its one "Copy code".
    void longCodeBlockIsShownInPieces()
    {
        ChatView view;
        showView(view);
        ChatMessage answer = startAnswer(view, 45);
        answer.content = QStringLiteral("Here:\n\n```cpp\n");
        QString code;
        for (int i = 0; i < 6000; ++i) {
            code += QStringLiteral("int line%1 = %1; // 第 %1 行\n").arg(i);
            if (i % 500 == 499) {
                answer.content = QStringLiteral("Here:\n\n```cpp\n") + code;
                view.updateStreaming(answer);
                QVERIFY2(view.laidOutCharacterCount() < LaidOutBound, qPrintable(QString::number(view.laidOutCharacterCount())));
            }
        }
        code.chop(1);
        answer.content = QStringLiteral("Here:\n\n```cpp\n") + code + QStringLiteral("\n```\n\nDone.");
        answer.state = ChatMessage::State::Done;
        view.finishMessage(answer);
        QVERIFY(code.size() > 50 * ChatBlockRenderer::TextBlockChars);
        QCOMPARE(view.codeBlock(45, 0), code);
        QVERIFY(view.codeBlock(45, 1).isEmpty());
        const QString shown = view.messageText(45);
        QCOMPARE(shown.count(ChatView::tr("Copy code")), 1);
        QVERIFY(shown.contains(QStringLiteral("int line5999 = 5999; // 第 5999 行\n")));
        QVERIFY(shown.contains(QStringLiteral("int line0 = 0;")));
        QVERIFY(shown.indexOf(QLatin1String("line2999 ")) < shown.indexOf(QLatin1String("line3000 ")));
        QVERIFY(!shown.contains(QLatin1String("\n\nint line")));   // no gaps between the pieces
        QVERIFY(view.laidOutCharacterCount() < LaidOutBound);
    }

    // Text with no paragraph or line end to cut at is cut anywhere, but never inside a character; the
    // blocks put together are the text again.
    void blocksNeverCutACharacter()
    {
        // One character, then pairs: a cut a block's size in (an even number) falls inside a pair.
        QString text = QStringLiteral("字");
        for (int i = 0; i < 6000; ++i)
            text += QString::fromUcs4(U"\U0001F600");
        QVERIFY(text.at(ChatBlockRenderer::TextBlockChars - 1).isHighSurrogate());
        for (const bool code : {false, true}) {
            const QString markdown = code ? QStringLiteral("```\n") + text + QStringLiteral("\n```") : text;
            const std::vector<ChatBlock> blocks = ChatBlockRenderer::split(markdown, 1, 0);
            QVERIFY(blocks.size() > 2);
            QString joined;
            for (const ChatBlock &b : blocks) {
                QVERIFY(!b.source.isEmpty());
                QVERIFY(!b.source.back().isHighSurrogate());
                QVERIFY(!b.source.front().isLowSurrogate());
                QVERIFY(b.source.size() <= ChatBlockRenderer::TextBlockChars);
                joined += b.source;
            }
            QCOMPARE(joined, text);
        }
    }

    // A view cleared for another conversation keeps nothing of the answer it showed.
    void clearingForgetsTheEarlierAnswer()
    {
        ChatView view;
        showView(view);
        ChatMessage first = startAnswer(view, 51);
        for (int i = 0; i < 2000; ++i)
            first.content += QStringLiteral("EARLIER-ANSWER %1\n\n").arg(i);
        view.updateStreaming(first);
        view.clearMessages();
        ChatMessage second = startAnswer(view, 52);
        second.content = QStringLiteral("LATER-ANSWER\n\nmore");
        view.updateStreaming(second);
        view.updateStreaming(first); // a late update for the answer no longer shown
        second.state = ChatMessage::State::Done;
        view.finishMessage(second);
        const QString shown = view.plainText();
        QVERIFY2(shown.contains(QLatin1String("LATER-ANSWER")), qPrintable(shown));
        QVERIFY2(!shown.contains(QLatin1String("EARLIER-ANSWER")), qPrintable(shown.left(300)));
        QCOMPARE(view.shownMessageCount(), 1);
    }

    // The cost of showing an answer does not grow with it: however long it gets, only the blocks near
    // the screen are laid out; scrolling up lays out what comes into view.
    void onlyWhatIsNearTheScreenIsLaidOut()
    {
        ChatView view;
        showView(view);
        ChatMessage answer = startAnswer(view, 61);
        for (int i = 0; i < 8000; ++i) {
            answer.content += QStringLiteral("Line L%1 这是一段比较长的文字, long enough to wrap once or twice in the view.\n\n").arg(i, 4, 10, QLatin1Char('0'));
            if (i % 200 == 199) {
                view.updateStreaming(answer);
                QVERIFY2(view.laidOutCharacterCount() < LaidOutBound, qPrintable(QString::number(view.laidOutCharacterCount())));
            }
        }
        QVERIFY(answer.content.size() > 500000); // some 180 blocks
        answer.state = ChatMessage::State::Done;
        view.finishMessage(answer);
        QVERIFY(view.laidOutCharacterCount() < LaidOutBound);
        // Following the answer: its end is on screen.
        QScrollBar *bar = view.verticalScrollBar();
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(!view.linkRect(QStringLiteral("msg:regenerate/61")).isEmpty());
        // The top, once scrolled to, is laid out and drawn where the header is.
        bar->setValue(0);
        QVERIFY(view.laidOutCharacterCount() < LaidOutBound);
        QVERIFY(view.linkRect(QStringLiteral("msg:regenerate/61")).isEmpty());
        QVERIFY(view.messageText(61).contains(QLatin1String("Line L7999")));
        QVERIFY(view.messageText(61).startsWith(QLatin1String("qwen3-max")));
        QVERIFY(view.grab().width() > 0); // paints without laying out anything more
        QVERIFY(view.laidOutCharacterCount() < LaidOutBound);
    }

    // A reader who scrolled up to read stays where they are while the answer grows below; one at the
    // bottom keeps seeing the end.
    void readerScrolledUpStaysPut()
    {
        ChatView view;
        showView(view, 400);
        ChatMessage answer = startAnswer(view, 71);
        addParagraphs(answer, 0, 300);
        view.updateStreaming(answer);
        QScrollBar *bar = view.verticalScrollBar();
        QCOMPARE(bar->value(), bar->maximum());
        bar->setValue(bar->maximum() / 2);
        const int reading = bar->value();
        const QImage seen = view.viewport()->grab().toImage();
        addParagraphs(answer, 300, 600);
        view.updateStreaming(answer);
        QCOMPARE(bar->value(), reading);
        QCOMPARE(view.viewport()->grab().toImage(), seen);
        bar->setValue(bar->maximum());
        answer.content += QStringLiteral("The very end.\n\n");
        view.updateStreaming(answer);
        QCOMPARE(bar->value(), bar->maximum());
    }

    // Text is selected with the mouse across messages, in order, and copied with Ctrl+C.
    void selectionAcrossMessagesIsCopied()
    {
        ChatView view;
        showView(view);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setMessages({finishedMessage(81, ChatMessage::Role::User, QStringLiteral("QUESTION-TEXT")),
                          finishedMessage(82, ChatMessage::Role::Assistant, QStringLiteral("ANSWER-TEXT 回答"))});
        const QRect edit = view.linkRect(QStringLiteral("msg:edit/81"));
        const QRect regenerate = view.linkRect(QStringLiteral("msg:regenerate/82"));
        QVERIFY(!edit.isEmpty() && !regenerate.isEmpty());
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, QPoint(4, 4));
        QMouseEvent move(QEvent::MouseMove, QPointF(regenerate.bottomRight()), view.viewport()->mapToGlobal(QPointF(regenerate.bottomRight())),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view.viewport(), &move);
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, regenerate.bottomRight());
        const QString selected = view.selectedText();
        QVERIFY2(selected.indexOf(QLatin1String("QUESTION-TEXT")) >= 0, qPrintable(selected));
        QVERIFY2(selected.indexOf(QLatin1String("ANSWER-TEXT")) > selected.indexOf(QLatin1String("QUESTION-TEXT")), qPrintable(selected));
        QGuiApplication::clipboard()->clear();
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), selected);
        // Select all takes every message.
        QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier);
        QVERIFY(view.selectedText().contains(QStringLiteral("回答")));
        QVERIFY(view.selectedText().startsWith(ChatView::tr("You")));
    }

    // Selecting with the mouse while the answer grows: the text holds still under the pointer, and
    // follows the answer again once the button is let go.
    void textHoldsStillWhileSelecting()
    {
        ChatView view;
        showView(view, 400);
        ChatMessage answer = startAnswer(view, 87);
        addParagraphs(answer, 0, 100);
        view.updateStreaming(answer);
        QScrollBar *bar = view.verticalScrollBar();
        QCOMPARE(bar->value(), bar->maximum());
        const int held = bar->value();
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, QPoint(50, 100));
        addParagraphs(answer, 100, 200);
        view.updateStreaming(answer);
        QCOMPARE(bar->value(), held);
        QVERIFY(bar->maximum() > held);
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, QPoint(50, 100));
        QCOMPARE(bar->value(), bar->maximum());
    }

    // Select All while an answer is being written keeps up with it: what is copied is all of it.
    void selectAllFollowsAGrowingAnswer()
    {
        ChatView view;
        showView(view);
        ChatMessage answer = startAnswer(view, 85);
        answer.content = QStringLiteral("First paragraph.\n\nSecond, still being");
        view.updateStreaming(answer);
        view.selectAll();
        answer.content += QStringLiteral(" written.\n\nTHIRD-PARAGRAPH");
        view.updateStreaming(answer);
        QVERIFY(view.hasSelection());
        QVERIFY2(view.selectedText().contains(QLatin1String("THIRD-PARAGRAPH")), qPrintable(view.selectedText()));
        QVERIFY(view.selectedText().contains(QLatin1String("First paragraph.")));
    }

    // Coming back to a conversation whose answer is still being written: it goes on growing in view.
    void answerKeepsGrowingAfterSwitchingBack()
    {
        m_core->simulator()->config().tokenDelayMs = 15;
        QSignalSpy finished(m_core->chat(), &ChatSession::messageFinished);
        const qint64 first = m_tab->currentConversationId();
        m_tab->composer()->setFocus();
        QTest::keyClicks(m_tab->composer(), QStringLiteral("switch away"));
        QTest::keyClick(m_tab->composer(), Qt::Key_Return);
        QTRY_VERIFY(m_core->chat()->activeMessage().content.size() > 3);
        m_tab->newConversation();
        QCOMPARE(m_tab->view()->shownMessageCount(), 0);
        m_tab->selectConversation(first);
        const qint64 id = m_core->chat()->activeMessage().id;
        const qsizetype shownAtReturn = m_tab->view()->messageText(id).size();
        QTRY_VERIFY(m_tab->view()->messageText(id).size() > shownAtReturn + 10 || !finished.isEmpty());
        QVERIFY2(finished.isEmpty(), "the answer must still be growing when seen to grow");
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        const ChatMessage answer = finished.first().first().value<ChatMessage>();
        QCOMPARE(answer.state, ChatMessage::State::Done);
        const QString shown = m_tab->view()->messageText(answer.id);
        QVERIFY2(shown.contains(QStringLiteral("第三点")), qPrintable(shown));
        QVERIFY(shown.contains(ChatView::tr("Regenerate")));
        QVERIFY(!shown.contains(ChatView::tr("Writing…")));
    }

    // The view does not scroll sideways: a code line wider than it wraps instead of running out of sight.
    void longCodeLinesWrap()
    {
        ChatView view;
        showView(view);
        ChatMessage answer = finishedMessage(99, ChatMessage::Role::Assistant, QStringLiteral("```\n"));
        for (int i = 0; i < 40; ++i)
            answer.content += QStringLiteral("argument_%1, ").arg(i);
        answer.content += QStringLiteral("\n```\n\nAfter.");
        view.setMessages({answer});
        // The code's header (language, copy) is above it: the message's height tells the lines.
        QVERIFY(!view.linkRect(QStringLiteral("msg:copycode/99/0")).isEmpty());
        const auto linkBelowCode = [&] { return view.messageRect(99).height(); };
        view.resize(4000, 600); // wide enough for the line
        const int unwrapped = linkBelowCode();
        view.resize(500, 600);
        // The line takes several lines of the narrow view, which make the message taller.
        QVERIFY2(linkBelowCode() > unwrapped + 30, qPrintable(QStringLiteral("%1 vs %2").arg(linkBelowCode()).arg(unwrapped)));
        QVERIFY(view.codeBlock(99, 0).count(QLatin1Char('\n')) == 0); // copied as written
    }

    // The link that had the keyboard's focus goes with its conversation: Enter in the next one follows
    // nothing, and Tab starts again from that conversation's first link.
    void linkFocusDoesNotOutliveItsConversation()
    {
        ChatView view;
        showView(view);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setMessages({finishedMessage(110, ChatMessage::Role::User, QStringLiteral("question")),
                          finishedMessage(111, ChatMessage::Role::Assistant, QStringLiteral("answer"))});
        view.setFocus();
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(&view, Qt::Key_Tab); // to the answer's Regenerate
        QSignalSpy action(&view, &ChatView::messageAction);
        view.setMessages({finishedMessage(120, ChatMessage::Role::User, QStringLiteral("other")),
                          finishedMessage(121, ChatMessage::Role::Assistant, QStringLiteral("other answer")),
                          finishedMessage(122, ChatMessage::Role::User, QStringLiteral("more")),
                          finishedMessage(123, ChatMessage::Role::Assistant, QStringLiteral("more answer"))});
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(action.count(), 0);
        QTest::keyClick(&view, Qt::Key_Tab);
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(action.count(), 1);
        QCOMPARE(action.last().at(0).toString(), QStringLiteral("copy"));
        QCOMPARE(action.last().at(1).toLongLong(), 120);
    }

    // A double click takes a word, a third click the paragraph.
    void tripleClickSelectsTheParagraph()
    {
        ChatView view;
        showView(view);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setMessages({finishedMessage(97, ChatMessage::Role::User, QStringLiteral("alpha beta gamma delta"))});
        const QRect copy = view.linkRect(QStringLiteral("msg:copy/97"));
        QVERIFY(!copy.isEmpty());
        const QPoint onAlpha(copy.left() + 4, copy.top() - copy.height() / 2); // the line above the links
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, onAlpha);
        QCOMPARE(view.selectedText(), QStringLiteral("alpha"));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, onAlpha);
        QCOMPARE(view.selectedText(), QStringLiteral("alpha beta gamma delta"));
    }

    // Selecting past the bottom edge scrolls on while the pointer rests there.
    void selectingPastTheEdgeScrolls()
    {
        ChatView view;
        showView(view, 300);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ChatMessage answer = finishedMessage(98, ChatMessage::Role::Assistant, QString());
        for (int i = 0; i < 200; ++i)
            answer.content += QStringLiteral("Paragraph %1.\n\n").arg(i);
        view.setMessages({answer});
        QScrollBar *bar = view.verticalScrollBar();
        bar->setValue(0);
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, QPoint(20, 20));
        const QPointF below(20, view.viewport()->height() + 40);
        QMouseEvent move(QEvent::MouseMove, below, view.viewport()->mapToGlobal(below), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view.viewport(), &move);
        const int afterMove = bar->value();
        QTRY_VERIFY(bar->value() > afterMove + 300); // with no more moves
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, below.toPoint());
        const QString selected = view.selectedText();
        QVERIFY(selected.contains(QLatin1String("Paragraph 0.")));
        QVERIFY(selected.contains(QLatin1String("Paragraph 20.")));
    }

    // Keyboard users reach the same links: Tab moves from link to link, Enter follows one.
    void keyboardReachesMessageLinks()
    {
        ChatView view;
        showView(view);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setMessages({finishedMessage(95, ChatMessage::Role::User, QStringLiteral("question")),
                          finishedMessage(96, ChatMessage::Role::Assistant, QStringLiteral("answer"))});
        view.setFocus();
        QSignalSpy action(&view, &ChatView::messageAction);
        QTest::keyClick(&view, Qt::Key_Tab); // the question's Copy
        QTest::keyClick(&view, Qt::Key_Tab); // its Edit
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(action.count(), 1);
        QCOMPARE(action.last().at(0).toString(), QStringLiteral("edit"));
        QCOMPARE(action.last().at(1).toLongLong(), 95);
        QTest::keyClick(&view, Qt::Key_Tab); // the answer's Copy
        QTest::keyClick(&view, Qt::Key_Tab); // its Regenerate
        QTest::keyClick(&view, Qt::Key_Space);
        QCOMPARE(action.last().at(0).toString(), QStringLiteral("regenerate"));
        QCOMPARE(action.last().at(1).toLongLong(), 96);
        QTest::keyClick(&view, Qt::Key_Backtab);
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(action.last().at(0).toString(), QStringLiteral("copy"));
        QCOMPARE(action.last().at(1).toLongLong(), 96);
        QCOMPARE(action.count(), 3);
        QVERIFY(view.hasFocus());
    }

    // A message's action icons show under the pointer or the keyboard's focus (and on the last
    // message); elsewhere the page reads as text. Each icon says what it does in its tooltip and, for
    // copying and screen readers, in its text.
    void actionIconsShowOnHoverAndFocus()
    {
        ChatView view;
        showView(view);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setMessages({finishedMessage(131, ChatMessage::Role::User, QStringLiteral("question")),
                          finishedMessage(132, ChatMessage::Role::Assistant, QStringLiteral("answer"))});
        const QRect edit = view.linkRect(QStringLiteral("msg:edit/131"));
        QVERIFY(!edit.isEmpty());
        QVERIFY(view.messageText(131).contains(ChatView::tr("Edit")));
        const auto icon = [&] { return view.viewport()->grab(edit).toImage(); };
        const auto blank = [](const QImage &image) {
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    if (image.pixel(x, y) != image.pixel(0, 0))
                        return false;
            return true;
        };
        QVERIFY(blank(icon())); // not the last message, not pointed at
        const QPointF on(edit.center());
        QMouseEvent move(QEvent::MouseMove, on, view.viewport()->mapToGlobal(on), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view.viewport(), &move);
        QTRY_VERIFY(!blank(icon()));
        QEvent leave(QEvent::Leave);
        QCoreApplication::sendEvent(&view, &leave);
        QTRY_VERIFY(blank(icon()));
        // The last message's icons always show.
        QVERIFY(!blank(view.viewport()->grab(view.linkRect(QStringLiteral("msg:regenerate/132"))).toImage()));
        // Reached with Tab: shown.
        view.setFocus();
        QTest::keyClick(&view, Qt::Key_Tab); // the question's Copy
        QTRY_VERIFY(!blank(icon()));
    }

    // Links in a message are acted on when clicked: the thinking unfolds, "Copy" asks the tab.
    void clickingLinksActs()
    {
        ChatView view;
        showView(view);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ChatMessage answer = finishedMessage(91, ChatMessage::Role::Assistant, QStringLiteral("The answer."));
        answer.reasoning = QStringLiteral("HIDDEN-THOUGHT");
        view.setMessages({answer});
        QVERIFY(!view.messageText(91).contains(QLatin1String("HIDDEN-THOUGHT")));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.linkRect(QStringLiteral("msg:think/91")).center());
        QVERIFY(view.messageText(91).contains(QLatin1String("HIDDEN-THOUGHT")));
        QSignalSpy action(&view, &ChatView::messageAction);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.linkRect(QStringLiteral("msg:copy/91")).center());
        QCOMPARE(action.count(), 1);
        QCOMPARE(action.first().at(0).toString(), QStringLiteral("copy"));
        QCOMPARE(action.first().at(1).toLongLong(), 91);
    }

    // An answer's text cannot press the app's buttons: a Markdown msg: link does nothing, raw HTML is
    // shown as text (no anchor made), and only a web link asks to be opened, on click.
    void linksInAnswerTextCannotAct()
    {
        ChatView view;
        showView(view);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const ChatMessage answer = finishedMessage(
            92, ChatMessage::Role::Assistant,
            QStringLiteral("Press [here](msg:regenerate/92) or [there](msg:edit/92).\n\n"
                           "Or <a href=\"msg:copy/92\">this anchor</a>.\n\nSee [the site](https://example.com/x)."));
        view.setMessages({answer});
        QSignalSpy action(&view, &ChatView::messageAction);
        // The answer's own "msg:regenerate/92" link sits in the text, before the footer's real one.
        const QRect fake = view.linkRect(QStringLiteral("msg:edit/92"));
        QVERIFY(!fake.isEmpty());
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, fake.center());
        QCOMPARE(action.count(), 0);
        // The HTML anchor is text, not a link.
        QVERIFY(view.messageText(92).contains(QLatin1String("<a href=")));
        // By keyboard too: Enter on the text's msg: link does nothing.
        view.setFocus();
        QTest::keyClick(&view, Qt::Key_Tab);
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(action.count(), 0);
        // A web link asks the tab to open it.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.linkRect(QStringLiteral("https://example.com/x")).center());
        QCOMPARE(action.count(), 1);
        QCOMPARE(action.first().at(0).toString(), QStringLiteral("openlink:https://example.com/x"));
        // The footer's own Edit-less actions still work (Copy).
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.linkRect(QStringLiteral("msg:copy/92")).center());
        QCOMPARE(action.count(), 2);
        QCOMPARE(action.last().at(0).toString(), QStringLiteral("copy"));
    }

    // Send to Studio: an answer (the prompt alone, out of its fence), one of its code blocks, or the selection.
    void sendToStudioFromAnAnswerACodeBlockAndASelection()
    {
        makeTab();
        const ChatMessage answer = sendAndWait(QStringLiteral("a fox"));
        QCOMPARE(answer.state, ChatMessage::State::Done);
        ChatView *view = m_tab->view();
        QSignalSpy sent(m_tab, &ChatTab::sendToStudioRequested);
        // Only answers have it; the question does not.
        QVERIFY(view->linkRect(QStringLiteral("msg:tostudio/%1").arg(answer.parentId)).isEmpty());
        const QRect fromAnswer = view->linkRect(QStringLiteral("msg:tostudio/%1").arg(answer.id));
        QVERIFY(!fromAnswer.isEmpty());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, fromAnswer.center());
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.last().first().toString(), answer.content.trimmed());

        view->scrollToMessage(answer.id);
        const QRect fromCode = view->linkRect(QStringLiteral("msg:codetostudio/%1/0").arg(answer.id));
        QVERIFY(!fromCode.isEmpty());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, fromCode.center());
        QCOMPARE(sent.count(), 2);
        QCOMPARE(sent.last().first().toString(), QStringLiteral("print(\"你好,元境\")"));

        // Nothing selected: nothing sent.
        view->sendSelectionToStudio();
        QCOMPARE(sent.count(), 2);
        view->selectAll();
        QVERIFY(view->hasSelection());
        view->sendSelectionToStudio();
        QCOMPARE(sent.count(), 3);
        QCOMPARE(sent.last().first().toString(), view->selectedText().trimmed());

        // An answer that is a fenced prompt goes without its fence.
        m_core->simulator()->config().replyText = QStringLiteral("```\nA fox runs through fresh snow, low tracking shot.\n```");
        const ChatMessage fenced = sendAndWait(QStringLiteral("write a prompt"));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->linkRect(QStringLiteral("msg:tostudio/%1").arg(fenced.id)).center());
        QCOMPARE(sent.count(), 4);
        QCOMPARE(sent.last().first().toString(), QStringLiteral("A fox runs through fresh snow, low tracking shot."));
    }

    // Send to storyboard only on answers that hold a shot list.
    void sendToStoryboardOnAShotList()
    {
        makeTab();
        const ChatMessage plain = sendAndWait(QStringLiteral("hello"));
        ChatView *view = m_tab->view();
        QVERIFY(!view->linkRect(QStringLiteral("msg:tostudio/%1").arg(plain.id)).isEmpty());
        QVERIFY(view->linkRect(QStringLiteral("msg:tostoryboard/%1").arg(plain.id)).isEmpty());
        m_core->simulator()->config().replyText =
            QStringLiteral("Three shots:\n\n```json\n[{\"prompt\": \"dawn\"}, {\"prompt\": \"noon\"}, {\"prompt\": \"dusk\"}]\n```");
        const ChatMessage shots = sendAndWait(QStringLiteral("plan it"));
        QSignalSpy sent(m_tab, &ChatTab::sendToStoryboardRequested);
        const QRect link = view->linkRect(QStringLiteral("msg:tostoryboard/%1").arg(shots.id));
        QVERIFY(!link.isEmpty());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, link.center());
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.first().first().toString(), shots.content);
    }

    // Regenerate adds a version; the switcher ‹ 2/2 › goes back to the first; it survives a restart.
    void versionSwitcherSwitchesAndSurvivesRestart()
    {
        const auto [first, second] = answeredTwice();
        QVERIFY(first.id && second.id);
        QVERIFY(m_tab->view()->plainText().contains(QLatin1String("SECOND-ANSWER")));
        QVERIFY(!m_tab->view()->plainText().contains(QLatin1String("FIRST-ANSWER")));
        QVERIFY(m_tab->view()->messageText(second.id).contains(QLatin1String("2/2")));
        const QRect previous = m_tab->view()->linkRect(QStringLiteral("msg:prevversion/%1").arg(second.id));
        QVERIFY(!previous.isEmpty());
        QTest::mouseClick(m_tab->view()->viewport(), Qt::LeftButton, {}, previous.center());
        QTRY_VERIFY(m_tab->view()->plainText().contains(QLatin1String("FIRST-ANSWER")));
        QVERIFY(m_tab->view()->messageText(first.id).contains(QLatin1String("1/2")));
        // Exports: Markdown the version shown, JSON every version.
        const QString md = m_box->dir.filePath(QStringLiteral("v.md"));
        const QString json = m_box->dir.filePath(QStringLiteral("v.json"));
        m_tab->exportConversation(QStringLiteral("md"), md);
        m_tab->exportConversation(QStringLiteral("json"), json);
        QFile mdFile(md);
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        const QByteArray mdText = mdFile.readAll();
        QVERIFY(mdText.contains("FIRST-ANSWER"));
        QVERIFY(!mdText.contains("SECOND-ANSWER"));
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(jsonFile.readAll()).object().value(QLatin1String("messages")).toArray().size(), 3);
        // After a restart of the tab the first answer is still the one shown, with its switcher.
        const qint64 conversation = m_tab->currentConversationId();
        delete m_tab;
        makeTab();
        m_tab->selectConversation(conversation);
        QVERIFY(m_tab->view()->plainText().contains(QLatin1String("FIRST-ANSWER")));
        QVERIFY(m_tab->view()->messageText(first.id).contains(QLatin1String("1/2")));
    }

    // The tab opens on a new chat, the history in the list; an empty newest chat is reused rather than
    // another made; a newest chat with an unsent prompt in its composer is opened, prompt and all.
    void opensOnANewChatUnlessAPromptWaits()
    {
        QVERIFY(sendAndWait(QStringLiteral("hello")).id);
        const qint64 used = m_tab->currentConversationId();
        delete m_tab;
        makeTab();
        const qint64 fresh = m_tab->currentConversationId();
        QVERIFY(fresh != used);
        QCOMPARE(m_tab->view()->shownMessageCount(), 0);
        QCOMPARE(m_core->conversations()->conversation(used).id, used); // the history stays, listed
        delete m_tab;
        makeTab();
        QCOMPARE(m_tab->currentConversationId(), fresh);
        QVERIFY(sendAndWait(QStringLiteral("second")).id);
        m_core->conversations()->setDraft(fresh, QStringLiteral("half-written"));
        delete m_tab;
        makeTab();
        QCOMPARE(m_tab->currentConversationId(), fresh);
        QCOMPARE(m_tab->composer()->toPlainText(), QStringLiteral("half-written"));
        QCOMPARE(m_tab->view()->shownMessageCount(), 2);
    }

    // Delete this version: asked first (Cancel keeps it); deleted, the other version is shown and the
    // switcher goes; the only version left offers no delete.
    void deleteThisVersionAsksThenDeletes()
    {
        const auto [first, second] = answeredTwice();
        QVERIFY(first.id && second.id);
        const QString link = QStringLiteral("msg:deleteversion/%1").arg(second.id);
        QVERIFY(m_tab->view()->linkRect(QStringLiteral("msg:deleteversion/%1").arg(first.id)).isEmpty());
        const auto answerBox = [](bool remove) {
            QTimer::singleShot(0, [remove] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (!box || box->objectName() != QLatin1String("deleteVersion"))
                    return;
                for (QAbstractButton *b : box->buttons())
                    if ((box->buttonRole(b) == QMessageBox::DestructiveRole) == remove)
                        b->click();
            });
        };
        answerBox(false);
        QTest::mouseClick(m_tab->view()->viewport(), Qt::LeftButton, {}, m_tab->view()->linkRect(link).center());
        QVERIFY(m_tab->view()->plainText().contains(QLatin1String("SECOND-ANSWER")));
        QCOMPARE(m_core->conversations()->message(second.id).id, second.id);
        answerBox(true);
        QTest::mouseClick(m_tab->view()->viewport(), Qt::LeftButton, {}, m_tab->view()->linkRect(link).center());
        QTRY_VERIFY(m_tab->view()->plainText().contains(QLatin1String("FIRST-ANSWER")));
        QVERIFY(!m_tab->view()->plainText().contains(QLatin1String("SECOND-ANSWER")));
        QCOMPARE(m_core->conversations()->message(second.id).id, 0);
        QVERIFY(!m_tab->view()->messageText(first.id).contains(QLatin1String("1/")));
        QVERIFY(m_tab->view()->linkRect(QStringLiteral("msg:deleteversion/%1").arg(first.id)).isEmpty());
    }

    // Esc in another conversation does not stop the answer arriving in the first.
    void escapeStopsOnlyTheAnswerOnScreen()
    {
        m_core->simulator()->config().tokenDelayMs = 30;
        m_core->simulator()->config().reasoningText = QStringLiteral("-");
        m_tab->composer()->setFocus();
        m_tab->composer()->setPlainText(QStringLiteral("long answer please"));
        QTest::keyClick(m_tab->composer(), Qt::Key_Return);
        QTRY_VERIFY(m_core->chat()->activeMessage().content.size() > 3);
        m_tab->newConversation();
        QSignalSpy finished(m_core->chat(), &ChatSession::messageFinished);
        QTest::keyClick(m_tab->composer(), Qt::Key_Escape);
        // The answer goes on growing: it was not stopped.
        const qsizetype before = m_core->chat()->activeMessage().content.size();
        QTRY_VERIFY(m_core->chat()->activeMessage().content.size() > before + 6);
        QVERIFY(m_core->chat()->isBusy());
        QCOMPARE(finished.count(), 0);
        m_core->chat()->stop();
        QTRY_VERIFY(!m_core->chat()->isBusy());
    }

    // Quitting during an answer asks; Cancel keeps it going, Yes saves its text as stopped.
    void quitDuringAnswerAsksThenSavesAsStopped()
    {
        m_core->simulator()->config().tokenDelayMs = 30;
        m_core->simulator()->config().reasoningText = QStringLiteral("-");
        m_core->chat()->setIntervals(16, 60000);
        m_tab->composer()->setFocus();
        m_tab->composer()->setPlainText(QStringLiteral("long answer please"));
        QTest::keyClick(m_tab->composer(), Qt::Key_Return);
        QTRY_VERIFY(m_core->chat()->activeMessage().content.size() > 3);
        const qint64 id = m_core->chat()->activeMessage().id;
        const auto answerBox = [](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [button] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (box && box->objectName() == QLatin1String("quitDuringAnswer"))
                    box->button(button)->click();
            });
        };
        answerBox(QMessageBox::Cancel);
        QVERIFY(!m_tab->confirmQuit());
        QVERIFY(m_core->chat()->isBusy());
        answerBox(QMessageBox::Yes);
        QVERIFY(m_tab->confirmQuit());
        QVERIFY(!m_core->chat()->isBusy());
        const ChatMessage stored = m_core->conversations()->message(id);
        QCOMPARE(stored.state, ChatMessage::State::Stopped);
        QVERIFY(stored.content.size() > 3);
        QCOMPARE(stored.content, m_core->chat()->activeMessage().content);
    }

    // The view draws its own text: a screen reader finds it as a list with one item per message.
    void screenReaderFindsEachMessage()
    {
        const ChatMessage answer = sendAndWait(QStringLiteral("accessible?"));
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(m_tab->view());
        QVERIFY(list);
        QCOMPARE(list->role(), QAccessible::List);
        QCOMPARE(list->childCount(), 2);
        QAccessibleInterface *question = list->child(0);
        QAccessibleInterface *reply = list->child(1);
        QVERIFY(question && reply);
        QCOMPARE(reply->role(), QAccessible::ListItem);
        QVERIFY(question->text(QAccessible::Name).contains(QLatin1String("accessible?")));
        QVERIFY2(reply->text(QAccessible::Name).contains(QStringLiteral("第三点")), qPrintable(reply->text(QAccessible::Name)));
        QCOMPARE(list->indexOfChild(reply), 1);
        QCOMPARE(reply->parent(), list);
        QVERIFY(!reply->rect().isEmpty());
        QCOMPARE(list->childAt(reply->rect().center().x(), reply->rect().center().y()), reply);
        // And read word by word through its text interface.
        QAccessibleTextInterface *text = reply->textInterface();
        QVERIFY(text);
        QCOMPARE(text->characterCount(), int(m_tab->view()->messageText(answer.id).size()));
        QCOMPARE(text->text(0, text->characterCount()), m_tab->view()->messageText(answer.id));
        int start = -1, end = -1;
        QCOMPARE(text->textAtOffset(0, QAccessible::WordBoundary, &start, &end), QStringLiteral("qwen3"));
        // Asked to show a part of it, the view brings the message into view.
        m_tab->view()->verticalScrollBar()->setValue(0);
        text->scrollToSubstring(0, 5);
        QVERIFY(m_tab->view()->viewport()->rect().intersects(m_tab->view()->messageRect(answer.id)));
    }

    void shiftEnterIsANewLine()
    {
        m_tab->composer()->setFocus();
        QTest::keyClicks(m_tab->composer(), QStringLiteral("line one"));
        QTest::keyClick(m_tab->composer(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(m_tab->composer(), QStringLiteral("line two"));
        QCOMPARE(m_tab->composer()->toPlainText(), QStringLiteral("line one\nline two"));
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/t2t")), 0);
    }

    void enterWhileImeComposesSendsNothing()
    {
        m_tab->composer()->setFocus();
        QInputMethodEvent preedit(QStringLiteral("nihao"), {});
        QCoreApplication::sendEvent(m_tab->composer(), &preedit);
        QVERIFY(m_tab->composer()->isComposing());
        QTest::keyClick(m_tab->composer(), Qt::Key_Return);
        QVERIFY(!m_core->chat()->isBusy());
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/t2t")), 0);
        QInputMethodEvent commit;
        commit.setCommitString(QStringLiteral("你好"));
        QCoreApplication::sendEvent(m_tab->composer(), &commit);
        QVERIFY(!m_tab->composer()->isComposing());
        QCOMPARE(m_tab->composer()->toPlainText(), QStringLiteral("你好"));
    }

    void escapeStopsAndKeepsText()
    {
        m_core->simulator()->config().tokenDelayMs = 20;
        m_core->simulator()->config().reasoningText = QStringLiteral("-");
        QSignalSpy finished(m_core->chat(), &ChatSession::messageFinished);
        m_tab->composer()->setFocus();
        QTest::keyClicks(m_tab->composer(), QStringLiteral("stop me"));
        QTest::keyClick(m_tab->composer(), Qt::Key_Return);
        QTRY_VERIFY(m_core->chat()->activeMessage().content.size() > 5);
        QCOMPARE(m_tab->sendButton()->text(), ChatTab::tr("Stop"));
        QTest::keyClick(m_tab->composer(), Qt::Key_Escape);
        QTRY_COMPARE(finished.count(), 1);
        const ChatMessage answer = finished.first().first().value<ChatMessage>();
        QCOMPARE(answer.state, ChatMessage::State::Stopped);
        QVERIFY(m_tab->view()->messageText(answer.id).contains(ChatView::tr("Stopped")));
        QCOMPARE(m_tab->sendButton()->text(), ChatTab::tr("Send"));
    }

    void errorIsShownAtTheAnswer()
    {
        const ChatMessage answer = sendAndWait(QStringLiteral("[sim:429] please"));
        QCOMPARE(answer.errorCode, QStringLiteral("insufficient_balance"));
        QVERIFY(m_tab->view()->messageText(answer.id).contains(answer.error));
        QVERIFY(m_tab->noticeLabel()->isVisible());
    }

    void cutStreamKeepsTextAndOffersRetry()
    {
        const ChatMessage answer = sendAndWait(QStringLiteral("[sim:cut] story"));
        QCOMPARE(answer.state, ChatMessage::State::Interrupted);
        QVERIFY(!answer.content.isEmpty());
        const QString shown = m_tab->view()->messageText(answer.id);
        QVERIFY(shown.contains(ChatView::tr("Retry")));
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/t2t")), 1);
        // Retry only when the user asks.
        QSignalSpy finished(m_core->chat(), &ChatSession::messageFinished);
        emit m_tab->view()->messageAction(QStringLiteral("retry"), answer.id, 0);
        QVERIFY(finished.wait());
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/t2t")), 2);
    }

    void draftSurvivesSwitchAndRestart()
    {
        const qint64 first = m_tab->currentConversationId();
        m_tab->composer()->setFocus();
        QTest::keyClicks(m_tab->composer(), QStringLiteral("unsent draft"));
        const qint64 second = m_tab->newConversation();
        QVERIFY(second != first);
        QVERIFY(m_tab->composer()->toPlainText().isEmpty());
        m_tab->selectConversation(first);
        QCOMPARE(m_tab->composer()->toPlainText(), QStringLiteral("unsent draft"));
        // A new core on the same files, as after a restart.
        m_tab->saveDraft();
        delete m_tab;
        m_tab = nullptr;
        LaunchOptions o = m_box->options();
        o.demo = true;
        AppCore again(o);
        QSignalSpy started(&again, &AppCore::started);
        again.start();
        QVERIFY(started.wait(5000));
        QCOMPARE(again.conversations()->conversation(first).draft, QStringLiteral("unsent draft"));
        makeTab();
    }

    void titlesAreDrawnAsTheStyleDrawsThem()
    {
        // The conversation list's delegate shapes each title once; what it draws is what the style's own
        // delegate draws: the same text where it fits, "…" where it does not, the selection's colours.
        QStandardItemModel model;
        for (const QString &title :
             {QStringLiteral("New chat"), QStringLiteral("对话 12 conversation"),
              QStringLiteral("一个很长很长的标题，远远超过列表的宽度 and a long English tail too")})
            model.appendRow(new QStandardItem(title));
        auto render = [&](QAbstractItemDelegate *delegate) {
            QListView view;
            view.setUniformItemSizes(true);
            view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
            view.setModel(&model);
            if (delegate)
                view.setItemDelegate(delegate);
            view.resize(180, 120);
            view.setCurrentIndex(model.index(1, 0));
            view.show();
            QImage image(view.size(), QImage::Format_ARGB32);
            view.render(&image);
            return image;
        };
        TitleDelegate titles;
        const QImage ours = render(&titles);
        const QImage styles = render(nullptr);
        QCOMPARE(ours.size(), styles.size());
        QVERIFY(ours == styles);
        QVERIFY(ours != QImage(ours.size(), QImage::Format_ARGB32)); // something was drawn
    }

    void titlesKeepOneHeightWhateverTheirScript()
    {
        // The list lays out every row at the first row's height: a first title in Latin letters and
        // one in Chinese give the same rows, and the titles are set in the face of the conversation.
        if (Theme::chineseFamily().isEmpty())
            QSKIP("no Chinese face installed");
        QListView *list = m_tab->conversationList();
        QCOMPARE(QFontInfo(list->font()).family(), Theme::chineseFamily());
        QCOMPARE(QFontInfo(m_tab->composer()->font()).family(), Theme::chineseFamily());
        auto rowHeight = [&](const QString &title) {
            QStandardItemModel model;
            model.appendRow(new QStandardItem(title));
            QListView view;
            view.setFont(list->font());
            view.setUniformItemSizes(true);
            view.setItemDelegate(list->itemDelegate());
            view.setModel(&model);
            return view.sizeHintForRow(0);
        };
        QCOMPARE(rowHeight(QStringLiteral("New chat")), rowHeight(QStringLiteral("对话 12 conversation")));
    }

    void searchFiltersConversations()
    {
        sendAndWait(QStringLiteral("alpha topic"));
        m_tab->newConversation();
        sendAndWait(QStringLiteral("beta topic"));
        const int all = m_tab->conversationList()->model()->rowCount();
        QVERIFY(all >= 2);
        m_tab->searchBox()->setText(QStringLiteral("alpha"));
        QTRY_COMPARE(m_tab->conversationList()->model()->rowCount(), 1);
        m_tab->searchBox()->clear();
        QCOMPARE(m_tab->conversationList()->model()->rowCount(), all);
    }

    void remoteImagesAreNeverFetched()
    {
        const QString url = m_core->simulator()->baseUrl().toString() + QStringLiteral("/idfile?path=/tmp/x/cover.jpeg");
        m_core->simulator()->config().replyText = QStringLiteral("look: ![img](%1)\n\ndone").arg(url);
        sendAndWait(QStringLiteral("image please"));
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/idfile")), 0);
    }

    void modelPickerFilledFromPlatform()
    {
        // qwen3-coder-plus is only on the platform's list, not the built-in one.
        QTRY_VERIFY(m_tab->modelBox()->findText(QStringLiteral("qwen3-coder-plus")) >= 0);
        QVERIFY(m_core->simulator()->requestCount(QStringLiteral("/llmage/v1/models")) >= 1);
    }

    void exportsMarkdownAndJson()
    {
        sendAndWait(QStringLiteral("export me"));
        const QString md = m_box->dir.filePath(QStringLiteral("c.md"));
        const QString json = m_box->dir.filePath(QStringLiteral("c.json"));
        m_tab->exportConversation(QStringLiteral("md"), md);
        m_tab->exportConversation(QStringLiteral("json"), json);
        QFile mdFile(md);
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        const QString mdText = QString::fromUtf8(mdFile.readAll());
        QVERIFY(mdText.contains(QLatin1String("export me")));
        QVERIFY(mdText.contains(QStringLiteral("第一点")));
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(jsonFile.readAll()).object();
        QCOMPARE(root.value(QLatin1String("messages")).toArray().size(), 2);
        QVERIFY(!QString::fromUtf8(QJsonDocument(root).toJson()).contains(QLatin1String("demo-key")));
    }
};

QTEST_MAIN(TestChatWidget)
#include "tst_chatwidget.moc"
