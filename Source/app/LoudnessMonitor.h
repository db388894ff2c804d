#pragma once

#include "dsp/LoudnessAnalyser.h"
#include "dsp/PhaseCorrelationMeter.h"
#include "engine/RealtimeEngine.h"

#include <vector>

namespace sprocket::app
{
/** The app's loudness measurement of what plays: drains the engine's output tap (what the
    listener hears, while the transport rolls) into a dsp::LoudnessAnalyser, the one the CLI and
    QC use, and the L/R pair into a phase correlation meter. The analysis runs here on the message thread, ~30 times a second, not
   on the audio thread: the tap is all the audio thread pays. Integrated loudness, range and true peak run on across stops and
   starts until reset(), like a hardware meter's programme measurement.
    [[message thread]] */
class LoudnessMonitor
{
public:
    /** Analyses what `engine` played since the last call. A different engine (a session was
        opened or its width or rate changed) starts a fresh measurement. */
    void poll (engine::RealtimeEngine* engine, double sampleRate);

    /** Forgets everything measured: a new programme. */
    void reset();

    const dsp::LoudnessAnalyser& analyser() const noexcept { return meter; }
    /** The correlation of the first two channels (L and R of a stereo, 5.1 or 7.1 mix); null for
        a mono mix. */
    const dsp::PhaseCorrelationMeter* phase() const noexcept { return channels >= 2 ? &correlation : nullptr; }
    bool hasMeasured() const noexcept { return meter.framesProcessed() > 0; }
    /** Audio the tap dropped because nobody read it in time (a stalled message thread). */
    int64_t droppedFrames() const noexcept { return dropped; }

    static constexpr double historySeconds = 3600.0;

private:
    void prepareFor (engine::RealtimeEngine* engine, double sampleRate);

    engine::RealtimeEngine* source = nullptr;
    double rate = 0.0;
    int channels = 0;
    int64_t dropped = 0;
    dsp::LoudnessAnalyser meter;
    dsp::PhaseCorrelationMeter correlation;
    std::vector<std::vector<float>> buffers;
    std::vector<float*> pointers;
};
} // namespace sprocket::app
