#include "TestMovies.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <sstream>
#include <unistd.h>

namespace sprocket::video::test
{
namespace
{
    std::filesystem::path movieFolder()
    {
        std::filesystem::path folder = SPROCKET_VIDEO_TEST_MOVIES;
        std::filesystem::create_directories (folder);
        return folder;
    }

    constexpr int codeBits = 12;
    constexpr int blockWidth = 25; // code blocks, in the 320x180 picture
    constexpr int codeRowHeight = 30;

    std::string ffmpegCommand (const LeaderSpec& spec, const std::filesystem::path& output)
    {
        const std::string font = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
        const std::string rate = std::to_string (spec.rateNum) + "/" + std::to_string (spec.rateDen);
        // The code is drawn with geq from N (the frame number) on a 300x60 strip, padded to the
        // picture: row 1 (y < 30) the complement of the bits, row 2 the bits, bit b at x = 25b.
        std::string filter = "format=gray,geq=lum='255*mod(floor(N/pow(2\\,floor(X/" + std::to_string (blockWidth) + ")))+lt(Y\\,"
                             + std::to_string (codeRowHeight) + ")\\,2)',format=yuv420p,pad=320:180:0:0:0x404040";
        if (spec.flash)
            filter += ",drawbox=x=0:y=60:w=320:h=120:color=white:t=fill:enable='eq(n\\," + std::to_string (spec.popFrame) + ")'";
        // The number and timecode as text are for people looking at a frame; the tests read the
        // code, so a machine without the font still runs them.
        const bool haveFont = std::filesystem::exists (font);
        if (haveFont)
            filter += ",drawtext=fontfile=" + font + ":text='%{frame_num}':start_number=0:x=16:y=72:fontsize=40:fontcolor=white";
        if (haveFont && ! spec.timecode.empty())
        {
            std::string escaped;
            for (char c : spec.timecode)
                escaped += (c == ':' || c == ';') ? std::string ("\\\\") + c : std::string (1, c);
            filter += ",drawtext=fontfile=" + font + ":timecode='" + escaped + "':rate=" + rate
                      + ":x=16:y=130:fontsize=28:fontcolor=yellow";
        }

        std::ostringstream command;
        command << "ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i \"color=c=black:s=300x60:r=" << rate
                << ":d=" << spec.seconds << "\"";
        if (! spec.audioArgs.empty())
            command << " -f lavfi -i \"aevalsrc='if(between(n\\," << popStartSample (spec) << "\\,"
                    << popStartSample (spec) + popLengthSamples (spec) - 1
                    << ")\\,0.5*sin(2*PI*1000*n/48000)\\,0)':s=48000:d=" << spec.seconds << "\"";
        command << " -vf \"" << filter << "\" " << spec.videoArgs << " -pix_fmt yuv420p";
        if (! spec.audioArgs.empty())
            command << " " << spec.audioArgs;
        if (! spec.timecode.empty())
            command << " -timecode '" << spec.timecode << "'";
        command << " " << spec.extraArgs << " -t " << spec.seconds << " \"" << output.string() << "\"";
        return command.str();
    }
} // namespace

int64_t popStartSample (const LeaderSpec& spec)
{
    // ceil: the first sample inside the frame, as core::samplesFromFrameCount.
    const int64_t numerator = int64_t (spec.popFrame) * 48000 * spec.rateDen;
    return (numerator + spec.rateNum - 1) / spec.rateNum;
}

int64_t popLengthSamples (const LeaderSpec& spec)
{
    LeaderSpec next = spec;
    ++next.popFrame;
    return popStartSample (next) - popStartSample (spec);
}

std::filesystem::path leaderMovie (const LeaderSpec& spec)
{
    const auto probe = ffmpegCommand (spec, "X");
    const auto hash = std::hash<std::string> {}(probe);
    const auto stem = std::filesystem::path (spec.fileName).stem().string();
    const auto extension = std::filesystem::path (spec.fileName).extension().string();
    const auto path = movieFolder() / (stem + "_" + std::to_string (hash % 1000000007) + extension);
    if (std::filesystem::exists (path))
        return path;

    // Another test process may be making the same movie: write a private temporary, then rename.
    const auto temporary = movieFolder() / (stem + ".tmp" + std::to_string (getpid()) + extension);
    const auto command = ffmpegCommand (spec, temporary);
    if (std::system (command.c_str()) != 0)
    {
        ADD_FAILURE() << "ffmpeg failed: " << command;
        return {};
    }
    std::filesystem::rename (temporary, path);
    return path;
}

int64_t readFrameCode (const VideoFrame& frame)
{
    if (frame.width <= 0 || frame.height <= 0 || frame.pixels.empty())
        return -1;
    const auto luma = [&] (int x320, int y180) {
        const int x = x320 * frame.width / 320;
        const int y = y180 * frame.height / 180;
        const uint8_t* p = frame.pixel (x, y);
        return (int (p[0]) + int (p[1]) + int (p[2])) / 3;
    };
    int64_t value = 0;
    for (int bit = 0; bit < codeBits; ++bit)
    {
        const int x = bit * blockWidth + blockWidth / 2;
        const bool one = luma (x, codeRowHeight + codeRowHeight / 2) > 128;
        const bool complement = luma (x, codeRowHeight / 2) > 128;
        if (one == complement)
            return -1;
        if (one)
            value |= int64_t (1) << bit;
    }
    return value;
}

LeaderSpec leader23976Mov()
{
    return {
        "leader_23976.mov", 24000, 1001, "01:00:00:00", "-c:v libx264 -preset veryfast -g 24 -bf 3", "-c:a pcm_s16le", "", 30, 48
    };
}

LeaderSpec leader2997DfMov()
{
    return {
        "leader_2997df.mov", 30000, 1001, "00:59:58;00", "-c:v libx264 -preset veryfast -g 30 -bf 2", "-c:a pcm_s16le", "", 30, 60
    };
}

LeaderSpec leader25Mp4()
{
    return { "leader_25.mp4",        25, 1, "10:00:00:00", "-c:v mpeg4 -q:v 4 -g 25 -bf 2", "-c:a aac -b:a 128k",
             "-movflags +faststart", 30, 50 };
}

LeaderSpec leader25Mkv()
{
    return { "leader_25.mkv", 25, 1, "10:00:00:00", "-c:v libx264 -preset veryfast -g 250", "", "", 30, 50 };
}

LeaderSpec leader25Mxf()
{
    return { "leader_25.mxf", 25, 1, "10:00:00:00", "-c:v mpeg2video -q:v 3 -g 12 -bf 2", "-c:a pcm_s16le", "", 30, 50 };
}

LeaderSpec leader50Mov()
{
    return { "leader_50.mov", 50, 1, "10:00:00:00", "-c:v libx264 -preset veryfast -g 50 -bf 3", "", "", 6, 100 };
}

LeaderSpec leader5994DfMov()
{
    // Starts two seconds before a minute that drops four labels (01:00:59;58 -> 01:01:00;04).
    return { "leader_5994df.mov", 60000, 1001, "01:00:58;00", "-c:v libx264 -preset veryfast -g 60 -bf 2", "", "", 6, 120 };
}

LeaderSpec leader60Mp4()
{
    return { "leader_60.mp4", 60, 1, "01:00:00:00", "-c:v libx264 -preset veryfast -g 120 -bf 3", "", "", 6, 120 };
}

std::filesystem::path scratchFolder (const std::string& name)
{
    const auto folder = movieFolder() / ("scratch-" + name + "-" + std::to_string (getpid()));
    std::filesystem::remove_all (folder);
    std::filesystem::create_directories (folder);
    return folder;
}
} // namespace sprocket::video::test
