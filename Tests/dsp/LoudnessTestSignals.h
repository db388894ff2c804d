#pragma once

// Programmes for the loudness tests: sine segments per channel as EBU Tech 3341/3342 define
// their test signals, and realistic material (noise bursts, speech-like and music-like signals).

#include "dsp/LoudnessAnalyser.h"

#include <cmath>
#include <complex>
#include <cstdint>
#include <limits>
#include <numbers>
#include <vector>

namespace sprocket::dsp::test
{
/** Planar audio at one sample rate. */
struct Programme
{
    Programme (int numberOfChannels, double rate) : sampleRate (rate), channels ((size_t) numberOfChannels) {}

    int numChannels() const { return (int) channels.size(); }
    int64_t numFrames() const { return channels.empty() ? 0 : (int64_t) channels[0].size(); }

    double sampleRate;
    std::vector<std::vector<float>> channels;
};

/** Silent channels in `dbfs` (per channel peak level of the sine). */
inline constexpr double silent = -std::numeric_limits<double>::infinity();

/** Appends `seconds` of a sine of `freq` Hz to every channel, channel c at peak level dbfs[c]
    (Tech 3341 states its levels as sine peaks: -23 dBFS is an amplitude of 10^(-23/20)). The
    phase runs on from the programme's start, so segments join without a jump in phase. */
inline void appendSine (Programme& p, double freq, const std::vector<double>& dbfs, double seconds)
{
    const auto start = p.numFrames();
    const auto n = (int64_t) std::llround (seconds * p.sampleRate);
    for (int c = 0; c < p.numChannels(); ++c)
    {
        const double db = dbfs[(size_t) std::min<int> (c, (int) dbfs.size() - 1)];
        const double amplitude = std::isinf (db) ? 0.0 : std::pow (10.0, db / 20.0);
        auto& x = p.channels[(size_t) c];
        x.reserve ((size_t) (start + n));
        for (int64_t i = start; i < start + n; ++i)
            x.push_back ((float) (amplitude * std::sin (2.0 * std::numbers::pi * freq * (double) i / p.sampleRate)));
    }
}

/** Stereo 1 kHz at the same level in both channels, the Tech 3341/3342 staple. */
inline void appendTone (Programme& p, double dbfs, double seconds)
{
    appendSine (p, 1000.0, std::vector<double> ((size_t) p.numChannels(), dbfs), seconds);
}

inline void appendSilence (Programme& p, double seconds)
{
    appendSine (p, 1000.0, { silent }, seconds);
}

/** Runs a programme through an analyser in blocks of blockSize. */
inline void analyse (LoudnessAnalyser& analyser, const Programme& p, int blockSize)
{
    std::vector<const float*> block ((size_t) p.numChannels());
    for (int64_t start = 0; start < p.numFrames(); start += blockSize)
    {
        const int n = (int) std::min<int64_t> (blockSize, p.numFrames() - start);
        for (int c = 0; c < p.numChannels(); ++c)
            block[(size_t) c] = p.channels[(size_t) c].data() + start;
        analyser.process (block.data(), n);
    }
}

inline LoudnessSummary measure (const Programme& p, int blockSize = 1024)
{
    LoudnessAnalyser analyser;
    analyser.prepare (p.sampleRate, p.numChannels(), blockSize);
    analyse (analyser, p, blockSize);
    return analyser.summary();
}

/** Deterministic xorshift64 noise source, uniform in [-1, 1). */
struct Noise
{
    uint64_t state;
    explicit Noise (uint64_t seed) : state (seed * 0x9e3779b97f4a7c15ULL + 1) {}
    double next()
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return (double) (state >> 11) / 4503599627370496.0 - 1.0;
    }
};
} // namespace sprocket::dsp::test

