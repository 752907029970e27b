// The media engine on FFmpeg's libraries (libavformat, libavcodec, libswscale, libswresample,
// libavutil). Built as the yuanjing-media module: nothing here is loaded until the first frame or join.
#include "media/MediaEngine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QTransform>

#include <cmath>
#include <memory>
#include <vector>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/channel_layout.h>
#include <libavutil/display.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

using namespace media;

namespace {

constexpr int kSampleRate = 48000;

QString avError(int err)
{
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(err, buf, sizeof buf);
    return QString::fromUtf8(buf);
}

Result fail(ErrorKind kind, const QString &file, const QString &detail = {})
{
    return Result{kind, file, detail};
}

Result writeError(int err, const QString &file)
{
    return fail(err == AVERROR(ENOSPC) ? ErrorKind::DiskFull : ErrorKind::WriteFailed, file, avError(err));
}

struct FrameDeleter
{
    void operator()(AVFrame *f) const { av_frame_free(&f); }
};
struct PacketDeleter
{
    void operator()(AVPacket *p) const { av_packet_free(&p); }
};
struct CodecDeleter
{
    void operator()(AVCodecContext *c) const { avcodec_free_context(&c); }
};
struct SwsDeleter
{
    void operator()(SwsContext *s) const { sws_freeContext(s); }
};
struct SwrDeleter
{
    void operator()(SwrContext *s) const { swr_free(&s); }
};
struct FifoDeleter
{
    void operator()(AVAudioFifo *f) const { av_audio_fifo_free(f); }
};
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using CodecPtr = std::unique_ptr<AVCodecContext, CodecDeleter>;
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;
using SwrPtr = std::unique_ptr<SwrContext, SwrDeleter>;
using FifoPtr = std::unique_ptr<AVAudioFifo, FifoDeleter>;

FramePtr newFrame()
{
    return FramePtr(av_frame_alloc());
}
PacketPtr newPacket()
{
    return PacketPtr(av_packet_alloc());
}

int rotationOf(const AVStream *st)
{
    const auto *matrix =
        reinterpret_cast<const int32_t *>(av_stream_get_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, nullptr));
    if (!matrix)
        return 0;
    const double ccw = av_display_rotation_get(matrix);
    if (std::isnan(ccw))
        return 0;
    int cw = static_cast<int>(std::lround(-ccw)) % 360;
    if (cw < 0)
        cw += 360;
    return (cw + 45) / 90 * 90 % 360;
}

// One input file, opened for reading, with decoders when asked.
struct Input
{
    QString path;
    AVFormatContext *fmt = nullptr;
    int v = -1;
    int a = -1;
    CodecPtr vdec;
    CodecPtr adec;

    ~Input() { avformat_close_input(&fmt); }

    AVStream *vst() const { return fmt->streams[v]; }
    AVStream *ast() const { return a >= 0 ? fmt->streams[a] : nullptr; }

    Result open(const QString &file)
    {
        path = file;
        const QFileInfo fi(file);
        if (!fi.exists() || !fi.isFile() || !fi.isReadable())
            return fail(ErrorKind::NotFound, file);
        int err = avformat_open_input(&fmt, QFile::encodeName(file).constData(), nullptr, nullptr);
        if (err < 0)
            return fail(ErrorKind::Corrupt, file, avError(err));
        const QByteArray format = fmt->iformat->name;
        // A still picture opens as a one-frame "video" through the image demuxers: not what is meant.
        if (format == "image2" || format.endsWith("_pipe"))
            return fail(ErrorKind::NotAVideo, file, QString::fromLatin1(format));
        err = avformat_find_stream_info(fmt, nullptr);
        if (err < 0)
            return fail(ErrorKind::Corrupt, file, avError(err));
        for (unsigned i = 0; i < fmt->nb_streams; ++i) {
            const AVStream *st = fmt->streams[i];
            if (st->codecpar->codec_type == AVMEDIA_TYPE_VIDEO &&
                !(st->disposition & AV_DISPOSITION_ATTACHED_PIC) && v < 0)
                v = int(i);
            if (st->codecpar->codec_type == AVMEDIA_TYPE_AUDIO && a < 0)
                a = int(i);
        }
        if (v < 0)
            return fail(ErrorKind::NoVideoStream, file);
        if (vst()->codecpar->width <= 0 || vst()->codecpar->height <= 0)
            return fail(ErrorKind::Corrupt, file, QStringLiteral("no picture size"));
        return {};
    }

    static Result openDecoder(AVStream *st, CodecPtr *out, const QString &file)
    {
        const AVCodec *codec = avcodec_find_decoder(st->codecpar->codec_id);
        if (!codec)
            return fail(ErrorKind::Corrupt, file,
                        QStringLiteral("no decoder for %1")
                            .arg(QString::fromLatin1(avcodec_get_name(st->codecpar->codec_id))));
        CodecPtr ctx(avcodec_alloc_context3(codec));
        int err = avcodec_parameters_to_context(ctx.get(), st->codecpar);
        if (err >= 0) {
            ctx->pkt_timebase = st->time_base;
            ctx->thread_count = 0; // as many as there are cores
            err = avcodec_open2(ctx.get(), codec, nullptr);
        }
        if (err < 0)
            return fail(ErrorKind::Corrupt, file, avError(err));
        *out = std::move(ctx);
        return {};
    }

    Result openDecoders(bool audio)
    {
        if (Result r = openDecoder(vst(), &vdec, path); !r.ok())
            return r;
        if (audio && a >= 0)
            return openDecoder(ast(), &adec, path);
        return {};
    }

