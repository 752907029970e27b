// Desktop manners that hold across every tab: each control has a name a screen reader can say, and
// coloured text stays readable on a dark palette as on a light one.
#include "MainWindow.h"
#include "common/Theme.h"
#include "TestSupport.h"
#include "core/AppCore.h"
#include "core/AppSettings.h"
#include "library/VideoPlayer.h"
#include "settings/SettingsDialog.h"
#include "studio/StudioForm.h"
#include "studio/StudioTab.h"
#include "video/ModelSchema.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QFrame>
#include <QMenu>
#include <QStyleOptionToolButton>
#include <QToolButton>
#include <QImageReader>
#include <QFontInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QThread>
#include <cmath>

namespace {
bool isControl(QWidget *w)
{
    if (w->objectName().startsWith(QLatin1String("qt_")))
        return false; // Qt's own parts of a composite control (spin box editor, tab scrollers…)
    for (QWidget *p = w->parentWidget(); p; p = p->parentWidget())
        if (qobject_cast<QComboBox *>(p) || qobject_cast<QAbstractSpinBox *>(p) || qobject_cast<QTabBar *>(p)
            || qobject_cast<QLineEdit *>(p) || qobject_cast<QAbstractItemView *>(p))
            return false; // named through the composite
    if (qobject_cast<QScrollBar *>(w))
        return false;
    return qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) || qobject_cast<QTextEdit *>(w)
        || qobject_cast<QPlainTextEdit *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w)
        || qobject_cast<QAbstractSlider *>(w) || qobject_cast<QAbstractItemView *>(w);
}

// The controls below root whose accessible name (what a screen reader says) is empty.
QStringList unnamedControls(QWidget *root, int *checked = nullptr)
{
    QStringList out;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!isControl(w))
            continue;
        if (checked)
            ++*checked;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
            out << QStringLiteral("%1 \"%2\" in %3")
                       .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                            QString::fromLatin1(w->parentWidget()->metaObject()->className()));
    }
    return out;
}
// WCAG relative luminance and contrast ratio.
double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QPalette darkPalette()
{
    // As a dark desktop theme gives it.
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    return p;
}
} // namespace

class TestDesktop : public QObject
{
    Q_OBJECT

    TestSupport::Sandbox *m_box = nullptr;
    AppCore *m_core = nullptr;

private slots:
    void init()
    {
        m_box = new TestSupport::Sandbox;
        m_core = TestSupport::startDemoCore(*m_box);
        QVERIFY(m_core);
    }
    void cleanup()
    {
        delete m_core;
        delete m_box;
    }

