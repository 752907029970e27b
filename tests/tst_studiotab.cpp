// The Video Studio as a user drives it: generated forms, pictures dropped and pasted, submission.
#include "TestSupport.h"
#include "core/AppCore.h"
#include "core/AppSettings.h"
#include "simulator/PlatformSimulator.h"
#include "store/TaskStore.h"
#include "studio/CompareView.h"
#include "studio/ImageSlot.h"
#include "tasks/TaskPoller.h"
#include "library/VideoPlayer.h"
#include "studio/PromptHelper.h"
#include "studio/StoryPlanDialog.h"
#include "store/UsageLedger.h"
#include "studio/StudioForm.h"
#include "studio/StudioTab.h"
#include "studio/RecentStrip.h"
#include "library/CoverDelegate.h"
#include "tasks/LibraryModel.h"
#include "video/ModelCatalog.h"
#include "video/VideoSubmitter.h"

#include <QJsonArray>
#include <QListView>
#include <QJsonDocument>
#include <QTableWidget>
#include <QBuffer>
#include <QDir>
#include <QJsonDocument>
#include <algorithm>
#include <QClipboard>
#include <QGuiApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QApplication>
#include <QMessageBox>
#include <QTimer>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>

class TestStudioTab : public QObject
{
    Q_OBJECT
    TestSupport::Sandbox *m_box = nullptr;
    AppCore *m_core = nullptr;
    StudioTab *m_tab = nullptr;