    double fps() const
    {
        const AVRational r = av_guess_frame_rate(fmt, vst(), nullptr);
        return r.num > 0 && r.den > 0 ? av_q2d(r) : 25.0;
    }

    double duration() const
    {
        if (vst()->duration != AV_NOPTS_VALUE && vst()->duration > 0)
            return vst()->duration * av_q2d(vst()->time_base);
        return fmt->duration != AV_NOPTS_VALUE ? fmt->duration / double(AV_TIME_BASE) : 0;
    }

    int64_t startPts() const { return vst()->start_time != AV_NOPTS_VALUE ? vst()->start_time : 0; }
};

// Decodes video frames from where the input stands to the end (or until onFrame returns false).
// Returns the number of frames decoded; a read error other than the end is a damaged file.
Result decodeVideo(Input &in, const std::function<bool(AVFrame *)> &onFrame,
                   const std::function<bool(AVPacket *)> &onOther, int *decoded)
{
    PacketPtr pkt = newPacket();
    FramePtr frame = newFrame();
    int count = 0;
    bool stop = false;
    bool damaged = false;
    QString detail;
    auto drain = [&]() {
        while (!stop) {
            const int err = avcodec_receive_frame(in.vdec.get(), frame.get());
            if (err < 0)
                break;
            ++count;
            if (!onFrame(frame.get()))
                stop = true;
            av_frame_unref(frame.get());
        }
    };
    while (!stop) {
        const int err = av_read_frame(in.fmt, pkt.get());
        if (err < 0) {
            if (err != AVERROR_EOF) {
                damaged = true;
                detail = avError(err);
            }
            break;
        }
        if (pkt->stream_index == in.v) {
            if (avcodec_send_packet(in.vdec.get(), pkt.get()) < 0)
                damaged = true; // a broken packet: go on with the next, as players do
            else
                drain();
        } else if (onOther && !onOther(pkt.get())) {
            stop = true;
        }
        av_packet_unref(pkt.get());
    }
    if (!stop) {
        avcodec_send_packet(in.vdec.get(), nullptr);
        drain();
    }
    if (decoded)
        *decoded = count;
    if (count == 0)
        return fail(ErrorKind::Corrupt, in.path,
                    detail.isEmpty() ? QStringLiteral("no frame could be decoded") : detail);
    Q_UNUSED(damaged);
    return {};
}

QImage toImage(const AVFrame *f, int rotation)
{
    SwsPtr sws(sws_getContext(f->width, f->height, AVPixelFormat(f->format), f->width, f->height,
                              AV_PIX_FMT_RGB32, SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr,
                              nullptr, nullptr));
    if (!sws)
        return {};
    QImage image(f->width, f->height, QImage::Format_RGB32);
    uint8_t *dst[4] = {image.bits(), nullptr, nullptr, nullptr};
    int lines[4] = {int(image.bytesPerLine()), 0, 0, 0};
    sws_scale(sws.get(), f->data, f->linesize, 0, f->height, dst, lines);
    if (rotation != 0)
        image = image.transformed(QTransform().rotate(rotation));
    return image;
}

// The output file: an MP4 with one H.264 (or other) video stream and optionally one AAC stream.
class Output
{
public:
    ~Output()
    {
        if (m_oc) {
            if (m_oc->pb)
                avio_closep(&m_oc->pb);
            avformat_free_context(m_oc);
        }
    }

