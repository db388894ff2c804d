#include "video/FrameDecoder.h"

#include "video/FFmpegSupport.h"
#include "video/FrameConverter.h"

#include <optional>
#include <utility>

namespace sprocket::video
{
namespace
{
    /** A decoded picture kept as FFmpeg gave it; converted only when it is asked for. */
    struct HeldPicture
    {
        detail::FramePtr picture { av_frame_alloc() };
        int64_t index = -1;
        bool damaged = false;
        bool lossBefore = false; // packets between the previous picture and this one failed
        bool valid() const noexcept { return index >= 0; }
        void clear() noexcept
        {
            av_frame_unref (picture.get());
            index = -1;
            damaged = lossBefore = false;
        }
    };

    // Backward seeks that land after the target (an index in decode order, a B-frame's reordering)
    // retry this many frame durations earlier, doubling, before decoding from the very start.
    constexpr int retrySeconds = 2;
    constexpr int seekAttempts = 4;
} // namespace

struct FrameDecoder::Impl
{
    enum class Outcome
    {
        found,
        overshot, // the first picture after a seek is already past the target
        ended,
        abandoned
    };

    MovieInfo info;
    detail::FormatPtr format;
    detail::CodecPtr codec;
    detail::PacketPtr packet { av_packet_alloc() };
    AVStream* stream = nullptr;
    AVRational frameDuration {}; // one frame in seconds: 1001/24000
    int64_t originPts = 0;
    detail::FrameConverter converter;

    HeldPicture current; // the last picture at or before the last target
    HeldPicture ahead;   // a picture decoded past the last target, kept for the next request
    HeldPicture incoming;
    bool draining = false;
    bool ended = false;
    bool lossPending = false;
    bool awaitingKeyframe = false;
    bool constantRate = true;
    int64_t lastReceived = -1;
    int64_t seeks = 0;
    int64_t decoded = 0;
    int64_t endIndex = -1; // the last picture, once decoding has reached the end
    const std::atomic<bool>* abandonFlag = nullptr;

    bool abandonRequested() const noexcept { return abandonFlag != nullptr && abandonFlag->load (std::memory_order_relaxed); }

    explicit Impl (FrameSize size) : converter (size) {}

    int64_t indexOf (int64_t pts) const noexcept
    {
        return av_rescale_q_rnd (pts - originPts, stream->time_base, frameDuration, AV_ROUND_NEAR_INF);
    }

    int64_t ptsOf (int64_t index) const noexcept
    {
        return originPts + av_rescale_q_rnd (index, frameDuration, stream->time_base, AV_ROUND_DOWN);
    }

    int64_t lastIndex() const noexcept { return ahead.valid() ? ahead.index : current.index; }

    /** The next picture in presentation order into `incoming`; false at the end of the stream. */
    bool receiveNext()
    {
        for (;;)
        {
            const int received = avcodec_receive_frame (codec.get(), incoming.picture.get());
            if (received == 0)
            {
                ++decoded;
                AVFrame& picture = *incoming.picture;
                const int64_t pts = picture.best_effort_timestamp;
                incoming.index = pts != AV_NOPTS_VALUE ? indexOf (pts) : lastReceived + 1;
                // A picture missing from a constant-rate stream was lost (frame-threaded decoders
                // report the failure late or not at all). After any loss, pictures predicted from
                // the lost one are wrong even when the decoder conceals it: damaged until a keyframe.
                const bool gap = constantRate && lastReceived >= 0 && incoming.index > lastReceived + 1;
                incoming.lossBefore = std::exchange (lossPending, false) || gap;
                if (incoming.lossBefore)
                    awaitingKeyframe = true;
                if (picture.key_frame != 0)
                    awaitingKeyframe = false;
                incoming.damaged =
                    (picture.flags & AV_FRAME_FLAG_CORRUPT) != 0 || picture.decode_error_flags != 0 || awaitingKeyframe;
                lastReceived = incoming.index;
                return true;
            }
            if (received == AVERROR_EOF)
            {
                ended = true;
                return false;
            }
            if (received != AVERROR (EAGAIN))
            {
                lossPending = true;
                continue;
            }
            if (draining)
            {
                ended = true;
                return false;
            }

            const int read = av_read_frame (format.get(), packet.get());
            if (read < 0)
            {
                // End of file, or a read error (a truncated file): decode what is buffered.
                if (read != AVERROR_EOF)
                    lossPending = true;
                avcodec_send_packet (codec.get(), nullptr);
                draining = true;
                continue;
            }
            if (packet->stream_index == stream->index)
            {
                if ((packet->flags & AV_PKT_FLAG_CORRUPT) != 0)
                    lossPending = true;
                if (avcodec_send_packet (codec.get(), packet.get()) < 0)
                    lossPending = true;
            }
            av_packet_unref (packet.get());
        }
    }

