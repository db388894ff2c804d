// Edit > Consolidate Clip (alt+shift+3): the selection's audio on each track rendered to one new
// file in the session's "Audio Files" folder, as one undoable step (engine::consolidateRange does
// each track).
#include "EditController.h"

#include "engine/Consolidate.h"
#include "session/NewSession.h"

#include <algorithm>
#include <optional>
#include <system_error>

namespace sprocket::app
{
using core::makeError;
using core::SampleRange;
using core::Status;

namespace
{
    bool hasClipIn (const session::Track& track, SampleRange range)
    {
        return std::any_of (track.clips.begin(), track.clips.end(),
                            [&] (const session::Clip& c) { return c.position < range.end && c.end() > range.start; });
    }
} // namespace

std::vector<EditController::TrackSpan> EditController::consolidationSpans() const
{
    std::vector<TrackSpan> spans;
    if (document == nullptr)
        return spans;
    for (auto& track : document->session().tracks)
    {
        if (current.hasRange())
        {
            if (current.containsTrack (track.id))
                spans.push_back ({ track.id, current.range });
            continue;
        }
        // Clips: the extent of the selected ones on their own track (gaps between them become
        // silence in the new file, as Pro Tools does).
        std::optional<SampleRange> extent;
        for (auto& clip : track.clips)
            if (current.contains ({ track.id, clip.id }))
                extent = extent ? SampleRange { std::min (extent->start, clip.position), std::max (extent->end, clip.end()) }
                                : SampleRange { clip.position, clip.end() };
        if (extent)
            spans.push_back ({ track.id, *extent });
    }
    return spans;
}

Status EditController::consolidate()
{
    if (auto ok = needDocument(); ! ok)
        return ok;
    const auto why = [] (const std::string& reason) { return makeError ("Cannot consolidate: " + reason); };
    if (document->isReadOnly())
        return why ("the session is read-only (" + document->getReadOnlyReason() + ").");
    if (! current.hasRange() && ! current.hasClips())
        return why ("nothing is selected. Select a range across tracks, or clips, first.");
    if (document->file().empty())
        return why ("the session has not been saved, so it has no folder for the new audio file. "
                    "Save the session first (File > Save As).");

    auto spans = consolidationSpans();
    const auto& session = document->session();
    std::erase_if (spans, [&] (const TrackSpan& span) {
        const auto* track = session.findTrack (span.trackId);
        return track == nullptr || ! hasClipIn (*track, span.range);
    });
    if (spans.empty())
        return why ("there is no audio in the selection.");

    // The new files go where Pro Tools keeps a session's media: "Audio Files" beside the session.
    const auto folder = document->file().parent_path() / session::audioFilesFolderName;
    std::error_code made;
    std::filesystem::create_directories (folder, made);
    if (made || ! std::filesystem::is_directory (folder))
        return why ("the folder " + folder.string() + " cannot be made ("
                    + (made ? made.message() : std::string ("a file has its name")) + ").");

    std::vector<session::ClipRef> created;
    std::vector<std::filesystem::path> written;
    auto status = perform (spans.size() == 1 ? "Consolidate Clip" : "Consolidate Clips", [&] (session::SessionEditor& e) {
        for (auto& span : spans)
        {
            std::string clipId;
            if (auto done = engine::consolidateRange (e, span.trackId, span.range, folder, &clipId); ! done)
            {
                const auto* track = e.session().findTrack (span.trackId);
                return Status (
                    makeError ("track '" + (track != nullptr ? track->name : span.trackId) + "': " + done.error().message));
            }
            created.push_back ({ span.trackId, clipId });
            for (auto& clip : e.session().findTrack (span.trackId)->clips)
                if (clip.id == clipId)
                    if (const auto* media = e.session().findMedia (clip.mediaId))
                        written.push_back (e.session().resolveMediaPath (*media));
        }
        return Status();
    });
    if (! status)
    {
        // The step was rolled back: the files rendered before the failure belong to nothing.
        for (auto& file : written)
        {
            std::error_code ignored;
            std::filesystem::remove (file, ignored);
        }
        current.dropMissing (document->session());
        selectionChanged();
        return why (status.error().message);
    }
    // The new clips are selected, as Pro Tools selects a consolidated clip.
    current.clear();
    current.clips = created;
    selectionChanged();
    return {};
}
} // namespace sprocket::app
