#pragma once

#include "account/UsageSummary.h"

#include <QWidget>

class AppCore;
class UsageChart;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

// The Account tab: the key's state, what the platform last said about the balance (with the way to
// top up), and what every call cost: totals per day, week and month and per model, a chart, the list
// of calls and a CSV export.
class AccountTab : public QWidget
{
    Q_OBJECT
public:
    explicit AccountTab(AppCore *core, QWidget *parent = nullptr);

    QLabel *keyLabel() const { return m_keyState; }
    QLabel *balanceLabel() const { return m_balance; }
    QPushButton *clearBalanceButton() const { return m_clearBalance; }
    QTableWidget *modelTable() const { return m_models; }
    QTableWidget *callTable() const { return m_calls; }
    UsageChart *chart() const { return m_chart; }
    QComboBox *periodBox() const { return m_period; }
    QLabel *totalsLabel() const { return m_totals; }
    bool exportCsv(const QString &path);
    void refresh();

signals:
    void settingsRequested();
    // The usage chart's empty state: nothing used yet, start a chat.
    void chatRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateKey();
    void updateBalance();

    AppCore *m_core;
    QLabel *m_keyState;
    QLabel *m_keyInfo;
    QLabel *m_balance;
    QPushButton *m_clearBalance;
    QComboBox *m_period;
    QLabel *m_totals;
    UsageChart *m_chart;
    QTableWidget *m_models;
    QTableWidget *m_calls;
};
