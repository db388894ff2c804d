#pragma once

#include "core/Error.h"
#include "qc/QcReport.h"
#include "qc/QcSpec.h"
#include "session/Session.h"

#include <filesystem>
#include <functional>

namespace sprocket::qc
{
struct QcScan
{
    QcSubject subject;
    ProgrammeProfile profile;
};

/** Scans an audio file (anything io::AudioFileReader reads) for QC. The bext time reference,
    when there is one, gives event timecodes. Errors name the file. */
core::Result<QcScan> scanAudioFile (const std::filesystem::path& file, const QcSpec& spec,
                                    const std::function<void (double)>& progress = {});

/** Renders a valid session's printmaster (32-bit float, into `workFolder`, removed afterwards)
    and scans it; events get the session's timecodes. */
core::Result<QcScan> scanSessionPrintmaster (const session::Session& session, const QcSpec& spec,
                                             const std::filesystem::path& workFolder,
                                             const std::function<void (double)>& progress = {});
} // namespace sprocket::qc
