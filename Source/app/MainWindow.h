#pragma once

#include "MainComponent.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <filesystem>
#include <memory>

namespace sprocket::app
{
/** The top-level window: File menu (Open..., Quit) and Transport menu (Play/Stop on space,
    Return to Start on return, Pro Tools' keys) through an ApplicationCommandManager, and the
    MainComponent as content, with playback on. [[message thread]] */
class MainWindow final : public juce::DocumentWindow,
                         private juce::MenuBarModel,
                         private juce::ApplicationCommandTarget
{
public:
    explicit MainWindow (const juce::String& title);
    ~MainWindow() override;

    /** Opens `file`; on failure keeps what was shown and lists the problems in an alert.
        Returns whether the session opened. */
    bool openSession (const std::filesystem::path& file);

    /** Opens the session chooser (File > Open...). */
    void chooseSession();

    MainComponent& getMainComponent() noexcept { return *content; }

    void closeButtonPressed() override;

private:
    enum CommandIds
    {
        openSessionCommand = 0x2001,
        playStopCommand = 0x2002,
        returnToStartCommand = 0x2003
    };

    // MenuBarModel
    juce::StringArray getMenuBarNames() override;
    juce::PopupMenu getMenuForIndex (int menuIndex, const juce::String& menuName) override;
    void menuItemSelected (int, int) override {}

    // ApplicationCommandTarget
    juce::ApplicationCommandTarget* getNextCommandTarget() override { return nullptr; }
    void getAllCommands (juce::Array<juce::CommandID>& commands) override;
    void getCommandInfo (juce::CommandID, juce::ApplicationCommandInfo&) override;
    bool perform (const InvocationInfo&) override;

    void showProblems (const std::filesystem::path& file, const session::Problems& problems);

    juce::ApplicationCommandManager commandManager;
    std::unique_ptr<MainComponent> content;
    std::unique_ptr<juce::FileChooser> chooser;
    std::filesystem::path currentFile;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (MainWindow)
};
} // namespace sprocket::app
