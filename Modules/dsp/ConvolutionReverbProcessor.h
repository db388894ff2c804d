#pragma once

#include "dsp/LinearSmoother.h"
#include "dsp/PartitionedConvolver.h"
#include "dsp/Processor.h"

#include <memory>
#include <string>
#include <vector>

namespace sprocket::dsp
{
/** Convolution reverb, "convolution_reverb": the input convolved with a recorded impulse
    response (a room, a plate), through one PartitionedConvolver per channel.

    Parameters: mix (% wet; default 100, what a reverb on an aux return wants: the send level
    sets the amount and the dry path stays on the source track), wet_db (the reverb's level,
    -60..+12 dB), predelay_ms (0..500, whole samples, delays only the wet path; a change jumps,
    so set it before playing) and zero_latency (0/1). mix and wet_db glide over 20 ms.

    Latency: with zero_latency off the output lags by the partition size B (the host block
    rounded up to a power of two, 128..1024) and latencySamples() says so, so the engine
    compensates and the dry part is delayed by B to stay aligned; with it on, B is 128, the
    first 128 taps are convolved directly and the latency is 0. zero_latency is read by
    prepare(), like the block size.

    The impulse response comes from the host (dsp reads no files): setImpulseResponse() takes
    planar samples at the processor's rate; the engine reads the file named by the state's
    "ir" and resamples it with libsoxr. Channel c is convolved with IR channel c % irChannels:
    a stereo IR on a stereo track convolves L with IR-L and R with IR-R; a mono IR serves every
    channel. Without a usable IR (none given, or one at another rate than prepare()'s) the
    processor is bypassed: audio passes unchanged with latency 0, and impulseResponseProblem()
    says why. */
class ConvolutionReverbProcessor final : public Processor
{
public:
    enum Parameter : int
    {
        mix,
        wetDb,
        predelayMs,
        zeroLatency
    };

    static constexpr float maxPredelayMs = 500.0f;

    ConvolutionReverbProcessor();

    std::string_view typeName() const noexcept override { return "convolution_reverb"; }

    int latencySamples() const noexcept override;

    /** {"params": {...}, "ir": path} (the path as the session stores it; omitted when empty). */
    nlohmann::json state() const override;
    core::Status setState (const nlohmann::json& newState) override;

    /** The IR file as stored in the session (relative to the session file). [[message thread]] */
    const std::string& impulseResponsePath() const noexcept { return irPath; }
    void setImpulseResponsePath (std::string path) { irPath = std::move (path); }

    /** Planar IR samples (1 or more channels of equal length) at sampleRate; rebuilds the
        convolvers if already prepared. [[message thread]] never while process() may run. */
    void setImpulseResponse (std::vector<std::vector<float>> channels, double sampleRate);

    /** True when an IR is in use; false means bypassed. [[message thread]] after prepare(). */
    bool isConvolving() const noexcept { return ! convolvers.empty(); }

    /** Why the processor is bypassed, or empty. [[message thread]] */
    const std::string& impulseResponseProblem() const noexcept { return problem; }

protected:
    void prepareToPlay() override;
    void processBlock (float* const* channels, int numChannels, int numFrames) noexcept override;
    void resetState() noexcept override;

private:
    void buildConvolvers();
    int predelaySamples() const noexcept;
    double targetWet() const noexcept;
    double targetDry() const noexcept;

    std::string irPath;
    std::vector<std::vector<float>> ir;
    double irSampleRate = 0.0;
    std::string problem;

    std::vector<std::unique_ptr<PartitionedConvolver>> convolvers; // one per channel, or none
    std::vector<std::vector<float>> history;                       // per channel: input ring for predelay and dry delay
    int historyMask = 0;
    int writePos = 0;
    std::vector<float> wet, dryGains, wetGains;
    LinearSmoother wetGain, dryGain;
};
} // namespace sprocket::dsp
