#pragma once

#include <QWidget>

class AppCore;
class QLabel;
class QLineEdit;
class QPushButton;

// First start without a key: paste a key (with the platform's steps to create one), or try demo mode.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(AppCore *core, QWidget *parent = nullptr);

    QLineEdit *keyEdit() const { return m_key; }
    QPushButton *continueButton() const { return m_continue; }
    QPushButton *demoButton() const { return m_demo; }
    QLabel *errorLabel() const { return m_error; }

signals:
    void keyAccepted();
    void demoRequested();

private:
    void submit();
    void setBusy(bool busy);

    AppCore *m_core;
    QLineEdit *m_key;
    QPushButton *m_continue;
    QPushButton *m_demo;
    QLabel *m_error;
    QLabel *m_storage;
};
