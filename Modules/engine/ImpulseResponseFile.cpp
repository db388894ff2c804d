#include "engine/ImpulseResponseFile.h"

#include "io/ResamplingReader.h"

namespace sprocket::engine
{
core::Result<std::vector<std::vector<float>>> readImpulseResponse (const std::filesystem::path& file, int64_t sampleRate,
                                                                   double maxSeconds)
{
    auto opened = io::ResamplingReader::open (file, sampleRate);
    if (! opened.ok())
        return opened.error();
    auto& reader = *opened.value();
    const int64_t frames = reader.lengthInFrames();
    if (frames <= 0)
        return core::makeError ("the file holds no audio");
    if ((double) frames > maxSeconds * (double) sampleRate)
        return core::makeError ("longer than " + std::to_string ((int) maxSeconds) + " s");

    std::vector<std::vector<float>> channels ((size_t) reader.channels(), std::vector<float> ((size_t) frames));
    std::vector<float*> pointers;
    for (auto& channel : channels)
        pointers.push_back (channel.data());
    if (auto read = reader.readPlanar (0, pointers.data(), frames); ! read.ok())
        return read.error();

    // Resampling keeps the waveform, so the IR gains taps in proportion to the rate (a 44.1 kHz
    // unit impulse becomes a sinc whose 48 kHz samples sum to 48 / 44.1); scaling by the rate
    // ratio keeps the reverb's gain, so a unit impulse stays transparent at any rate.
    const auto scale = (float) ((double) reader.sourceInfo().sampleRate / (double) sampleRate);
    if (scale != 1.0f)
        for (auto& channel : channels)
            for (auto& v : channel)
                v *= scale;
    return channels;
}
} // namespace sprocket::engine
