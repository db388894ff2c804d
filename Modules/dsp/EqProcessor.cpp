#include "dsp/EqProcessor.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace sprocket::dsp
{
static constexpr float smoothingMs = 20.0f;
static constexpr int subBlock = 32;
static constexpr double butterworthQ = 0.70710678118654752;
static constexpr double lowestCorner = 10.0;

static std::vector<ParameterInfo> eqParameters()
{
    std::vector<ParameterInfo> infos;
    const float defaultFreqs[EqProcessor::numBands] = { 100.0f, 500.0f, 2000.0f, 8000.0f };
    for (int b = 0; b < EqProcessor::numBands; ++b)
    {
        const auto prefix = "band" + std::to_string (b + 1);
        const auto label = "Band " + std::to_string (b + 1);
        infos.push_back ({ prefix + "_freq_hz", label + " frequency", "Hz", 20.0f, 20000.0f, defaultFreqs[b], smoothingMs });
        infos.push_back ({ prefix + "_gain_db", label + " gain", "dB", -24.0f, 24.0f, 0.0f, smoothingMs });
        infos.push_back ({ prefix + "_q", label + " Q", "", 0.1f, 10.0f, 1.0f, smoothingMs });
    }
    infos.push_back ({ "hpf_freq_hz", "High-pass frequency (0 = off)", "Hz", 0.0f, 20000.0f, 0.0f, smoothingMs });
    infos.push_back ({ "lpf_freq_hz", "Low-pass frequency (0 = off)", "Hz", 0.0f, 20000.0f, 0.0f, smoothingMs });
    return infos;
}

EqProcessor::EqProcessor() : Processor (eqParameters())
{
    hpf.highPass = true;
    lpf.highPass = false;
}

void EqProcessor::prepareToPlay()
{
    const double sr = getSampleRate();
    for (auto& band : bands)
    {
        band.log2Freq.prepare (sr, smoothingMs);
        band.gainDb.prepare (sr, smoothingMs);
        band.q.prepare (sr, smoothingMs);
        band.filter.prepare (getNumChannels());
    }
    for (auto* pass : { &hpf, &lpf })
    {
        pass->log2Freq.prepare (sr, smoothingMs);
        pass->mix.prepare (sr, smoothingMs);
        pass->filter.prepare (getNumChannels());
    }
}

void EqProcessor::resetState() noexcept
{
    readParameters (true);
    for (auto& band : bands)
    {
        band.filter.reset();
        updateBand (band, 0);
    }
    for (auto* pass : { &hpf, &lpf })
    {
        pass->filter.reset();
        pass->dirty = true;
        updatePassFilter (*pass, 0);
    }
}

void EqProcessor::readPassFilter (PassFilter& pass, float freq, bool immediately) noexcept
{
    const bool on = freq > 0.0f;
    const double log2Freq = std::log2 (std::max ((double) freq, lowestCorner));
    const bool fullyOff = pass.mix.getCurrent() == 0.0 && ! pass.mix.isSmoothing();

    if (immediately)
    {
        pass.mix.setImmediate (on ? 1.0 : 0.0);
        pass.log2Freq.setImmediate (log2Freq);
        pass.dirty = true;
        return;
    }
    if (! on)
    {
        pass.mix.setTarget (0.0); // keep the corner where it was while fading out
        return;
    }
    if (fullyOff)
    {
        // Engaging: start at the requested corner with a clean state and fade it in.
        pass.log2Freq.setImmediate (log2Freq);
        pass.filter.reset();
        pass.dirty = true;
    }
    else
    {
        pass.log2Freq.setTarget (log2Freq);
    }
    pass.mix.setTarget (1.0);
}

void EqProcessor::readParameters (bool immediately) noexcept
{
    for (int b = 0; b < numBands; ++b)
    {
        auto& band = bands[(size_t) b];
        const double log2Freq = std::log2 ((double) getParameter (3 * b));
        const double gain = getParameter (3 * b + 1);
        const double q = getParameter (3 * b + 2);
        if (immediately)
        {
            band.log2Freq.setImmediate (log2Freq);
            band.gainDb.setImmediate (gain);
            band.q.setImmediate (q);
        }
        else
        {
            band.log2Freq.setTarget (log2Freq);
            band.gainDb.setTarget (gain);
            band.q.setTarget (q);
        }
    }
    readPassFilter (hpf, getParameter (hpfFreqHz), immediately);
    readPassFilter (lpf, getParameter (lpfFreqHz), immediately);
}

void EqProcessor::updateBand (Band& band, int samples) noexcept
{
    const bool moving = band.log2Freq.isSmoothing() || band.gainDb.isSmoothing() || band.q.isSmoothing();
    band.log2Freq.skip (samples);
    band.gainDb.skip (samples);
    band.q.skip (samples);

    const bool wasActive = band.active;
    band.active = band.gainDb.getCurrent() != 0.0 || band.gainDb.isSmoothing();
    if (! band.active)
    {
        if (wasActive)
            band.filter.reset(); // so it starts clean when next engaged
        return;
    }
    if (moving || ! wasActive || samples == 0)
        band.filter.setCoefficients (BiquadCoefficients::peaking (getSampleRate(),
                                                                  std::exp2 (band.log2Freq.getCurrent()),
                                                                  band.q.getCurrent(),
                                                                  band.gainDb.getCurrent()));
}

void EqProcessor::updatePassFilter (PassFilter& pass, int samples) noexcept
{
    if (! pass.log2Freq.isSmoothing() && ! pass.dirty)
        return;
    pass.log2Freq.skip (samples);
    pass.dirty = false;
    const double freq = std::exp2 (pass.log2Freq.getCurrent());
    pass.filter.setCoefficients (pass.highPass ? BiquadCoefficients::highPass (getSampleRate(), freq, butterworthQ)
                                               : BiquadCoefficients::lowPass (getSampleRate(), freq, butterworthQ));
}

void EqProcessor::processPassFilter (PassFilter& pass, float* const* channels, int numChannels,
                                     int start, int n) noexcept
{
    updatePassFilter (pass, n);

    if (! pass.mix.isSmoothing())
    {
        if (pass.mix.getCurrent() == 0.0)
            return;
        for (int c = 0; c < numChannels; ++c)
            pass.filter.process (channels[c] + start, n, c);
        return;
    }

    for (int c = 0; c < numChannels; ++c)
    {
        auto mix = pass.mix; // every channel follows the same ramp
        auto* data = channels[c] + start;
        for (int i = 0; i < n; ++i)
        {
            const float dry = data[i];
            const float wet = pass.filter.processSample (dry, c);
            data[i] = dry + (float) mix.next() * (wet - dry);
        }
    }
    pass.mix.skip (n);
    if (pass.mix.getCurrent() == 0.0 && ! pass.mix.isSmoothing())
        pass.filter.reset();
}

void EqProcessor::processBlock (float* const* channels, int numChannels, int numFrames) noexcept
{
    numChannels = std::min (numChannels, getNumChannels());
    readParameters (false);

    for (int start = 0; start < numFrames; start += subBlock)
    {
        const int n = std::min (subBlock, numFrames - start);

        processPassFilter (hpf, channels, numChannels, start, n);

        for (auto& band : bands)
        {
            updateBand (band, n);
            if (band.active)
                for (int c = 0; c < numChannels; ++c)
                    band.filter.process (channels[c] + start, n, c);
        }

        processPassFilter (lpf, channels, numChannels, start, n);
    }
}
} // namespace sprocket::dsp
