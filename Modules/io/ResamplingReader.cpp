#include "io/ResamplingReader.h"

#include <soxr.h>

#include <algorithm>
#include <numeric>
#include <string>

namespace sprocket::io
{
namespace
{
    constexpr int64_t inputBlockFrames = 8192;
    constexpr int64_t discardBlockFrames = 4096;

    // How far before a seek target the converter restarts. SOXR_VHQ's filters span a few hundred
    // samples at the lower of the two rates; measured, 256 lower-rate samples already make a
    // restarted read bit-identical to a sequential one (16 leave errors of ~5e-3) at 44.1k<->48k,
    // 96k->44.1k and 44.1k->192k. 4096 is a sixteen-fold margin that costs well under a millisecond.
    constexpr int64_t primingFramesAtLowerRate = 4096;
} // namespace

struct ResamplingReader::Converter
{
    soxr_t soxr = nullptr;

    ~Converter()
    {
        if (soxr != nullptr)
            soxr_delete (soxr);
    }
};

ResamplingReader::ResamplingReader (std::unique_ptr<AudioFileReader> reader, int64_t targetRate, int64_t sourceRate)
    : source (std::move (reader)), outputRate (targetRate), inputRate (sourceRate)
{
    const auto& info = source->info();
    // Round to the nearest frame; frames * rate stays far below 2^63 for any real file.
    length = (info.frames * outputRate + inputRate / 2) / inputRate;

    const auto numChannels = static_cast<size_t> (info.channels);
    input.assign (numChannels, std::vector<float> (inputBlockFrames));
    discard.assign (numChannels, std::vector<float> (discardBlockFrames));
    fillPointers.resize (numChannels);
    inputPointers.resize (numChannels);
    outputPointers.resize (numChannels);

    primingFrames = primingFramesAtLowerRate * outputRate / std::min (outputRate, inputRate);
}

ResamplingReader::~ResamplingReader() = default;

core::Result<std::unique_ptr<ResamplingReader>> ResamplingReader::open (const std::filesystem::path& path, int64_t targetRate,
                                                                        int64_t treatSourceAs)
{
    if (targetRate < 1)
        return core::makeError (path.string() + ": cannot resample to " + std::to_string (targetRate) + " Hz");

    auto reader = AudioFileReader::open (path);

    if (! reader)
        return reader.error();

    const auto sourceRate = treatSourceAs > 0 ? treatSourceAs : reader.value()->info().sampleRate;
    const auto numChannels = reader.value()->info().channels;
    auto result = std::unique_ptr<ResamplingReader> (new ResamplingReader (std::move (reader.value()), targetRate, sourceRate));

    if (sourceRate != targetRate)
    {
        // Split (planar) float in and out matches readPlanar, so no interleaving on either side;
        // one thread because offline renders already run one reader per worker.
        const auto ioSpec = soxr_io_spec (SOXR_FLOAT32_S, SOXR_FLOAT32_S);
        const auto qualitySpec = soxr_quality_spec (SOXR_VHQ, 0);
        const auto runtimeSpec = soxr_runtime_spec (1);
        soxr_error_t error = nullptr;

        result->converter = std::make_unique<Converter>();
        result->converter->soxr = soxr_create (static_cast<double> (sourceRate), static_cast<double> (targetRate),
                                               static_cast<unsigned> (numChannels), &error, &ioSpec, &qualitySpec, &runtimeSpec);

        if (error != nullptr || result->converter->soxr == nullptr)
            return core::makeError (path.string() + ": cannot resample " + std::to_string (sourceRate) + " Hz to "
                                    + std::to_string (targetRate) + " Hz (" + (error ? error : "soxr failed") + ")");
    }

    return result;
}

core::Result<int64_t> ResamplingReader::readPlanar (int64_t startFrame, float* const* dest, int64_t numFrames)
{
    if (converter == nullptr)
        return source->readPlanar (startFrame, dest, numFrames);

    if (numFrames <= 0)
        return int64_t { 0 };

    const int numChannels = channels();
    const int64_t end = startFrame + numFrames;
    const int64_t rangeStart = std::clamp<int64_t> (startFrame, 0, length);
    const int64_t rangeEnd = std::clamp<int64_t> (end, 0, length);
    const int64_t leading = std::min (numFrames, std::max<int64_t> (0, rangeStart - startFrame));
    const int64_t inRange = std::max<int64_t> (0, rangeEnd - rangeStart);
    const int64_t trailing = numFrames - leading - inRange;

    for (int ch = 0; ch < numChannels; ++ch)
    {
        std::fill_n (dest[ch], leading, 0.0f);
        std::fill_n (dest[ch] + leading + inRange, trailing, 0.0f);
    }

    if (inRange == 0)
        return int64_t { 0 };

    if (rangeStart != nextOutputFrame)
        if (auto status = seek (rangeStart); ! status)
            return status.error();

    if (auto status = produce (dest, leading, inRange); ! status)
        return status.error();

    return inRange;
}

core::Status ResamplingReader::seek (int64_t outputFrame)
{
    // Restart only where an output frame falls exactly on an input frame (every outputRate / gcd
    // output frames), so the restarted converter runs in the same phase as a sequential one.
    const auto divisor = std::gcd (outputRate, inputRate);
    const auto outputPeriod = outputRate / divisor;
    const auto inputPeriod = inputRate / divisor;
    const auto restart = (std::max<int64_t> (0, outputFrame - primingFrames) / outputPeriod) * outputPeriod;

    if (auto error = soxr_clear (converter->soxr); error != nullptr)
        return core::makeError (source->info().path.string() + ": resampler reset failed (" + error + ")");

    nextOutputFrame = restart;
    nextInputFrame = restart / outputPeriod * inputPeriod;
    inputEnded = false;
    inputOffset = 0;
    inputAvailable = 0;

    std::vector<float*> discardPointers;

    for (auto& channel : discard)
        discardPointers.push_back (channel.data());

    while (nextOutputFrame < outputFrame)
        if (auto status = produce (discardPointers.data(), 0, std::min (discardBlockFrames, outputFrame - nextOutputFrame));
            ! status)
            return status;

    return {};
}

core::Status ResamplingReader::refillInput()
{
    const auto count = std::min (inputBlockFrames, source->info().frames - nextInputFrame);

    if (count <= 0)
    {
        inputEnded = true;
        return {};
    }

    for (size_t ch = 0; ch < input.size(); ++ch)
        fillPointers[ch] = input[ch].data();

    auto got = source->readPlanar (nextInputFrame, fillPointers.data(), count);

    if (! got)
        return got.error();

    nextInputFrame += count;
    inputOffset = 0;
    inputAvailable = count;
    return {};
}

core::Status ResamplingReader::produce (float* const* dest, int64_t offset, int64_t numFrames)
{
    int64_t produced = 0;

    while (produced < numFrames)
    {
        if (inputAvailable == 0 && ! inputEnded)
            if (auto status = refillInput(); ! status)
                return status;

        for (size_t ch = 0; ch < outputPointers.size(); ++ch)
            outputPointers[ch] = dest[ch] + offset + produced;

        size_t used = 0;
        size_t made = 0;
        const auto room = static_cast<size_t> (numFrames - produced);
        soxr_error_t error = nullptr;

        if (inputAvailable > 0)
        {
            for (size_t ch = 0; ch < inputPointers.size(); ++ch)
                inputPointers[ch] = input[ch].data() + inputOffset;

            error = soxr_process (converter->soxr, inputPointers.data(), static_cast<size_t> (inputAvailable), &used,
                                  outputPointers.data(), room, &made);
        }
        else
        {
            // No input pointer tells soxr the input has ended: it drains the filter's tail.
            error = soxr_process (converter->soxr, nullptr, 0, nullptr, outputPointers.data(), room, &made);
        }

        if (error != nullptr)
            return core::makeError (source->info().path.string() + ": resampling failed (" + error + ")");

        inputOffset += static_cast<int64_t> (used);
        inputAvailable -= static_cast<int64_t> (used);
        produced += static_cast<int64_t> (made);

        if (made == 0 && used == 0 && inputEnded && inputAvailable == 0)
            break;
    }

    // soxr's drained total can fall a frame short of the rounded length; pad with silence.
    for (size_t ch = 0; ch < outputPointers.size(); ++ch)
        std::fill_n (dest[ch] + offset + produced, numFrames - produced, 0.0f);

    nextOutputFrame += numFrames;
    return {};
}
} // namespace sprocket::io
