#pragma once

#include "qc/DialogueGate.h"
#include "qc/ProgrammeScan.h"
#include "qc/QcSpec.h"

#include <string>
#include <vector>

namespace sprocket::qc
{
/** One rule's verdict: what was measured, against what limit, and where it went wrong. */
struct RuleResult
{
    std::string id;    // "integrated_loudness", "true_peak", "clipping", "silence", "phase", "dc_offset", "loudness_range"
    std::string title; // for people
    bool passed = true;
    double value = 0.0;                 // the measured figure (NaN when there is none, e.g. silence)
    std::string measured, limit;        // as text, with units
    std::vector<ProgrammeEvent> events; // where it failed (frames)
};

struct QcVerdict
{
    QcSpec spec;
    DialogueLoudness dialogue;
    std::vector<RuleResult> rules;
    bool passed() const;
};

/** Checks a programme against a spec: loudness (integrated, or dialogue-gated when the spec
    says), true-peak overs, digital clipping, silence longer than allowed, out-of-phase pairs,
    DC offset and, when the spec sets it, loudness range. */
QcVerdict checkProgramme (const ProgrammeProfile& profile, const QcSpec& spec);
} // namespace sprocket::qc
