#include "Document.h"

#include "session/Autosave.h"
#include "session/MediaCheck.h"
#include "session/SessionFile.h"

namespace sprocket::app
{
Document::Document() : facts (session::probeMediaFacts (history.session())) {}

Document::Document (DisplaySession loaded, std::filesystem::path file, std::optional<session::SessionLock> sessionLock,
                    std::string reason)
    : history (std::move (loaded.session)), savedFile (std::move (file)), lock (std::move (sessionLock)),
      readOnlyReason (std::move (reason)), offline (std::move (loaded.offlineMediaIds)),
      problems (std::move (loaded.mediaProblems)), repairs (std::move (loaded.repairs)),
      facts (session::probeMediaFacts (history.session())), knownMedia (history.session().media)
{
}

std::variant<std::unique_ptr<Document>, session::Problems> Document::open (const std::filesystem::path& file,
                                                                           bool recoverAutosave, bool takeLock)
{
    auto result = SessionLoader::open (recoverAutosave ? session::autosaveFileFor (file) : file);
    if (! result.document.has_value())
        return std::move (result.problems);
    // The autosave sits beside the session, so its media resolve the same; it saves as the session.
    result.document->session.filePath = std::filesystem::absolute (file).lexically_normal();

    std::optional<session::SessionLock> lock;
    std::string reason;
    if (takeLock)
    {
        if (auto acquired = session::SessionLock::acquire (file); acquired.ok())
            lock.emplace (std::move (acquired.value()));
        else
            reason = acquired.error().message;
    }
    auto document = std::make_unique<Document> (std::move (*result.document), file, std::move (lock), reason);
    if (recoverAutosave)
    {
        // A recovered session is unsaved work until it is saved.
        document->recovered = true;
    }
    return document;
}

core::Result<std::unique_ptr<Document>> Document::createNew (const session::NewSessionSettings& settings,
                                                             const std::filesystem::path& parentFolder)
{
    auto made = session::makeNewSession (settings);
    if (! made.ok())
        return made.error();
    auto file = session::makeSessionFolder (std::filesystem::absolute (parentFolder), made->name);
    if (! file.ok())
        return file.error();
    // Set before anything is imported, so media inside the folder are stored relative to it.
    made->filePath = *file;
    auto document = std::make_unique<Document> (DisplaySession { std::move (*made), {}, {} }, std::filesystem::path(),
                                                std::nullopt, std::string());
    if (auto status = document->saveAs (*file); ! status.ok())
        return status.error();
    return document;
}

core::Status Document::perform (const std::string& name, const session::EditHistory::Edit& edit)
{
    if (isReadOnly())
        return core::makeError ("the session is read-only: " + readOnlyReason);
    const auto before = history.changeCount();
    auto status = history.perform (name, edit);
    if (history.changeCount() != before)
        changed();
    return status;
}

bool Document::undo()
{
    if (isReadOnly() || ! history.undo())
        return false;
    changed();
    return true;
}

bool Document::redo()
{
    if (isReadOnly() || ! history.redo())
        return false;
    changed();
    return true;
}

void Document::changed()
{
    mediaPoolMayHaveChanged();
    if (onChanged)
        onChanged();
}

void Document::mediaPoolMayHaveChanged()
{
    // Imports add media (undo removes them), relinks move them: probe the new pool, and find
    // what is offline.
    if (history.session().media == knownMedia)
        return;
    knownMedia = history.session().media;
    facts = session::probeMediaFacts (history.session());
    problems = session::checkMedia (history.session());
    offline = SessionLoader::offlineMediaIn (history.session(), problems);
}

core::Status Document::save()
{
    if (savedFile.empty())
        return core::makeError ("the session has no file yet: use Save As");
    if (isReadOnly())
        return core::makeError ("the session is read-only: " + readOnlyReason);
    if (auto status = session::saveSessionFile (history.session(), savedFile); ! status.ok())
        return status;
    history.markSaved();
    recovered = false;
    repairs.clear();
    autosavedAt = history.changeCount();
    session::discardAutosave (savedFile);
    if (onChanged)
        onChanged();
    return {};
}

core::Status Document::saveAs (const std::filesystem::path& file)
{
    const auto target = std::filesystem::absolute (file).lexically_normal();
    std::optional<session::SessionLock> newLock;
    if (target != savedFile)
    {
        auto acquired = session::SessionLock::acquire (target);
        if (! acquired.ok())
            return acquired.error();
        newLock.emplace (std::move (acquired.value()));
    }
    if (auto status = session::saveSessionFile (history.session(), target); ! status.ok())
        return status;
    if (newLock)
    {
        lock = std::move (newLock);
        // Media paths stay resolved against the session's original folder in memory; the file
        // written has them relative to its own folder.
        savedFile = target;
    }
    readOnlyReason.clear();
    history.markSaved();
    recovered = false;
    repairs.clear();
    autosavedAt = history.changeCount();
    session::discardAutosave (savedFile);
    if (onChanged)
        onChanged();
    return {};
}

core::Status Document::autosaveIfNeeded()
{
    if (savedFile.empty() || isReadOnly() || ! isModified() || autosavedAt == history.changeCount())
        return {};
    if (auto status = session::writeAutosave (history.session(), savedFile); ! status.ok())
        return status;
    autosavedAt = history.changeCount();
    return {};
}

void Document::refreshLock()
{
    if (lock)
        lock->refresh();
}
} // namespace sprocket::app