    QString picture(const QString &name, QSize size = QSize(640, 360))
    {
        QImage image(size, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        const QString path = m_box->dir.filePath(name);
        image.save(path);
        return path;
    }
    // Drops mime data on a widget as a drag from another application would.
    static bool drop(QWidget *target, QMimeData *data)
    {
        const QPoint pos = target->rect().center();
        QDragEnterEvent enter(pos, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &enter);
        if (!enter.isAccepted())
            return false;
        QDropEvent dropEvent(QPointF(pos), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &dropEvent);
        return dropEvent.isAccepted();
    }
    void typePrompt(const QString &text)
    {
        auto *prompt = qobject_cast<QPlainTextEdit *>(m_tab->form()->editor(QStringLiteral("prompt")));
        QVERIFY(prompt);
        prompt->setPlainText(text);
    }

private slots:
    void init()
    {
        m_box = new TestSupport::Sandbox;
        m_core = TestSupport::startDemoCore(*m_box);
        QVERIFY(m_core);
        m_tab = new StudioTab(m_core);
        m_tab->resize(1000, 800);
        m_tab->show();
    }
    void cleanup()
    {
        delete m_tab;
        delete m_core;
        delete m_box;
    }

    void formForEveryModel_data()
    {
        QTest::addColumn<QString>("llmid");
        for (const char *id : {"CrEMkFQfRCmbmopZsCqLj", "u9HZyfDoqU6uKI6M1BTks", "r0ill7L0s6PtBS8mkmg-7", "YjjGgxO_Xma8PWsMjJvps",
                               "7RTOJD6K8A7RXCMG4GnQ9", "FK_h7FLYnosv2TkMN4ATC", "x4HksKp9mXR1Yv60mw6Py", "VooAIOtJdawpZjusWEzrh"})
            QTest::newRow(id) << QString::fromLatin1(id);
    }
    void formForEveryModel()
    {
        QFETCH(QString, llmid);
        const ModelSpec spec = *m_core->videoModels()->model(llmid);
        // A fresh form shows the schema's widgets and defaults.
        StudioForm fresh(spec);
        StudioForm *form = &fresh;
        for (const FieldSpec &f : spec.fields) {
            switch (f.type) {
            case FieldSpec::Type::LongText:
                QVERIFY(qobject_cast<QPlainTextEdit *>(form->editor(f.key)));
                break;
            case FieldSpec::Type::Choice: {
                auto *box = qobject_cast<QComboBox *>(form->editor(f.key));
                QVERIFY(box);
                for (const QString &c : f.choices)
                    QVERIFY(box->findData(c) >= 0);
                if (f.defaultValue.isValid())
                    QCOMPARE(box->currentData().toString(), f.defaultValue.toString());
                break;
            }
            case FieldSpec::Type::Integer:
                if (f.choices.isEmpty()) {
                    auto *spin = qobject_cast<QSpinBox *>(form->editor(f.key));
                    QVERIFY(spin);
                    QCOMPARE(spin->minimum(), f.minimum);
                    QCOMPARE(spin->maximum(), f.maximum);
                    QCOMPARE(spin->value(), f.defaultValue.toInt());
                } else {
                    QVERIFY(qobject_cast<QComboBox *>(form->editor(f.key)));
                }
                break;
            case FieldSpec::Type::Switch:
                QVERIFY(qobject_cast<QCheckBox *>(form->editor(f.key)));
                break;
            case FieldSpec::Type::Image:
                QVERIFY(form->imageSlot(f.key));
                break;
            case FieldSpec::Type::Text:
                break;
            }
        }
        // In the tab: nothing typed yet, so it cannot be submitted; a prompt (and required pictures) make it possible.
        QVERIFY(m_tab->selectModel(llmid));
        form = m_tab->form();
        QCOMPARE(form->spec().llmid, llmid);
        QVERIFY(!m_tab->submitButton()->isEnabled());
        typePrompt(QStringLiteral("a quiet lake at dawn"));
        for (const FieldSpec *f : spec.imageFields())
            if (f->required)
                form->setImage(f->key, ImagePreparer::fromUrl(QUrl(QStringLiteral("https://example.com/x.jpg"))));
        QCOMPARE(m_tab->submitButton()->isEnabled(), spec.enabled);
        QCOMPARE(m_tab->swapButton()->isVisibleTo(m_tab), form->canSwapFrames());
    }

    void requiredPromptSaysSoOnceTouched()
    {
        QVERIFY(m_tab->selectModel(QStringLiteral("u9HZyfDoqU6uKI6M1BTks")));
        QVERIFY(m_tab->form()->errorShown(QStringLiteral("prompt")).isEmpty());
        typePrompt(QStringLiteral("x"));
        typePrompt(QString());
        QVERIFY(!m_tab->form()->errorShown(QStringLiteral("prompt")).isEmpty());
    }

    void switchingModelKeepsThePrompt()
    {
        QVERIFY(m_tab->selectModel(QStringLiteral("u9HZyfDoqU6uKI6M1BTks")));
        typePrompt(QStringLiteral("keep me"));
        QVERIFY(m_tab->selectModel(QStringLiteral("r0ill7L0s6PtBS8mkmg-7")));
        QCOMPARE(m_tab->form()->values().value(QStringLiteral("prompt")).toString(), QStringLiteral("keep me"));
        // Duration 15 fits Vidu (1-16); Wan's size does not exist there.
        QVERIFY(!m_tab->form()->values().contains(QStringLiteral("size")));
    }

    void dropsLocalFileLinkRawDataAndBadFile()
    {
        QVERIFY(m_tab->selectModel(QStringLiteral("VooAIOtJdawpZjusWEzrh")));
        StudioForm *form = m_tab->form();
        ImageSlot *one = form->imageSlot(QStringLiteral("image_file1"));
        ImageSlot *two = form->imageSlot(QStringLiteral("image_file2"));
        ImageSlot *three = form->imageSlot(QStringLiteral("image_file3"));

        auto *file = new QMimeData;
        file->setUrls({QUrl::fromLocalFile(picture(QStringLiteral("ref.png")))});
        QVERIFY(drop(one, file));
        QVERIFY(one->isLoading()); // prepared on a worker thread
        QTRY_VERIFY(!one->isLoading());
        QVERIFY2(one->image().isValid(), qPrintable(one->errorText()));
        QCOMPARE(one->image().originalSize, QSize(640, 360));

        auto *link = new QMimeData;
        link->setUrls({QUrl(QStringLiteral("https://example.com/cat.jpg"))});
        QVERIFY(drop(two, link));
        QCOMPARE(two->image().source, PreparedImage::Source::Url);

        QImage raw(100, 80, QImage::Format_RGB32);
        raw.fill(Qt::magenta);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        raw.save(&buffer, "png");
        auto *data = new QMimeData;
        data->setData(QStringLiteral("image/png"), png);
        QVERIFY(drop(three, data));
        QTRY_VERIFY(!three->isLoading());
        QCOMPARE(three->image().originalSize, QSize(100, 80));

        QFile text(m_box->dir.filePath(QStringLiteral("notes.jpg")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a picture");
        text.close();
        auto *bad = new QMimeData;
        bad->setUrls({QUrl::fromLocalFile(text.fileName())});
        QVERIFY(drop(three, bad));
        QTRY_VERIFY(!three->isLoading());
        QVERIFY(!three->image().isValid());
        QVERIFY(!three->errorText().isEmpty());
        QVERIFY(!form->errorShown(QStringLiteral("image_file3")).isEmpty());
        QVERIFY(!m_tab->submitButton()->isEnabled());
        three->clear();
        typePrompt(QStringLiteral("x"));
        QVERIFY(m_tab->submitButton()->isEnabled());

        auto *nothing = new QMimeData;
        nothing->setText(QStringLiteral("just words"));
        QVERIFY(!drop(three, nothing));
        delete file; delete link; delete data; delete bad; delete nothing;
    }

    void swapFrames()
    {
        QVERIFY(m_tab->selectModel(QStringLiteral("FK_h7FLYnosv2TkMN4ATC")));
        StudioForm *form = m_tab->form();
        form->setImage(QStringLiteral("image_file1"), ImagePreparer::fromUrl(QUrl(QStringLiteral("https://example.com/a.jpg"))));
        form->setImage(QStringLiteral("image_file2"), ImagePreparer::fromUrl(QUrl(QStringLiteral("https://example.com/b.jpg"))));
        QTest::mouseClick(m_tab->swapButton(), Qt::LeftButton);
        QCOMPARE(form->images().value(QStringLiteral("image_file1")).url.toString(), QStringLiteral("https://example.com/b.jpg"));
        QCOMPARE(form->images().value(QStringLiteral("image_file2")).url.toString(), QStringLiteral("https://example.com/a.jpg"));
    }

    void submitThroughTheSimulator()
    {
        QVERIFY(m_tab->selectModel(QStringLiteral("r0ill7L0s6PtBS8mkmg-7")));
        typePrompt(QStringLiteral("fireworks over the river"));
        QSignalSpy submitted(m_tab, &StudioTab::taskSubmitted);
        QTest::mouseClick(m_tab->submitButton(), Qt::LeftButton);
        QVERIFY(!m_tab->submitButton()->isEnabled()); // no double submission
        QVERIFY(submitted.wait(10000));
        QVERIFY(m_tab->statusLabel()->text().contains(submitted.first().first().value<VideoTask>().taskId));
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/video")), 1);
        QCOMPARE(m_core->tasks()->tasks().size(), 1);
        QVERIFY(m_tab->submitButton()->isEnabled());
    }

    // Tried as a new user would: a video is made and watched without leaving the Studio. The strip
    // beside the form shows the task at once, follows it to the file, plays it there (the player's
    // module loading on that first Play), and its cover's icon puts the settings back in the form.
    void madeAndWatchedFromTheStudio()
    {
        m_core->settings()->setDownloadFolder(m_box->dir.filePath(QStringLiteral("Videos")));
        m_core->simulator()->config().taskStepMs = 30;
        RecentStrip *strip = m_tab->recentStrip();
        QAbstractItemModel *recent = strip->view()->model();
        QCOMPARE(recent->rowCount(), 0);
        QVERIFY(m_tab->selectModel(QStringLiteral("r0ill7L0s6PtBS8mkmg-7")));
        typePrompt(QStringLiteral("a kite over the sea"));
        QSignalSpy submitted(m_tab, &StudioTab::taskSubmitted);
        QTest::mouseClick(m_tab->submitButton(), Qt::LeftButton);
        QVERIFY(submitted.wait(10000));
        QCOMPARE(recent->rowCount(), 1);
        QCOMPARE(recent->index(0, 0).data(LibraryModel::PromptRole).toString(), QStringLiteral("a kite over the sea"));
        QVERIFY(!recent->index(0, 0).data(LibraryModel::ElapsedRole).toString().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!recent->index(0, 0).data(LibraryModel::VideoPathRole).toString().isEmpty(), 20000);
        const QString file = recent->index(0, 0).data(LibraryModel::VideoPathRole).toString();
        QVERIFY(QFile::exists(file));
        QVERIFY(!strip->player());
        QTest::mouseClick(strip->view()->viewport(), Qt::LeftButton, {}, strip->view()->visualRect(recent->index(0, 0)).center());
        QVERIFY(strip->player());
        QCOMPARE(strip->player()->source(), QUrl::fromLocalFile(file));
        strip->player()->stop();

        typePrompt(QStringLiteral("something else"));
        const QPoint reuse = CoverDelegate::reuseRect(strip->view()->visualRect(recent->index(0, 0))).center();
        QTest::mouseMove(strip->view()->viewport(), reuse);
        QTest::mouseClick(strip->view()->viewport(), Qt::LeftButton, {}, reuse);
        auto *prompt = qobject_cast<QPlainTextEdit *>(m_tab->form()->editor(QStringLiteral("prompt")));
        QCOMPARE(prompt->toPlainText(), QStringLiteral("a kite over the sea"));
        // A newer task comes first; the strip keeps the newest few.
        QCOMPARE(RecentStrip::Shown, 12);
    }

    void errorsShownAtTheForm_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<bool>("dropConnection");
        QTest::addColumn<QString>("expected");
        QTest::newRow("400") << "[sim:400] x" << false << "Invalid parameter: duration";
        QTest::newRow("429") << "[sim:429] x" << false << "opencomputing.ai";
        QTest::newRow("dropped") << "x" << true << "unknown";
    }
    void errorsShownAtTheForm()
    {
        QFETCH(QString, prompt);
        QFETCH(bool, dropConnection);
        QFETCH(QString, expected);
        m_core->simulator()->config().closeWithoutAnswer = dropConnection;
        QVERIFY(m_tab->selectModel(QStringLiteral("r0ill7L0s6PtBS8mkmg-7")));
        typePrompt(prompt);
        QTest::mouseClick(m_tab->submitButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_core->videoSubmitter()->isBusy(), 10000);
        QVERIFY2(m_tab->statusLabel()->text().contains(expected), qPrintable(m_tab->statusLabel()->text()));
        if (prompt.startsWith(QLatin1String("[sim:400]")))
            QVERIFY(!m_tab->form()->errorShown(QStringLiteral("duration")).isEmpty());
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/video")), 1);
    }

    void pasteAScreenshot()
    {
        QVERIFY(m_tab->selectModel(QStringLiteral("x4HksKp9mXR1Yv60mw6Py")));
        ImageSlot *slot = m_tab->form()->imageSlot(QStringLiteral("image_file1"));
        QImage shot(300, 200, QImage::Format_RGB32);
        shot.fill(Qt::gray);
        QGuiApplication::clipboard()->setImage(shot);
        slot->setFocus();
        QTest::keyClick(slot, Qt::Key_V, Qt::ControlModifier);
        QTRY_VERIFY(!slot->isLoading());
        QVERIFY2(slot->image().isValid(), qPrintable(slot->errorText()));
        QCOMPARE(slot->image().originalSize, QSize(300, 200));
        QGuiApplication::clipboard()->setText(QStringLiteral("no picture here"));
        QTest::keyClick(slot, Qt::Key_V, Qt::ControlModifier);
        QVERIFY(!slot->errorText().isEmpty());
    }

    void tooLargeIsSaidBeforeSending()
    {
        m_core->settings()->setRequestSizeLimitKiB(64);
        QVERIFY(m_tab->selectModel(QStringLiteral("VooAIOtJdawpZjusWEzrh")));
        typePrompt(QStringLiteral("x"));
        // Three pictures of noise: even at their smallest they do not fit in 64 KiB.
        QImage noise(1200, 900, QImage::Format_RGB32);
        for (int y = 0; y < noise.height(); ++y)
            for (int x = 0; x < noise.width(); ++x)
                noise.setPixel(x, y, qRgb((x * 7919 + y * 104729) % 256, (x * y) % 256, (x ^ y) % 256));
        for (const char *key : {"image_file1", "image_file2", "image_file3"})
            m_tab->form()->setImage(QString::fromLatin1(key), ImagePreparer::fromImage(noise, QStringLiteral("noise")));
        QTest::mouseClick(m_tab->submitButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_core->videoSubmitter()->isBusy(), 20000);
        QVERIFY2(m_tab->statusLabel()->text().contains(QLatin1String("64 KiB")), qPrintable(m_tab->statusLabel()->text()));
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/video")), 0);
    }

    void pricingShownWhenThePlatformAnswers()
    {
        QVERIFY(m_tab->selectModel(QStringLiteral("u9HZyfDoqU6uKI6M1BTks")));
        QTRY_VERIFY(!m_tab->priceLabel()->text().isEmpty());
        // Refused for another model: no text, nothing else changes.
        m_core->simulator()->config().pricingAvailable = false;
        QVERIFY(m_tab->selectModel(QStringLiteral("r0ill7L0s6PtBS8mkmg-7")));
        QTRY_VERIFY(m_core->simulator()->requestCount(QStringLiteral("/llmage/v1/pricing")) >= 2);
        QVERIFY(m_tab->priceLabel()->text().isEmpty());
        typePrompt(QStringLiteral("x"));
        QVERIFY(m_tab->submitButton()->isEnabled());
    }

    // The Generate button says what the settings are expected to cost; after the run the actual cost sits
    // beside the estimate; above the threshold set in Settings the app asks first, and Cancel sends nothing.
    void costShownAndAskedAboveTheThreshold()
    {
        m_core->simulator()->config().pricingAvailable = false;
        m_core->simulator()->config().taskStepMs = 30;
        QVERIFY(m_tab->selectModel(QStringLiteral("r0ill7L0s6PtBS8mkmg-7")));
        m_tab->form()->setValues({{QStringLiteral("resolution"), QStringLiteral("720p")}, {QStringLiteral("duration"), QStringLiteral("5")}});
        typePrompt(QStringLiteral("lanterns"));
        QTRY_VERIFY2(m_tab->submitButton()->text().contains(QLatin1String("cost unknown")), qPrintable(m_tab->submitButton()->text()));

        QSignalSpy submitted(m_tab, &StudioTab::taskSubmitted);
        QTest::mouseClick(m_tab->submitButton(), Qt::LeftButton);
        QVERIFY(submitted.wait(10000));
        // The simulator charges 2 credits a second at 720p.
        QTRY_VERIFY_WITH_TIMEOUT(m_tab->statusLabel()->text().contains(QLatin1String("cost 10 credits (expected: cost unknown)")), 20000);
        QTRY_VERIFY2(m_tab->submitButton()->text().contains(QStringLiteral("≈ 10 credits")), qPrintable(m_tab->submitButton()->text()));
        QCOMPARE(m_tab->estimate().runs, 1);

        m_core->settings()->setConfirmCostAbove(5);
        const auto answer = [](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [button] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (box && box->objectName() == QLatin1String("confirmCost"))
                    box->button(button)->click();
            });
        };
        answer(QMessageBox::Cancel);
        QTest::mouseClick(m_tab->submitButton(), Qt::LeftButton);
        QVERIFY(m_tab->statusLabel()->text().contains(QLatin1String("Not sent")));
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/video")), 1);
        answer(QMessageBox::Yes);
        QTest::mouseClick(m_tab->submitButton(), Qt::LeftButton);
        QVERIFY(submitted.wait(10000));
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/video")), 2);
        // Under the threshold: no question.
        m_core->settings()->setConfirmCostAbove(10);
        QTRY_VERIFY(!m_core->videoSubmitter()->isBusy());
        QTest::mouseClick(m_tab->submitButton(), Qt::LeftButton);
        QVERIFY(submitted.wait(10000));
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/video")), 3);
    }

