#pragma once

// The master's left channel of a plan mixed offline in 512-sample blocks from in-memory media.

#include "TestSessions.h"

#include "engine/ClipRenderer.h"
#include "engine/MixEngine.h"

#include <vector>

namespace sprocket::test
{
inline std::vector<float> renderMasterLeft (const engine::RenderPlan& plan, MemoryMediaSource& media, int64_t frames)
{
    engine::MediaTrackSource tracks (media, 512);
    engine::MixEngine mixer;
    mixer.prepare (plan, 512);
    std::vector<float> out;
    for (int64_t pos = 0; pos < frames; pos += 512)
    {
        mixer.process (pos, 512, tracks);
        out.insert (out.end(), mixer.masterOutput()[0], mixer.masterOutput()[0] + 512);
    }
    return out;
}
} // namespace sprocket::test
