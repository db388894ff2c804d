#pragma once

#include "core/FrameRate.h"
#include "io/AudioFileInfo.h"
#include "io/IxmlInfo.h"
#include "session/Session.h"

#include <cstdint>
#include <optional>
#include <string>

namespace sprocket::qc
{
/** Where a programme's first sample sits on the timecode clock, and which clock. */
struct SyncTimebase
{
    int64_t sampleRate = 48000;
    core::FrameRate frameRate = core::FrameRate::fps24;
    std::string frameRateSource; // "option", "ixml", "default" or "session"
    int64_t startSample = 0;     // samples since midnight of the programme's first sample
};

/** The rate an iXML SPEED block gives (TIMECODE_RATE "24000/1001", TIMECODE_FLAG "DF"/"NDF"),
    when it names one of the SMPTE rates. */
std::optional<core::FrameRate> frameRateFromIxml (const io::IxmlInfo& ixml);

/** A file starts at its bext time reference (00:00:00:00 without bext). Its frame rate is
    `chosen` when given, else its iXML's, else 24 fps. */
SyncTimebase fileTimebase (const io::AudioFileInfo& info, std::optional<core::FrameRate> chosen);

/** A session starts at its start timecode (read at its own rate) and runs at its frame rate,
    unless `chosen` replaces that for reading and showing timecodes. */
SyncTimebase sessionTimebase (const session::Session& session, std::optional<core::FrameRate> chosen);
} // namespace sprocket::qc