    // One prompt to three models of one mode: three tasks of one comparison, each with its own fields; the
    // results side by side, each labelled with its model, the settings sent, the time and the credits;
    // played together; a favourite starred; "Use these settings" back in the Studio.
    void compareThreeModelsSideBySide()
    {
        m_core->simulator()->config().pricingAvailable = false;
        m_core->simulator()->config().taskStepMs = 30;
        PollPolicy fast;
        fast.firstDelayMs = 20;
        fast.maxIntervalMs = 100;
        fast.maxPerSecond = 100;
        m_core->poller()->setPolicy(fast);
        QVERIFY(QDir().mkpath(m_box->dir.filePath(QStringLiteral("Videos"))));
        m_core->settings()->setDownloadFolder(m_box->dir.filePath(QStringLiteral("Videos")));
        const QString seedance = QStringLiteral("CrEMkFQfRCmbmopZsCqLj"), wan = QStringLiteral("u9HZyfDoqU6uKI6M1BTks"),
                      vidu = QStringLiteral("r0ill7L0s6PtBS8mkmg-7");
        QVERIFY(m_tab->selectModel(seedance));
        typePrompt(QStringLiteral("海浪"));
        CompareView *view = m_tab->openCompare();
        QVERIFY(view);
        QVERIFY(!view->generateButton()->isEnabled()); // one model is no comparison
        view->checkModels({wan, vidu});
        view->ratioBox()->setCurrentIndex(view->ratioBox()->findData(QStringLiteral("9:16")));
        view->resolutionBox()->setCurrentIndex(view->resolutionBox()->findData(720));
        view->durationBox()->setValue(5);
        QVERIFY(view->generateButton()->isEnabled());
        QVERIFY2(view->generateButton()->text().contains(QLatin1String("3 video")), qPrintable(view->generateButton()->text()));
        view->generateButton()->click();
        QCOMPARE(view->tiles().size(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(view->tiles().cbegin(), view->tiles().cend(),
                                             [](CompareTile *t) { return t->player() != nullptr; }),
                                 30000);

        QHash<QString, QJsonObject> sent;
        for (const auto &request : m_core->simulator()->requests())
            if (request.path == QLatin1String("/llmage/video")) {
                const QJsonObject body = QJsonDocument::fromJson(request.body).object();
                sent.insert(body.value(QLatin1String("llmid")).toString(), body);
            }
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/video")), 3);
        QCOMPARE(sent.value(seedance).value(QLatin1String("radio")).toString(), QStringLiteral("9:16"));
        QCOMPARE(sent.value(wan).value(QLatin1String("size")).toString(), QStringLiteral("720*1280"));
        QCOMPARE(sent.value(vidu).value(QLatin1String("ratio")).toString(), QStringLiteral("9:16"));
        for (const QJsonObject &body : std::as_const(sent)) {
            QCOMPARE(body.value(QLatin1String("prompt")).toString(), QStringLiteral("海浪"));
            QCOMPARE(body.value(QLatin1String("duration")).toInt(), 5);
        }
        QCOMPARE(m_core->tasks()->comparison(view->runner()->comparison()).size(), 3);

        CompareTile *wanTile = nullptr;
        for (CompareTile *tile : view->tiles()) {
            QVERIFY(!tile->titleLabel()->text().isEmpty());
            QVERIFY2(tile->statusLabel()->text().contains(QLatin1String("credits")), qPrintable(tile->statusLabel()->text()));
            QVERIFY(tile->statusLabel()->text().contains(QLatin1String("took")));
            QVERIFY2(tile->statusLabel()->text().contains(QLatin1String("(expected: cost unknown)")), qPrintable(tile->statusLabel()->text()));
            if (tile->task().llmid == wan)
                wanTile = tile;
        }
        QVERIFY(wanTile);
        QVERIFY(wanTile->settingsLabel()->text().contains(QLatin1String("size=720*1280")));

        // Played, paused and sought together.
        view->playAll();
        for (CompareTile *tile : view->tiles())
            QTRY_VERIFY_WITH_TIMEOUT(tile->player()->hasStarted(), 10000);
        view->pauseAll();
        view->seekAll(0);

        wanTile->starButton()->click();
        QVERIFY(m_core->tasks()->task(wanTile->taskRow()).favourite);
        wanTile->useButton()->click();
        QCOMPARE(m_tab->form()->spec().llmid, wan);
        QCOMPARE(m_tab->form()->values().value(QStringLiteral("size")).toString(), QStringLiteral("720*1280"));
        view->close();
    }

    // Make N: N takes of the Studio's settings, each its own task in one set.
    void variationsMakeNTakes()
    {
        m_core->simulator()->config().pricingAvailable = false;
        QVERIFY(m_tab->selectModel(QStringLiteral("r0ill7L0s6PtBS8mkmg-7")));
        typePrompt(QStringLiteral("lanterns"));
        CompareView *view = m_tab->openVariations(3);
        QVERIFY(view);
        QVERIFY2(view->generateButton()->text().contains(QLatin1String("3 video")), qPrintable(view->generateButton()->text()));
        view->generateButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!view->runner()->isRunning(), 20000);
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/video")), 3);
        QCOMPARE(m_core->tasks()->comparison(view->runner()->comparison()).size(), 3);
        view->close();
    }

