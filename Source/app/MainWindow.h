#pragma once

#include "MainComponent.h"

#include <juce_data_structures/juce_data_structures.h>
#include <juce_gui_extra/juce_gui_extra.h>

#include <filesystem>
#include <functional>
#include <memory>

namespace sprocket::app
{
/** The top-level window and session handling: the menu bar (File, Edit, Clip, View, Transport),
    File's New / Open / Open Recent / Save / Save As / Import / Quit, the title (session name,
    "*" when modified, "read-only"), autosave every couple of minutes, the lock's refresh, the
    offer to recover a newer autosave at open, and the question about unsaved changes before
    anything would lose them. The MainComponent is the content and the command target for
    everything else. [[message thread]] */
class MainWindow final : public juce::DocumentWindow,
                         private juce::MenuBarModel,
                         private juce::ApplicationCommandTarget,
                         private juce::Timer
{
public:
    explicit MainWindow (const juce::String& title);
    ~MainWindow() override;

    /** Opens `file` (asking to save the current session first if it has changes, and offering
        a newer autosave); on failure keeps what was shown and lists the problems in an alert. */
    void openSession (const std::filesystem::path& file);

    /** Opens the session chooser (File > Open...). */
    void chooseSession();

    /** Asks about unsaved changes (Save / Don't Save / Cancel), then quits unless cancelled. */
    void tryToQuit();

    MainComponent& getMainComponent() noexcept { return *content; }

    void closeButtonPressed() override;

    /** The autosave interval: 2 minutes, or SPROCKET_AUTOSAVE_SECONDS. */
    static int autosaveSeconds();

private:
    enum CommandIds
    {
        openSessionCommand = 0x2001,
        newSessionCommand = 0x2010,
        saveCommand,
        saveAsCommand,
        recentBaseId = 0x5000 // menu item ids of Open Recent
    };

    // MenuBarModel
    juce::StringArray getMenuBarNames() override;
    juce::PopupMenu getMenuForIndex (int menuIndex, const juce::String& menuName) override;
    void menuItemSelected (int menuItemID, int topLevelMenuIndex) override;

    // ApplicationCommandTarget
    juce::ApplicationCommandTarget* getNextCommandTarget() override { return content.get(); }
    void getAllCommands (juce::Array<juce::CommandID>& commands) override;
    void getCommandInfo (juce::CommandID, juce::ApplicationCommandInfo&) override;
    bool perform (const InvocationInfo&) override;

    void timerCallback() override;

    void openNow (const std::filesystem::path& file, bool recover);
    void saveAs (std::function<void (bool saved)> then = {});
    bool save();
    /** Runs `next` once unsaved changes are saved or dropped; not at all on Cancel. */
    void whenChangesAreSettled (std::function<void()> next);
    void documentChanged();
    void showProblems (const std::filesystem::path& file, const session::Problems& problems);
    /** Says what loading repaired (and that saving writes it). */
    void showRepairs (const std::filesystem::path& file, const session::Problems& repairs);
    void addToRecent (const std::filesystem::path& file);
    /** The options the app keeps between runs in its settings file: Split Poly Files, the
        edit window's scrolling and the nudge value. */
    void restoreViewOptions();
    void keepViewOptions();
    /** File > New: the New Session dialog (MainWindowNewSession.cpp). */
    void showNewSessionDialog();

    juce::ApplicationCommandManager commandManager;
    std::unique_ptr<MainComponent> content;
    std::unique_ptr<juce::FileChooser> chooser;
    std::unique_ptr<juce::PropertiesFile> settings;
    juce::RecentlyOpenedFilesList recent;
    juce::String baseTitle;
    int secondsSinceAutosave = 0;
    int secondsSinceLockRefresh = 0;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (MainWindow)
};
} // namespace sprocket::app
