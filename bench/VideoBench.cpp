// Reference-movie speed (issue: picture): on a 1080p 23.976 H.264 movie (GOP 24, B-frames, made
// with ffmpeg on first run), prints sequential decode speed, thumbnail speed and the latency
// from a locate request to the exact frame being ready in the prefetcher (median and worst of 50
// random locates, fixed seed). Prints numbers only; asserts nothing.
// Usage: video_bench [MOVIE]   (default: $SPROCKET_BENCH_DIR or /tmp/sprocket-bench-media)
#include "video/FFmpegLog.h"
#include "video/FrameDecoder.h"
#include "video/FramePrefetcher.h"
#include "video/ThumbnailBuilder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace sprocket;
using Clock = std::chrono::steady_clock;

namespace
{
double secondsSince (Clock::time_point start)
{
    return std::chrono::duration<double> (Clock::now() - start).count();
}

std::filesystem::path benchMovie()
{
    const char* folder = std::getenv ("SPROCKET_BENCH_DIR");
    const std::filesystem::path dir = folder != nullptr ? folder : "/tmp/sprocket-bench-media";
    std::filesystem::create_directories (dir);
    const auto movie = dir / "video_1080p_23976_h264.mov";
    if (! std::filesystem::exists (movie))
    {
        std::fprintf (stderr, "making %s with ffmpeg (30 s of 1080p)...\n", movie.c_str());
        const auto partial = dir / "video_1080p_23976_h264.partial.mov";
        const std::string command =
            "ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i testsrc2=s=1920x1080:r=24000/1001:d=30"
            " -c:v libx264 -preset veryfast -crf 20 -g 24 -bf 3 -pix_fmt yuv420p -timecode 01:00:00:00 '"
            + partial.string() + "'";
        if (std::system (command.c_str()) != 0)
            return {};
        std::filesystem::rename (partial, movie);
    }
    return movie;
}

struct Spread
{
    double median = 0;
    double worst = 0;
};

Spread spreadOf (std::vector<double> values)
{
    std::sort (values.begin(), values.end());
    return { values[values.size() / 2], values.back() };
}

void sequentialDecode (const std::filesystem::path& movie, int threads)
{
    auto decoder = video::FrameDecoder::open (movie, { {}, threads });
    if (! decoder)
        return;
    const int64_t frames = decoder.value()->info().frameCount;
    const auto start = Clock::now();
    for (int64_t i = 0; i < frames; ++i)
        (void) decoder.value()->decodeFrame (i);
    const double seconds = secondsSince (start);
    std::printf ("  sequential decode, 1920x1080 BGRA, %s threads: %6.1f fps (%.2fx real time)\n",
                 threads == 0 ? "auto" : std::to_string (threads).c_str(), double (frames) / seconds,
                 double (frames) / seconds / (24000.0 / 1001.0));
}

void thumbnails (const std::filesystem::path& movie, int64_t spacing)
{
    const auto start = Clock::now();
    auto builder = video::ThumbnailBuilder::start (movie, { 0, -1, spacing, 96, 1 });
    if (! builder)
        return;
    builder.value()->waitUntilFinished();
    const double seconds = secondsSince (start);
    const auto count = builder.value()->plannedFrames().size();
    std::printf ("  thumbnails 96 px high, every %lld frame(s), 1 thread: %zu in %.2f s = %6.1f per second\n",
                 (long long) spacing, count, seconds, double (count) / seconds);
}

void decoderLocates (const std::filesystem::path& movie, int threads)
{
    auto decoder = video::FrameDecoder::open (movie, { {}, threads });
    if (! decoder)
        return;
    std::mt19937 random (2026);
    std::uniform_int_distribution<int64_t> anyFrame (0, decoder.value()->info().frameCount - 1);
    std::vector<double> ms;
    for (int n = 0; n < 50; ++n)
    {
        const int64_t target = anyFrame (random);
        const auto start = Clock::now();
        (void) decoder.value()->decodeFrame (target);
        ms.push_back (secondsSince (start) * 1000.0);
    }
    const auto spread = spreadOf (ms);
    std::printf ("  FrameDecoder::decodeFrame after a random jump, %s threads: median %5.1f ms, worst %5.1f ms\n",
                 threads == 0 ? "auto" : std::to_string (threads).c_str(), spread.median, spread.worst);
}

void prefetcherLocates (const std::filesystem::path& movie)
{
    auto prefetcher = video::FramePrefetcher::open (movie);
    if (! prefetcher)
        return;
    std::mt19937 random (2026);
    std::uniform_int_distribution<int64_t> anyFrame (0, prefetcher.value()->info().frameCount - 1);
    std::vector<double> ms;
    for (int n = 0; n < 50; ++n)
    {
        const int64_t target = anyFrame (random);
        const auto start = Clock::now();
        prefetcher.value()->request (target);
        auto frame = prefetcher.value()->waitForFrame (target, std::chrono::seconds (10));
        ms.push_back (secondsSince (start) * 1000.0);
        if (frame == nullptr)
            std::printf ("  frame %lld never came\n", (long long) target);
        // Let the neighbours fill, as a parked playhead would, before the next locate.
        prefetcher.value()->waitForFrame (std::min (target + 12, prefetcher.value()->info().frameCount - 1),
                                          std::chrono::seconds (10));
    }
    const auto spread = spreadOf (ms);
    std::printf ("  locate -> exact frame ready in FramePrefetcher (defaults): median %5.1f ms, worst %5.1f ms\n", spread.median,
                 spread.worst);
}
} // namespace

int main (int argc, char** argv)
{
    video::silenceFFmpegLog();
    const std::filesystem::path movie = argc > 1 ? std::filesystem::path (argv[1]) : benchMovie();
    auto info = video::openMovie (movie);
    if (! info)
    {
        std::fprintf (stderr, "%s\n", info.ok() ? "no movie" : info.error().message.c_str());
        return 1;
    }
    std::printf ("%s: %dx%d %s %s fps, %lld frames\n", movie.c_str(), info->width, info->height, info->codec.c_str(),
                 info->frameRateText().c_str(), (long long) info->frameCount);
    sequentialDecode (movie, 1);
    sequentialDecode (movie, 0);
    thumbnails (movie, 24);
    thumbnails (movie, 1);
    decoderLocates (movie, 1);
    decoderLocates (movie, 0);
    prefetcherLocates (movie);
    return 0;
}
