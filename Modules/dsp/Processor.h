#pragma once

#include "core/Error.h"
#include "dsp/ParameterInfo.h"

#include <nlohmann/json_fwd.hpp>

#include <atomic>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace sprocket::dsp
{
/** One stage of a channel strip, built in or hosted ("plugin-style"). The engine sees only this.

    Life cycle: construct and prepare() on the message thread (prepare allocates everything the
    processor will ever need), then process() blocks on the audio thread, which never allocates,
    locks, waits, does I/O or throws. reset() clears filter and envelope state (after a locate).

    Parameters are std::atomic<float> values, one per ParameterInfo: any thread may set them (the
    value is clamped to the parameter's range); the processor reads each once per block and feeds
    it to a smoother, so a jump reaches the audio as a ramp of the parameter's smoothingMs.

    Buffers are processed in place: `channels` holds max(in, out) buffers of numFrames samples,
    where in is the channel count given to prepare and out is outputChannels (in); the first `in`
    carry the input and all `out` carry the output afterwards (only the mono panner has out != in).

    The public calls are non-virtual and wrap the protected hooks: process() runs processBlock()
    under ScopedNoDenormals, so no processor can produce or slow down on subnormal numbers. */
class Processor
{
public:
    explicit Processor (std::vector<ParameterInfo> parameterInfos);
    virtual ~Processor();

    Processor (const Processor&) = delete;
    Processor& operator= (const Processor&) = delete;

    /** The registry name, as stored in the session ("eq", "compressor"). [[any thread]] */
    virtual std::string_view typeName() const noexcept = 0;

    /** Allocates buffers and computes sample-rate dependent constants, then resets.
        [[message thread]] never while process() may run. */
    void prepare (double sampleRate, int maxBlockSize, int channels);

    /** Processes numFrames <= maxBlockSize samples in place. [[audio thread]] real-time safe. */
    void process (float* const* channels, int numChannels, int numFrames) noexcept;

    /** Clears delay lines, filter and envelope state and snaps smoothers to the current parameter
        values. [[audio thread]] or [[message thread]] while not processing. */
    void reset() noexcept;

    /** Samples by which the output lags the input; valid after prepare(). [[any thread]] */
    virtual int latencySamples() const noexcept { return 0; }

    /** Channels written for a given input channel count (2 for the mono panner). [[any thread]] */
    virtual int outputChannels (int inputChannels) const noexcept { return inputChannels; }

    /** True only for UnknownProcessor, the bypassed stand-in for a type nobody knows. */
    virtual bool isPlaceholder() const noexcept { return false; }

    //==============================================================================
    /** [[any thread]] the list never changes after construction. */
    const std::vector<ParameterInfo>& parameters() const noexcept { return infos; }

    /** Index of a parameter id, or -1. [[any thread]] */
    int parameterIndex (std::string_view id) const noexcept;

    /** Stores a value clamped to the parameter's range; NaN and bad indices are ignored.
        [[any thread]] lock-free. */
    void setParameter (int index, float value) noexcept;

    /** As above by id; false if the id is unknown. [[any thread]] lock-free, not for the audio
        thread's inner loop (it compares strings). */
    bool setParameter (std::string_view id, float value) noexcept;

    /** The stored (target) value, not the smoothed one. [[any thread]] */
    float getParameter (int index) const noexcept;
    std::optional<float> getParameter (std::string_view id) const noexcept;

    //==============================================================================
    /** {"params": {id: value, ...}} with every parameter. [[message thread]] */
    virtual nlohmann::json state() const;

    /** Validates, then applies {"params": {...}}: every id must be known, every value a number
        within range; missing ids take their defaults; other top-level keys (the session's "type",
        "bypass") are ignored. On any problem nothing changes and the error names each one.
        [[message thread]] */
    virtual core::Status setState (const nlohmann::json& newState);

    //==============================================================================
    double getSampleRate() const noexcept { return preparedSampleRate; }
    int getMaxBlockSize() const noexcept { return preparedMaxBlockSize; }
    int getNumChannels() const noexcept { return preparedChannels; }
    bool isPrepared() const noexcept { return prepared; }

protected:
    /** Allocate and precompute for getSampleRate(), getMaxBlockSize(), getNumChannels(). */
    virtual void prepareToPlay() = 0;
    virtual void processBlock (float* const* channels, int numChannels, int numFrames) noexcept = 0;
    virtual void resetState() noexcept = 0;

private:
    std::vector<ParameterInfo> infos;
    std::unique_ptr<std::atomic<float>[]> values;
    double preparedSampleRate = 0.0;
    int preparedMaxBlockSize = 0;
    int preparedChannels = 0;
    bool prepared = false;

    static_assert (std::atomic<float>::is_always_lock_free,
                   "parameters are shared with the audio thread and must be lock-free");
};

/** The shortest decimal that reads back as the same float, as a double: state() writes 0.7071
    rather than 0.70709997415542603, and the value still round-trips exactly. */
double floatForJson (float value) noexcept;
} // namespace sprocket::dsp
