#pragma once

#include "video/VideoFrame.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace sprocket::video::test
{
/** A counting leader made by the ffmpeg binary: each picture carries its frame number as a
    machine-readable code (two rows of 12 big blocks at the top: the number in binary, and its
    complement to tell a damaged picture from a real one), as text and as burnt-in timecode for
    people, over a 48 kHz mono track that is silent but for a one-frame 1 kHz beep (the 2-pop)
    at popFrame. 320x180. */
struct LeaderSpec
{
    std::string fileName; // "leader_23976.mov": the extension picks the container
    int rateNum = 25;     // frame rate as a ratio
    int rateDen = 1;
    std::string timecode;  // "01:00:00:00", "00:59:58;00" (drop-frame), "" for none
    std::string videoArgs; // encoder arguments: "-c:v libx264 -g 24 -bf 3"
    std::string audioArgs; // "-c:a pcm_s16le", "" for no audio
    std::string extraArgs; // e.g. "-movflags +faststart"
    int seconds = 30;
    int popFrame = 48;
    /** Light the picture's lower part white on popFrame (a leader's flash frame); the frame code
        above stays readable. */
    bool flash = false;
};

/** The movie for a spec, made once into the build tree's movie folder and reused by every test
    process after (the name carries a hash of the ffmpeg command, so a changed spec makes a new
    file). Fails the calling test when ffmpeg fails. */
std::filesystem::path leaderMovie (const LeaderSpec& spec);

/** The first sample of the pop: the first 48 kHz sample of popFrame. */
int64_t popStartSample (const LeaderSpec& spec);
int64_t popLengthSamples (const LeaderSpec& spec);

/** The frame number a picture's code shows, or -1 when the code does not read (damaged or
    blank picture). Works at any output size. */
int64_t readFrameCode (const VideoFrame& frame);

/** The standard movies of these tests. */
LeaderSpec leader23976Mov();  // x264 with B-frames, GOP 24, tmcd 01:00:00:00, PCM
LeaderSpec leader2997DfMov(); // x264, GOP 30, tmcd 00:59:58;00, PCM
LeaderSpec leader25Mp4();     // mpeg4 part 2 with B-frames, GOP 25, tmcd 10:00:00:00, AAC, moov first
LeaderSpec leader25Mkv();     // x264 long GOP (250), "TIMECODE" tag 10:00:00:00, no audio
LeaderSpec leader25Mxf();     // MPEG-2 with B-frames, GOP 12, MXF timecode 10:00:00:00, PCM
/** Six-second leaders at the high rates, without audio. */
LeaderSpec leader50Mov();     // x264, GOP 50, tmcd 10:00:00:00
LeaderSpec leader5994DfMov(); // x264, GOP 60, tmcd 01:00:58;00 (crosses a dropping minute)
LeaderSpec leader60Mp4();     // x264, GOP 120, timecode tag 01:00:00:00

/** A fresh empty folder under the movie folder for files a test writes. */
std::filesystem::path scratchFolder (const std::string& name);
} // namespace sprocket::video::test
