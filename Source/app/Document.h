#pragma once

#include "SessionLoader.h"

#include "core/Error.h"
#include "session/EditHistory.h"
#include "session/MediaFacts.h"
#include "session/NewSession.h"
#include "session/SessionLock.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <variant>

namespace sprocket::app
{
/** The open session as the app edits it: the undo history (which holds the Session), where it
    is saved, its lock on shared storage, which media are offline and what the media are like
    (for trims, slips and spots). Every change goes through perform(), undo() or redo(); each
    calls onChanged so the views and the engine follow. [[message thread]] */
class Document
{
public:
    /** An untitled, empty session (File > New). */
    Document();
    /** A loaded session. `file` is where it saves; `lock` null means read-only (someone else
        holds the lock: `readOnlyReason` says who). */
    Document (DisplaySession loaded, std::filesystem::path file, std::optional<session::SessionLock> lock,
              std::string readOnlyReason);

    /** Opens `file`: loads it, takes its lock (read-only, with the holder named, when someone
        else has it). With `recoverAutosave` the newer autosave is loaded instead, as a modified
        document. The problems if it cannot load. */
    static std::variant<std::unique_ptr<Document>, session::Problems> open (const std::filesystem::path& file,
                                                                            bool recoverAutosave = false, bool takeLock = true);

    /** File > New: the session the settings describe, saved at once in its own folder
        (session::makeSessionFolder: `<parent>/<name>/<name>.sprocket` beside `Audio Files`) with
        its lock taken, so autosave, recording and consolidation have a place from the start.
        Nothing is written when a setting is wrong or the session exists already. */
    static core::Result<std::unique_ptr<Document>> createNew (const session::NewSessionSettings& settings,
                                                              const std::filesystem::path& parentFolder);

    const session::Session& session() const { return history.session(); }
    const std::filesystem::path& file() const noexcept { return savedFile; }
    bool isUntitled() const noexcept { return savedFile.empty(); }
    bool isReadOnly() const noexcept { return ! readOnlyReason.empty(); }
    const std::string& getReadOnlyReason() const noexcept { return readOnlyReason; }
    /** Recovered and repaired sessions are unsaved work until saved. */
    bool isModified() const { return recovered || ! repairs.empty() || history.isModified(); }
    bool isRecovered() const noexcept { return recovered; }
    const std::set<std::string>& offlineMedia() const noexcept { return offline; }
    const session::Problems& mediaProblems() const noexcept { return problems; }
    /** What loading repaired and the next save writes (docs/SESSION_FORMAT.md: automation
        points out of order or out of range). Empty once saved. */
    const session::Problems& repairsToSave() const noexcept { return repairs; }

    /** Runs one undoable edit (see EditHistory::perform). Refused on a read-only document. */
    core::Status perform (const std::string& name, const session::EditHistory::Edit& edit);
    bool undo();
    bool redo();
    std::string undoName() const { return history.undoName(); }
    std::string redoName() const { return history.redoName(); }
    bool canUndo() const { return history.canUndo(); }
    bool canRedo() const { return history.canRedo(); }
    int64_t changeCount() const { return history.changeCount(); }

    /** Media lengths, channels and BWF times, probed once per file. */
    const session::MediaFactsLookup& mediaFacts() const { return facts; }

    /** Saves to file() (which must be set); discards the autosave. */
    core::Status save();
    /** Saves to `file`, which becomes the document's file (taking its lock). */
    core::Status saveAs (const std::filesystem::path& file);

    /** Writes the autosave file when there are changes since the last save or autosave.
        Untitled documents are not autosaved (there is no folder to put it in). */
    core::Status autosaveIfNeeded();
    /** Keeps the lock fresh for other hosts (call every minute). */
    void refreshLock();

    /** Called after every change (edit, undo, redo, save). */
    std::function<void()> onChanged;

private:
    void changed();
    void mediaPoolMayHaveChanged();

    session::EditHistory history;
    std::filesystem::path savedFile;
    std::optional<session::SessionLock> lock;
    std::string readOnlyReason;
    std::set<std::string> offline;
    session::Problems problems;
    session::Problems repairs;
    session::MediaFactsLookup facts;
    std::vector<session::MediaRef> knownMedia;
    int64_t autosavedAt = 0;
    bool recovered = false;
};
} // namespace sprocket::app
