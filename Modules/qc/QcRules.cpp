#include "qc/QcRules.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sprocket::qc
{
namespace
{
    std::string format (const char* pattern, double value)
    {
        if (! std::isfinite (value))
            return value < 0 ? "-inf" : "n/a";
        char text[64];
        std::snprintf (text, sizeof (text), pattern, value);
        return text;
    }

    /** Merges consecutive flagged steps (or seconds) into events. `unit` is frames per index. */
    template <typename Flagged, typename Value>
    std::vector<ProgrammeEvent> runsOf (size_t count, int64_t unit, int64_t total, Flagged flagged, Value value)
    {
        std::vector<ProgrammeEvent> events;
        for (size_t i = 0; i < count; ++i)
        {
            if (! flagged (i))
                continue;
            const int64_t start = (int64_t) i * unit, end = std::min (total, (int64_t) (i + 1) * unit);
            if (! events.empty() && events.back().end == start)
            {
                events.back().end = end;
                events.back().value = std::max (events.back().value, value (i));
            }
            else
                events.push_back ({ start, end, value (i), -1 });
        }
        return events;
    }

    RuleResult loudnessRule (const ProgrammeProfile& profile, const QcSpec& spec, const DialogueLoudness& dialogue)
    {
        RuleResult r;
        r.id = "integrated_loudness";
        const double measured = spec.dialogueGated ? dialogue.lufs : profile.loudness.integratedLufs;
        r.title = spec.dialogueGated ? "Dialogue-gated loudness" : "Integrated loudness";
        r.value = measured;
        r.measured = format ("%.1f LUFS", measured);
        if (spec.dialogueGated)
            r.measured += dialogue.fellBack ? " (too little dialogue: integrated)"
                                            : format (" (dialogue in %.0f %% of the programme)", 100.0 * dialogue.dialogueShare);
        r.limit = format ("%.1f LUFS", spec.targetLufs) + format (" +/- %.1f LU", spec.toleranceLu);
        // Compared at the 0.1 LU a meter shows, so -23.5 passes -23 +/- 0.5.
        const double shown = std::round (measured * 10.0) / 10.0;
        r.passed = std::isfinite (measured) && std::abs (shown - spec.targetLufs) <= spec.toleranceLu + 1e-9;
        return r;
    }

    RuleResult truePeakRule (const ProgrammeProfile& profile, const QcSpec& spec)
    {
        RuleResult r;
        r.id = "true_peak";
        r.title = "True peak";
        r.value = profile.loudness.truePeakDbtp;
        r.measured = format ("%.1f dBTP", r.value);
        r.limit = format ("<= %.1f dBTP", spec.maxTruePeakDbtp);
        r.events = runsOf (
            profile.truePeakDbtp.size(), profile.stepLength, profile.frames,
            [&] (size_t i) { return profile.truePeakDbtp[i] > spec.maxTruePeakDbtp + 0.05; },
            [&] (size_t i) { return (double) profile.truePeakDbtp[i]; });
        // Judged at the 0.1 dB a meter shows, as the loudness is.
        r.passed = ! (std::round (r.value * 10.0) / 10.0 > spec.maxTruePeakDbtp + 1e-9);
        return r;
    }

    RuleResult clippingRule (const ProgrammeProfile& profile, const QcSpec& spec)
    {
        RuleResult r;
        r.id = "clipping";
        r.title = "Digital clipping";
        r.value = (double) profile.clipping.size();
        r.measured = format ("%.0f passage(s)", r.value);
        r.limit =
            std::to_string (spec.clipRunSamples) + "+ samples in a row at " + format ("%.3f dBFS", spec.clipLevelDbfs) + ": none";
        r.events = profile.clipping;
        r.passed = profile.clipping.empty();
        return r;
    }

    RuleResult silenceRule (const ProgrammeProfile& profile, const QcSpec& spec)
    {
        RuleResult r;
        r.id = "silence";
        r.title = "Silence";
        r.limit =
            format ("no stretch over %.1f s", spec.maxSilenceSeconds) + format (" below %.0f dBFS", spec.silenceThresholdDbfs);
        auto runs = runsOf (
            profile.samplePeakDbfs.size(), profile.stepLength, profile.frames,
            [&] (size_t i) { return ! (profile.samplePeakDbfs[i] >= spec.silenceThresholdDbfs); },
            [&] (size_t i) { return (double) profile.samplePeakDbfs[i]; });
        double longest = 0.0;
        for (const auto& run : runs)
        {
            const double seconds = (double) (run.end - run.start) / profile.sampleRate;
            longest = std::max (longest, seconds);
            if (seconds > spec.maxSilenceSeconds)
                r.events.push_back (run);
        }
        r.value = longest;
        r.measured = format ("longest %.1f s", longest);
        r.passed = r.events.empty();
        return r;
    }

    RuleResult phaseRule (const ProgrammeProfile& profile, const QcSpec& spec)
    {
        RuleResult r;
        r.id = "phase";
        r.title = "Phase";
        r.limit = format ("correlation >= %.2f", spec.minPhaseCorrelation) + " over every second";
        const int64_t second = (int64_t) std::llround (profile.sampleRate);
        double lowest = 1.0;
        for (const auto& pair : profile.pairs)
            for (size_t i = 0; i < pair.correlation.size(); ++i)
            {
                // Only where there is something to hear: a near-silent second has no phase problem.
                if (pair.levelDbfs[i] < -60.0)
                    continue;
                lowest = std::min (lowest, (double) pair.correlation[i]);
                if (pair.correlation[i] < spec.minPhaseCorrelation)
                {
                    const int64_t start = (int64_t) i * second, end = std::min (profile.frames, start + second);
                    if (! r.events.empty() && r.events.back().end == start && r.events.back().channel == pair.left)
                        r.events.back().end = end,
                        r.events.back().value = std::min (r.events.back().value, (double) pair.correlation[i]);
                    else
                        r.events.push_back ({ start, end, pair.correlation[i], pair.left });
                }
            }
        r.value = profile.pairs.empty() ? NAN : lowest;
        r.measured = profile.pairs.empty() ? "mono" : format ("lowest %.2f", lowest);
        r.passed = r.events.empty();
        return r;
    }

    RuleResult dcRule (const ProgrammeProfile& profile, const QcSpec& spec)
    {
        RuleResult r;
        r.id = "dc_offset";
        r.title = "DC offset";
        r.limit = format ("<= %.0f dBFS", spec.maxDcOffsetDbfs);
        double worst = 0.0;
        for (int c = 0; c < profile.channels; ++c)
        {
            const double offset = std::abs (profile.dcOffset[(size_t) c]);
            worst = std::max (worst, offset);
            const double db = offset > 0.0 ? 20.0 * std::log10 (offset) : -INFINITY;
            if (db > spec.maxDcOffsetDbfs)
                r.events.push_back ({ 0, profile.frames, db, c });
        }
        r.value = worst > 0.0 ? 20.0 * std::log10 (worst) : -INFINITY;
        r.measured = format ("%.1f dBFS", r.value);
        r.passed = r.events.empty();
        return r;
    }

    RuleResult rangeRule (const ProgrammeProfile& profile, double maxRange)
    {
        RuleResult r;
        r.id = "loudness_range";
        r.title = "Loudness range";
        r.value = profile.loudness.loudnessRangeLu;
        r.measured = format ("%.1f LU", r.value);
        r.limit = format ("<= %.1f LU", maxRange);
        r.passed = std::round (r.value * 10.0) / 10.0 <= maxRange + 1e-9;
        return r;
    }
} // namespace

bool QcVerdict::passed() const
{
    return std::all_of (rules.begin(), rules.end(), [] (const auto& r) { return r.passed; });
}

QcVerdict checkProgramme (const ProgrammeProfile& profile, const QcSpec& spec)
{
    QcVerdict verdict;
    verdict.spec = spec;
    verdict.dialogue = measureDialogueLoudness (profile);
    verdict.rules.push_back (loudnessRule (profile, spec, verdict.dialogue));
    verdict.rules.push_back (truePeakRule (profile, spec));
    verdict.rules.push_back (clippingRule (profile, spec));
    verdict.rules.push_back (silenceRule (profile, spec));
    verdict.rules.push_back (phaseRule (profile, spec));
    verdict.rules.push_back (dcRule (profile, spec));
    if (spec.maxLoudnessRangeLu)
        verdict.rules.push_back (rangeRule (profile, *spec.maxLoudnessRangeLu));
    return verdict;
}
} // namespace sprocket::qc
