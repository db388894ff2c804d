#include "dsp/ConvolutionReverbProcessor.h"

#include "core/Decibels.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace sprocket::dsp
{
static constexpr float smoothingMs = 20.0f;
static constexpr float minimumWetDb = -60.0f;    // and below: the wet path is silent
static constexpr int zeroLatencyPartition = 128; // 128 direct taps per sample: cheap enough
static constexpr int minPartition = 128, maxPartition = 1024;

ConvolutionReverbProcessor::ConvolutionReverbProcessor()
    : Processor ({ { "mix", "Mix", "%", 0.0f, 100.0f, 100.0f, smoothingMs },
                   { "wet_db", "Wet level", "dB", minimumWetDb, 12.0f, 0.0f, smoothingMs },
                   { "predelay_ms", "Pre-delay", "ms", 0.0f, maxPredelayMs, 0.0f, 0.0f },
                   { "zero_latency", "Zero latency", "", 0.0f, 1.0f, 0.0f, 0.0f } })
{
}

int ConvolutionReverbProcessor::latencySamples() const noexcept
{
    return convolvers.empty() ? 0 : convolvers.front()->latencySamples();
}

nlohmann::json ConvolutionReverbProcessor::state() const
{
    auto json = Processor::state();
    if (! irPath.empty())
        json["ir"] = irPath;
    return json;
}

core::Status ConvolutionReverbProcessor::setState (const nlohmann::json& newState)
{
    const auto ir = newState.is_object() ? newState.find ("ir") : newState.end();
    if (newState.is_object() && ir != newState.end() && ! ir->is_string())
        return core::makeError ("ir: must be a file path (a string)");
    if (auto status = Processor::setState (newState); ! status)
        return status;
    irPath = newState.is_object() && ir != newState.end() ? ir->get<std::string>() : std::string();
    return {};
}

void ConvolutionReverbProcessor::setImpulseResponse (std::vector<std::vector<float>> channels, double sampleRate)
{
    ir = std::move (channels);
    irSampleRate = sampleRate;
    if (isPrepared())
    {
        buildConvolvers();
        resetState();
    }
}

int ConvolutionReverbProcessor::predelaySamples() const noexcept
{
    return (int) std::lround (getParameter (predelayMs) * 0.001 * getSampleRate());
}

double ConvolutionReverbProcessor::targetWet() const noexcept
{
    const float db = getParameter (wetDb);
    return getParameter (mix) * 0.01 * (db <= minimumWetDb ? 0.0 : core::gainFromDb (db));
}

double ConvolutionReverbProcessor::targetDry() const noexcept
{
    return 1.0 - getParameter (mix) * 0.01;
}

void ConvolutionReverbProcessor::buildConvolvers()
{
    convolvers.clear();
    problem.clear();
    if (ir.empty() || ir.front().empty())
    {
        problem = "no impulse response";
        return;
    }
    if (irSampleRate != getSampleRate())
    {
        // dsp does not resample: the engine converts the file to the session rate first.
        problem = "impulse response at " + std::to_string ((int) irSampleRate) + " Hz, processor at "
                  + std::to_string ((int) getSampleRate()) + " Hz";
        return;
    }

    const bool direct = getParameter (zeroLatency) >= 0.5f;
    int partition = minPartition;
    while (partition < getMaxBlockSize() && partition < maxPartition)
        partition *= 2;
    if (direct)
        partition = zeroLatencyPartition;

    for (int c = 0; c < getNumChannels(); ++c)
    {
        const auto& samples = ir[(size_t) c % ir.size()];
        convolvers.push_back (std::make_unique<PartitionedConvolver>());
        convolvers.back()->prepare (samples.data(), (int) samples.size(), partition, direct);
    }

    // One input ring per channel serves both the pre-delayed wet tap and the dry tap delayed
    // by the convolver's latency.
    const int longest = (int) std::ceil (maxPredelayMs * 0.001 * getSampleRate()) + partition;
    int size = 1;
    while (size < longest + 1)
        size *= 2;
    historyMask = size - 1;
    history.assign ((size_t) getNumChannels(), std::vector<float> ((size_t) size, 0.0f));
}

void ConvolutionReverbProcessor::prepareToPlay()
{
    const auto block = (size_t) getMaxBlockSize();
    wet.assign (block, 0.0f);
    wetGains.assign (block, 0.0f);
    dryGains.assign (block, 0.0f);
    wetGain.prepare (getSampleRate(), smoothingMs);
    dryGain.prepare (getSampleRate(), smoothingMs);
    buildConvolvers();
}

void ConvolutionReverbProcessor::resetState() noexcept
{
    for (auto& convolver : convolvers)
        convolver->reset();
    for (auto& ring : history)
        std::fill (ring.begin(), ring.end(), 0.0f);
    writePos = 0;
    wetGain.setImmediate (targetWet());
    dryGain.setImmediate (targetDry());
}

void ConvolutionReverbProcessor::processBlock (float* const* channels, int numChannels, int numFrames) noexcept
{
    if (convolvers.empty())
        return; // bypassed: no usable impulse response

    wetGain.setTarget (targetWet());
    dryGain.setTarget (targetDry());
    for (int i = 0; i < numFrames; ++i)
    {
        wetGains[(size_t) i] = (float) wetGain.next();
        dryGains[(size_t) i] = (float) dryGain.next();
    }

    numChannels = std::min (numChannels, (int) convolvers.size());
    const int predelay = predelaySamples();
    const int latency = latencySamples();
    for (int c = 0; c < numChannels; ++c)
    {
        float* ring = history[(size_t) c].data();
        float* data = channels[c];
        int w = writePos;
        for (int i = 0; i < numFrames; ++i)
        {
            ring[w] = data[i];
            wet[(size_t) i] = ring[(w - predelay) & historyMask];
            data[i] = ring[(w - latency) & historyMask]; // the dry signal, aligned with the wet
            w = (w + 1) & historyMask;
        }
        convolvers[(size_t) c]->process (wet.data(), wet.data(), numFrames);
        for (int i = 0; i < numFrames; ++i)
            data[i] = data[i] * dryGains[(size_t) i] + wet[(size_t) i] * wetGains[(size_t) i];
    }
    writePos = (writePos + numFrames) & historyMask;
}
} // namespace sprocket::dsp
