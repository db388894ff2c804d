#include "MainWindow.h"

#include "Theme.h"

#include <iostream>

namespace sprocket::app
{
MainWindow::MainWindow (const juce::String& title)
    : DocumentWindow (title, theme::windowBackground, DocumentWindow::allButtons)
{
    commandManager.registerAllCommandsForTarget (this);
    commandManager.setFirstCommandTarget (this);
    addKeyListener (commandManager.getKeyMappings());
    setApplicationCommandManagerToWatch (&commandManager);
    setMenuBar (this);

    content = std::make_unique<MainComponent>();
    content->enablePlayback();
    setContentNonOwned (content.get(), true);
    setResizable (true, true);
    setResizeLimits (640, 360, 16384, 16384);

    // A 1600x900 timeline where the screen allows, never larger than the work area.
    const auto screen = juce::Desktop::getInstance().getDisplays().getTotalBounds (true);
    const int width = screen.isEmpty() ? 1600 : juce::jmin (1600, screen.getWidth() - 40);
    const int height = screen.isEmpty() ? 900 : juce::jmin (900, screen.getHeight() - 60);
    centreWithSize (width, height);
    setVisible (true);
}

MainWindow::~MainWindow()
{
    setMenuBar (nullptr);
    clearContentComponent();
}

bool MainWindow::openSession (const std::filesystem::path& file)
{
    auto result = SessionLoader::open (file);
    if (! result.document.has_value())
    {
        showProblems (file, result.problems);
        return false;
    }

    currentFile = file;
    content->showDocument (*result.document);
    setName ("Sprocket - " + juce::String (result.document->session.name));
    for (auto& problem : result.document->mediaProblems)
        std::cerr << file.string() << ": " << problem.toString() << '\n';
    return true;
}

void MainWindow::showProblems (const std::filesystem::path& file, const session::Problems& problems)
{
    std::cerr << "sprocket: cannot open " << file.string() << '\n' << SessionLoader::describe (problems, 1000);
    juce::AlertWindow::showMessageBoxAsync (juce::MessageBoxIconType::WarningIcon, "Could not open session",
                                            juce::String (file.string()) + "\n\n"
                                                + juce::String (SessionLoader::describe (problems)),
                                            "OK", this);
}

void MainWindow::chooseSession()
{
    const auto start = currentFile.empty() ? juce::File::getCurrentWorkingDirectory()
                                           : juce::File (juce::String (currentFile.parent_path().string()));
    chooser = std::make_unique<juce::FileChooser> ("Open a Sprocket session", start, "*.sprocket");
    const auto chooserFlags = juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles;
    chooser->launchAsync (chooserFlags, [this] (const juce::FileChooser& fc) {
        const auto chosen = fc.getResult();
        if (chosen != juce::File())
            openSession (chosen.getFullPathName().toStdString());
    });
}

void MainWindow::closeButtonPressed()
{
    juce::JUCEApplication::getInstance()->systemRequestedQuit();
}

juce::StringArray MainWindow::getMenuBarNames()
{
    return { "File", "Transport" };
}

juce::PopupMenu MainWindow::getMenuForIndex (int menuIndex, const juce::String&)
{
    juce::PopupMenu menu;
    if (menuIndex == 0)
    {
        menu.addCommandItem (&commandManager, openSessionCommand);
        menu.addSeparator();
        menu.addCommandItem (&commandManager, juce::StandardApplicationCommandIDs::quit);
    }
    else if (menuIndex == 1)
    {
        menu.addCommandItem (&commandManager, playStopCommand);
        menu.addCommandItem (&commandManager, returnToStartCommand);
    }
    return menu;
}

void MainWindow::getAllCommands (juce::Array<juce::CommandID>& commands)
{
    commands.add (openSessionCommand, juce::StandardApplicationCommandIDs::quit, playStopCommand, returnToStartCommand);
}

void MainWindow::getCommandInfo (juce::CommandID id, juce::ApplicationCommandInfo& info)
{
    if (id == openSessionCommand)
    {
        info.setInfo ("Open...", "Open a session file", "File", 0);
        info.addDefaultKeypress ('o', juce::ModifierKeys::commandModifier);
    }
    else if (id == juce::StandardApplicationCommandIDs::quit)
    {
        info.setInfo ("Quit", "Quit Sprocket", "File", 0);
        info.addDefaultKeypress ('q', juce::ModifierKeys::commandModifier);
    }
    else if (id == playStopCommand)
    {
        info.setInfo ("Play / Stop", "Start or stop the transport at the playhead", "Transport", 0);
        info.addDefaultKeypress (juce::KeyPress::spaceKey, juce::ModifierKeys::noModifiers);
    }
    else if (id == returnToStartCommand)
    {
        info.setInfo ("Return to Start", "Move the playhead to the session start", "Transport", 0);
        info.addDefaultKeypress (juce::KeyPress::returnKey, juce::ModifierKeys::noModifiers);
    }
}

bool MainWindow::perform (const InvocationInfo& invocation)
{
    if (invocation.commandID == openSessionCommand)
    {
        chooseSession();
        return true;
    }
    if (invocation.commandID == playStopCommand)
    {
        content->togglePlay();
        return true;
    }
    if (invocation.commandID == returnToStartCommand)
    {
        content->returnToStart();
        return true;
    }
    if (invocation.commandID == juce::StandardApplicationCommandIDs::quit)
    {
        juce::JUCEApplication::getInstance()->systemRequestedQuit();
        return true;
    }
    return false;
}
} // namespace sprocket::app
