#pragma once

#include <QDialog>

class AppCore;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QDialogButtonBox;

// Settings: platform address, API key, language, download folder, chat and request options.
// Nothing is saved unless every field is valid; an invalid field says why, next to it.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(AppCore *core, QWidget *parent = nullptr);

    QLineEdit *baseUrlEdit() const { return m_baseUrl; }
    QLineEdit *keyEdit() const { return m_key; }
    QLineEdit *folderEdit() const { return m_folder; }
    QComboBox *languageBox() const { return m_language; }
    QComboBox *appearanceBox() const { return m_appearance; }
    QSpinBox *confirmCostBox() const { return m_confirmCost; }
    QLineEdit *promptHelperEdit() const { return m_promptHelper; }
    QLabel *baseUrlError() const { return m_baseUrlError; }
    QLabel *keyError() const { return m_keyError; }
    QLabel *folderError() const { return m_folderError; }
    // Validates and saves; returns false (and shows why) when something is wrong.
    bool apply();

signals:
    void languageChanged();

private:
    void updateKeyState();

    AppCore *m_core;
    QLineEdit *m_baseUrl;
    QLabel *m_baseUrlError;
    QLineEdit *m_key;
    QLabel *m_keyError;
    QLabel *m_keyState;
    QComboBox *m_language;
    QComboBox *m_appearance;
    QLineEdit *m_folder;
    QLabel *m_folderError;
    QSpinBox *m_turns;
    QCheckBox *m_streaming;
    QLineEdit *m_promptHelper;
    QSpinBox *m_requestLimit;
    QSpinBox *m_confirmCost;
    QCheckBox *m_keepInTray;
    QDialogButtonBox *m_buttons;
};