    Result open(const QString &part, const QString &finalName, QSize size, AVRational fps, bool audio,
                const QString &encoderName, const QString &preset, int crf, int rotation)
    {
        m_file = finalName;
        m_fps = fps;
        int err = avformat_alloc_output_context2(&m_oc, nullptr, "mp4", nullptr);
        if (err < 0 || !m_oc)
            return fail(ErrorKind::Internal, finalName, avError(err));
        const AVCodec *vcodec = avcodec_find_encoder_by_name(encoderName.toLatin1().constData());
        if (!vcodec)
            return fail(ErrorKind::NoEncoder, finalName, encoderName);
        m_venc.reset(avcodec_alloc_context3(vcodec));
        m_venc->width = size.width();
        m_venc->height = size.height();
        m_venc->pix_fmt = AV_PIX_FMT_YUV420P;
        m_venc->time_base = av_inv_q(fps);
        m_venc->framerate = fps;
        m_venc->sample_aspect_ratio = AVRational{1, 1};
        m_venc->thread_count = 0;
        if (encoderName == QLatin1String("libx264")) {
            av_opt_set(m_venc->priv_data, "preset", preset.toLatin1().constData(), 0);
            av_opt_set_int(m_venc->priv_data, "crf", crf, 0);
        } else {
            m_venc->bit_rate = 2000000;
        }
        if (m_oc->oformat->flags & AVFMT_GLOBALHEADER)
            m_venc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        if ((err = avcodec_open2(m_venc.get(), vcodec, nullptr)) < 0)
            return fail(ErrorKind::NoEncoder, finalName, avError(err));
        m_vst = avformat_new_stream(m_oc, nullptr);
        avcodec_parameters_from_context(m_vst->codecpar, m_venc.get());
        m_vst->time_base = m_venc->time_base;
        m_vst->avg_frame_rate = fps;
        if (rotation) {
            auto *matrix = reinterpret_cast<int32_t *>(
                av_stream_new_side_data(m_vst, AV_PKT_DATA_DISPLAYMATRIX, 9 * sizeof(int32_t)));
            if (matrix)
                av_display_rotation_set(matrix, rotation); // read back as -rotation: see rotationOf
        }
        if (audio) {
            const AVCodec *acodec = avcodec_find_encoder(AV_CODEC_ID_AAC);
            if (!acodec)
                return fail(ErrorKind::NoEncoder, finalName, QStringLiteral("aac"));
            m_aenc.reset(avcodec_alloc_context3(acodec));
            m_aenc->sample_fmt = AV_SAMPLE_FMT_FLTP;
            m_aenc->sample_rate = kSampleRate;
            av_channel_layout_default(&m_aenc->ch_layout, 2);
            m_aenc->bit_rate = 128000;
            m_aenc->time_base = AVRational{1, kSampleRate};
            if (m_oc->oformat->flags & AVFMT_GLOBALHEADER)
                m_aenc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
            if ((err = avcodec_open2(m_aenc.get(), acodec, nullptr)) < 0)
                return fail(ErrorKind::NoEncoder, finalName, avError(err));
            m_ast = avformat_new_stream(m_oc, nullptr);
            avcodec_parameters_from_context(m_ast->codecpar, m_aenc.get());
            m_ast->time_base = m_aenc->time_base;
            m_fifo.reset(av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, 2, kSampleRate));
        }
        return openFile(part);
    }

    // Stream copy: the streams are those of `in` (video, and audio when `audio`).
    Result openCopy(const QString &part, const QString &finalName, const Input &in, bool audio)
    {
        m_file = finalName;
        int err = avformat_alloc_output_context2(&m_oc, nullptr, "mp4", nullptr);
        if (err < 0 || !m_oc)
            return fail(ErrorKind::Internal, finalName, avError(err));
        m_vst = copyStream(in.vst());
        if (audio && in.ast())
            m_ast = copyStream(in.ast());
        if (int rotation = rotationOf(in.vst())) {
            auto *matrix = reinterpret_cast<int32_t *>(
                av_stream_new_side_data(m_vst, AV_PKT_DATA_DISPLAYMATRIX, 9 * sizeof(int32_t)));
            if (matrix)
                av_display_rotation_set(matrix, rotation); // read back as -rotation: see rotationOf
        }
        return openFile(part);
    }

    AVStream *videoStream() const { return m_vst; }
    AVStream *audioStream() const { return m_ast; }
    bool hasAudio() const { return m_ast != nullptr; }
    int64_t videoFrames() const { return m_nextVideoPts; }
    int64_t audioQueued() const { return m_audioWritten + (m_fifo ? av_audio_fifo_size(m_fifo.get()) : 0); }
    int64_t samplesForFrames(int64_t frames) const
    {
        return av_rescale_q(frames, av_inv_q(m_fps), AVRational{1, kSampleRate});
    }

    Result addVideo(AVFrame *frame)
    {
        frame->pts = m_nextVideoPts++;
        return encode(m_venc.get(), m_vst, frame);
    }

    void pushAudio(uint8_t **planes, int samples)
    {
        if (m_fifo && samples > 0)
            av_audio_fifo_write(m_fifo.get(), reinterpret_cast<void **>(planes), samples);
    }

    void pushSilence(int64_t samples)
    {
        if (!m_fifo || samples <= 0)
            return;
        std::vector<float> zeros(size_t(std::min<int64_t>(samples, kSampleRate)), 0.0f);
        while (samples > 0) {
            const int n = int(std::min<int64_t>(samples, int64_t(zeros.size())));
            void *planes[2] = {zeros.data(), zeros.data()};
            av_audio_fifo_write(m_fifo.get(), planes, n);
            samples -= n;
        }
    }

    // Cuts what is queued so that no more than `total` samples are written in all.
    void truncateAudio(int64_t total)
    {
        if (!m_fifo)
            return;
        const int64_t keep = std::max<int64_t>(0, total - m_audioWritten);
        const int size = av_audio_fifo_size(m_fifo.get());
        if (keep >= size)
            return;
        std::vector<float> l(static_cast<size_t>(size)), r(static_cast<size_t>(size));
        void *planes[2] = {l.data(), r.data()};
        av_audio_fifo_read(m_fifo.get(), planes, size);
        av_audio_fifo_reset(m_fifo.get());
        av_audio_fifo_write(m_fifo.get(), planes, int(keep));
    }

    // Encodes queued audio, never past `limit` samples in all; `final` also sends the last short frame.
    Result drainAudio(int64_t limit, bool final)
    {
        if (!m_fifo)
            return {};
        const int frameSize = m_aenc->frame_size > 0 ? m_aenc->frame_size : 1024;
        while (true) {
            const int queued = av_audio_fifo_size(m_fifo.get());
            int n = std::min(queued, frameSize);
            if (n <= 0 || (n < frameSize && !final) || m_audioWritten + n > limit)
                break;
            FramePtr f = newFrame();
            f->nb_samples = n;
            f->format = AV_SAMPLE_FMT_FLTP;
            f->sample_rate = kSampleRate;
            av_channel_layout_copy(&f->ch_layout, &m_aenc->ch_layout);
            if (av_frame_get_buffer(f.get(), 0) < 0)
                return fail(ErrorKind::Internal, m_file, QStringLiteral("out of memory"));
            av_audio_fifo_read(m_fifo.get(), reinterpret_cast<void **>(f->data), n);
            f->pts = m_audioWritten;
            m_audioWritten += n;
            if (Result r = encode(m_aenc.get(), m_ast, f.get()); !r.ok())
                return r;
        }
        return {};
    }

    Result writePacket(AVPacket *pkt)
    {
        const int err = av_interleaved_write_frame(m_oc, pkt);
        if (err < 0)
            return writeError(err, m_file);
        if (m_oc->pb->error < 0)
            return writeError(m_oc->pb->error, m_file);
        return {};
    }

    Result finish()
    {
        if (m_venc) {
            if (Result r = drainAudio(INT64_MAX, true); !r.ok())
                return r;
            if (Result r = encode(m_venc.get(), m_vst, nullptr); !r.ok())
                return r;
            if (m_aenc)
                if (Result r = encode(m_aenc.get(), m_ast, nullptr); !r.ok())
                    return r;
        }
        int err = av_write_trailer(m_oc);
        if (err < 0)
            return writeError(err, m_file);
        avio_flush(m_oc->pb);
        if (m_oc->pb->error < 0)
            return writeError(m_oc->pb->error, m_file);
        err = avio_closep(&m_oc->pb);
        if (err < 0)
            return writeError(err, m_file);
        return {};
    }

