#pragma once

#include "BackgroundTask.h"

#include "core/Error.h"
#include "session/EditHistory.h"
#include "session/MediaRelink.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <atomic>
#include <functional>
#include <memory>
#include <set>

namespace sprocket::app
{
/** File > Relink Media... (shown by itself when a session opens with media missing): lists the
    offline media, searches a folder and its subfolders for them by name and by content hash
    (session::searchForMedia, on a thread of its own), shows the best file found for each, and
    relinks everything found in one undoable step. A file that does not fit (another width, too
    short) is passed over for the next one found, and the row says why. [[message thread]] */
class RelinkDialog final : public juce::Component, private juce::ListBoxModel, private juce::Timer
{
public:
    /** What the dialog needs from the edit window (the open document may change under it). */
    struct Host
    {
        std::function<const session::Session*()> session;
        std::function<std::set<std::string>()> offlineMedia;
        std::function<core::Status (const std::string& name, const session::EditHistory::Edit&)> perform;
    };

    explicit RelinkDialog (Host host);
    ~RelinkDialog() override;

    /** Starts searching `folder` for the media still offline. */
    void searchFolder (const std::filesystem::path& folder);
    bool isSearching() const noexcept { return search != nullptr; }
    /** Relinks every medium a file was found for (one undo step "Relink Media"). */
    void relinkFound();

    int getNumRows() override { return int (rows.size()); }
    /** "name: status" for a row (tests). */
    juce::String getRowText (int row) const;
    juce::String getMessage() const { return message; }

    /** What the timer does: picks up a finished search. Public so tests can step it. */
    void poll();

    void resized() override;
    void paint (juce::Graphics&) override;

private:
    struct Row
    {
        std::string id;
        std::filesystem::path missing; // as the session stores it
        std::vector<session::RelinkCandidate> found;
        juce::String outcome; // "relinked", or why not
        bool relinked = false;
    };
    using SearchTask = BackgroundTask<session::RelinkSearch>;

    void refreshRows();
    void chooseFolder();
    void updateButtons();
    void paintListBoxItem (int row, juce::Graphics&, int width, int height, bool selected) override;
    void timerCallback() override { poll(); }

    Host host;
    std::vector<Row> rows;
    juce::String message;
    juce::ListBox list { "Offline media", this };
    juce::TextButton searchButton { "Search Folder..." }, relinkButton { "Relink Found" };
    std::unique_ptr<juce::FileChooser> chooser;
    std::shared_ptr<std::atomic<bool>> cancelled = std::make_shared<std::atomic<bool>> (false);
    std::unique_ptr<SearchTask> search;
};
} // namespace sprocket::app