    void improveAcceptUndo()
    {
        m_core->simulator()->config().tokenDelayMs = 1;
        QVERIFY(m_tab->selectModel(QStringLiteral("u9HZyfDoqU6uKI6M1BTks")));
        typePrompt(QStringLiteral("a fox in the snow"));
        PromptHelper *helper = m_tab->promptHelper();
        QVERIFY(!helper->panel()->isVisibleTo(m_tab));
        helper->improveButton()->click();
        QVERIFY(helper->panel()->isVisibleTo(m_tab));
        QCOMPARE(helper->originalView()->toPlainText(), QStringLiteral("a fox in the snow"));
        QTRY_VERIFY_WITH_TIMEOUT(helper->acceptButton()->isEnabled(), 15000);
        QVERIFY(helper->suggestion()->toPlainText().startsWith(QStringLiteral("a fox in the snow. Medium shot")));
        QVERIFY(helper->tokensLabel()->text().contains(QStringLiteral("tokens")));
        QCOMPARE(m_core->ledger()->entries().size(), 1); // recorded like any chat call
        // Nothing is applied on its own.
        QCOMPARE(m_tab->form()->values().value("prompt").toString(), QStringLiteral("a fox in the snow"));

        // Edited, then accepted.
        const QString edited = helper->suggestion()->toPlainText() + QStringLiteral(" At dawn.");
        helper->suggestion()->setPlainText(edited);
        helper->acceptButton()->click();
        QCOMPARE(m_tab->form()->values().value("prompt").toString(), edited);
        QVERIFY(!helper->panel()->isVisibleTo(m_tab));
        QVERIFY(helper->undoButton()->isVisibleTo(m_tab));

        // Undo brings the original back.
        helper->undoButton()->click();
        QCOMPARE(m_tab->form()->values().value("prompt").toString(), QStringLiteral("a fox in the snow"));
        QVERIFY(!helper->undoButton()->isVisibleTo(m_tab));

        // Keep original: the suggestion goes, the prompt stays.
        helper->improveButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(helper->acceptButton()->isEnabled(), 15000);
        helper->keepButton()->click();
        QVERIFY(!helper->panel()->isVisibleTo(m_tab));
        QCOMPARE(m_tab->form()->values().value("prompt").toString(), QStringLiteral("a fox in the snow"));
    }

