#include "device/EngineCallback.h"

#include <algorithm>
#include <cstring>
#include <pthread.h>

namespace sprocket::device
{
EngineCallback::EngineCallback (engine::RealtimeEngine& engineToDrive, int engineChannels, int maxBlockSize)
    : engine (engineToDrive), channels (engineChannels), maxBlock (maxBlockSize),
      scratch (size_t (engineChannels) * size_t (maxBlockSize), 0.0f), scratchChannels (size_t (engineChannels)),
      chunkOutputs (size_t (engineChannels))
{
    for (int c = 0; c < channels; ++c)
        scratchChannels[size_t (c)] = scratch.data() + size_t (c) * size_t (maxBlock);
}

void EngineCallback::audioDeviceAboutToStart (juce::AudioIODevice*)
{
    // Most drivers start a new thread for each start: name each one.
    threadNamed.store (false, std::memory_order_release);
}

void EngineCallback::audioDeviceIOCallbackWithContext (const float* const*, int, float* const* outputs, int numOutputs,
                                                       int numFrames, const juce::AudioIODeviceCallbackContext&)
{
    if (! threadNamed.load (std::memory_order_relaxed))
    {
        pthread_setname_np (pthread_self(), "sprocket-audio");
        threadNamed.store (true, std::memory_order_relaxed);
    }

    for (int offset = 0; offset < numFrames;)
    {
        const int chunk = std::min (maxBlock, numFrames - offset);
        for (int c = 0; c < channels; ++c)
        {
            float* device = c < numOutputs ? outputs[c] : nullptr;
            chunkOutputs[size_t (c)] = device != nullptr ? device + offset : scratchChannels[size_t (c)];
        }
        engine.process (chunkOutputs.data(), chunk);
        offset += chunk;
    }

    for (int c = channels; c < numOutputs; ++c)
        if (outputs[c] != nullptr)
            std::memset (outputs[c], 0, sizeof (float) * size_t (numFrames));

    callbackCount.fetch_add (1, std::memory_order_relaxed);
}

void EngineCallback::audioDeviceStopped()
{
    if (stopExpected.load (std::memory_order_acquire))
        return;
    const bool wasPlaying = engine.isPlaying();
    engine.stop();
    failure.post (wasPlaying ? "stopped while playing" : "stopped");
}

void EngineCallback::audioDeviceError (const juce::String& message)
{
    engine.stop();
    // toRawUTF8 of a juce::String only points into its own storage: no allocation here.
    failure.post ("reported an error: ", message.toRawUTF8());
}
} // namespace sprocket::device
