#include "video/MovieAudio.h"

#include "video/FFmpegSupport.h"
#include "video/MovieInfo.h"

#include "io/AudioFileWriter.h"

#include <algorithm>
#include <vector>

namespace sprocket::video
{
namespace
{
    float sampleAt (const AVFrame& frame, AVSampleFormat format, int channel, int index, int channels)
    {
        const bool planar = av_sample_fmt_is_planar (format) != 0;
        const uint8_t* base = planar ? frame.extended_data[channel] : frame.extended_data[0];
        const int position = planar ? index : index * channels + channel;
        switch (av_get_packed_sample_fmt (format))
        {
            case AV_SAMPLE_FMT_U8:
                return (float (base[position]) - 128.0f) / 128.0f;
            case AV_SAMPLE_FMT_S16:
                return float (reinterpret_cast<const int16_t*> (base)[position]) / 32768.0f;
            case AV_SAMPLE_FMT_S32:
                return float (double (reinterpret_cast<const int32_t*> (base)[position]) / 2147483648.0);
            case AV_SAMPLE_FMT_S64:
                return float (double (reinterpret_cast<const int64_t*> (base)[position]) / 9223372036854775808.0);
            case AV_SAMPLE_FMT_FLT:
                return reinterpret_cast<const float*> (base)[position];
            case AV_SAMPLE_FMT_DBL:
                return float (reinterpret_cast<const double*> (base)[position]);
            default:
                return 0.0f;
        }
    }

    /** Appends a decoded frame as interleaved float, skipping its first `skip` samples. */
    void appendInterleaved (const AVFrame& frame, int channels, int skip, std::vector<float>& out)
    {
        const auto format = AVSampleFormat (frame.format);
        out.clear();
        for (int i = skip; i < frame.nb_samples; ++i)
            for (int c = 0; c < channels; ++c)
                out.push_back (sampleAt (frame, format, c, i, channels));
    }
} // namespace

core::Result<GuideAudio> extractMovieAudio (const std::filesystem::path& movie, const std::filesystem::path& outputWav,
                                            int audioStreamOrdinal)
{
    auto format = detail::openContainer (movie);
    if (! format.ok())
        return format.error();
    auto info = detail::describeMovie (movie, *format.value());
    if (! info.ok())
        return info.error();
    if (audioStreamOrdinal < 0 || size_t (audioStreamOrdinal) >= info->audioStreams.size())
        return core::makeError (movie.string() + ": no audio stream " + std::to_string (audioStreamOrdinal + 1)
                                + " (the movie has " + std::to_string (info->audioStreams.size()) + ")");
    const MovieAudioStream& chosen = info->audioStreams[size_t (audioStreamOrdinal)];
    AVFormatContext& context = *format.value();
    AVStream& audio = *context.streams[chosen.streamIndex];
    const AVStream& video = *context.streams[info->videoStreamIndex];
    for (unsigned i = 0; i < context.nb_streams; ++i)
        if (int (i) != chosen.streamIndex)
            context.streams[i]->discard = AVDISCARD_ALL;
    auto codec = detail::openDecoder (movie, audio, 1);
    if (! codec.ok())
        return codec.error();
    const int channels = codec.value()->ch_layout.nb_channels;
    const int64_t rate = codec.value()->sample_rate;
    if (channels <= 0 || rate <= 0)
        return core::makeError (movie.string() + ": the audio stream has no channel count or sample rate");

    GuideAudio result;
    result.path = outputWav;
    result.channels = channels;
    result.sampleRate = rate;
    if (info->startTimecode && info->frameRate)
        result.timeReference = core::samplesSinceMidnight (*info->startTimecode, *info->frameRate, rate);

    io::WriteSpec spec;
    spec.container = io::ContainerFormat::wav;
    spec.sampleFormat = io::SampleFormat::float32;
    spec.channels = channels;
    spec.sampleRate = rate;
    // Twice the movie's length: plain WAV whenever that fits in 4 GiB, RF64 beyond.
    spec.expectedFrames = int64_t (info->durationSeconds() * double (rate)) * 2 + rate;
    io::BroadcastInfo bext;
    bext.description = "Guide audio from " + movie.filename().string();
    bext.originator = "Sprocket";
    bext.originatorReference = info->startTimecodeText;
    bext.timeReference = result.timeReference;
    spec.bext = bext;
    auto writer = io::AudioFileWriter::create (outputWav, spec);
    if (! writer.ok())
        return writer.error();

    // The picture's first frame is time zero; audio starting later gets silence in front,
    // audio starting earlier (pre-roll, codec priming not already trimmed) loses its head.
    const AVRational perSample { 1, int (rate) };
    const int64_t videoStart =
        video.start_time != AV_NOPTS_VALUE ? av_rescale_q (video.start_time, video.time_base, perSample) : 0;
    bool first = true;
    int64_t toDrop = 0;

    detail::PacketPtr packet (av_packet_alloc());
    detail::FramePtr frame (av_frame_alloc());
    std::vector<float> interleaved;
    bool draining = false;
    for (;;)
    {
        const int received = avcodec_receive_frame (codec.value().get(), frame.get());
        if (received == 0)
        {
            if (first)
            {
                first = false;
                const int64_t pts = frame->best_effort_timestamp;
                const int64_t start = pts != AV_NOPTS_VALUE ? av_rescale_q (pts, audio.time_base, perSample) : videoStart;
                result.alignmentSamples = start - videoStart;
                if (result.alignmentSamples > 0)
                {
                    const std::vector<float> silence (size_t (std::min<int64_t> (result.alignmentSamples, 1 << 20))
                                                      * size_t (channels));
                    for (int64_t left = result.alignmentSamples; left > 0;)
                    {
                        const int64_t n = std::min<int64_t> (left, int64_t (silence.size()) / channels);
                        if (auto written = writer.value()->writeInterleaved (silence.data(), n); ! written.ok())
                            return written.error();
                        left -= n;
                    }
                }
                toDrop = std::max<int64_t> (0, -result.alignmentSamples);
            }
            const int skip = int (std::min<int64_t> (toDrop, frame->nb_samples));
            toDrop -= skip;
            appendInterleaved (*frame, channels, skip, interleaved);
            if (auto written = writer.value()->writeInterleaved (interleaved.data(), int64_t (interleaved.size()) / channels);
                ! written.ok())
                return written.error();
            av_frame_unref (frame.get());
            continue;
        }
        if (received == AVERROR_EOF || (received == AVERROR (EAGAIN) && draining))
            break;
        if (received != AVERROR (EAGAIN))
            return core::makeError (movie.string() + ": cannot decode its audio (" + detail::errorText (received) + ")");

        const int read = av_read_frame (&context, packet.get());
        if (read < 0)
        {
            // A truncated movie keeps the audio decoded so far.
            avcodec_send_packet (codec.value().get(), nullptr);
            draining = true;
            continue;
        }
        if (packet->stream_index == chosen.streamIndex)
            avcodec_send_packet (codec.value().get(), packet.get()); // a damaged packet is skipped, not fatal
        av_packet_unref (packet.get());
    }

    result.frames = writer.value()->framesWritten();
    if (auto finished = writer.value()->finish(); ! finished.ok())
        return finished.error();
    return result;
}
} // namespace sprocket::video
