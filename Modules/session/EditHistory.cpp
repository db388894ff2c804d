#include "session/EditHistory.h"

namespace sprocket::session
{
EditHistory::EditHistory (Session initial, size_t max) : document (std::move (initial)), maxSteps (std::max<size_t> (1, max)) {}

core::Status EditHistory::perform (const std::string& name, const Edit& edit)
{
    SessionEditor editor (document);
    if (auto status = edit (editor); ! status)
    {
        editor.rollBack();
        return status;
    }
    auto record = editor.finish();
    if (record.empty())
        return {};
    // A new edit forgets the steps that were undone, as in every editor.
    steps.erase (steps.end() - long (undone), steps.end());
    undone = 0;
    steps.push_back ({ name, std::move (record) });
    if (steps.size() > maxSteps)
        steps.pop_front();
    ++changes;
    return {};
}

std::string EditHistory::undoName() const
{
    return canUndo() ? steps[steps.size() - undone - 1].name : std::string();
}

std::string EditHistory::redoName() const
{
    return canRedo() ? steps[steps.size() - undone].name : std::string();
}

bool EditHistory::undo()
{
    if (! canUndo())
        return false;
    applyRecord (document, steps[steps.size() - undone - 1].record, true);
    ++undone;
    ++changes;
    return true;
}

bool EditHistory::redo()
{
    if (! canRedo())
        return false;
    applyRecord (document, steps[steps.size() - undone].record, false);
    --undone;
    ++changes;
    return true;
}

void EditHistory::reset (Session session)
{
    document = std::move (session);
    steps.clear();
    undone = 0;
    ++changes;
    savedAt = changes;
}
} // namespace sprocket::session