namespace sprocket::dsp::test
{
/** A resonator (constant 0 dB peak gain band-pass, RBJ) for formants and colouring noise. */
struct Resonator
{
    double b0 = 0, b2 = 0, a1 = 0, a2 = 0, x1 = 0, x2 = 0, y1 = 0, y2 = 0;
    Resonator (double freq, double q, double rate)
    {
        const double w = 2.0 * std::numbers::pi * freq / rate, alpha = std::sin (w) / (2.0 * q), a0 = 1.0 + alpha;
        b0 = alpha / a0;
        b2 = -alpha / a0;
        a1 = -2.0 * std::cos (w) / a0;
        a2 = (1.0 - alpha) / a0;
    }
    double operator() (double x)
    {
        const double y = b0 * x + b2 * x2 - a1 * y1 - a2 * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y;
    }
};

/** Noise bursts with pauses: pink-ish noise (white through a 1-pole low-pass mix), bursts of
    0.3 to 3 s at -40 to -12 dBFS RMS-ish, separated by 0.2 to 2 s of silence. */
inline std::vector<float> noiseBursts (double rate, double seconds, uint64_t seed)
{
    Noise noise (seed);
    std::vector<float> x;
    double lowPassed = 0.0;
    while ((double) x.size() < seconds * rate)
    {
        const double level = std::pow (10.0, (-40.0 + 28.0 * (0.5 + 0.5 * noise.next())) / 20.0);
        const auto burst = (int64_t) ((0.3 + 2.7 * (0.5 + 0.5 * noise.next())) * rate);
        for (int64_t i = 0; i < burst; ++i)
        {
            const double w = noise.next();
            lowPassed += 0.05 * (w - lowPassed);
            x.push_back ((float) (level * (0.4 * w + 3.0 * lowPassed)));
        }
        x.resize (x.size() + (size_t) ((0.2 + 1.8 * (0.5 + 0.5 * noise.next())) * rate), 0.0f);
    }
    x.resize ((size_t) (seconds * rate));
    return x;
}

/** Dialogue-like: syllables of a glottal pulse train (pitch 90 to 220 Hz, gliding) through three
    formant resonators that move per syllable, some unvoiced fricatives (high-passed noise), 3 to
    7 syllables a word, short pauses between words and longer ones between phrases. */
inline std::vector<float> dialogueLike (double rate, double seconds, uint64_t seed)
{
    Noise noise (seed);
    std::vector<float> x;
    const double basePitch = 90.0 + 130.0 * (0.5 + 0.5 * noise.next());
    double phase = 0.0;
    while ((double) x.size() < seconds * rate)
    {
        const int syllables = 3 + (int) (5.0 * (0.5 + 0.5 * noise.next()));
        for (int s = 0; s < syllables; ++s)
        {
            const bool fricative = noise.next() > 0.6;
            const auto length = (int64_t) ((0.12 + 0.2 * (0.5 + 0.5 * noise.next())) * rate);
            const double level = std::pow (10.0, (-24.0 + 8.0 * noise.next()) / 20.0);
            Resonator f1 (350.0 + 500.0 * (0.5 + 0.5 * noise.next()), 6.0, rate);
            Resonator f2 (900.0 + 1400.0 * (0.5 + 0.5 * noise.next()), 8.0, rate);
            Resonator f3 (2400.0 + 800.0 * (0.5 + 0.5 * noise.next()), 10.0, rate);
            Resonator hiss (5000.0 + 2000.0 * noise.next(), 2.0, rate);
            const double glide = 1.0 + 0.2 * noise.next();
            for (int64_t i = 0; i < length; ++i)
            {
                const double t = (double) i / (double) length;
                const double envelope = std::sin (std::numbers::pi * t);
                double v;
                if (fricative)
                    v = 0.8 * hiss (noise.next());
                else
                {
                    phase += basePitch * (1.0 + (glide - 1.0) * t) / rate;
                    const double pulse = phase - std::floor (phase) < 0.1 ? 1.0 : 0.0;
                    v = 6.0 * f1 (pulse) + 4.0 * f2 (pulse) + 2.0 * f3 (pulse);
                }
                x.push_back ((float) (level * envelope * v));
            }
        }
        const bool phraseEnd = noise.next() > 0.5;
        x.resize (x.size() + (size_t) ((phraseEnd ? 0.5 + 0.8 * (0.5 + 0.5 * noise.next()) : 0.05 + 0.1 * (0.5 + 0.5 * noise.next())) * rate), 0.0f);
    }
    x.resize ((size_t) (seconds * rate));
    return x;
}

/** Music-like, two channels: chords of harmonic tones (8 partials) with attack/decay envelopes,
    changing every 0.5 to 2 s, a bass line, and drum-like hits (decaying noise) for sharp peaks;
    notes panned across the pair. */
inline std::vector<std::vector<float>> musicLike (double rate, double seconds, uint64_t seed)
{
    Noise noise (seed);
    const auto n = (size_t) (seconds * rate);
    std::vector<std::vector<float>> out (2, std::vector<float> (n, 0.0f));
    for (size_t start = 0; start < n;)
    {
        const auto length = (size_t) ((0.5 + 1.5 * (0.5 + 0.5 * noise.next())) * rate);
        const double root = 110.0 * std::pow (2.0, std::floor (12.0 * (0.5 + 0.5 * noise.next())) / 12.0);
        const double level = std::pow (10.0, (-30.0 + 10.0 * noise.next()) / 20.0);
        for (double ratio : { 1.0, 1.25, 1.5, 2.0, 0.5 })
        {
            const double pan = 0.5 + 0.45 * noise.next();
            const double f = root * ratio;
            // Partials as rotating phasors: one complex multiply a sample instead of a sine.
            std::vector<std::complex<double>> phasor, rotation;
            for (int h = 1; h <= 8 && f * h < 0.45 * rate; ++h)
            {
                phasor.emplace_back (0.0, 1.0 / h);
                rotation.push_back (std::polar (1.0, 2.0 * std::numbers::pi * f * h / rate));
            }
            for (size_t i = start; i < std::min (n, start + length); ++i)
            {
                const double t = (double) (i - start) / rate;
                const double envelope = std::min (1.0, t / 0.02) * std::exp (-t * 1.5);
                double v = 0.0;
                for (size_t h = 0; h < phasor.size(); ++h)
                {
                    v += phasor[h].real();
                    phasor[h] *= rotation[h];
                }
                out[0][i] += (float) (level * envelope * v * (1.0 - pan));
                out[1][i] += (float) (level * envelope * v * pan);
            }
        }
        // A hit at the start of every chord: 60 ms of decaying full-band noise.
        const double hit = std::pow (10.0, (-12.0 + 6.0 * noise.next()) / 20.0);
        for (size_t i = start; i < std::min (n, start + (size_t) (0.06 * rate)); ++i)
        {
            const double decay = std::exp (-(double) (i - start) / (0.012 * rate));
            out[0][i] += (float) (hit * decay * noise.next());
            out[1][i] += (float) (hit * decay * noise.next());
        }
        start += length;
    }
    return out;
}
} // namespace sprocket::dsp::test
