#pragma once

#include "media/MediaEngine.h"

#include <QCoreApplication>
#include <QObject>

#include <atomic>
#include <memory>

// The core's side of the media engine: finding and loading the yuanjing-media module (on first use,
// never at start-up), the translated words for what went wrong, and a job that runs the engine on a
// worker thread with progress and Cancel.
class MediaModule
{
public:
    // A new engine, loading the module the first time. nullptr, with the reason, when the module is
    // missing or broken (a damaged installation).
    static std::unique_ptr<media::Engine> createEngine(QString *whyNot = nullptr);
    // Beside the program, where the package installs it, and one folder up (the build tree's tests).
    static QStringList moduleFolders();
    // Whether this process has loaded the module (start-up must not).
    static bool isLoaded();
};

class MediaError
{
    Q_DECLARE_TR_FUNCTIONS(MediaError)
public:
    // What went wrong, in the user's language, naming the file.
    static QString message(const media::Result &result);
    static QString moduleMissing(const QString &why);
};

// One engine call on a worker thread. Progress and the end are announced on the thread that made the
// job; cancel() asks the engine to stop at its next step (the output's .part is removed).
class MediaJob : public QObject
{
    Q_OBJECT
public:
    using Work = std::function<media::Result(media::Engine &, const media::Progress &)>;

    explicit MediaJob(QObject *parent = nullptr);
    ~MediaJob() override;

    void start(Work work);
    void startJoin(const QStringList &inputs, const QString &output, const media::JoinOptions &options);
    void startFrame(const QString &video, media::FramePosition where, double seconds);
    void cancel();
    bool isRunning() const { return m_running; }

    media::Result result() const { return m_result; }
    QString errorText() const { return m_result.ok() ? QString() : MediaError::message(m_result); }
    QImage image() const { return m_image; }
    media::JoinReport joinReport() const { return m_report; }

    // Runs work on the calling thread's engine, blocking (the command line).
    static media::Result runNow(const Work &work, QString *whyNot = nullptr);

signals:
    void progressed(double fraction);
    void finished(bool ok);

private:
    std::shared_ptr<std::atomic<bool>> m_cancel;
    media::Result m_result;
    QImage m_image;
    media::JoinReport m_report;
    bool m_running = false;
    class QThread *m_thread = nullptr;
};

class QMimeData;

// A frame of a video, as a drag carries it (a Library card dropped on a picture slot): the video and
// which frame; the slot that takes it asks the engine for that exact frame.
namespace FrameMime {
inline constexpr char Type[] = "application/x-yuanjing-frame";
void write(QMimeData *data, const QString &video, media::FramePosition where, double seconds);
bool read(const QMimeData *data, QString *video, media::FramePosition *where, double *seconds);
} // namespace FrameMime

