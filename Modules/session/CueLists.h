#pragma once

#include "core/SampleTime.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sprocket::session
{
/** Where an ADR line stands in the loop group's work. */
enum class AdrStatus
{
    pending,
    recorded,
    approved,
    omitted
};

std::string_view adrStatusName (AdrStatus status) noexcept;
/** "pending", "recorded", "approved", "omitted", any case; also the words cue sheets from other
    tools use ("", "todo", "to record" -> pending; "done" -> recorded; "ok" -> approved;
    "omit", "cut" -> omitted). */
std::optional<AdrStatus> parseAdrStatus (std::string_view text);

/** One line to re-record: who says what, where in the picture. */
struct AdrCue
{
    std::string id; // "101", "MARY-012": unique in the list
    std::string character;
    std::string line;
    core::SamplePosition in;
    core::SamplePosition out;
    std::string notes;
    AdrStatus status = AdrStatus::pending;

    bool operator== (const AdrCue&) const = default;
};

/** One music cue as a cue sheet lists it. Usage is the cue sheet's code (BI background
    instrumental, BV background vocal, VI/VV visual instrumental/vocal, MT main title, ET end
    title, SRC source), kept as written. */
struct MusicCue
{
    std::string number; // "1M1": reel 1, music cue 1
    std::string title;
    core::SamplePosition start;
    core::SamplePosition end;
    std::string usage;
    std::string composer;
    std::string publisher;

    core::SampleDuration duration() const { return end - start; }
    bool operator== (const MusicCue&) const = default;
};

struct CueLists
{
    std::vector<AdrCue> adr;
    std::vector<MusicCue> music;

    bool operator== (const CueLists&) const = default;
};
} // namespace sprocket::session
