#pragma once

#include <QDate>
#include <QList>
#include <QWidget>

// A small painted bar chart: one bar a period, with its label underneath.
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

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<Bar> m_bars;
    QString m_unit;
};
