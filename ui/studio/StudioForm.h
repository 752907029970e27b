#pragma once

#include "video/ImagePreparer.h"
#include "video/ModelSchema.h"

#include <QHash>
#include <QWidget>

class ImageSlot;
class QLabel;
class QFormLayout;

// The fields of one video model, generated from its schema: a text box, a list of choices, a number
// with its range, a switch or a picture slot per field; required fields marked; each field's problem
// shown under it as the user types.
class StudioForm : public QWidget
{
    Q_OBJECT
public:
    explicit StudioForm(const ModelSpec &spec, QWidget *parent = nullptr);

    const ModelSpec &spec() const { return m_spec; }
    QVariantMap values() const;
    // Sets the values that fit this model (others are ignored): keeps a prompt across models.
    void setValues(const QVariantMap &values);
    QMap<QString, PreparedImage> images() const;
    void setImage(const QString &key, const PreparedImage &image);
    ImageSlot *imageSlot(const QString &key) const { return m_slots.value(key); }
    QWidget *editor(const QString &key) const { return m_editors.value(key); }
    // Current problems, by field key (empty when the form can be sent).
    QMap<QString, QString> problems() const;
    bool isValid() const { return problems().isEmpty() && !isPreparing(); }
    bool isPreparing() const;
    // Shows messages (e.g. from the server or the request builder) under their fields.
    void showProblems(const QMap<QString, QString> &problems);
    QString errorShown(const QString &key) const;
    // Exchanges the first and last frames.
    bool swapFrames();
    bool canSwapFrames() const;

signals:
    void changed();

private:
    // The keys of the schema's first- and last-frame fields (empty when the model has none).
    QPair<QString, QString> frameKeys() const;
    void revalidate();
    void touch(const QString &key);

    ModelSpec m_spec;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, ImageSlot *> m_slots;
    QHash<QString, QLabel *> m_errors;
    QHash<QString, bool> m_touched;
    bool m_applying = false;
};
