#include "engine/PlanCompiler.h"

#include "core/Decibels.h"
#include "dsp/PanLaw.h"
#include "dsp/ProcessorRegistry.h"
#include "dsp/StereoDownmix.h"
#include "engine/ImpulseResponseFile.h"
#include "engine/SurroundPanner.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sprocket::engine
{
namespace
{
    // 5.1 is L R C LFE Ls Rs, 7.1 is L R C LFE Ls Rs Lrs Rrs (SMPTE / ITU order).
    constexpr int left = 0, right = 1;
    const float minus3dB = float (1.0 / std::numbers::sqrt2);

    /** A surround source into a stereo destination: the ITU-R BS.775 Lo/Ro fold-down. */
    void addStereoDownmix (RoutingMatrix& m, int sourceChannels, float gain)
    {
        const auto g = dsp::stereoDownmixGains (sourceChannels, dsp::DownmixMode::loRo);
        for (int s = 0; s < std::min (sourceChannels, 8); ++s)
        {
            m[left][s] += g.left[(size_t) s] * gain;
            m[right][s] += g.right[(size_t) s] * gain;
        }
    }

    int indexOfBus (const session::Session& session, const std::string& id)
    {
        for (size_t i = 0; i < session.buses.size(); ++i)
            if (session.buses[i].id == id)
                return int (i);
        return -1;
    }

    PlanDestination destinationFor (const session::Session& session, const std::string& output, int sourceChannels, double pan,
                                    float gain)
    {
        PlanDestination destination;
        destination.busIndex = indexOfBus (session, output);
        destination.channels =
            destination.busIndex >= 0 ? session.buses[size_t (destination.busIndex)].channels : session.master.channels;
        destination.matrix = routingMatrix (sourceChannels, destination.channels, pan, gain);
        return destination;
    }

    /** The longest path from a bus to the master, by outputs and sends (the master is 0): a
        bus is deeper than every bus it feeds. `depths` memoises (-1: not yet known); the
        validator has refused loops, and `guard` stops a recursion if one slipped through. */
    int depthOf (const session::Session& session, int busIndex, std::vector<int>& depths, int guard = 0)
    {
        if (busIndex < 0 || guard > int (session.buses.size()))
            return 0;
        auto& known = depths[size_t (busIndex)];
        if (known >= 0)
            return known;
        const auto& bus = session.buses[size_t (busIndex)];
        int deepest = depthOf (session, indexOfBus (session, bus.output), depths, guard + 1);
        for (auto& send : bus.sends)
            deepest = std::max (deepest, depthOf (session, indexOfBus (session, send.to), depths, guard + 1));
        return known = deepest + 1;
    }
} // namespace

RoutingMatrix routingMatrix (int sourceChannels, int destinationChannels, double pan, float gain)
{
    RoutingMatrix m {};
    if (destinationChannels == 1)
    {
        if (sourceChannels == 1)
            m[0][0] = gain;
        else
        {
            RoutingMatrix stereo {};
            if (sourceChannels == 2)
                stereo[left][left] = stereo[right][right] = 1.0f;
            else
                addStereoDownmix (stereo, sourceChannels, 1.0f);
            for (int s = 0; s < sourceChannels; ++s)
                m[0][s] = 0.5f * gain * (stereo[left][s] + stereo[right][s]);
        }
        return m;
    }

    if (sourceChannels == 1)
    {
        const auto g = dsp::monoPanGains (pan);
        m[left][0] = float (g.left) * gain;
        m[right][0] = float (g.right) * gain;
    }
    else if (sourceChannels == 2)
    {
        const auto g = dsp::stereoBalanceGains (pan);
        m[left][left] = float (g.left) * gain;
        m[right][right] = float (g.right) * gain;
    }
    else if (destinationChannels == 2)
        addStereoDownmix (m, sourceChannels, gain);
    else
    {
        // 5.1 <-> 7.1: shared channels one to one; 7.1 rears fold into the 5.1 surrounds at -3 dB.
        for (int c = 0; c < std::min (sourceChannels, destinationChannels); ++c)
            m[c][c] = gain;
        for (int c = destinationChannels; c < sourceChannels; ++c)
            m[4 + (c % 2)][c] = minus3dB * gain;
    }
    return m;
}

namespace
{
    /** Copies the inserts, reading the impulse response a convolution reverb names ("ir",
        relative to the session file) at the session rate. An unreadable one leaves that insert
        passing audio and adds "<owner>.inserts[n]: impulse response <path>: <why>" to problems. */
    std::vector<PlanInsert> compileInserts (const std::vector<session::Insert>& inserts, const session::Session& session,
                                            const std::string& owner, std::vector<std::string>& problems)
    {
        std::vector<PlanInsert> compiled;
        for (size_t n = 0; n < inserts.size(); ++n)
        {
            const auto& insert = inserts[n];
            PlanInsert planInsert { insert.type, insert.params, insert.bypass || ! insert.unknownOriginal.is_null() };
            planInsert.extra = insert.extra;
            const auto ir = insert.extra.find ("ir");
            if (insert.type == "convolution_reverb" && ir != insert.extra.end() && ir->is_string() && ! planInsert.bypass)
            {
                const std::filesystem::path stored = ir->get<std::string>();
                const auto file = stored.is_absolute() ? stored : session.filePath.parent_path() / stored;
                if (auto read = readImpulseResponse (file, session.sampleRate); read.ok())
                    planInsert.impulseResponse = std::move (read.value());
                else
                    problems.push_back (owner + ".inserts[" + std::to_string (n) + "]: impulse response " + stored.string() + ": "
                                        + read.error().message);
            }
            compiled.push_back (std::move (planInsert));
        }
        return compiled;
    }

    PlanLane compileLane (const session::AutomationLane& lane, double offset = 0.0)
    {
        PlanLane compiled;
        for (auto& point : lane)
        {
            compiled.positions.push_back (point.position);
            compiled.values.push_back (point.value + offset);
        }
        return compiled;
    }

    /** What a VCA does to a member: its dB, added to the member's fader (or gain lane), and
        its mute. Not a VCA member: 0 dB, unmuted. */
    struct VcaEffect
    {
        double gainDb = 0.0;
        bool mute = false;
    };

    VcaEffect vcaEffectOn (const session::Session& session, const std::string& memberId)
    {
        if (const auto* vca = session.vcaOf (memberId))
            return { vca->gainDb, vca->mute };
        return {};
    }

    /** The sends of a strip. `matrixInto (width, gain)` builds the strip's routing matrix into a
        destination `width` channels wide at `gain`, panned as its main output is. `faderInMatrix`
        is the fader gain the main matrix carries (1 when the fader is applied to the audio
        before routing), which a post-fader send carries too. */
    template <typename MatrixInto>
    std::vector<PlanSend> compileSends (const session::Session& session, const std::vector<session::Send>& sends,
                                        const session::Automation& automation, float faderInMatrix, MatrixInto&& matrixInto)
    {
        std::vector<PlanSend> compiled;
        for (auto& send : sends)
        {
            PlanSend planSend;
            planSend.id = send.id;
            planSend.preFader = send.preFader;
            planSend.muted = send.mute;
            if (auto lane = automation.find ("send." + send.id + ".gain_db"); lane != automation.end() && ! lane->second.empty())
                planSend.gainDb = compileLane (lane->second);
            const float level = planSend.gainDb.empty() ? float (core::gainFromDb (send.gainDb)) : 1.0f;
            planSend.destination.busIndex = indexOfBus (session, send.to);
            if (planSend.destination.busIndex < 0)
                continue; // the validator refuses this; never route into the master by accident
            planSend.destination.channels = session.buses[size_t (planSend.destination.busIndex)].channels;
            planSend.destination.matrix =
                matrixInto (planSend.destination.channels, send.preFader ? level : level * faderInMatrix);
            compiled.push_back (std::move (planSend));
        }
        return compiled;
    }

    /** Resolves "inserts[<n>].<id>" keys to processor and parameter indices; keys the session
        validator let through for unknown processor types are skipped (they play bypassed). */
    PlanAutomation compileAutomation (const session::Automation& automation, const std::vector<session::Insert>& inserts,
                                      double vcaDb)
    {
        PlanAutomation compiled;
        for (auto& [key, lane] : automation)
        {
            if (lane.empty())
                continue;
            // A VCA adds its dB to the lane as it does to the fader the lane replaces: a sum of
            // two lines in dB is a line, so the result is still exact per sample.
            if (key == "gain_db")
                compiled.gainDb = compileLane (lane, vcaDb);
            else if (key == "pan")
                compiled.pan = compileLane (lane);
            else if (key == "mute")
                compiled.mute = compileLane (lane);
            else if (key.rfind ("inserts[", 0) == 0)
            {
                const auto close = key.find ("].");
                if (close == std::string::npos)
                    continue;
                const auto index = std::strtoul (key.c_str() + 8, nullptr, 10);
                if (index >= inserts.size() || ! inserts[index].unknownOriginal.is_null())
                    continue;
                auto processor = dsp::ProcessorRegistry::builtIns().create (inserts[index].type);
                if (const int parameter = processor->parameterIndex (key.substr (close + 2)); parameter >= 0)
                    compiled.inserts.push_back ({ int (index), parameter, compileLane (lane) });
            }
        }
        return compiled;
    }
} // namespace

RenderPlan compilePlan (const session::Session& session)
{
    RenderPlan plan;
    plan.sampleRate = session.sampleRate;
    plan.length = session.endOfLastClip().samples;
    plan.masterChannels = session.master.channels;
    plan.masterGain = float (core::gainFromDb (session.master.gainDb));

    for (auto& media : session.media)
        plan.media.push_back ({ session.resolveMediaPath (media), media.id });

    const bool anySolo = std::any_of (session.tracks.begin(), session.tracks.end(), [] (auto& t) { return t.solo; });
    // Automation mode off: the strip's lanes are kept but not played (its static values are).
    const session::Automation noLanes;
    const auto lanesOf = [&noLanes] (const auto& strip) -> const session::Automation& {
        return strip.automationMode == session::AutomationMode::off ? noLanes : strip.automation;
    };

    for (auto& track : session.tracks)
    {
        const auto vca = vcaEffectOn (session, track.id);
        PlanTrack planTrack;
        planTrack.id = track.id;
        planTrack.channels = track.channels;
        // Solo in place; a solo-safe track is never implicitly muted by another track's solo
        // (Pro Tools' solo safe, for a reference or a dialogue guide that must stay up).
        planTrack.audible = ! track.mute && ! vca.mute && (! anySolo || track.solo || track.soloSafe);
        planTrack.inserts = compileInserts (track.inserts, session,
                                            "tracks[" + std::to_string (&track - session.tracks.data()) + "]", plan.problems);
        // A VCA moves the member's gain, not its fader: the member's gain_db stays as stored.
        planTrack.faderGain = float (core::gainFromDb (track.gainDb + vca.gainDb));
        planTrack.automation = compileAutomation (lanesOf (track), track.inserts, vca.gainDb);
        planTrack.routedChannels = track.channels;
        // Automated gain or mute is the envelope's to apply (with the fader in it); automated
        // pan makes the track stereo first.
        const float routedGain = planTrack.automation.shapesGain() ? 1.0f : planTrack.faderGain;
        planTrack.destination = destinationFor (session, track.output, track.channels, track.pan, routedGain);
        const int width = planTrack.destination.channels;
        if (track.surroundPan && track.channels <= 2 && (width == 6 || width == 8))
            planTrack.automation.pan = {};
        else if (! planTrack.automation.pan.empty() && track.channels <= 2 && planTrack.destination.channels >= 2)
            planTrack.routedChannels = 2;
        else
            planTrack.automation.pan = {}; // a surround source or a mono destination has no pan to move
        // The track's matrix into any destination: its main output and its sends pan alike.
        const auto matrixInto = [&] (int destinationWidth, float gain) {
            if (track.surroundPan && track.channels <= 2 && (destinationWidth == 6 || destinationWidth == 8))
            {
                // Each input channel is a point on the panner; a stereo pair keeps its width either side.
                RoutingMatrix m {};
                for (int c = 0; c < track.channels; ++c)
                {
                    SurroundPosition position { track.surroundPan->x, track.surroundPan->y, track.surroundPan->divergence,
                                                track.surroundPan->centrePercent, track.surroundPan->lfeDb };
                    if (track.channels == 2)
                        position.x = std::clamp (position.x + (c == 0 ? -1.0 : 1.0), -1.0, 1.0);
                    const auto gains = surroundPanGains (destinationWidth, position);
                    for (int d = 0; d < destinationWidth; ++d)
                        m[size_t (d)][size_t (c)] = gains[size_t (d)] * gain;
                }
                return m;
            }
            // A pan lane has already panned the audio into a stereo pair: route it straight.
            return routingMatrix (planTrack.routedChannels, destinationWidth, planTrack.automation.pan.empty() ? track.pan : 0.0,
                                  gain);
        };
        planTrack.destination.matrix = matrixInto (width, routedGain);
        planTrack.sends = compileSends (session, track.sends, lanesOf (track), routedGain, matrixInto);
        for (auto& clip : track.clips)
        {
            if (clip.mute)
                continue;
            PlanClip planClip;
            for (size_t i = 0; i < session.media.size(); ++i)
                if (session.media[i].id == clip.mediaId)
                    planClip.mediaIndex = int (i);
            planClip.start = clip.position.samples;
            planClip.end = clip.end().samples;
            planClip.sourceStart = clip.sourceOffset.samples;
            planClip.gain = float (core::gainFromDb (clip.gainDb));
            planClip.fadeInLength = clip.fadeIn.length.samples;
            planClip.fadeInShape = clip.fadeIn.shape;
            planClip.fadeOutLength = clip.fadeOut.length.samples;
            planClip.fadeOutShape = clip.fadeOut.shape;
            planTrack.clips.push_back (planClip);
        }
        std::stable_sort (planTrack.clips.begin(), planTrack.clips.end(), [] (auto& a, auto& b) { return a.start < b.start; });
        int64_t maxEnd = 0;
        for (auto& clip : planTrack.clips)
            planTrack.maxEndUpTo.push_back (maxEnd = std::max (maxEnd, clip.end));
        plan.tracks.push_back (std::move (planTrack));
    }

    for (auto& bus : session.buses)
    {
        const auto vca = vcaEffectOn (session, bus.id);
        PlanBus planBus;
        planBus.id = bus.id;
        planBus.channels = bus.channels;
        planBus.gain = float (core::gainFromDb (bus.gainDb + vca.gainDb));
        planBus.inserts =
            compileInserts (bus.inserts, session, "buses[" + std::to_string (&bus - session.buses.data()) + "]", plan.problems);
        planBus.automation = compileAutomation (lanesOf (bus), bus.inserts, vca.gainDb);
        planBus.automation.pan = {};
        if (vca.mute)
            planBus.automation.mute = { { 0 }, { 1.0 } }; // buses have no mute switch: a lane held at muted
        planBus.destination = destinationFor (session, bus.output, bus.channels, 0.0, 1.0f);
        // A post-fader send carries the bus gain in its matrix unless automation shapes it.
        const float busGainInMatrix = planBus.automation.shapesGain() ? 1.0f : planBus.gain;
        planBus.sends = compileSends (session, bus.sends, lanesOf (bus), busGainInMatrix,
                                      [&] (int width, float gain) { return routingMatrix (bus.channels, width, 0.0, gain); });
        plan.buses.push_back (std::move (planBus));
    }

    // Deepest first: a bus that feeds another bus (by its output or a send) is summed before it.
    std::vector<int> depths (session.buses.size(), -1);
    for (size_t i = 0; i < session.buses.size(); ++i)
        plan.busOrder.push_back (int (i));
    for (int b : plan.busOrder)
        depthOf (session, b, depths);
    std::stable_sort (plan.busOrder.begin(), plan.busOrder.end(),
                      [&] (int a, int b) { return depths[size_t (a)] > depths[size_t (b)]; });
    return plan;
}
} // namespace sprocket::engine
