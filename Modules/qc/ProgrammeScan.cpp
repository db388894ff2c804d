#include "qc/ProgrammeScan.h"

#include "dsp/LoudnessMath.h"

#include <algorithm>
#include <cmath>

namespace sprocket::qc
{
namespace
{
    float dbOf (double linear)
    {
        return linear > 0.0 ? (float) (20.0 * std::log10 (linear)) : -INFINITY;
    }

    bool hasLfe (int channels)
    {
        return channels == 6 || channels == 8;
    }
} // namespace

void ProgrammeScanner::prepare (double sampleRate, int channels, int64_t expectedFrames, Options o)
{
    options = o;
    profile = {};
    profile.sampleRate = sampleRate;
    profile.channels = channels;
    profile.stepLength = dsp::samplesPer100ms (sampleRate);
    const double seconds = (double) expectedFrames / sampleRate + 1.0;
    analyser.prepare (sampleRate, channels, profile.stepLength, seconds);
    peaks.prepare (sampleRate, channels);

    speechHighPass.prepare (1);
    speechLowPass.prepare (1);
    speechHighPass.setCoefficients (dsp::BiquadCoefficients::highPass (sampleRate, 200.0, 0.7071));
    speechLowPass.setCoefficients (dsp::BiquadCoefficients::lowPass (sampleRate, 4000.0, 0.7071));
    dialogueBuffer.assign ((size_t) profile.stepLength, 0.0f);
    offsetPointers.assign ((size_t) channels, nullptr);

    clipRunLength.assign ((size_t) channels, 0);
    clipRunStart.assign ((size_t) channels, 0);
    clipRunPeak.assign ((size_t) channels, 0.0f);
    sums.assign ((size_t) channels, 0.0);
    if (channels >= 2)
        profile.pairs.push_back ({ 0, 1, {}, {} });
    if (channels >= 6)
        profile.pairs.push_back ({ 4, 5, {}, {} });
    if (channels >= 8)
        profile.pairs.push_back ({ 6, 7, {}, {} });
    pairSums.assign (profile.pairs.size(), {});
    positionInStep = stepsInSecond = 0;
    stepDialogueBandEnergy = stepProgrammeEnergy = 0.0;
    subframeLength = std::max (1, profile.stepLength / 10);
    positionInSubframe = subframesInStep = 0;
    subframeEnergy = 0.0;
    stepSubframeLow = INFINITY;
    stepSubframeHigh = 0.0;
}

void ProgrammeScanner::process (const float* const* channels, int numFrames)
{
    int done = 0;
    while (done < numFrames)
    {
        const int n = std::min (numFrames - done, profile.stepLength - positionInStep);
        processWithinStep (channels, done, n);
        done += n;
    }
}

void ProgrammeScanner::processWithinStep (const float* const* channels, int offset, int n)
{
    const int count = profile.channels;
    for (int c = 0; c < count; ++c)
        offsetPointers[(size_t) c] = channels[c] + offset;
    analyser.process (offsetPointers.data(), n);

    for (int c = 0; c < count; ++c)
    {
        const float* x = offsetPointers[(size_t) c];
        peaks.process (c, x, n);
        double sum = 0.0;
        for (int i = 0; i < n; ++i)
        {
            sum += x[i];
            const float magnitude = std::abs (x[i]);
            auto& run = clipRunLength[(size_t) c];
            if (magnitude >= options.clipLevel)
            {
                if (run++ == 0)
                {
                    clipRunStart[(size_t) c] = profile.frames + i;
                    clipRunPeak[(size_t) c] = 0.0f;
                }
                clipRunPeak[(size_t) c] = std::max (clipRunPeak[(size_t) c], magnitude);
            }
            else if (run > 0)
            {
                if (run >= options.clipRun)
                    profile.clipping.push_back (
                        { clipRunStart[(size_t) c], profile.frames + i, dbOf (clipRunPeak[(size_t) c]), c });
                run = 0;
            }
        }
        sums[(size_t) c] += sum;
        if (! (hasLfe (count) && c == 3))
            for (int i = 0; i < n; ++i)
                stepProgrammeEnergy += (double) x[i] * x[i];
    }

    for (size_t p = 0; p < profile.pairs.size(); ++p)
    {
        const float* l = offsetPointers[(size_t) profile.pairs[p].left];
        const float* r = offsetPointers[(size_t) profile.pairs[p].right];
        auto& s = pairSums[p];
        for (int i = 0; i < n; ++i)
        {
            s.ll += (double) l[i] * l[i];
            s.rr += (double) r[i] * r[i];
            s.lr += (double) l[i] * r[i];
        }
        s.n += n;
    }

    // The dialogue channel through the speech band.
    float* d = dialogueBuffer.data();
    if (count == 2)
        for (int i = 0; i < n; ++i)
            d[i] = 0.5f * (offsetPointers[0][i] + offsetPointers[1][i]);
    else
        std::copy_n (offsetPointers[count >= 6 ? 2 : 0], n, d);
    speechHighPass.process (d, n, 0);
    speechLowPass.process (d, n, 0);
    double band = 0.0;
    for (int i = 0; i < n; ++i)
    {
        const double e = (double) d[i] * d[i];
        band += e;
        subframeEnergy += e;
        // Ten 10 ms subframes a step; the last one takes what a step's length leaves over.
        if (++positionInSubframe == subframeLength && subframesInStep < 9)
            completeSubframe();
    }
    // Stereo: the mid's energy is measured against the mean of L and R, so a centred voice is 1.
    stepDialogueBandEnergy += count == 2 ? 2.0 * band : band;

    profile.frames += n;
    positionInStep += n;
    if (positionInStep == profile.stepLength)
        completeStep();
}

void ProgrammeScanner::completeSubframe()
{
    stepSubframeLow = std::min (stepSubframeLow, subframeEnergy / positionInSubframe);
    stepSubframeHigh = std::max (stepSubframeHigh, subframeEnergy / positionInSubframe);
    subframeEnergy = 0.0;
    positionInSubframe = 0;
    ++subframesInStep;
}

void ProgrammeScanner::completeStep()
{
    completeSubframe();
    profile.speechBandLowDb.push_back (stepSubframeLow > 0.0 ? (float) (10.0 * std::log10 (stepSubframeLow)) : -INFINITY);
    profile.speechBandHighDb.push_back (stepSubframeHigh > 0.0 ? (float) (10.0 * std::log10 (stepSubframeHigh)) : -INFINITY);
    stepSubframeLow = INFINITY;
    stepSubframeHigh = 0.0;
    subframesInStep = 0;
    positionInStep = 0;
    float truePeak = 0.0f, samplePeak = 0.0f;
    for (int c = 0; c < profile.channels; ++c)
    {
        truePeak = std::max (truePeak, peaks.truePeak (c));
        samplePeak = std::max (samplePeak, peaks.samplePeak (c));
    }
    peaks.clearPeaks();
    profile.truePeakDbtp.push_back (dbOf (truePeak));
    profile.samplePeakDbfs.push_back (dbOf (samplePeak));
    profile.dialogueStep.push_back (stepProgrammeEnergy > 0.0
                                    && stepDialogueBandEnergy >= options.dialogueShare * stepProgrammeEnergy);
    stepDialogueBandEnergy = stepProgrammeEnergy = 0.0;
    if (++stepsInSecond == 10)
        completeSecond();
}

void ProgrammeScanner::completeSecond()
{
    stepsInSecond = 0;
    for (size_t p = 0; p < profile.pairs.size(); ++p)
    {
        auto& s = pairSums[p];
        const double denominator = std::sqrt (s.ll * s.rr);
        // A silent side cannot be out of phase with anything.
        profile.pairs[p].correlation.push_back (denominator > 1e-20 ? (float) (s.lr / denominator) : 1.0f);
        profile.pairs[p].levelDbfs.push_back (s.n > 0 ? dbOf (std::sqrt (std::max (s.ll, s.rr) / (double) s.n)) : -INFINITY);
        s = {};
    }
}

ProgrammeProfile ProgrammeScanner::finish()
{
    // A clip run still going at the end counts.
    for (int c = 0; c < profile.channels; ++c)
        if (clipRunLength[(size_t) c] >= options.clipRun)
            profile.clipping.push_back ({ clipRunStart[(size_t) c], profile.frames, dbOf (clipRunPeak[(size_t) c]), c });
    // Runs in a channel less than 100 ms apart are one clipped passage (a clipped sine clips
    // every half cycle): one event each, with its loudest sample.
    std::sort (profile.clipping.begin(), profile.clipping.end(),
               [] (const auto& a, const auto& b) { return a.channel != b.channel ? a.channel < b.channel : a.start < b.start; });
    std::vector<ProgrammeEvent> passages;
    for (const auto& run : profile.clipping)
        if (! passages.empty() && passages.back().channel == run.channel && run.start - passages.back().end < profile.stepLength)
        {
            passages.back().end = run.end;
            passages.back().value = std::max (passages.back().value, run.value);
        }
        else
            passages.push_back (run);
    std::sort (passages.begin(), passages.end(), [] (const auto& a, const auto& b) { return a.start < b.start; });
    profile.clipping = std::move (passages);

    profile.loudness = analyser.summary();
    const auto& history = analyser.history();
    for (int i = 0; i < history.size(); ++i)
    {
        profile.momentaryLufs.push_back (history[i].momentaryLufs);
        profile.shortTermLufs.push_back (history[i].shortTermLufs);
    }
    for (int c = 0; c < profile.channels; ++c)
        profile.dcOffset.push_back (profile.frames > 0 ? sums[(size_t) c] / (double) profile.frames : 0.0);
    return std::move (profile);
}
} // namespace sprocket::qc
