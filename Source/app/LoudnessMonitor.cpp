#include "LoudnessMonitor.h"

namespace sprocket::app
{
namespace
{
    constexpr int chunkFrames = 4096;
}

void LoudnessMonitor::prepareFor (engine::RealtimeEngine* engine, double sampleRate)
{
    source = engine;
    rate = sampleRate;
    channels = engine != nullptr ? engine->outputTap().numChannels() : 0;
    dropped = engine != nullptr ? engine->outputTap().dropped() : 0;
    if (engine == nullptr)
        return;
    meter.prepare (sampleRate, channels, chunkFrames, historySeconds);
    correlation.prepare (sampleRate);
    buffers.assign ((size_t) channels, std::vector<float> ((size_t) chunkFrames));
    pointers.clear();
    for (auto& buffer : buffers)
        pointers.push_back (buffer.data());
}

void LoudnessMonitor::poll (engine::RealtimeEngine* engine, double sampleRate)
{
    if (engine != source || sampleRate != rate)
        prepareFor (engine, sampleRate);
    if (engine == nullptr)
        return;
    auto& tap = engine->outputTap();
    while (const int n = tap.pop (pointers.data(), chunkFrames))
    {
        meter.process (pointers.data(), n);
        if (channels >= 2)
            correlation.process (pointers[0], pointers[1], n);
    }
    dropped = tap.dropped();
}

void LoudnessMonitor::reset()
{
    if (source != nullptr)
    {
        meter.reset();
        correlation.reset();
    }
}
} // namespace sprocket::app