private:
    AVStream *copyStream(const AVStream *from)
    {
        AVStream *st = avformat_new_stream(m_oc, nullptr);
        avcodec_parameters_copy(st->codecpar, from->codecpar);
        st->codecpar->codec_tag = 0; // let the MP4 muxer choose
        st->time_base = from->time_base;
        st->avg_frame_rate = from->avg_frame_rate;
        return st;
    }

    Result openFile(const QString &part)
    {
        int err = avio_open(&m_oc->pb, QFile::encodeName(part).constData(), AVIO_FLAG_WRITE);
        if (err < 0)
            return writeError(err, m_file);
        err = avformat_write_header(m_oc, nullptr);
        if (err < 0)
            return writeError(err, m_file);
        return {};
    }

    Result encode(AVCodecContext *enc, AVStream *st, AVFrame *frame)
    {
        int err = avcodec_send_frame(enc, frame);
        if (err < 0 && err != AVERROR_EOF)
            return fail(ErrorKind::Internal, m_file, avError(err));
        PacketPtr pkt = newPacket();
        while ((err = avcodec_receive_packet(enc, pkt.get())) >= 0) {
            av_packet_rescale_ts(pkt.get(), enc->time_base, st->time_base);
            pkt->stream_index = st->index;
            if (Result r = writePacket(pkt.get()); !r.ok())
                return r;
        }
        return {};
    }

    QString m_file;
    AVFormatContext *m_oc = nullptr;
    CodecPtr m_venc;
    CodecPtr m_aenc;
    AVStream *m_vst = nullptr;
    AVStream *m_ast = nullptr;
    FifoPtr m_fifo;
    AVRational m_fps{25, 1};
    int64_t m_nextVideoPts = 0;
    int64_t m_audioWritten = 0;
};

// Writes to `output + ".part"` and renames it only when complete: nothing half-written is ever left
// under the final name.
class PartFile
{
public:
    explicit PartFile(const QString &output) : m_output(output), m_part(output + QStringLiteral(".part")) {}
    ~PartFile()
    {
        if (!m_done)
            QFile::remove(m_part);
    }
    const QString &part() const { return m_part; }
    Result commit()
    {
        QFile::remove(m_output);
        if (!QFile::rename(m_part, m_output))
            return fail(ErrorKind::WriteFailed, m_output, QStringLiteral("cannot rename the finished file"));
        m_done = true;
        return {};
    }

private:
    QString m_output;
    QString m_part;
    bool m_done = false;
};

QRect fitRect(QSize from, QSize into)
{
    const double scale = std::min(double(into.width()) / from.width(), double(into.height()) / from.height());
    int w = std::max(2, int(std::lround(from.width() * scale)) & ~1);
    int h = std::max(2, int(std::lround(from.height() * scale)) & ~1);
    w = std::min(w, into.width());
    h = std::min(h, into.height());
    return QRect(((into.width() - w) / 2) & ~1, ((into.height() - h) / 2) & ~1, w, h);
}

FramePtr blackFrame(QSize size)
{
    FramePtr f = newFrame();
    f->format = AV_PIX_FMT_YUV420P;
    f->width = size.width();
    f->height = size.height();
    if (av_frame_get_buffer(f.get(), 0) < 0)
        return {};
    for (int y = 0; y < f->height; ++y)
        memset(f->data[0] + y * f->linesize[0], 16, size_t(f->width));
    for (int p = 1; p < 3; ++p)
        for (int y = 0; y < (f->height + 1) / 2; ++y)
            memset(f->data[p] + y * f->linesize[p], 128, size_t((f->width + 1) / 2));
    return f;
}

AVRational toRational(double fps)
{
    const AVRational r = av_d2q(fps, 100000);
    return r.num > 0 ? r : AVRational{25, 1};
}

class FfmpegEngine final : public Engine
{
public:
    Result probe(const QString &path, ClipInfo *info) override
    {
        Input in;
        if (Result r = in.open(path); !r.ok())
            return r;
        ClipInfo ci;
        const AVCodecParameters *vp = in.vst()->codecpar;
        ci.size = QSize(vp->width, vp->height);
        ci.rotation = rotationOf(in.vst());
        ci.fps = in.fps();
        ci.duration = in.duration();
        ci.videoCodec = QString::fromLatin1(avcodec_get_name(vp->codec_id));
        if (const AVStream *as = in.ast()) {
            ci.hasAudio = true;
            ci.audioCodec = QString::fromLatin1(avcodec_get_name(as->codecpar->codec_id));
            ci.sampleRate = as->codecpar->sample_rate;
            ci.channels = as->codecpar->ch_layout.nb_channels;
        }
        if (info)
            *info = ci;
        return {};
    }