    void forgetPosition()
    {
        avcodec_flush_buffers (codec.get());
        current.clear();
        ahead.clear();
        incoming.clear();
        draining = ended = lossPending = awaitingKeyframe = false;
        lastReceived = -1;
    }

    /** Seeks so that decoding starts at or before `index`; false if the container refuses. */
    bool seekBefore (int64_t index)
    {
        ++seeks;
        forgetPosition();
        if (index <= 0)
            return avformat_seek_file (format.get(), stream->index, INT64_MIN, ptsOf (0), ptsOf (0), 0) >= 0
                   || av_seek_frame (format.get(), stream->index, ptsOf (0), AVSEEK_FLAG_BACKWARD) >= 0;
        return av_seek_frame (format.get(), stream->index, ptsOf (index), AVSEEK_FLAG_BACKWARD) >= 0;
    }

    /** Whether a keyframe lies between the decoded position and the target, so that seeking
        skips work; without an index, whether the target is more than two seconds ahead. */
    bool seekingIsShorter (int64_t target) const
    {
        const int entry = av_index_search_timestamp (stream, ptsOf (target), AVSEEK_FLAG_BACKWARD);
        if (entry < 0)
            return target - lastIndex() > 2 * core::nominalFramesPerSecond (info.frameRate.value_or (core::FrameRate::fps30));
        const AVIndexEntry* keyframe = avformat_index_get_entry (stream, entry);
        return keyframe != nullptr && indexOf (keyframe->timestamp) > lastIndex() + 1;
    }

    /** Decodes forward from the current position until a picture reaches `target`. */
    Outcome decodeForward (int64_t target)
    {
        if (ahead.valid())
        {
            if (ahead.index > target)
                return current.valid() ? Outcome::found : Outcome::overshot;
            std::swap (current, ahead);
            ahead.clear();
            if (current.index == target)
                return Outcome::found;
        }
        while (receiveNext())
        {
            if (abandonRequested())
            {
                // Keep the picture as the position, so the decoder stays usable.
                std::swap (current, incoming);
                return Outcome::abandoned;
            }
            if (incoming.index <= target)
            {
                std::swap (current, incoming);
                if (current.index == target)
                    return Outcome::found;
                continue;
            }
            std::swap (ahead, incoming);
            return current.valid() ? Outcome::found : Outcome::overshot;
        }
        return Outcome::ended;
    }

    Outcome seekAndDecode (int64_t target)
    {
        const int64_t step =
            int64_t (retrySeconds) * core::nominalFramesPerSecond (info.frameRate.value_or (core::FrameRate::fps30));
        for (int attempt = 0; attempt <= seekAttempts; ++attempt)
        {
            if (abandonRequested())
                return Outcome::abandoned;
            const int64_t from = attempt == seekAttempts ? 0 : target - (attempt == 0 ? 0 : step << (attempt - 1));
            if (! seekBefore (from) && ! seekBefore (0))
                return Outcome::ended;
            if (const auto outcome = decodeForward (target); outcome != Outcome::overshot)
                return outcome;
            if (from <= 0)
                break;
        }
        return Outcome::overshot;
    }

    /** `current` shows at `target`: the picture itself, or the one before a gap in the stream. */
    VideoFrame shownAt (int64_t target)
    {
        const bool lostHere = current.index != target && ahead.valid() && ahead.lossBefore;
        if (current.damaged || lostHere)
            return converter.blank (target);
        return converter.convert (*current.picture, target);
    }

