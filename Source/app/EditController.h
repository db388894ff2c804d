#pragma once

#include "Document.h"
#include "EditSelection.h"

#include "core/Error.h"
#include "dsp/FadeCurve.h"
#include "session/RangeEdits.h"
#include "session/TimelineGrid.h"
#include "session/TrackListEdits.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sprocket::app
{
/** Pro Tools' four edit modes (F1 to F4): how clips move and what edits do to the clips
    after them. Shuffle keeps each track's clips butted (deleting, cutting, trimming and pasting
    ripple the later clips; a drag reorders: session::ShuffleEdits); Slip moves clips anywhere;
    Spot asks where (a click on a clip opens the Spot dialog); Grid snaps to frames or beats.
    Not saved: a new window starts in Slip, as our edits always have. */
enum class EditMode
{
    shuffle,
    slip,
    spot,
    grid
};

/** The mode's name as the transport bar and the Edit menu show it ("Shuffle"). */
const char* editModeName (EditMode mode) noexcept;

/** The edit commands of the Edit and Clip menus, on the open Document and the EditSelection:
    each is one undoable step (or a selection change), and each says why when it cannot run.
    The views and menus call these; the model's edit functions do the work. [[message thread]] */
class EditController
{
public:
    /** `playhead` tells where the transport is (paste and split fall back to it). */
    explicit EditController (std::function<int64_t()> playhead = {});

    void setDocument (Document* document);
    Document* getDocument() const noexcept { return document; }

    EditSelection& selection() noexcept { return current; }
    const EditSelection& selection() const noexcept { return current; }
    /** Replaces the selection and tells onSelectionChanged. */
    void setSelection (EditSelection selection);

    EditMode getMode() const noexcept { return mode; }
    void setMode (EditMode newMode) noexcept { mode = newMode; }
    /** What grid mode snaps to: frames, or beats of the tempo map (when the main timebase is
        bars|beats, as Pro Tools' grid follows a bars|beats main counter). */
    enum class GridUnit
    {
        frames,
        beats
    };
    GridUnit getGridUnit() const noexcept { return gridUnit; }
    void setGridUnit (GridUnit unit) noexcept { gridUnit = unit; }
    /** A timeline position as the mode places it: snapped to the nearest frame (or beat) in
        grid mode. */
    core::SamplePosition place (core::SamplePosition position) const;

    // Selection ------------------------------------------------------------------------------
    /** Click on a clip: selects it alone, or with `extend` (shift) adds or removes it. */
    void clickClip (const session::ClipRef& clip, bool extend);
    /** A range (or a cursor, when empty) on the tracks from index `firstTrack` to `lastTrack`. */
    void selectRange (size_t firstTrack, size_t lastTrack, core::SampleRange range);
    void selectAllClips();

    // Edit menu ------------------------------------------------------------------------------
    core::Status undo();
    core::Status redo();
    /** Cut, paste and delete follow the mode: in Shuffle a cut or delete closes the gap on the
        tracks concerned and a paste inserts, pushing the later clips later (at a cursor inside
        a clip, the clip is split there). */
    core::Status cut();
    core::Status copy();
    core::Status paste();
    /** Delete: the selected clips, or everything inside the range. */
    core::Status deleteSelection();
    core::Status duplicate();
    /** Split (Pro Tools' Separate, ctrl+E / B): at both ends of a range, at the cursor, or at
        the playhead on the selected clips' tracks (all tracks when nothing is selected). */
    core::Status split();
    /** Moves the selected clips (or the range) by `frames` frames on the timecode grid. */
    core::Status nudge (int64_t frames);
    /** Moves them by a nudge value (`direction` +1 later, -1 earlier). The first selected
        clip's move is the one every selected clip makes. */
    core::Status nudge (const session::NudgeValue& value, int direction);

    // Clip menu ------------------------------------------------------------------------------
    core::Status toggleMute();
    core::Status setGain (double gainDb);
    core::Status adjustGain (double deltaDb);
    core::Status rename (const std::string& name);
    /** Spot: the first selected clip starts at `timecode` ("01:00:10:00"). */
    core::Status spot (const std::string& timecode);
    core::Status spotToOriginalTime();
    /** F: a fade or crossfade over the range. A range across a cut between two clips makes a
        crossfade of the range's length centred on the cut; a range over a clip's start a fade
        in up to the range's end; over its end a fade out from the range's start. */
    core::Status fadeSelection (dsp::FadeShape shape);

    // Tracks ---------------------------------------------------------------------------------
    /** The header's S (solo) or M (mute) button. */
    core::Status toggleTrackSwitch (const std::string& trackId, bool solo);

    // Track headers (EditControllerTracks.cpp): each one undoable step -------------------------
    /** R: arms or disarms (`record_arm`). */
    core::Status toggleRecordArm (const std::string& trackId);
    /** ctrl+click on S: solo safe on or off. */
    core::Status toggleSoloSafe (const std::string& trackId);
    core::Status renameTrack (const std::string& trackId, const std::string& name);
    /** "#rrggbb", or "" for the bus's colour, on every track in `trackIds` (one step). */
    core::Status setTrackColour (const std::vector<std::string>& trackIds, const std::string& colour);
    /** A stored row height (or 0: the view's) on every track in `trackIds` (one step). */
    core::Status setTrackHeight (const std::vector<std::string>& trackIds, int height);
    /** ctrl+alt+up/down: the selected tracks one named size taller or shorter; `sharedHeight`
        is what a track without a stored height shows now. */
    core::Status stepTrackHeight (bool taller, int sharedHeight);
    /** The tracks a track command acts on: the range's, else the selected clips'. */
    std::vector<std::string> selectedTrackIds() const;
    /** Track > New: tracks (or buses) as `strips` says, one step; the new tracks are selected
        (a cursor at the playhead's range start), as Pro Tools leaves them. */
    core::Status addStrips (const session::NewStrips& strips, bool buses);
    /** Track > Delete: the tracks with everything on them, one step (undo brings them back). */
    core::Status deleteTracks (const std::vector<std::string>& trackIds);

    /** Pro Tools' named track sizes (micro .. extreme) in pixels, for the menu and the keys. */
    struct TrackSize
    {
        const char* name;
        int height;
    };
    static const std::vector<TrackSize>& trackSizes();
    /** Playlists: duplicate the playing one, start an empty one (named "<playlist> 2", "3"...),
        or switch to `name`. */
    core::Status duplicatePlaylist (const std::string& trackId);
    core::Status newPlaylist (const std::string& trackId);
    core::Status switchPlaylist (const std::string& trackId, const std::string& name);
    /** The playlists view's Copy Selection to Main Playlist: `range` of alternate `playlist`
        replaces the main playlist's material there (session::copyPlaylistRangeToActive), one
        step; the range is then selected on the track (EditControllerPlaylists.cpp). */
    core::Status copyAlternateToMain (const std::string& trackId, const std::string& playlist, core::SampleRange range);

    /** Edit > Consolidate Clip (alt+shift+3): on each selected track, the range (or the extent
        of its selected clips) rendered with fades and clip gain to a new 24-bit BWF in "Audio
        Files" beside the session (made if missing), replacing those clips with one clip, all
        tracks in one undo step; the new clips are then selected. Refused, saying why, on a
        read-only or never-saved session, with nothing selected, or with no audio in the
        selection; a failure on any track leaves the session and the disk as they were.
        Synchronous: it reads and writes at disk speed (EditControllerConsolidate.cpp). */
    core::Status consolidate();

    /** Imports audio files as new tracks at `position`, or at their BWF time; with `splitPoly`,
        poly files are split into mono files in `splitFolder` (else a 5.1 or 7.1 file is one
        track of its width, and other poly files are refused). */
    core::Status importFiles (const std::vector<std::filesystem::path>& files, core::SamplePosition position, bool atOriginalTime,
                              const std::filesystem::path& splitFolder, bool splitPoly = true);

    /** The first selected clip (for dialogs), if any. */
    const session::Clip* firstSelectedClip() const;
    /** True when the range crosses a clip boundary where a crossfade can go. */
    bool rangeCrossesCut() const;

    bool hasClipboard() const noexcept { return clipboard.has_value(); }

    std::function<void()> onSelectionChanged;

private:
    struct TrackSpan
    {
        std::string trackId;
        core::SampleRange range;
    };
    /** What consolidate() renders, per track in session order. */
    std::vector<TrackSpan> consolidationSpans() const;
    core::Status perform (const std::string& name, const session::EditHistory::Edit& edit);
    core::Status needDocument() const;
    std::vector<std::string> selectedTrackIdsInOrder() const;
    std::vector<std::string> tracksFrom (const std::string& firstTrackId, size_t count) const;
    session::Clipboard clipboardFromClips() const;
    void selectionChanged();

    std::function<int64_t()> playhead;
    Document* document = nullptr;
    EditSelection current;
    EditMode mode = EditMode::slip;
    GridUnit gridUnit = GridUnit::frames;
    std::optional<session::Clipboard> clipboard;
    std::vector<std::string> clipboardTracks; // where it was copied from
};
} // namespace sprocket::app