    Result frame(const QString &path, FramePosition where, double seconds, QImage *image) override
    {
        Input in;
        if (Result r = in.open(path); !r.ok())
            return r;
        if (Result r = in.openDecoders(false); !r.ok())
            return r;
        const AVRational tb = in.vst()->time_base;
        const int rotation = rotationOf(in.vst());
        FramePtr kept = newFrame();
        bool have = false;
        auto keep = [&](AVFrame *f) {
            av_frame_unref(kept.get());
            av_frame_ref(kept.get(), f);
            have = true;
        };
        auto ptsOf = [](const AVFrame *f) {
            return f->best_effort_timestamp != AV_NOPTS_VALUE ? f->best_effort_timestamp : f->pts;
        };
        Result r;
        if (where == FramePosition::First) {
            r = decodeVideo(
                in,
                [&](AVFrame *f) {
                    keep(f);
                    return false;
                },
                {}, nullptr);
        } else if (where == FramePosition::At) {
            const double duration = in.duration();
            if (seconds < 0 || (duration > 0 && seconds > duration + 1e-3))
                return fail(ErrorKind::BadArgument, path, QString::number(seconds));
            const int64_t target =
                in.startPts() + av_rescale_q(int64_t(std::llround(seconds * 1e6)), AV_TIME_BASE_Q, tb);
            if (av_seek_frame(in.fmt, in.v, target, AVSEEK_FLAG_BACKWARD) < 0)
                av_seek_frame(in.fmt, in.v, in.startPts(), AVSEEK_FLAG_BACKWARD);
            avcodec_flush_buffers(in.vdec.get());
            // The frame shown at `seconds` is the last one that starts at or before it.
            r = decodeVideo(
                in,
                [&](AVFrame *f) {
                    if (ptsOf(f) <= target || !have) {
                        const bool after = ptsOf(f) > target;
                        keep(f);
                        return !after;
                    }
                    return false;
                },
                {}, nullptr);
        } else {
            // The last frame: from the last key frame to the very end, keeping the latest picture.
            int64_t best = INT64_MIN;
            auto latest = [&](AVFrame *f) {
                if (ptsOf(f) >= best) {
                    best = ptsOf(f);
                    keep(f);
                }
                return true;
            };
            const int64_t end =
                in.startPts() + (in.vst()->duration > 0 ? in.vst()->duration
                                                        : av_rescale_q(in.fmt->duration, AV_TIME_BASE_Q, tb));
            if (av_seek_frame(in.fmt, in.v, end, AVSEEK_FLAG_BACKWARD) >= 0) {
                avcodec_flush_buffers(in.vdec.get());
                r = decodeVideo(in, latest, {}, nullptr);
            }
            if (!have) {
                // No index to seek with: read it all.
                av_seek_frame(in.fmt, in.v, in.startPts(), AVSEEK_FLAG_BACKWARD);
                avcodec_flush_buffers(in.vdec.get());
                r = decodeVideo(in, latest, {}, nullptr);
            }
        }
        if (!have)
            return r.ok() ? fail(ErrorKind::Corrupt, path, QStringLiteral("no frame")) : r;
        QImage out = toImage(kept.get(), rotation);
        if (out.isNull())
            return fail(ErrorKind::Corrupt, path, QStringLiteral("unknown picture format"));
        if (image)
            *image = out;
        return {};
    }

    Result writeClip(const QString &output, const ClipSpec &spec, const Progress &progress) override
    {
        if (spec.size.isEmpty() || spec.fps <= 0 || spec.frames <= 0 || !spec.frame)
            return fail(ErrorKind::BadArgument, output);
        const QSize size(spec.size.width() & ~1, spec.size.height() & ~1);
        PartFile part(output);
        Output out;
        if (Result r = out.open(part.part(), output, size, toRational(spec.fps), spec.audio,
                                spec.videoEncoder, QStringLiteral("veryfast"), 18, spec.rotation);
            !r.ok())
            return r;
        SwsPtr sws(sws_getContext(size.width(), size.height(), AV_PIX_FMT_RGB32, size.width(), size.height(),
                                  AV_PIX_FMT_YUV420P, SWS_BICUBIC, nullptr, nullptr, nullptr));
        double phase = 0;
        for (int n = 0; n < spec.frames; ++n) {
            QImage picture = spec.frame(n);
            if (picture.size() != size)
                picture = picture.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            picture = picture.convertToFormat(QImage::Format_RGB32);
            FramePtr f = blackFrame(size);
            const uint8_t *src[4] = {picture.constBits(), nullptr, nullptr, nullptr};
            const int lines[4] = {int(picture.bytesPerLine()), 0, 0, 0};
            sws_scale(sws.get(), src, lines, 0, size.height(), f->data, f->linesize);
            if (Result r = out.addVideo(f.get()); !r.ok())
                return r;
            if (spec.audio) {
                const int64_t target = out.samplesForFrames(n + 1);
                const int count = int(target - out.audioQueued());
                std::vector<float> tone(size_t(std::max(count, 0)));
                for (float &s : tone) {
                    s = float(0.3 * std::sin(phase));
                    phase += 2 * M_PI * spec.toneHz / kSampleRate;
                }
                uint8_t *planes[2] = {reinterpret_cast<uint8_t *>(tone.data()),
                                      reinterpret_cast<uint8_t *>(tone.data())};
                out.pushAudio(planes, count);
                if (Result r = out.drainAudio(target, false); !r.ok())
                    return r;
            }
            if (progress && !progress(double(n + 1) / spec.frames))
                return fail(ErrorKind::Cancelled, output);
        }
        if (Result r = out.finish(); !r.ok())
            return r;
        return part.commit();
    }

