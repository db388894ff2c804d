#pragma once

#include "core/Error.h"
#include "io/AudioFileReader.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

namespace sprocket::io
{
/** Presents an audio file at another sample rate, converted by libsoxr at very high quality
    (SOXR_VHQ), with AudioFileReader's readPlanar contract; frames count at the target rate.

    Sequential reads stream through one converter. A read that does not continue where the last
    one stopped re-seeks: the converter is cleared and re-primed from a point far enough before
    the new position that the filter has forgotten its cleared history, at an input frame in the
    same phase, so the result equals a sequential read of the same range (bit for bit in our
    measurements). At equal rates it reads straight through with no conversion.

    Not thread-safe: one per thread, any thread but the audio thread. */
class ResamplingReader
{
public:
    /** `treatSourceAs` (Hz, when > 0) takes the file to run at that rate instead of its own: how
        a 0.1% pull-up or pull-down is made (48000 Hz audio treated as 47952 and converted to
        48000 has 0.1% more samples: it plays 0.1% slower). */
    static core::Result<std::unique_ptr<ResamplingReader>> open (const std::filesystem::path& path, int64_t targetRate,
                                                                 int64_t treatSourceAs = 0);

    ~ResamplingReader();
    ResamplingReader (const ResamplingReader&) = delete;
    ResamplingReader& operator= (const ResamplingReader&) = delete;

    /** The file's length at the target rate, rounded to the nearest frame. */
    int64_t lengthInFrames() const noexcept { return length; }
    int channels() const noexcept { return source->info().channels; }
    int64_t targetRate() const noexcept { return outputRate; }
    const AudioFileInfo& sourceInfo() const noexcept { return source->info(); }

    /** As AudioFileReader::readPlanar, in target-rate frames: frames outside [0, lengthInFrames())
        read as zeros; returns how many frames lay inside. */
    core::Result<int64_t> readPlanar (int64_t startFrame, float* const* dest, int64_t numFrames);

private:
    struct Converter;
    ResamplingReader (std::unique_ptr<AudioFileReader>, int64_t targetRate, int64_t sourceRate);

    core::Status seek (int64_t outputFrame);
    core::Status produce (float* const* dest, int64_t offset, int64_t numFrames);
    core::Status refillInput();

    std::unique_ptr<AudioFileReader> source;
    int64_t outputRate = 0;
    int64_t inputRate = 0; // the file's rate, or what it is treated as
    int64_t length = 0;
    std::unique_ptr<Converter> converter;

    int64_t primingFrames = 0;
    int64_t nextOutputFrame = -1; // the output frame the converter yields next; -1 before the first read
    int64_t nextInputFrame = 0;   // the source frame the converter is fed next
    bool inputEnded = false;

    std::vector<std::vector<float>> input; // planar source frames not yet consumed
    int64_t inputOffset = 0;
    int64_t inputAvailable = 0;
    std::vector<std::vector<float>> discard;
    std::vector<float*> fillPointers;
    std::vector<const float*> inputPointers;
    std::vector<float*> outputPointers;
};
} // namespace sprocket::io
