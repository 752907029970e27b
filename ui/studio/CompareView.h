#pragma once

#include "store/TaskStore.h"
#include "video/ComparisonRunner.h"

#include <QFrame>
#include <QWidget>

class AppCore;
class QComboBox;
class QGridLayout;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class VideoPlayer;

// One result of a comparison: the model, the settings actually sent, the time it took and its credits,
// its player once the file is on disk, a favourite star (kept in the Library) and "Use these settings".
class CompareTile : public QFrame
{
    Q_OBJECT
public:
    CompareTile(AppCore *core, const ComparisonEntry &entry, QWidget *parent = nullptr);

    void setEntry(const ComparisonEntry &entry);
    void setTask(const VideoTask &task);
    qint64 taskRow() const { return m_task.id; }
    VideoTask task() const { return m_task; }
    VideoPlayer *player() const { return m_player; }
    QLabel *titleLabel() const { return m_title; }
    QLabel *settingsLabel() const { return m_settings; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *starButton() const { return m_star; }
    QPushButton *useButton() const { return m_use; }

signals:
    void useSettingsRequested(const VideoTask &task);

private:
    void refresh();

    AppCore *m_core;
    ComparisonEntry m_entry;
    VideoTask m_task;
    QString m_expected; // the estimate before sending (empty for a comparison shown again)
    QLabel *m_title;
    QLabel *m_settings;
    QLabel *m_status;
    QWidget *m_playerSlot;
    VideoPlayer *m_player = nullptr;
    QPushButton *m_star;
    QPushButton *m_use;
};

// Compare: one prompt (and its pictures) to 2-4 models of one mode with one set of intent settings
// (ratio, resolution, duration), or Variations: N takes of one model's settings. The results side by
// side, played, paused and sought together.
class CompareView : public QWidget
{
    Q_OBJECT
public:
    CompareView(AppCore *core, const QString &mode, QWidget *parent = nullptr);

    void setPrompt(const QString &prompt);
    void setPictures(const QList<QPair<QString, PreparedImage>> &pictures); // role → picture
    void checkModels(const QStringList &llmids);
    // Variations of one model's settings instead of a comparison of models.
    void setVariations(const ModelSpec &spec, const QVariantMap &values,
                       const QMap<QString, PreparedImage> &images, int takes);
    // A comparison made before (from the Library): its tasks side by side again, nothing to send.
    void showTasks(const QList<VideoTask> &tasks);

    QListWidget *modelList() const { return m_models; }
    QComboBox *ratioBox() const { return m_ratio; }
    QComboBox *resolutionBox() const { return m_resolution; }
    QSpinBox *durationBox() const { return m_duration; }
    QPushButton *generateButton() const { return m_generate; }
    QLabel *statusLabel() const { return m_status; }
    QList<CompareTile *> tiles() const { return m_tiles; }
    ComparisonRunner *runner() const { return m_runner; }
    // The entries Generate would send now.
    QList<ComparisonEntry> entries() const;

    void generate();
    void playAll();
    void pauseAll();
    void seekAll(qint64 ms);

signals:
    void useSettingsRequested(const VideoTask &task);

private:
    void updateGenerate();
    void showTiles();

    AppCore *m_core;
    QString m_mode;
    QListWidget *m_models;
    QPlainTextEdit *m_prompt;
    QComboBox *m_ratio;
    QComboBox *m_resolution;
    QSpinBox *m_duration;
    QPushButton *m_generate;
    QLabel *m_status;
    QWidget *m_grid;
    QGridLayout *m_gridLayout;
    QSlider *m_seek;
    QList<CompareTile *> m_tiles;
    ComparisonRunner *m_runner;
    QList<QPair<QString, PreparedImage>> m_pictures;
    // Variations: one model's settings, N takes.
    bool m_variations = false;
    ModelSpec m_variationSpec;
    QVariantMap m_variationValues;
    QMap<QString, PreparedImage> m_variationImages;
    int m_takes = 2;
};