    Result join(const QStringList &inputs, const QString &output, const JoinOptions &options,
                const Progress &progress, JoinReport *report) override
    {
        if (inputs.isEmpty())
            return fail(ErrorKind::BadArgument, output);
        QList<ClipInfo> infos;
        for (const QString &file : inputs) {
            ClipInfo info;
            if (Result r = probe(file, &info); !r.ok())
                return r;
            infos << info;
        }
        if (!QFileInfo(output).absoluteDir().exists())
            return fail(ErrorKind::WriteFailed, output, QStringLiteral("no such folder"));
        JoinReport rep;
        Result r = canCopy(inputs, options) ? joinCopy(inputs, output, progress, &rep)
                                            : joinReencode(inputs, infos, output, options, progress, &rep);
        if (r.ok() && report)
            *report = rep;
        return r;
    }

private:
    // Stream copy only when every clip's streams could follow each other in one file unchanged.
    bool canCopy(const QStringList &inputs, const JoinOptions &options)
    {
        if (options.forceReencode)
            return false;
        std::vector<std::unique_ptr<Input>> ins;
        for (const QString &file : inputs) {
            auto in = std::make_unique<Input>();
            if (!in->open(file).ok())
                return false;
            ins.push_back(std::move(in));
        }
        const Input &first = *ins.front();
        const AVCodecParameters *fv = first.vst()->codecpar;
        if (fv->codec_id != AV_CODEC_ID_H264)
            return false; // the film is H.264
        if (!options.size.isEmpty() && options.size != QSize(fv->width, fv->height))
            return false;
        if (options.fps > 0 && std::abs(options.fps - first.fps()) > 1e-3)
            return false;
        auto sameExtra = [](const AVCodecParameters *a, const AVCodecParameters *b) {
            return a->extradata_size == b->extradata_size &&
                   (a->extradata_size == 0 ||
                    memcmp(a->extradata, b->extradata, size_t(a->extradata_size)) == 0);
        };
        for (const auto &in : ins) {
            const AVCodecParameters *v = in->vst()->codecpar;
            if (v->codec_id != fv->codec_id || v->width != fv->width || v->height != fv->height ||
                v->format != fv->format || !sameExtra(v, fv) || std::abs(in->fps() - first.fps()) > 1e-3 ||
                av_cmp_q(in->vst()->time_base, first.vst()->time_base) != 0 ||
                rotationOf(in->vst()) != rotationOf(first.vst()))
                return false;
            if ((in->ast() != nullptr) != (first.ast() != nullptr))
                return false;
            if (in->ast()) {
                const AVCodecParameters *a = in->ast()->codecpar;
                const AVCodecParameters *fa = first.ast()->codecpar;
                if (a->codec_id != AV_CODEC_ID_AAC || a->codec_id != fa->codec_id ||
                    a->sample_rate != fa->sample_rate ||
                    a->ch_layout.nb_channels != fa->ch_layout.nb_channels || !sameExtra(a, fa) ||
                    av_cmp_q(in->ast()->time_base, first.ast()->time_base) != 0)
                    return false;
            }
        }
        return true;
    }

