#pragma once

#include <QWidget>

// A tab that a coming version fills: says so plainly instead of showing an empty page.
class PlaceholderPage : public QWidget
{
    Q_OBJECT
public:
    PlaceholderPage(const QString &title, const QString &text, QWidget *parent = nullptr);
};
