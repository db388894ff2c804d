#pragma once

#include "dsp/Biquad.h"
#include "dsp/LoudnessAnalyser.h"
#include "dsp/TruePeakMeter.h"

#include <cstdint>
#include <vector>

namespace sprocket::qc
{
/** A stretch of a programme in frames, with the value that marks it (a level, a correlation). */
struct ProgrammeEvent
{
    int64_t start = 0, end = 0;
    double value = 0.0;
    int channel = -1; // -1 for the whole programme
};

/** Two channels that belong together (L/R, Ls/Rs), with their correlation every second. */
struct ChannelPair
{
    int left = 0, right = 1;
    std::vector<float> correlation; // per whole second, [-1, 1]; 1 when either is silent
    std::vector<float> levelDbfs;   // the louder channel's RMS in that second
};

/** Everything QC needs to know about a programme, gathered in one pass (ProgrammeScanner). Per
    100 ms step: the loudness readings, the true and sample peak, whether dialogue dominates. */
struct ProgrammeProfile
{
    double sampleRate = 0.0;
    int channels = 0;
    int64_t frames = 0;
    int stepLength = 1; // frames per 100 ms step
    dsp::LoudnessSummary loudness {};
    std::vector<float> momentaryLufs, shortTermLufs;      // per step
    std::vector<float> truePeakDbtp;                      // per step, the loudest channel
    std::vector<float> samplePeakDbfs;                    // per step, the loudest channel
    std::vector<uint8_t> dialogueStep;                    // per step: the dialogue band dominates
    std::vector<float> speechBandLowDb, speechBandHighDb; // per step: quietest and loudest 10 ms of that band
    std::vector<ProgrammeEvent> clipping;                 // runs of full-scale samples, per channel
    std::vector<double> dcOffset;                         // per channel, the mean sample value
    std::vector<ChannelPair> pairs;
};

/** Gathers a ProgrammeProfile from planar audio fed in blocks of any size.
    - Loudness: dsp::LoudnessAnalyser with its history (every step's momentary and short-term).
    - Peaks: a dsp::TruePeakMeter cleared at every step, so every over is seen, not only the worst.
    - Clipping: runs of at least `clipRun` samples at or above `clipLevel` (linear) in a channel.
    - Phase: L/R, and Ls/Rs (and Lrs/Rrs) in 5.1 and 7.1, correlated over each whole second.
    - Dialogue: per step, whether the dialogue channel (mono: the one; stereo: the mid,
      (L + R) / 2; 5.1/7.1: the centre) carries, within 200 Hz to 4 kHz (where speech has most
      of its energy), at least `dialogueShare` of the programme's energy (all channels but the
      LFE, full band); and the quietest and loudest 10 ms of that band, for the syllable rhythm
      speech has and a held note does not. DialogueGate.h explains the use.
    [[message thread or a worker thread]]; allocates in prepare() only. */
class ProgrammeScanner
{
public:
    struct Options
    {
        double clipLevel = 0.99988; // -0.001 dBFS
        int clipRun = 3;
        double dialogueShare = 0.4;
    };

    void prepare (double sampleRate, int channels, int64_t expectedFrames, Options options);
    void process (const float* const* channels, int numFrames);
    ProgrammeProfile finish();

private:
    void processWithinStep (const float* const* channels, int offset, int n);
    void completeSubframe();
    void completeStep();
    void completeSecond();
    int dialogueChannelCount() const noexcept;

    Options options;
    ProgrammeProfile profile;
    dsp::LoudnessAnalyser analyser;
    dsp::TruePeakMeter peaks;
    dsp::Biquad speechHighPass, speechLowPass;
    std::vector<float> dialogueBuffer;
    std::vector<const float*> offsetPointers;

    int positionInStep = 0;
    int stepsInSecond = 0;
    double stepDialogueBandEnergy = 0.0, stepProgrammeEnergy = 0.0;
    int subframeLength = 1, positionInSubframe = 0, subframesInStep = 0;
    double subframeEnergy = 0.0, stepSubframeLow = 0.0, stepSubframeHigh = 0.0;
    std::vector<int> clipRunLength;
    std::vector<int64_t> clipRunStart;
    std::vector<float> clipRunPeak;
    std::vector<double> sums;
    struct PairSums
    {
        double ll = 0.0, rr = 0.0, lr = 0.0;
        int64_t n = 0;
    };
    std::vector<PairSums> pairSums;
};
} // namespace sprocket::qc