    Result joinCopy(const QStringList &inputs, const QString &output, const Progress &progress,
                    JoinReport *rep)
    {
        PartFile part(output);
        Output out;
        Input first;
        if (Result r = first.open(inputs.front()); !r.ok())
            return r;
        const bool audio = first.ast() != nullptr;
        if (Result r = out.openCopy(part.part(), output, first, audio); !r.ok())
            return r;
        AVStream *ov = out.videoStream();
        AVStream *oa = out.audioStream();
        int64_t offsetV = 0, offsetA = 0; // where this clip starts, in the output streams' time bases
        int64_t endV = 0, endA = 0;
        int64_t lastDtsV = INT64_MIN, lastDtsA = INT64_MIN;
        PacketPtr pkt = newPacket();
        for (int i = 0; i < inputs.size(); ++i) {
            Input in;
            if (Result r = in.open(inputs.at(i)); !r.ok())
                return r;
            const qint64 fileSize = QFileInfo(inputs.at(i)).size();
            const AVStream *iv = in.vst();
            const AVStream *ia = in.ast();
            const int64_t startV = iv->start_time != AV_NOPTS_VALUE ? iv->start_time : 0;
            const int64_t startA = ia && ia->start_time != AV_NOPTS_VALUE ? ia->start_time : 0;
            int err;
            while ((err = av_read_frame(in.fmt, pkt.get())) >= 0) {
                const bool isV = pkt->stream_index == in.v;
                const bool isA = audio && pkt->stream_index == in.a;
                if (!isV && !isA) {
                    av_packet_unref(pkt.get());
                    continue;
                }
                const AVStream *is = isV ? iv : ia;
                AVStream *os = isV ? ov : oa;
                const int64_t start = isV ? startV : startA;
                if (pkt->pts != AV_NOPTS_VALUE)
                    pkt->pts -= start;
                if (pkt->dts != AV_NOPTS_VALUE)
                    pkt->dts -= start;
                av_packet_rescale_ts(pkt.get(), is->time_base, os->time_base);
                const int64_t offset = isV ? offsetV : offsetA;
                if (pkt->pts != AV_NOPTS_VALUE)
                    pkt->pts += offset;
                if (pkt->dts != AV_NOPTS_VALUE)
                    pkt->dts += offset;
                int64_t &lastDts = isV ? lastDtsV : lastDtsA;
                if (pkt->dts != AV_NOPTS_VALUE) {
                    if (pkt->dts <= lastDts)
                        pkt->dts = lastDts + 1;
                    if (pkt->pts != AV_NOPTS_VALUE && pkt->pts < pkt->dts)
                        pkt->pts = pkt->dts;
                    lastDts = pkt->dts;
                }
                const int64_t end = (pkt->pts != AV_NOPTS_VALUE ? pkt->pts : pkt->dts) + pkt->duration;
                int64_t &streamEnd = isV ? endV : endA;
                streamEnd = std::max(streamEnd, end);
                pkt->stream_index = os->index;
                pkt->pos = -1;
                if (Result r = out.writePacket(pkt.get()); !r.ok())
                    return r;
                if (progress && fileSize > 0 && in.fmt->pb) {
                    const double within = std::clamp(double(avio_tell(in.fmt->pb)) / fileSize, 0.0, 1.0);
                    if (!progress((i + within) / inputs.size()))
                        return fail(ErrorKind::Cancelled, output);
                }
            }
            if (err != AVERROR_EOF)
                return fail(ErrorKind::Corrupt, inputs.at(i), avError(err));
            // The next clip starts where this one's pictures end; its sound no earlier than this one's.
            offsetV = endV;
            if (oa)
                offsetA = std::max(endA, av_rescale_q(endV, ov->time_base, oa->time_base));
        }
        if (Result r = out.finish(); !r.ok())
            return r;
        if (Result r = part.commit(); !r.ok())
            return r;
        rep->streamCopied = true;
        rep->duration = endV * av_q2d(ov->time_base);
        rep->size = QSize(ov->codecpar->width, ov->codecpar->height);
        rep->fps = first.fps();
        rep->hasAudio = audio;
        return {};
    }

