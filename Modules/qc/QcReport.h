#pragma once

#include "core/Error.h"
#include "core/FrameRate.h"
#include "qc/QcRules.h"

#include <filesystem>
#include <string>

namespace sprocket::qc
{
/** What the report is about: the file checked and, for a session, the session. */
struct QcSubject
{
    std::filesystem::path input; // as the user named it
    std::string description;     // "printmaster of <session>" or the file's name
    int64_t startSample = 0;     // the programme's start, samples since midnight (events get timecodes)
    core::FrameRate frameRate = core::FrameRate::fps24;
};

/** The verdict as JSON (docs/QC.md lists the keys). */
std::string qcJson (const QcSubject& subject, const ProgrammeProfile& profile, const QcVerdict& verdict,
                    const std::filesystem::path& reportPath);

/** A self-contained HTML report, readable offline (inline CSS and SVG, no scripts): the verdict
    per rule, a loudness-over-time plot (momentary and short-term, target band, true-peak overs
    marked) and every event with its timecode. Written under a temporary name and renamed. */
core::Result<bool> writeQcReport (const std::filesystem::path& file, const QcSubject& subject, const ProgrammeProfile& profile,
                                  const QcVerdict& verdict);
} // namespace sprocket::qc
