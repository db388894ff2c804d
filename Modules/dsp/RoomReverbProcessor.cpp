#include "dsp/RoomReverbProcessor.h"

#include "core/Decibels.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

namespace sprocket::dsp
{
namespace
{
    constexpr float smoothingMs = 20.0f;
    constexpr float minimumWetDb = -60.0f; // and below: the wet path is silent

    /** Early reflections at room scale 1 (a room of about 5 x 7 m: first-order wall paths arrive
        4 to 38 ms after the direct sound), the two sides interleaved in time so the pattern is
        not a mirror image. Gains fall 1 dB every 3 ms (10^(-t/60)), as longer paths lose more
        to spreading and absorption, from -6 dB for the first. */
    constexpr int reflectionCount = 6;
    constexpr std::array<double, reflectionCount> leftMs { 4.3, 9.7, 15.1, 21.9, 28.3, 35.9 };
    constexpr std::array<double, reflectionCount> rightMs { 5.9, 11.3, 17.9, 24.1, 31.7, 38.3 };
    constexpr double longestReflectionMs = 38.3;

    double reflectionGain (double ms)
    {
        return 0.5 * std::pow (10.0, -ms / 60.0);
    }

    constexpr float sqrtHalf = 0.70710678118654752f;
} // namespace

RoomReverbProcessor::RoomReverbProcessor()
    : Processor ({ { "room_size", "Room size", "%", 0.0f, 100.0f, 50.0f, 0.0f },
                   { "decay_s", "Decay (RT60)", "s", 0.2f, 10.0f, 1.5f, 0.0f },
                   { "damping_hz", "HF damping", "Hz", 1000.0f, 20000.0f, 6000.0f, 0.0f },
                   { "pre_delay_ms", "Pre-delay", "ms", 0.0f, maxPreDelayMs, 10.0f, 0.0f },
                   { "width", "Width", "%", 0.0f, 100.0f, 100.0f, 0.0f },
                   { "mix", "Mix", "%", 0.0f, 100.0f, 100.0f, smoothingMs },
                   { "wet_db", "Wet level", "dB", minimumWetDb, 12.0f, 0.0f, smoothingMs } })
{
}

double RoomReverbProcessor::targetWet() const noexcept
{
    const float db = getParameter (wetDb);
    return getParameter (mix) * 0.01 * (db <= minimumWetDb ? 0.0 : core::gainFromDb (db));
}

double RoomReverbProcessor::targetDry() const noexcept
{
    return 1.0 - getParameter (mix) * 0.01;
}

void RoomReverbProcessor::prepareToPlay()
{
    late.prepare (getSampleRate());
    const double longestMs = maxPreDelayMs + longestReflectionMs * FeedbackDelayNetwork::maxScale;
    const int longest = (int) std::ceil (longestMs * 0.001 * getSampleRate()) + 1;
    const int size = (int) std::bit_ceil ((unsigned) longest);
    feedMask = size - 1;
    feeds.assign ((size_t) (2 * size), 0.0f);
    wetGain.prepare (getSampleRate(), smoothingMs);
    dryGain.prepare (getSampleRate(), smoothingMs);
    designedSize = designedDecay = designedDamping = -1.0f;
    resetState();
}

void RoomReverbProcessor::resetState() noexcept
{
    late.reset();
    std::fill (feeds.begin(), feeds.end(), 0.0f);
    writePos = 0;
    wetGain.setImmediate (targetWet());
    dryGain.setImmediate (targetDry());
}

void RoomReverbProcessor::updateDesign() noexcept
{
    const float size = getParameter (roomSize), decay = getParameter (decayS), damping = getParameter (dampingHz);
    if (size == designedSize && decay == designedDecay && damping == designedDamping)
        return;
    if (size != designedSize)
    {
        // 0 % -> 0.5x, 50 % -> 1x, 100 % -> 2x: equal percentage steps are equal ratios.
        sizeScale = FeedbackDelayNetwork::minScale * std::pow (4.0, size / 100.0);
        late.setScale (sizeScale);
    }
    late.setDecay (decay, damping);
    designedSize = size;
    designedDecay = decay;
    designedDamping = damping;
}

void RoomReverbProcessor::processBlock (float* const* channels, int numChannels, int numFrames) noexcept
{
    updateDesign();
    wetGain.setTarget (targetWet());
    dryGain.setTarget (targetDry());

    const double samplesPerMs = 0.001 * getSampleRate();
    const int preDelay = (int) std::lround (getParameter (preDelayMs) * samplesPerMs);
    std::array<int, reflectionCount> leftTaps, rightTaps;
    std::array<float, reflectionCount> leftGains, rightGains;
    for (int k = 0; k < reflectionCount; ++k)
    {
        const double l = leftMs[(size_t) k] * sizeScale, r = rightMs[(size_t) k] * sizeScale;
        leftTaps[(size_t) k] = preDelay + (int) std::lround (l * samplesPerMs);
        rightTaps[(size_t) k] = preDelay + (int) std::lround (r * samplesPerMs);
        leftGains[(size_t) k] = (float) reflectionGain (l);
        rightGains[(size_t) k] = (float) reflectionGain (r);
    }
    const float sideScale = getParameter (width) * 0.01f;

    const int ringSize = feedMask + 1;
    float* leftFeed = feeds.data();
    float* rightFeed = feeds.data() + ringSize;
    const bool surround = numChannels >= 3;
    const auto at = [&] (int c, int i) { return c < numChannels ? channels[c][i] : 0.0f; };

    for (int i = 0; i < numFrames; ++i)
    {
        // The feeds: LFE (channel 3) never reaches a reverb; the centre goes half to each side.
        float left = channels[0][i], right = numChannels >= 2 ? channels[1][i] : left;
        if (surround)
        {
            left += 0.5f * at (2, i) + at (4, i) + at (6, i);
            right += 0.5f * at (2, i) + at (5, i) + at (7, i);
        }
        leftFeed[writePos] = left;
        rightFeed[writePos] = right;

        float wet[FeedbackDelayNetwork::maxOutputs];
        late.tick (leftFeed[(writePos - preDelay) & feedMask], rightFeed[(writePos - preDelay) & feedMask], wet);
        for (int k = 0; k < reflectionCount; ++k)
        {
            wet[0] += leftGains[(size_t) k] * leftFeed[(writePos - leftTaps[(size_t) k]) & feedMask];
            wet[1] += rightGains[(size_t) k] * rightFeed[(writePos - rightTaps[(size_t) k]) & feedMask];
        }
        // Width on each pair: keep the mid, scale the side.
        for (int pair = 0; pair < FeedbackDelayNetwork::maxOutputs; pair += 2)
        {
            const float mid = 0.5f * (wet[pair] + wet[pair + 1]), side = 0.5f * (wet[pair] - wet[pair + 1]) * sideScale;
            wet[pair] = mid + side;
            wet[pair + 1] = mid - side;
        }
        writePos = (writePos + 1) & feedMask;

        const float wetLevel = (float) wetGain.next(), dryLevel = (float) dryGain.next();
        if (numChannels == 1)
        {
            channels[0][i] = dryLevel * channels[0][i] + wetLevel * sqrtHalf * (wet[0] + wet[1]);
            continue;
        }
        for (int c = 0; c < numChannels; ++c)
        {
            // L R get the first pair (reflections and tail), C and LFE none, each surround pair the next.
            const int output = c < 2 ? c : (c >= 4 ? c - 2 : -1);
            const float reverb = output >= 0 && output < FeedbackDelayNetwork::maxOutputs ? wet[output] : 0.0f;
            channels[c][i] = dryLevel * channels[c][i] + wetLevel * reverb;
        }
    }
}
} // namespace sprocket::dsp
