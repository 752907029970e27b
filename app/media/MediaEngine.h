#pragma once

#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

// The media engine as the core and the command line see it: exact frames out of a video, clips joined
// into one MP4, short clips written from pictures (test fixtures, the simulator's demo clips). The
// engine itself (FFmpeg's libraries) lives in a module of its own, yuanjing-media, loaded on first use
// (MediaEngine::load): the app does not pay for libavcodec and its codecs at start-up.
// Every call is blocking and meant for a worker thread (MediaJob runs them there).
namespace media {

// What went wrong, as a kind the core turns into a translated message (MediaError); the module itself
// has no translations.
enum class ErrorKind {
    None,
    NotFound,      // the file is not there or cannot be read
    NotAVideo,     // a picture where a video is expected
    NoVideoStream, // a media file without a video stream (audio only)
    Corrupt,       // truncated or damaged: cannot be opened or decoded
    DiskFull,      // no space left while writing
    WriteFailed,   // the output cannot be written (folder missing, no permission)
    NoEncoder,     // the FFmpeg build lacks the H.264 or AAC encoder
    Cancelled,
    BadArgument, // a time past the end, a size of zero
    Internal,
};

struct Result
{
    ErrorKind kind = ErrorKind::None;
    QString file;   // the file it is about
    QString detail; // FFmpeg's own words, for the curious
    bool ok() const { return kind == ErrorKind::None; }
};

struct ClipInfo
{
    QSize size;       // as stored, before rotation
    int rotation = 0; // degrees clockwise to show it upright (0, 90, 180, 270)
    double fps = 0;
    double duration = 0; // seconds
    QString videoCodec;
    bool hasAudio = false;
    QString audioCodec;
    int sampleRate = 0;
    int channels = 0;
};

enum class FramePosition { First, At, Last };

struct JoinOptions
{
    QSize size;     // empty: the first clip's
    double fps = 0; // 0: the first clip's
    // Re-encode even when every clip matches (benchmarks, and clips the user wants normalised).
    bool forceReencode = false;
    QString x264Preset = QStringLiteral("veryfast");
    int crf = 20;
};

struct JoinReport
{
    bool streamCopied = false;
    double duration = 0;
    QSize size;
    double fps = 0;
    bool hasAudio = false;
};

// A clip to write: `frames` pictures at `fps`, optionally with a tone (for tests and demo clips).
struct ClipSpec
{
    QSize size{320, 240};
    double fps = 25;
    int frames = 25;
    std::function<QImage(int)> frame; // picture for frame n (scaled to size when it differs)
    bool audio = false;
    double toneHz = 440;
    QString videoEncoder = QStringLiteral("libx264"); // or "mpeg4": another codec
    int rotation = 0;                                 // written as display-matrix side data
};

// Progress from 0 to 1; returns false to cancel.
using Progress = std::function<bool(double)>;

class Engine
{
public:
    virtual ~Engine() = default;
    virtual Result probe(const QString &path, ClipInfo *info) = 0;
    // The frame shown at `seconds` (At), or the first or the very last decoded frame, upright.
    virtual Result frame(const QString &path, FramePosition where, double seconds, QImage *image) = 0;
    // Joins `inputs` into `output` (written as output + ".part", renamed when complete).
    virtual Result join(const QStringList &inputs, const QString &output, const JoinOptions &options,
                        const Progress &progress, JoinReport *report) = 0;
    virtual Result writeClip(const QString &output, const ClipSpec &spec, const Progress &progress) = 0;
};

} // namespace media

// What the module exports: a C function that makes the engine (one per call; engines are not shared
// between threads).
using CreateMediaEngine = media::Engine *(*)();
#define YJ_CREATE_MEDIA_ENGINE_SYMBOL "yuanjing_create_media_engine"
