#pragma once

#include "core/Error.h"
#include "dsp/LoudnessAnalyser.h"

#include <filesystem>
#include <functional>

namespace sprocket::cli
{
/** Measures a whole audio file with dsp::LoudnessAnalyser, as fast as the machine allows.

    The file is read in blocks of 64k frames through io::AudioFileReader into two alternating
    planar buffers. For each block a small pool of threads (one per core) shares the work: one
    task decodes the next block while the others run the analyser's tasks on the current block
    (K-weighting four channels at a time, true peak per channel, see
    LoudnessAnalyser::runTask); then completeBlock() joins them. Decoding and analysis overlap
    and channels run in parallel, and the result is bit-identical to analysing on one thread.

    `progress` gets the fraction done after each block; it runs on one of the pool's threads
    while the others wait between blocks, so it needs no locking.
    Errors name the file ("<path>: no such file", "<path>: not a readable audio file (...)",
    "<path>: audio data ends at frame N of M (...)"). [[message thread]] or any thread but the
    audio thread. */
struct FileLoudness
{
    dsp::LoudnessSummary summary;
    int channels = 0;
    double sampleRate = 0.0;
    int64_t frames = 0;
};

core::Result<FileLoudness> measureFileLoudness (const std::filesystem::path& file,
                                                const std::function<void (double)>& progress = {},
                                                int threads = 0);
} // namespace sprocket::cli
