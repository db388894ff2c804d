#include "TestMovies.h"

#include "video/MovieAudio.h"

#include "io/AudioFileInfo.h"
#include "io/AudioFileReader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace sprocket::video
{
namespace
{
    std::vector<float> readMono (const std::filesystem::path& path)
    {
        auto reader = io::AudioFileReader::open (path);
        EXPECT_TRUE (reader.ok());
        auto info = io::probeAudioFile (path);
        std::vector<float> samples (size_t (info->frames));
        EXPECT_TRUE (reader.value()->readInterleaved (0, samples.data(), info->frames).ok());
        return samples;
    }

    /** The first sample above 0.2: 4 samples into the 0.5-amplitude 1 kHz beep at 48 kHz
        (0.5 sin(2 pi 3/48) = 0.19, 0.5 sin(2 pi 4/48) = 0.25). */
    int64_t popOnset (const std::vector<float>& samples)
    {
        for (size_t i = 0; i < samples.size(); ++i)
            if (std::abs (samples[i]) > 0.2f)
                return int64_t (i);
        return -1;
    }

    TEST (MovieAudio, PcmGuideTrackIsSampleExactWithTheTimecodeInBext)
    {
        const auto spec = test::leader23976Mov();
        const auto wav = test::scratchFolder ("guide-pcm") / "guide.wav";
        auto guide = extractMovieAudio (test::leaderMovie (spec), wav);
        ASSERT_TRUE (guide.ok()) << guide.error().message;
        EXPECT_EQ (guide->channels, 1);
        EXPECT_EQ (guide->sampleRate, 48000);
        EXPECT_EQ (guide->frames, 30 * 48000);
        EXPECT_EQ (guide->alignmentSamples, 0);
        // 01:00:00:00 at 23.976 is 86,400 frames of 1001/24000 s since midnight.
        EXPECT_EQ (guide->timeReference, 86400LL * 1001 * 2);

        auto info = io::probeAudioFile (wav);
        ASSERT_TRUE (info.ok()) << info.error().message;
        EXPECT_EQ (info->frames, 30 * 48000);
        EXPECT_EQ (info->subtype, "FLOAT");
        ASSERT_TRUE (info->bext.has_value());
        EXPECT_EQ (info->bext->timeReference, 86400LL * 1001 * 2);
        EXPECT_EQ (info->bext->originatorReference, "01:00:00:00");

        const auto samples = readMono (wav);
        EXPECT_EQ (popOnset (samples), test::popStartSample (spec) + 4);
    }

    TEST (MovieAudio, AacGuideTrackIsWithinAFewSamples)
    {
        // AAC is lossy and works in 1024-sample frames: the encoder's 1024 priming samples are
        // described by the MP4 edit list and trimmed by libavcodec, so the track starts in place,
        // but pre-echo smears the pop's edge by a few samples and the length rounds to whole frames.
        const auto spec = test::leader25Mp4();
        const auto wav = test::scratchFolder ("guide-aac") / "guide.wav";
        auto guide = extractMovieAudio (test::leaderMovie (spec), wav);
        ASSERT_TRUE (guide.ok()) << guide.error().message;
        EXPECT_NEAR (double (guide->frames), 30.0 * 48000, 1024);
        EXPECT_EQ (guide->timeReference, 10LL * 3600 * 48000);

        const auto samples = readMono (wav);
        const int64_t onset = popOnset (samples);
        std::printf ("aac pop onset %lld, expected %lld (alignment %lld)\n", (long long) onset,
                     (long long) (test::popStartSample (spec) + 4), (long long) guide->alignmentSamples);
        EXPECT_NEAR (double (onset), double (test::popStartSample (spec) + 4), 8);
    }

    TEST (MovieAudio, AMovieWithoutAudioSaysSo)
    {
        const auto movie = test::leaderMovie (test::leader25Mkv());
        auto guide = extractMovieAudio (movie, test::scratchFolder ("guide-none") / "guide.wav");
        ASSERT_FALSE (guide.ok());
        EXPECT_EQ (guide.error().message, movie.string() + ": no audio stream 1 (the movie has 0)");
    }
} // namespace
} // namespace sprocket::video
