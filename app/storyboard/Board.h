#pragma once

#include "store/TaskStore.h"
#include "video/ModelSchema.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QVariantMap>

class ModelCatalog;

// One shot of a storyboard: a prompt and a model's settings, its pictures, and whether it starts on the
// previous shot's last frame. Its takes are video tasks (BoardStore::takes).
struct BoardShot
{
    qint64 id = 0;
    qint64 boardId = 0;
    int position = 0;              // from 0, in film order
    QString llmid;
    QVariantMap values;            // the form's values, pictures apart
    QMap<QString, QString> images; // field key → picture file or http(s) link
    bool chained = false;          // "continue from the previous shot": its first frame is that shot's last
    qint64 chosenTask = 0;         // the take that goes into the film; 0: the first one made

    QString prompt() const { return values.value(QStringLiteral("prompt")).toString(); }
};

struct Board
{
    qint64 id = 0;
    QString title;
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<BoardShot> shots;
};

// Where a take stands for the board, from its task row alone: the one answer the app, the command line
// and the runner give.
enum class TakeOutcome { Pending, Downloaded, Failed, Unknown, NotDownloaded };
TakeOutcome takeOutcome(const VideoTask &task);

// The take of a shot that goes into the film: the chosen one when it is on disk, else the first take on
// disk; a task of id 0 when none is.
VideoTask filmTake(const BoardShot &shot, const QList<VideoTask> &takes);

// The schema field a chained shot fills with the previous shot's last frame (empty: the model has none).
QString firstFrameKey(const ModelSpec &spec);

// Board files (docs/STORYBOARD.md): what `yuanjing storyboard run` reads and `storyboard export` writes.
class BoardFile
{
    Q_DECLARE_TR_FUNCTIONS(BoardFile)
public:
    // A job's (or shot's) values and pictures, from "set"/"images" or fields at the top level; a key the
    // model does not have is an error. Pictures are as written (not yet named from a folder).
    static bool jobValues(const ModelSpec &spec, const QJsonObject &job, QVariantMap *values,
                          QMap<QString, QString> *images, QString *error);
    static QJsonObject toJson(const Board &board);
    // The board in a file's object: every shot read against its model; pictures named from dir. False,
    // with a translated reason naming the shot, when a shot cannot be read.
    static bool fromJson(const QJsonObject &file, const QDir &dir, const ModelCatalog &models, Board *board,
                         QString *error);
};