    Result joinReencode(const QStringList &inputs, const QList<ClipInfo> &infos, const QString &output,
                        const JoinOptions &options, const Progress &progress, JoinReport *rep)
    {
        const ClipInfo &first = infos.front();
        QSize upright = (first.rotation % 180) ? first.size.transposed() : first.size;
        QSize size = options.size.isEmpty() ? upright : options.size;
        size = QSize(std::max(2, size.width() & ~1), std::max(2, size.height() & ~1));
        const AVRational fps = toRational(options.fps > 0 ? options.fps : first.fps);
        const double outFps = av_q2d(fps);
        bool anyAudio = false;
        double total = 0;
        for (const ClipInfo &info : infos) {
            anyAudio = anyAudio || info.hasAudio;
            total += std::max(info.duration, 0.001);
        }
        PartFile part(output);
        Output out;
        if (Result r = out.open(part.part(), output, size, fps, anyAudio, QStringLiteral("libx264"),
                                options.x264Preset, options.crf, 0);
            !r.ok())
            return r;
        double done = 0;
        AVChannelLayout stereo;
        av_channel_layout_default(&stereo, 2);
        for (int i = 0; i < inputs.size(); ++i) {
            Input in;
            if (Result r = in.open(inputs.at(i)); !r.ok())
                return r;
            if (Result r = in.openDecoders(anyAudio); !r.ok())
                return r;
            const int rotation = rotationOf(in.vst());
            const double inFps = in.fps();
            const double tb = av_q2d(in.vst()->time_base);
            const int64_t start = in.startPts();
            const int64_t clipFirstSlot = out.videoFrames();
            FramePtr pending = blackFrame(size);
            if (!pending)
                return fail(ErrorKind::Internal, output, QStringLiteral("out of memory"));
            bool havePending = false;
            double lastTs = 0;
            SwsPtr sws;
            QSize swsFrom;
            int swsFormat = -1;
            SwrPtr swr;
            if (in.adec) {
                SwrContext *s = nullptr;
                if (swr_alloc_set_opts2(&s, &stereo, AV_SAMPLE_FMT_FLTP, kSampleRate, &in.adec->ch_layout,
                                        in.adec->sample_fmt, in.adec->sample_rate, 0, nullptr) < 0 ||
                    swr_init(s) < 0) {
                    swr_free(&s);
                    return fail(ErrorKind::Corrupt, inputs.at(i), QStringLiteral("audio format"));
                }
                swr.reset(s);
            }
            Result failure;
            auto emitUntil = [&](double ts) -> bool {
                // Every output frame whose time comes before `ts` shows the pending picture.
                while (havePending) {
                    const int64_t slot = out.videoFrames() - clipFirstSlot;
                    if (slot / outFps >= ts - 1e-4)
                        break;
                    if (Result r = out.addVideo(pending.get()); !r.ok()) {
                        failure = r;
                        return false;
                    }
                    if (Result r = out.drainAudio(out.samplesForFrames(out.videoFrames()), false); !r.ok()) {
                        failure = r;
                        return false;
                    }
                }
                return true;
            };
            auto onVideo = [&](AVFrame *f) -> bool {
                const int64_t pts =
                    f->best_effort_timestamp != AV_NOPTS_VALUE ? f->best_effort_timestamp : f->pts;
                const double ts = pts == AV_NOPTS_VALUE ? lastTs + 1 / inFps : (pts - start) * tb;
                if (!emitUntil(ts))
                    return false;
                // The new picture, rotated upright when it must be, scaled into the frame and centred.
                AVFrame *src = f;
                FramePtr rotated;
                if (rotation) {
                    const QImage image = toImage(f, rotation);
                    rotated = newFrame();
                    rotated->format = AV_PIX_FMT_RGB32;
                    rotated->width = image.width();
                    rotated->height = image.height();
                    av_frame_get_buffer(rotated.get(), 0);
                    for (int y = 0; y < image.height(); ++y)
                        memcpy(rotated->data[0] + y * rotated->linesize[0], image.constScanLine(y),
                               size_t(image.width() * 4));
                    src = rotated.get();
                }
                if (!sws || swsFrom != QSize(src->width, src->height) || swsFormat != src->format) {
                    swsFrom = QSize(src->width, src->height);
                    swsFormat = src->format;
                    const QRect fit = fitRect(swsFrom, size);
                    sws.reset(sws_getContext(src->width, src->height, AVPixelFormat(src->format), fit.width(),
                                             fit.height(), AV_PIX_FMT_YUV420P, SWS_BICUBIC, nullptr, nullptr,
                                             nullptr));
                    av_frame_make_writable(pending.get());
                    FramePtr black = blackFrame(size);
                    av_frame_copy(pending.get(), black.get());
                }
                if (!sws) {
                    failure = fail(ErrorKind::Corrupt, inputs.at(i), QStringLiteral("picture format"));
                    return false;
                }
                av_frame_make_writable(pending.get());
                const QRect fit = fitRect(swsFrom, size);
                uint8_t *dst[4] = {pending->data[0] + fit.y() * pending->linesize[0] + fit.x(),
                                   pending->data[1] + fit.y() / 2 * pending->linesize[1] + fit.x() / 2,
                                   pending->data[2] + fit.y() / 2 * pending->linesize[2] + fit.x() / 2,
                                   nullptr};
                sws_scale(sws.get(), src->data, src->linesize, 0, src->height, dst, pending->linesize);
                havePending = true;
                lastTs = ts;
                if (progress && !progress((done + std::min(ts, infos.at(i).duration)) / total)) {
                    failure = fail(ErrorKind::Cancelled, output);
                    return false;
                }
                return true;
            };
            FramePtr audioFrame = newFrame();
            auto convert = [&](AVFrame *af) {
                const int room = swr_get_out_samples(swr.get(), af ? af->nb_samples : 0);
                if (room <= 0)
                    return;
                std::vector<float> l(static_cast<size_t>(room)), r(static_cast<size_t>(room));
                uint8_t *planes[2] = {reinterpret_cast<uint8_t *>(l.data()),
                                      reinterpret_cast<uint8_t *>(r.data())};
                const int n = swr_convert(swr.get(), planes, room,
                                          af ? const_cast<const uint8_t **>(af->extended_data) : nullptr,
                                          af ? af->nb_samples : 0);
                out.pushAudio(planes, n);
            };
            auto onOther = [&](AVPacket *pkt) -> bool {
                if (!in.adec || pkt->stream_index != in.a)
                    return true;
                if (avcodec_send_packet(in.adec.get(), pkt) < 0)
                    return true; // a damaged audio packet: silence there
                while (avcodec_receive_frame(in.adec.get(), audioFrame.get()) >= 0) {
                    convert(audioFrame.get());
                    av_frame_unref(audioFrame.get());
                }
                return true;
            };
            Result r = decodeVideo(in, onVideo, onOther, nullptr);
            if (!failure.ok())
                return failure;
            if (!r.ok())
                return r;
            if (!emitUntil(lastTs + 1 / inFps))
                return failure;
            if (in.adec) {
                avcodec_send_packet(in.adec.get(), nullptr);
                while (avcodec_receive_frame(in.adec.get(), audioFrame.get()) >= 0) {
                    convert(audioFrame.get());
                    av_frame_unref(audioFrame.get());
                }
                convert(nullptr);
            }
            if (anyAudio) {
                // This clip's sound lasts exactly as long as its pictures: cut, or filled with silence.
                const int64_t target = out.samplesForFrames(out.videoFrames());
                out.truncateAudio(target);
                out.pushSilence(target - out.audioQueued());
                if (Result a = out.drainAudio(target, false); !a.ok())
                    return a;
            }
            done += std::max(infos.at(i).duration, 0.001);
        }
        av_channel_layout_uninit(&stereo);
        if (Result r = out.finish(); !r.ok())
            return r;
        if (Result r = part.commit(); !r.ok())
            return r;
        rep->streamCopied = false;
        rep->duration = out.videoFrames() / outFps;
        rep->size = size;
        rep->fps = outFps;
        rep->hasAudio = anyAudio;
        if (progress)
            progress(1.0);
        return {};
    }
};

} // namespace

extern "C" Q_DECL_EXPORT media::Engine *yuanjing_create_media_engine()
{
    // The engine reports what went wrong itself, in the user's words; FFmpeg's own chatter (encoder
    // statistics, demuxer warnings) only on request.
    av_log_set_level(qEnvironmentVariableIsSet("YUANJING_FFMPEG_LOG") ? AV_LOG_INFO : AV_LOG_QUIET);
    return new FfmpegEngine;
}