    void everyControlHasAnAccessibleName()
    {
        MainWindow w(m_core);
        w.resize(1200, 800);
        w.show();
        // Each tab builds its content when first shown.
        for (int i = 0; i < w.tabs()->count(); ++i) {
            w.tabs()->setCurrentIndex(i);
            QCoreApplication::processEvents();
        }
        int checked = 0;
        QStringList unnamed = unnamedControls(&w, &checked);
        QVERIFY2(checked > 40, qPrintable(QString::number(checked))); // the tabs really were built
        // The studio's form is made from the schema of the chosen model: every model, every mode.
        StudioTab *studio = w.findChild<StudioTab *>();
        QVERIFY(studio);
        for (const QString &mode : ModelSpec::modes()) {
            studio->setMode(mode);
            for (int i = 0; i < studio->modelBox()->count(); ++i) {
                studio->modelBox()->setCurrentIndex(i);
                int inForm = 0;
                unnamed += unnamedControls(studio->form(), &inForm);
                QVERIFY(inForm > 0);
            }
        }
        unnamed.removeDuplicates();
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1Char('\n'))));

        // The player is made on the first "Play", from its module.
        QString why;
        const std::unique_ptr<VideoPlayer> player(VideoPlayer::create(nullptr, &why));
        QVERIFY2(player, qPrintable(why));
        QVERIFY(why.isEmpty());
        // Where the module is missing (a damaged installation), no player and a reason instead.
        QTemporaryDir empty;
        QVERIFY(!VideoPlayer::createFrom({empty.path()}, nullptr, &why));
        QVERIFY2(why.contains(QLatin1String("yuanjing-player")), qPrintable(why));
        const QStringList unnamedInPlayer = unnamedControls(player.get());
        QVERIFY2(unnamedInPlayer.isEmpty(), qPrintable(unnamedInPlayer.join(QLatin1Char('\n'))));

        SettingsDialog settings(m_core, &w);
        const QStringList unnamedInSettings = unnamedControls(&settings);
        QVERIFY2(unnamedInSettings.isEmpty(), qPrintable(unnamedInSettings.join(QLatin1Char('\n'))));
    }

    // Every button is as wide as its label needs in the app's own style, whenever its role was given
    // (a push button keeps the size it measured first: a role set after that must make it measure again).
    void everyButtonShowsItsWholeLabel()
    {
        Theme::applyAppearance(QStringLiteral("light"));
        MainWindow w(m_core);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QStringList clipped;
        int checked = 0;
        for (int i = 0; i < w.tabs()->count(); ++i) {
            w.tabs()->setCurrentIndex(i);
            QCoreApplication::processEvents();
            for (QPushButton *b : w.tabs()->currentWidget()->findChildren<QPushButton *>()) {
                if (!b->isVisible() || b->text().isEmpty())
                    continue;
                ++checked;
                // The same label measured afresh.
                QPushButton fresh(b->text());
                fresh.setIcon(b->icon());
                fresh.setIconSize(b->iconSize());
                fresh.setFont(b->font());
                if (b->menu())
                    fresh.setMenu(new QMenu(&fresh));
                const QString role = b->property("yjRole").toString();
                if (!role.isEmpty())
                    Theme::setRole(&fresh, role.toLatin1().constData());
                if (b->width() < fresh.sizeHint().width())
                    clipped << QStringLiteral("\"%1\" (%2): %3 px, needs %4")
                                   .arg(b->text(), role)
                                   .arg(b->width())
                                   .arg(fresh.sizeHint().width());
            }
        }
        QVERIFY(checked > 20);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
    }

    void colouredTextIsReadableOnLightAndDark_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << Theme::lightPalette();
        QTest::newRow("dark") << Theme::darkPalette();
        QTest::newRow("a dark desktop's") << darkPalette();
    }
    void colouredTextIsReadableOnLightAndDark()
    {
        QFETCH(QPalette, palette);
        for (Theme::Tone tone : {Theme::Tone::Error, Theme::Tone::Warning, Theme::Tone::Success}) {
            QVERIFY2(contrast(Theme::color(tone, palette), palette.color(QPalette::Window)) >= 4.5, qPrintable(Theme::color(tone, palette).name()));
            // Errors are also shown inside the conversation, on the base colour.
            QVERIFY(contrast(Theme::color(tone, palette), palette.color(QPalette::Base)) >= 4.5);
        }
        QVERIFY(contrast(Theme::color(Theme::Tone::Notice, palette), Theme::noticeBackground(palette)) >= 4.5);
    }

    // docs/UI-DESIGN.md: every pair of a text role on a background role the design puts it on reads at
    // 4.5:1 or better, in both palettes.
    void designColoursAreReadable_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << Theme::lightPalette();
        QTest::newRow("dark") << Theme::darkPalette();
    }
    void designColoursAreReadable()
    {
        QFETCH(QPalette, palette);
        using Theme::Role;
        const QList<QColor> backgrounds{palette.color(QPalette::Window), Theme::role(Role::Surface, palette),
                                        Theme::role(Role::SurfaceAlt, palette), Theme::role(Role::UserBubble, palette),
                                        Theme::role(Role::CodeBackground, palette)};
        const QList<QColor> texts{palette.color(QPalette::WindowText), palette.color(QPalette::Text),
                                  Theme::role(Role::Muted, palette), palette.color(QPalette::Link),
                                  Theme::color(Theme::Tone::Error, palette)};
        for (const QColor &bg : backgrounds)
            for (const QColor &fg : texts)
                QVERIFY2(contrast(fg, bg) >= 4.5, qPrintable(fg.name() + QLatin1String(" on ") + bg.name()));
        QVERIFY(contrast(Theme::role(Role::OnAccent, palette), Theme::role(Role::Accent, palette)) >= 4.5);
        QVERIFY(contrast(palette.color(QPalette::HighlightedText), palette.color(QPalette::Highlight)) >= 4.5);
        QVERIFY(contrast(palette.color(QPalette::ButtonText), palette.color(QPalette::Button)) >= 4.5);
        QVERIFY(contrast(palette.color(QPalette::ToolTipText), palette.color(QPalette::ToolTipBase)) >= 4.5);
        // The state chips: white on each state's colour.
        for (Theme::Chip chip : {Theme::Chip::Waiting, Theme::Chip::Running, Theme::Chip::Done, Theme::Chip::Failed,
                                 Theme::Chip::Unknown})
            QVERIFY2(contrast(Qt::white, Theme::chipColor(chip, palette)) >= 4.5, qPrintable(QString::number(int(chip))));
        // The stylesheet is there and every field of it is filled in.
        const QString qss = Theme::styleSheet(palette);
        QVERIFY(qss.contains(QLatin1String("yjRole")));
        QVERIFY2(!qss.contains(QRegularExpression(QStringLiteral("@\\w+@"))), qPrintable(qss));
    }

    // The desktop turns dark while the app runs: the marked labels change colour with it.
    void colouredLabelsFollowAPaletteChange()
    {
        const QPalette light = QApplication::palette();
        QVERIFY(!Theme::isDark(light));
        MainWindow w(m_core);
        w.show();
        QLabel *error = new QLabel(&w);
        Theme::apply(error, Theme::Tone::Error);
        QVERIFY(error->styleSheet().contains(Theme::color(Theme::Tone::Error, light).name()));
        const QString darkError = Theme::color(Theme::Tone::Error, darkPalette()).name();
        QApplication::setPalette(darkPalette());
        QVERIFY2(error->styleSheet().contains(darkError), qPrintable(error->styleSheet()));
        QApplication::setPalette(light);
        QVERIFY(error->styleSheet().contains(Theme::color(Theme::Tone::Error, light).name()));
    }

    // "System" follows the desktop's preference as last known, without asking the portal on the way
    // (which could hold the window up); dark and light both.
    void systemFollowsTheDesktopsLastKnownPreference()
    {
        Theme::setDesktopPrefersDark(true);
        Theme::applyAppearance(QStringLiteral("system"));
        QVERIFY(Theme::isDark(QApplication::palette()));
        Theme::setDesktopPrefersDark(false);
        Theme::applyAppearance(QStringLiteral("system"));
        QVERIFY(!Theme::isDark(QApplication::palette()));
        Theme::applyAppearance(QStringLiteral("dark")); // the user's choice wins over the desktop's
        QVERIFY(Theme::isDark(QApplication::palette()));
        Theme::applyAppearance(QStringLiteral("system"));
        QVERIFY(!Theme::isDark(QApplication::palette()));
    }

    // The text font: the desktop's family, found once and then as last seen (finding the family behind
    // the desktop's alias is a fontconfig query on the start-up path), then the Chinese face; and the
    // family found now, to check it by once the window is up.
    void textFontUsesTheDesktopsLastKnownFamily()
    {
        const QFont before = QApplication::font();
        const QString chinese = Theme::chineseFamily();
        const QString found = Theme::desktopFontFamily();
        QVERIFY(!found.isEmpty());
        QCOMPARE(found, QFontInfo(QFontDatabase::systemFont(QFontDatabase::GeneralFont)).family());
        QCOMPARE(Theme::applyTextFont(), found); // not known yet: found now
        if (!chinese.isEmpty() && found != chinese)
            QCOMPARE(QApplication::font().families(), QStringList({found, chinese}));
        // As last seen: used as it is, whatever the desktop's font comes to now.
        QCOMPARE(Theme::applyTextFont(QStringLiteral("Remembered Sans")), QStringLiteral("Remembered Sans"));
        QCOMPARE(QApplication::font().families().constFirst(), QStringLiteral("Remembered Sans"));
        QCOMPARE(QApplication::font().pointSizeF(), QFontDatabase::systemFont(QFontDatabase::GeneralFont).pointSizeF());
        QApplication::setFont(before);
    }

    // Icons decoded on another thread (the start-up warm-up) are the ones the window draws.
    void iconsDecodedBesideTheMainThread()
    {
        Theme::applyAppearance(QStringLiteral("light")); // drawn as decoded (dark tints them)
        QThread *side = QThread::create([] { Theme::predecodeIcons(false); });
        side->start();
        const QIcon meanwhile = Theme::icon(QStringLiteral("chat")); // the main thread may ask at once
        QVERIFY(side->wait(10000));
        delete side;
        QVERIFY(!meanwhile.isNull());
        const QImage drawn = Theme::icon(QStringLiteral("chat")).pixmap(24, 24).toImage();
        QImageReader reader(QStringLiteral(":/icons/chat.png"));
        QCOMPARE(drawn.convertToFormat(QImage::Format_ARGB32_Premultiplied),
                 reader.read().convertToFormat(QImage::Format_ARGB32_Premultiplied));
    }

    // Settings → Appearance: dark and back, at once, and kept for the next start.
    void appearanceSettingSwitchesThePalette()
    {
        const QPalette before = QApplication::palette();
        QVERIFY(!Theme::isDark(before));
        SettingsDialog settings(m_core);
        settings.appearanceBox()->setCurrentIndex(settings.appearanceBox()->findData(QStringLiteral("dark")));
        QVERIFY(settings.apply());
        QVERIFY(Theme::isDark(QApplication::palette()));
        QCOMPARE(m_core->settings()->uiValue(QStringLiteral("appearance")).toString(), QStringLiteral("dark"));
        settings.appearanceBox()->setCurrentIndex(settings.appearanceBox()->findData(QStringLiteral("system")));
        QVERIFY(settings.apply());
        QVERIFY(!Theme::isDark(QApplication::palette()));
        // The design's own light palette and the stylesheet, on every desktop.
        QCOMPARE(QApplication::palette().color(QPalette::Window), Theme::lightPalette().color(QPalette::Window));
        // The stylesheet of the appearance goes to the widgets of a pattern (not the application's,
        // which would restyle every widget at start-up), and follows the palette.
        QVERIFY(qApp->styleSheet().isEmpty());
        QPushButton segment;
        Theme::setRole(&segment, "segment");
        // Only its pattern's rules (parsing the whole sheet for every widget cost start-up).
        QCOMPARE(Theme::styleSheetInUse(), Theme::styleSheet(Theme::lightPalette()));
        QCOMPARE(segment.styleSheet(), Theme::styleSheetForRole("segment"));
        QVERIFY(segment.styleSheet().contains(QLatin1String("QPushButton[yjRole=\"segment\"]")));
        QVERIFY(segment.styleSheet().contains(QLatin1String("yjSegment=\"last\"")));
        QVERIFY(!segment.styleSheet().contains(QLatin1String("toolbar")));
        QVERIFY(segment.styleSheet().contains(Theme::role(Theme::Role::Surface, Theme::lightPalette()).name()));
        // The card and the text roles have no stylesheet (it would slow every child down): Theme draws
        // the card's surface and sets the labels' size, weight and colour, and follows the palette.
        QWidget window; // in a window, as cards are (a window's palette follows through its native window)
        QFrame card(&window);
        card.resize(80, 40);
        Theme::setRole(&card, "card");
        QLabel caption(QStringLiteral("Model:"), &window);
        Theme::setRole(&caption, "caption");
        QLabel title(QStringLiteral("New chat"), &window);
        Theme::setRole(&title, "title");
        window.show();
        QVERIFY(card.styleSheet().isEmpty() && caption.styleSheet().isEmpty() &&
                title.styleSheet().isEmpty());
        const auto surfaceOf = [&card] {
            QImage image(card.size(), QImage::Format_ARGB32);
            image.fill(Qt::transparent);
            card.render(&image);
            return std::pair{image.pixelColor(40, 20), image.pixelColor(0, 0)};
        };
        QCOMPARE(surfaceOf().first, Theme::role(Theme::Role::Surface, Theme::lightPalette()));
        QVERIFY(surfaceOf().second != surfaceOf().first); // the rounded corner
        QCOMPARE(caption.font().pointSizeF(),
                 Theme::font(Theme::Type::Caption, QApplication::font()).pointSizeF());
        QCOMPARE(caption.palette().color(QPalette::WindowText),
                 Theme::role(Theme::Role::Muted, Theme::lightPalette()));
        QCOMPARE(title.font().pointSizeF(),
                 Theme::font(Theme::Type::Title, QApplication::font()).pointSizeF());
        QCOMPARE(title.font().weight(), QFont::DemiBold);
        // The main tabs are drawn by the app's style: the current one over a 2 px Accent line, the
        // others without, their text in Muted.
        QTabBar tabs(&window);
        Theme::setRole(&tabs, "tabs"); // as the main window does, before its tabs are added
        tabs.addTab(QStringLiteral("Chat"));
        tabs.addTab(QStringLiteral("Video Studio"));
        tabs.resize(tabs.sizeHint());
        tabs.show();
        QVERIFY(tabs.styleSheet().isEmpty());
        const auto tabsImage = [&tabs] {
            QImage image(tabs.size(), QImage::Format_ARGB32);
            image.fill(Qt::transparent);
            tabs.render(&image);
            return image;
        };
        const auto lineUnder = [&tabs](const QImage &image, int index) {
            const QRect r = tabs.tabRect(index);
            return image.pixelColor(r.center().x(), r.bottom());
        };
        QImage drawn = tabsImage();
        QCOMPARE(lineUnder(drawn, 0), Theme::role(Theme::Role::Accent, Theme::lightPalette()));
        QVERIFY(lineUnder(drawn, 1) != Theme::role(Theme::Role::Accent, Theme::lightPalette()));
        QVERIFY(tabs.testAttribute(Qt::WA_Hover)); // a hovered tab is marked
        // Toolbar buttons likewise: Surface in a Border outline, the split one with its menu part on the
        // right (where a press opens the menu), sized as the stylesheet sized them.
        QPushButton compare(QStringLiteral("Compare…"), &window);
        QToolButton improve(&window);
        improve.setText(QStringLiteral("Improve prompt"));
        improve.setPopupMode(QToolButton::MenuButtonPopup);
        improve.setMenu(new QMenu(&improve));
        Theme::setRole(&compare, "toolbar");
        Theme::setRole(&improve, "toolbar");
        QVERIFY(compare.styleSheet().isEmpty() && improve.styleSheet().isEmpty());
        QCOMPARE(compare.sizeHint().height(), compare.fontMetrics().height() + 2 * 5 + 2);
        QCOMPARE(improve.sizeHint().height(), compare.sizeHint().height() + 3);
        improve.resize(improve.sizeHint());
        QStyleOptionToolButton toolOption;
        toolOption.initFrom(&improve);
        toolOption.features = QStyleOptionToolButton::MenuButtonPopup | QStyleOptionToolButton::HasMenu;
        toolOption.rect = improve.rect();
        const QRect menuPart = improve.style()->subControlRect(QStyle::CC_ToolButton, &toolOption,
                                                               QStyle::SC_ToolButtonMenu, &improve);
        QCOMPARE(menuPart.right(), improve.rect().right());
        QCOMPARE(menuPart.width(), 19);
        compare.resize(compare.sizeHint());
        QImage panel(compare.size(), QImage::Format_ARGB32);
        panel.fill(Qt::transparent);
        compare.render(&panel);
        QCOMPARE(panel.pixelColor(4, compare.height() / 2), Theme::role(Theme::Role::Surface, Theme::lightPalette()));
        QCOMPARE(panel.pixelColor(compare.width() / 2, 0), Theme::role(Theme::Role::Border, Theme::lightPalette()));
        // The primary button too: Accent (Border when disabled), semibold, 8 × 20 px around its label.
        QPushButton send(QStringLiteral("Send"), &window);
        Theme::setRole(&send, "primary");
        send.resize(send.sizeHint());
        send.show();
        QVERIFY(send.styleSheet().isEmpty());
        QCOMPARE(send.font().weight(), QFont::DemiBold);
        QVERIFY(send.sizeHint().height() >= 20 + 2 * 8);
        QVERIFY(send.sizeHint().width() >= send.fontMetrics().horizontalAdvance(QStringLiteral("Send")) + 2 * 20);
        const auto middleOf = [&send] {
            QImage image(send.size(), QImage::Format_ARGB32);
            image.fill(Qt::transparent);
            send.render(&image);
            return image.pixelColor(4, send.height() / 2); // left of the label, inside the corners
        };
        QCOMPARE(middleOf(), Theme::role(Theme::Role::Accent, Theme::lightPalette()));
        send.setEnabled(false);
        QCOMPARE(middleOf(), Theme::role(Theme::Role::Border, Theme::lightPalette()));
        send.setEnabled(true);
        settings.appearanceBox()->setCurrentIndex(settings.appearanceBox()->findData(QStringLiteral("dark")));
        QVERIFY(settings.apply());
        QCOMPARE(Theme::styleSheetInUse(), Theme::styleSheet(Theme::darkPalette()));
        QCOMPARE(segment.styleSheet(), Theme::styleSheetForRole("segment"));
        QVERIFY(segment.styleSheet().contains(Theme::role(Theme::Role::Surface, Theme::darkPalette()).name()));
        QCOMPARE(surfaceOf().first, Theme::role(Theme::Role::Surface, Theme::darkPalette()));
        QCOMPARE(caption.palette().color(QPalette::WindowText),
                 Theme::role(Theme::Role::Muted, Theme::darkPalette()));
        drawn = tabsImage();
        QCOMPARE(lineUnder(drawn, 0), Theme::role(Theme::Role::Accent, Theme::darkPalette()));
        QCOMPARE(middleOf(), Theme::role(Theme::Role::Accent, Theme::darkPalette()));
        QApplication::setPalette(before);
    }
};

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