    /** The picture shown at target; nothing if abandoned. */
    std::optional<VideoFrame> frameAt (int64_t target)
    {
        if (current.valid() && current.index == target)
            return shownAt (target);
        if (endIndex >= 0 && target > endIndex)
            return converter.blank (target); // past the last picture the file really holds

        // Forward from here when the target is ahead and no keyframe lies in between.
        const bool canDecodeForward = (current.valid() || ahead.valid()) && target > current.index && (! ended || ahead.valid());
        auto outcome = Outcome::overshot;
        if (canDecodeForward && ! seekingIsShorter (target))
            outcome = decodeForward (target);
        if (outcome == Outcome::overshot)
            outcome = seekAndDecode (target);

        if (outcome == Outcome::abandoned)
            return std::nullopt;
        if (outcome == Outcome::ended && current.valid())
            endIndex = current.index;
        if (outcome != Outcome::found)
            return converter.blank (target);
        return shownAt (target);
    }
};

FrameDecoder::FrameDecoder (std::unique_ptr<Impl> state) : impl (std::move (state)) {}
FrameDecoder::~FrameDecoder() = default;

core::Result<std::unique_ptr<FrameDecoder>> FrameDecoder::open (const std::filesystem::path& path, const DecoderOptions& options)
{
    auto format = detail::openContainer (path);
    if (! format.ok())
        return format.error();
    auto info = detail::describeMovie (path, *format.value());
    if (! info.ok())
        return info.error();
    AVStream* stream = format.value()->streams[info->videoStreamIndex];
    auto codec = detail::openDecoder (path, *stream, options.threads);
    if (! codec.ok())
        return codec.error();

    const AVRational sar = stream->codecpar->sample_aspect_ratio;
    auto impl =
        std::make_unique<Impl> (detail::resolveOutputSize (options.outputSize, info->width, info->height, sar.num, sar.den));
    impl->info = std::move (info.value());
    impl->format = std::move (format.value());
    impl->codec = std::move (codec.value());
    impl->stream = stream;
    impl->constantRate = av_cmp_q (stream->avg_frame_rate, stream->r_frame_rate) == 0;
    impl->frameDuration = AVRational { int (impl->info.frameRatio.denominator), int (impl->info.frameRatio.numerator) };
    // Only this stream's packets are needed; the demuxer can skip the rest cheaply.
    for (unsigned i = 0; i < impl->format->nb_streams; ++i)
        if (int (i) != stream->index)
            impl->format->streams[i]->discard = AVDISCARD_ALL;

    // Frame 0 is the first picture presented: take its time from the picture itself, since
    // start_time is not always what the decoder produces first (edit lists, B-frame delay).
    impl->originPts = stream->start_time != AV_NOPTS_VALUE ? stream->start_time : 0;
    if (impl->receiveNext())
    {
        if (impl->incoming.picture->best_effort_timestamp != AV_NOPTS_VALUE)
            impl->originPts = impl->incoming.picture->best_effort_timestamp;
        impl->incoming.index = 0;
        impl->lastReceived = 0;
        std::swap (impl->ahead, impl->incoming);
    }
    return std::unique_ptr<FrameDecoder> (new FrameDecoder (std::move (impl)));
}

const MovieInfo& FrameDecoder::info() const noexcept
{
    return impl->info;
}

FrameSize FrameDecoder::outputSize() const noexcept
{
    return impl->converter.outputSize();
}

core::Result<VideoFrame> FrameDecoder::decodeFrame (int64_t frameIndex)
{
    if (frameIndex < 0 || frameIndex >= impl->info.frameCount)
        return core::makeError (impl->info.path.string() + ": no frame " + std::to_string (frameIndex) + " (the movie has "
                                + std::to_string (impl->info.frameCount) + " frames)");
    auto frame = impl->frameAt (frameIndex);
    if (! frame)
        return core::makeError (impl->info.path.string() + ": decoding frame " + std::to_string (frameIndex) + " abandoned");
    return std::move (*frame);
}

void FrameDecoder::setAbandonFlag (const std::atomic<bool>* flag) noexcept
{
    impl->abandonFlag = flag;
}

int64_t FrameDecoder::seekCount() const noexcept
{
    return impl->seeks;
}

int64_t FrameDecoder::picturesDecoded() const noexcept
{
    return impl->decoded;
}
} // namespace sprocket::video
