#pragma once

#include <QDate>
#include <QList>
#include <QWidget>

// A small painted bar chart: one bar a period, with its label underneath.
class QPushButton;

class UsageChart : public QWidget
{
    Q_OBJECT
public:
    struct Bar
    {
        QString label;
        double value = 0;
    };
    explicit UsageChart(QWidget *parent = nullptr);
    void setBars(const QList<Bar> &bars, const QString &unit);
    const QList<Bar> &bars() const { return m_bars; }
    QSize sizeHint() const override { return {480, 180}; }
    // The empty state's one action (shown only while nothing is recorded).
    QPushButton *startButton() const { return m_start; }

signals:
    // "Start a chat" in the empty state.
    void startRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QList<Bar> m_bars;
    QString m_unit;
    QPushButton *m_start;
};