    void improveFailsLeavingThePrompt()
    {
        PromptHelper *helper = m_tab->promptHelper();
        typePrompt(QString());
        QVERIFY(!helper->improve(PromptImprover::Variant::Improve));
        QVERIFY(helper->statusLabel()->text().contains(QStringLiteral("Write a prompt first")));

        m_core->simulator()->config().insufficientBalance = true;
        typePrompt(QStringLiteral("a fox"));
        QVERIFY(helper->improve(PromptImprover::Variant::Shorter));
        QTRY_VERIFY_WITH_TIMEOUT(helper->statusLabel()->text().contains(QStringLiteral("unchanged")), 15000);
        QVERIFY(!helper->acceptButton()->isEnabled());
        QCOMPARE(m_tab->form()->values().value("prompt").toString(), QStringLiteral("a fox"));
        QVERIFY(helper->improveButton()->isEnabled()); // the user may ask again
    }

    // A one-line idea becomes a four-shot board through the chat model, reviewed (and edited) first.
    void planAStoryboard()
    {
        m_core->simulator()->config().tokenDelayMs = 1;
        const ModelSpec *vidu = m_core->videoModels()->model(QStringLiteral("r0ill7L0s6PtBS8mkmg-7"));
        StoryPlanDialog dialog(m_core, *vidu);
        QVERIFY(!dialog.plan()); // no story yet
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("story")));
        dialog.storyEdit()->setPlainText(QStringLiteral("A fox finds its way home through the snow"));
        QCOMPARE(dialog.shotsBox()->value(), 4);
        QVERIFY(dialog.plan());
        QVERIFY(!dialog.planButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.saveButton()->isEnabled(), 15000);
        QCOMPARE(dialog.shotsTable()->rowCount(), 4);
        QVERIFY(dialog.shotsTable()->item(0, 0)->text().startsWith(QStringLiteral("A fox finds its way home")));
        dialog.shotsTable()->item(2, 0)->setText(QStringLiteral("Close-up: the fox's breath in the cold air."));
        QCOMPARE(m_core->ledger()->entries().size(), 1);

        const QString path = m_box->dir.filePath(QStringLiteral("fox.json"));
        QVERIFY(dialog.saveBoard(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject board = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonArray shots = board.value("shots").toArray();
        QCOMPARE(shots.size(), 4);
        QCOMPARE(shots[2]["set"]["prompt"].toString(), QStringLiteral("Close-up: the fox's breath in the cold air."));
        QCOMPARE(shots[0]["llmid"].toString(), QStringLiteral("r0ill7L0s6PtBS8mkmg-7"));
        QCOMPARE(shots[3]["set"]["duration"].toInt(), 5);
        // Nothing was generated.
        QCOMPARE(m_core->tasks()->tasks().size(), 0);
    }

    void shotsFromTheChatAreReviewedAsABoard()
    {
        QVERIFY(m_tab->selectModel(QStringLiteral("u9HZyfDoqU6uKI6M1BTks")));
        StoryPlanDialog *dialog = m_tab->reviewShots(
            QStringLiteral("Shots:\n```json\n[{\"prompt\": \"dawn\", \"duration\": 7}, {\"prompt\": \"noon\"}]\n```"));
        QVERIFY(dialog);
        QCOMPARE(dialog->shotsTable()->rowCount(), 2);
        QVERIFY(dialog->saveButton()->isEnabled());
        QVERIFY(dialog->notesLabel()->text().contains(QStringLiteral("Shot 1"))); // 7 s is not a Wan duration
        const QJsonArray shots = dialog->board().value("shots").toArray();
        QCOMPARE(shots[0]["set"]["duration"].toInt(), 5);
        QCOMPARE(shots[1]["set"]["prompt"].toString(), QStringLiteral("noon"));
        QCOMPARE(m_core->ledger()->entries().size(), 0); // no call made
        dialog->close();
    }

    void planWithoutShotsSaysSo()
    {
        m_core->simulator()->config().tokenDelayMs = 1;
        m_core->simulator()->config().replyText = QStringLiteral("I'd rather not.");
        StoryPlanDialog dialog(m_core, *m_core->videoModels()->model(QStringLiteral("u9HZyfDoqU6uKI6M1BTks")));
        dialog.storyEdit()->setPlainText(QStringLiteral("A fox"));
        QVERIFY(dialog.plan());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.planButton()->isEnabled(), 15000);
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("no shot list")));
        QVERIFY(!dialog.saveButton()->isEnabled());
        QCOMPARE(dialog.storyEdit()->toPlainText(), QStringLiteral("A fox"));
        QCOMPARE(dialog.shotsTable()->rowCount(), 0);
    }

    void disabledModelCannotBeSubmitted()
    {
        QVERIFY(m_tab->selectModel(QStringLiteral("YjjGgxO_Xma8PWsMjJvps")));
        typePrompt(QStringLiteral("x"));
        QVERIFY(!m_tab->submitButton()->isEnabled());
    }
};

QTEST_MAIN(TestStudioTab)
#include "tst_studiotab.moc"
