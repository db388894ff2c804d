// MixEngine's aux sends (RenderPlan's PlanSend): each send is a path of its own from its
// strip's inserts to an aux bus. Kept apart from MixEngine.cpp, which runs the strips.
#include "engine/MixEngine.h"

#include "core/Decibels.h"

#include <algorithm>

namespace sprocket::engine
{
void MixEngine::prepareSends()
{
    const auto pathsFor = [&] (const std::vector<PlanSend>& sends, bool audible, int channels) {
        std::vector<SendPath> paths (sends.size());
        for (size_t i = 0; i < sends.size(); ++i)
        {
            // Pro Tools: a muted (or soloed-out) track mutes its sends, pre-fader ones too.
            paths[i].target = audible && ! sends[i].muted ? sends[i].destination.matrix : RoutingMatrix {};
            paths[i].glide.applied = paths[i].target;
            paths[i].audio.allocate (std::max (2, channels), maxBlock); // a pan lane makes mono stereo
        }
        return paths;
    };
    trackSendPaths.clear();
    trackSendEnvelopes.assign (plan->tracks.size(), {});
    for (size_t t = 0; t < plan->tracks.size(); ++t)
    {
        const auto& track = plan->tracks[t];
        trackSendPaths.push_back (pathsFor (track.sends, track.audible, track.channels));
        if (! track.sends.empty())
            trackSendEnvelopes[t].assign (size_t (maxBlock), 0.0f);
    }
    busSendPaths.clear();
    for (const auto& bus : plan->buses)
        busSendPaths.push_back (pathsFor (bus.sends, true, bus.channels));
    busSendEnvelope.assign (size_t (maxBlock), 0.0f);
}

void MixEngine::prepareSendDelays (std::vector<SendPath>& paths, const std::vector<PlanSend>& sends, int channels, int tapLatency,
                                   const std::vector<int>& arrival)
{
    for (size_t i = 0; i < paths.size() && i < sends.size(); ++i)
    {
        const int latest = arrival[size_t (sends[i].destination.busIndex)];
        paths[i].delay.prepare (channels, latest - tapLatency);
        paths[i].lag = latest;
    }
}

void MixEngine::takeOverSends (std::vector<SendPath>& into, const std::vector<PlanSend>& sends, std::vector<SendPath>& from,
                               const std::vector<PlanSend>& fromSends) noexcept
{
    // A send that survives (same id into the same bus) glides from what it applied to its new
    // level and keeps the audio in its delay.
    for (size_t i = 0; i < into.size() && i < sends.size(); ++i)
        for (size_t j = 0; j < from.size() && j < fromSends.size(); ++j)
            if (fromSends[j].id == sends[i].id && fromSends[j].destination.busIndex == sends[i].destination.busIndex
                && fromSends[j].destination.channels == sends[i].destination.channels)
            {
                into[i].glide = { from[j].glide.applied, smoothingFrames };
                into[i].delay.swapStateWith (from[j].delay);
                break;
            }
}

void MixEngine::tapSends (std::vector<SendPath>& paths, const std::vector<PlanSend>& sends, const PlanAutomation& automation,
                          float staticGain, const float* const* audio, int channels, int numFrames, int64_t position,
                          bool sounding, float* envelope) noexcept
{
    const int width = automation.pan.empty() ? channels : 2; // what the pan lane leaves
    for (size_t i = 0; i < paths.size() && i < sends.size(); ++i)
    {
        auto& path = paths[i];
        const auto& send = sends[i];
        // A send keeps sounding until the audio in its delay has come out.
        path.sounding = sounding || path.delay.holdsAudio();
        if (! path.sounding)
            continue;
        float* const* out = path.audio.data();
        if (sounding)
            for (int c = 0; c < channels; ++c)
                std::copy_n (audio[c], numFrames, out[c]);
        else
            path.audio.clear (channels, numFrames);
        path.delay.process (out, channels, numFrames, sounding);

        // The send's fader stage, at the timeline sample its (delayed) audio belongs to.
        const int64_t at = position - path.lag;
        if (! send.preFader && (automation.shapesGain() || ! automation.pan.empty()))
            applyAutomation (automation, staticGain, out, channels, numFrames, at, envelope);
        else if (send.preFader && ! automation.pan.empty())
            applyPan (automation.pan, out, channels, numFrames, at);

        // The send's level lane (linear in dB between points, as every gain lane) and, before
        // the fader, the strip's mute lane, which the fader stage has not applied here.
        const bool muteLane = send.preFader && ! automation.mute.empty();
        if (send.gainDb.empty() && ! muteLane)
            continue;
        if (send.gainDb.empty())
            std::fill_n (envelope, numFrames, 1.0f);
        else
            send.gainDb.forEachSample (position - path.lag, numFrames,
                                       [&] (int n, double db) { envelope[n] = float (core::gainFromDb (db)); });
        if (muteLane)
            automation.mute.forEachSample (at, numFrames,
                                           [&] (int n, double m) { envelope[n] *= float (1.0 - std::clamp (m, 0.0, 1.0)); });
        for (int c = 0; c < width; ++c)
            for (int n = 0; n < numFrames; ++n)
                out[c][n] *= envelope[n];
    }
}

void MixEngine::routeSends (std::vector<SendPath>& paths, const std::vector<PlanSend>& sends, int routedChannels,
                            int numFrames) noexcept
{
    for (size_t i = 0; i < paths.size() && i < sends.size(); ++i)
    {
        auto& path = paths[i];
        if (path.sounding)
            route (path.audio.data(), routedChannels, sends[i].destination, path.target, path.glide, numFrames);
        else
            path.glide = { path.target, 0 };
    }
}
} // namespace sprocket::engine
