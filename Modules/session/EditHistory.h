#pragma once

#include "core/Error.h"
#include "session/SessionEditor.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <string>

namespace sprocket::session
{
/** The session and its undo history. Every change goes through perform(), which records what
    the edit touched (SessionEditor) so undo() and redo() restore it exactly; an edit that fails
    changes nothing. [[message thread]] */
class EditHistory
{
public:
    explicit EditHistory (Session initial = {}, size_t maxSteps = 1000);

    const Session& session() const { return document; }

    using Edit = std::function<core::Status (SessionEditor&)>;

    /** Runs `edit` as one undoable step called `name`. On failure its partial changes are
        rolled back and the error returned; an edit that changes nothing leaves no step. */
    core::Status perform (const std::string& name, const Edit& edit);

    bool canUndo() const { return undone < steps.size(); }
    bool canRedo() const { return undone > 0; }
    /** The name of the step undo() / redo() would apply, e.g. "Trim Start", or empty. */
    std::string undoName() const;
    std::string redoName() const;
    bool undo();
    bool redo();

    /** Counts every change (edit, undo, redo): a cheap "has it changed since" for views and
        the engine's plan. */
    int64_t changeCount() const { return changes; }
    bool isModified() const { return changes != savedAt; }
    void markSaved() { savedAt = changes; }

    /** Replaces the whole session (open, revert) and forgets the history. */
    void reset (Session session);

private:
    struct Step
    {
        std::string name;
        EditRecord record;
    };

    Session document;
    std::deque<Step> steps; // newest at the back
    size_t undone = 0;      // how many of the newest steps are undone
    size_t maxSteps;
    int64_t changes = 0, savedAt = 0;
};
} // namespace sprocket::session
