#include "MainWindow.h"

#include "Theme.h"

#include "session/Autosave.h"

#include <cstdlib>
#include <iostream>

namespace sprocket::app
{
namespace
{
    juce::PropertiesFile::Options settingsOptions()
    {
        juce::PropertiesFile::Options options;
        options.applicationName = "Sprocket";
        options.folderName = "Sprocket";
        options.filenameSuffix = ".settings";
        options.osxLibrarySubFolder = "Application Support";
        return options;
    }
} // namespace

MainWindow::MainWindow (const juce::String& title)
    : DocumentWindow (title, theme::windowBackground, DocumentWindow::allButtons), baseTitle (title)
{
    content = std::make_unique<MainComponent>();
    content->enablePlayback();
    content->enableWaveforms();
    content->onDocumentChanged = [this] { documentChanged(); };

    // $XDG_CONFIG_HOME/Sprocket/Sprocket.settings (~/.config/...): JUCE's own Linux default
    // would be a visible ~/Sprocket folder.
    settings = std::make_unique<juce::PropertiesFile> (
        juce::File::getSpecialLocation (juce::File::userApplicationDataDirectory).getChildFile ("Sprocket/Sprocket.settings"),
        settingsOptions());
    recent.setMaxNumberOfItems (10);
    recent.restoreFromString (settings->getValue ("recentSessions"));
    restoreViewOptions();

    commandManager.registerAllCommandsForTarget (this);
    commandManager.registerAllCommandsForTarget (content.get());
    commandManager.setFirstCommandTarget (this);
    addKeyListener (commandManager.getKeyMappings());
    setApplicationCommandManagerToWatch (&commandManager);
    setMenuBar (this);

    setContentNonOwned (content.get(), true);
    setResizable (true, true);
    setResizeLimits (640, 360, 16384, 16384);

    // A 1600x900 timeline where the screen allows, never larger than the work area.
    const auto screen = juce::Desktop::getInstance().getDisplays().getTotalBounds (true);
    const int width = screen.isEmpty() ? 1600 : juce::jmin (1600, screen.getWidth() - 40);
    const int height = screen.isEmpty() ? 900 : juce::jmin (900, screen.getHeight() - 60);
    centreWithSize (width, height);
    setVisible (true);
    startTimer (1000);
}

MainWindow::~MainWindow()
{
    stopTimer();
    keepViewOptions();
    setMenuBar (nullptr);
    clearContentComponent();
}

namespace
{
    constexpr const char* scrollingNames[] = { "none", "page", "continuous" };
}

void MainWindow::restoreViewOptions()
{
    content->setSplittingPolyFiles (settings->getBoolValue ("splitPolyFiles", true));
    const auto nudge = settings->getValue ("nudge", session::nudgeValues()[session::defaultNudgeIndex].name);
    for (size_t i = 0; i < session::nudgeValues().size(); ++i)
        if (nudge == session::nudgeValues()[i].name)
            content->setNudgeIndex (i);
    const auto scrolling = settings->getValue ("scrolling", "page");
    for (int i = 0; i < 3; ++i)
        if (scrolling == scrollingNames[i])
            content->getTimeline().setScrolling (TimelineComponent::Scrolling (i));
}

void MainWindow::keepViewOptions()
{
    settings->setValue ("splitPolyFiles", content->isSplittingPolyFiles());
    settings->setValue ("scrolling", scrollingNames[int (content->getTimeline().getScrolling())]);
    settings->setValue ("nudge", juce::String (session::nudgeValues()[content->getNudgeIndex()].name));
    settings->saveIfNeeded();
}

int MainWindow::autosaveSeconds()
{
    if (const char* value = std::getenv ("SPROCKET_AUTOSAVE_SECONDS"); value != nullptr && std::atoi (value) > 0)
        return std::atoi (value);
    return 120;
}

void MainWindow::timerCallback()
{
    auto* document = content->getDocument();
    if (document == nullptr)
        return;
    if (++secondsSinceAutosave >= autosaveSeconds())
    {
        secondsSinceAutosave = 0;
        const bool wasDue = document->isModified();
        if (auto status = document->autosaveIfNeeded(); ! status.ok())
            std::cerr << "sprocket: autosave failed: " << status.error().message << '\n';
        else if (wasDue && ! document->isUntitled())
            std::cout << "autosaved " << session::autosaveFileFor (document->file()).string() << std::endl;
    }
    // Other hosts treat a lock unrefreshed for 10 minutes as stale: refresh every minute.
    if (++secondsSinceLockRefresh >= 60)
    {
        secondsSinceLockRefresh = 0;
        document->refreshLock();
    }
}

void MainWindow::documentChanged()
{
    auto* document = content->getDocument();
    juce::String title = baseTitle;
    if (document != nullptr)
    {
        title << " - " << juce::String::fromUTF8 (document->session().name.c_str());
        if (! document->isUntitled())
            title << " (" << juce::String (document->file().filename().string()) << ")";
        if (document->isModified())
            title << " *";
        if (document->isReadOnly())
            title << " [read-only]";
    }
    setName (title);
    commandManager.commandStatusChanged(); // Undo/Redo names, what is enabled
    menuItemsChanged();
}

void MainWindow::openSession (const std::filesystem::path& file)
{
    whenChangesAreSettled ([this, file] {
        if (session::hasRecoverableAutosave (file)
            && std::filesystem::exists (session::autosaveFileFor (file)))
        {
            std::cout << "autosave found: " << session::autosaveFileFor (file).string() << std::endl;
            juce::AlertWindow::showOkCancelBox (
                juce::MessageBoxIconType::QuestionIcon, "Recover unsaved work?",
                juce::String (file.filename().string())
                    + " has an autosave newer than the saved session (Sprocket did not close normally).\n\n"
                      "Recover it, or open the session as it was last saved?",
                "Recover", "Open Saved", this,
                juce::ModalCallbackFunction::create ([this, file] (int result) { openNow (file, result == 1); }));
            return;
        }
        openNow (file, false);
    });
}

void MainWindow::openNow (const std::filesystem::path& file, bool recover)
{
    auto opened = Document::open (file, recover);
    if (auto* problems = std::get_if<session::Problems> (&opened))
    {
        showProblems (file, *problems);
        return;
    }
    auto document = std::move (std::get<std::unique_ptr<Document>> (opened));
    for (auto& problem : document->mediaProblems())
        std::cerr << file.string() << ": " << problem.toString() << '\n';
    if (document->isReadOnly())
        std::cout << "read-only: " << document->getReadOnlyReason() << std::endl;
    if (recover)
        std::cout << "recovered autosave of " << file.string() << std::endl;
    if (! recover)
        session::discardAutosave (file); // an older autosave is of no use once the session opened
    const bool mediaMissing = ! document->offlineMedia().empty() && ! document->isReadOnly();
    const auto repairs = document->repairsToSave();
    content->setDocument (std::move (document));
    addToRecent (file);
    secondsSinceAutosave = 0;
    if (! repairs.empty())
        showRepairs (file, repairs);
    if (mediaMissing)
        content->invoke (MainComponent::relinkMediaCommand); // as Pro Tools asks about missing files on open
}

void MainWindow::addToRecent (const std::filesystem::path& file)
{
    recent.addFile (juce::File (juce::String (std::filesystem::absolute (file).string())));
    settings->setValue ("recentSessions", recent.toString());
    settings->saveIfNeeded();
    menuItemsChanged();
}

void MainWindow::showProblems (const std::filesystem::path& file, const session::Problems& problems)
{
    std::cerr << "sprocket: cannot open " << file.string() << '\n' << SessionLoader::describe (problems, 1000);
    juce::AlertWindow::showMessageBoxAsync (juce::MessageBoxIconType::WarningIcon, "Could not open session",
                                            juce::String (file.string()) + "\n\n"
                                                + juce::String (SessionLoader::describe (problems)),
                                            "OK", this);
}

void MainWindow::showRepairs (const std::filesystem::path& file, const session::Problems& repairs)
{
    for (auto& repaired : repairs)
        std::cerr << "sprocket: warning: " << file.string() << ": " << repaired.toString() << '\n';
    juce::AlertWindow::showMessageBoxAsync (
        juce::MessageBoxIconType::WarningIcon, "Session repaired",
        juce::String (file.string()) + "\n\nSprocket repaired " + juce::String (repairs.size())
            + (repairs.size() == 1 ? " problem" : " problems")
            + " while opening it. Saving writes the repaired data; closing without saving keeps the file as it was.\n\n"
            + juce::String (SessionLoader::describe (repairs)),
        "OK", this);
}

void MainWindow::chooseSession()
{
    auto* document = content->getDocument();
    const auto start = document == nullptr || document->isUntitled()
                           ? juce::File::getCurrentWorkingDirectory()
                           : juce::File (juce::String (document->file().parent_path().string()));
    chooser = std::make_unique<juce::FileChooser> ("Open a Sprocket session", start, "*.sprocket");
    const auto chooserFlags = juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles;
    chooser->launchAsync (chooserFlags, [this] (const juce::FileChooser& fc) {
        const auto chosen = fc.getResult();
        if (chosen != juce::File())
            openSession (chosen.getFullPathName().toStdString());
    });
}

bool MainWindow::save()
{
    auto* document = content->getDocument();
    if (document == nullptr)
        return false;
    if (document->isUntitled())
    {
        saveAs();
        return false;
    }
    if (auto status = document->save(); ! status.ok())
    {
        content->reportProblem ("Could not save: " + juce::String::fromUTF8 (status.error().message.c_str()));
        return false;
    }
    std::cout << "saved " << document->file().string() << std::endl;
    return true;
}

void MainWindow::saveAs (std::function<void (bool)> then)
{
    auto* document = content->getDocument();
    if (document == nullptr)
        return;
    const auto start = document->isUntitled()
                           ? juce::File::getCurrentWorkingDirectory().getChildFile (juce::String (document->session().name) + ".sprocket")
                           : juce::File (juce::String (document->file().string()));
    chooser = std::make_unique<juce::FileChooser> ("Save the session as", start, "*.sprocket");
    const auto chooserFlags = juce::FileBrowserComponent::saveMode | juce::FileBrowserComponent::canSelectFiles
                       | juce::FileBrowserComponent::warnAboutOverwriting;
    chooser->launchAsync (chooserFlags, [this, then] (const juce::FileChooser& fc) {
        auto chosen = fc.getResult();
        bool saved = false;
        if (chosen != juce::File() && content->getDocument() != nullptr)
        {
            if (! chosen.hasFileExtension ("sprocket"))
                chosen = chosen.withFileExtension ("sprocket");
            if (auto status = content->getDocument()->saveAs (chosen.getFullPathName().toStdString()); ! status.ok())
                content->reportProblem ("Could not save: " + juce::String::fromUTF8 (status.error().message.c_str()));
            else
            {
                saved = true;
                std::cout << "saved " << content->getDocument()->file().string() << std::endl;
                addToRecent (content->getDocument()->file());
            }
        }
        if (then)
            then (saved);
    });
}

void MainWindow::whenChangesAreSettled (std::function<void()> next)
{
    auto* document = content->getDocument();
    if (document == nullptr || ! document->isModified() || document->isReadOnly())
    {
        next();
        return;
    }
    const auto name = juce::String::fromUTF8 (document->session().name.c_str());
    juce::AlertWindow::showYesNoCancelBox (
        juce::MessageBoxIconType::QuestionIcon, "Save changes?",
        "\"" + name + "\" has changes that are not saved.", "Save", "Don't Save", "Cancel", this,
        juce::ModalCallbackFunction::create ([this, next] (int result) {
            auto* doc = content->getDocument();
            if (result == 0 || doc == nullptr)
                return; // cancel
            if (result == 2)
            {
                // Don't Save: the autosave goes too, or the next open would offer it back.
                if (! doc->isUntitled())
                    session::discardAutosave (doc->file());
                next();
                return;
            }
            if (doc->isUntitled())
                saveAs ([next] (bool saved) {
                    if (saved)
                        next();
                });
            else if (save())
                next();
        }));
}

void MainWindow::tryToQuit()
{
    whenChangesAreSettled ([] { juce::JUCEApplication::getInstance()->quit(); });
}

void MainWindow::closeButtonPressed() { tryToQuit(); }

juce::StringArray MainWindow::getMenuBarNames()
{
    return { "File", "Edit", "Clip", "Track", "View", "Transport" };
}

juce::PopupMenu MainWindow::getMenuForIndex (int menuIndex, const juce::String&)
{
    juce::PopupMenu menu;
    const auto add = [&] (juce::CommandID id) { menu.addCommandItem (&commandManager, id); };
    switch (menuIndex)
    {
        case 0:
        {
            add (newSessionCommand);
            add (openSessionCommand);
            juce::PopupMenu recentMenu;
            recent.createPopupMenuItems (recentMenu, recentBaseId, true, true);
            menu.addSubMenu ("Open Recent", recentMenu, recentMenu.getNumItems() > 0);
            menu.addSeparator();
            add (saveCommand);
            add (saveAsCommand);
            menu.addSeparator();
            add (MainComponent::importCommand);
            add (MainComponent::importOriginalTimeCommand);
            add (MainComponent::splitPolyCommand);
            add (MainComponent::importMovieCommand);
            add (MainComponent::relinkMovieCommand);
            add (MainComponent::relinkMediaCommand);
            add (MainComponent::deliverCommand);
            add (MainComponent::syncCheckCommand);
            menu.addSeparator();
            add (juce::StandardApplicationCommandIDs::quit);
            break;
        }
        case 1:
            for (auto id : { MainComponent::undoCommand, MainComponent::redoCommand })
                add (id);
            menu.addSeparator();
            for (auto id : { MainComponent::cutCommand, MainComponent::copyCommand, MainComponent::pasteCommand,
                             MainComponent::deleteCommand, MainComponent::duplicateCommand,
                             MainComponent::thinAutomationCommand })
                add (id);
            menu.addSeparator();
            for (auto id : { MainComponent::splitCommand, MainComponent::consolidateCommand,
                             MainComponent::copyAlternateToMainCommand, MainComponent::selectAllCommand })
                add (id);
            menu.addSeparator();
            for (auto id : { MainComponent::nudgeLaterCommand, MainComponent::nudgeEarlierCommand,
                             MainComponent::nudgeLaterSecondCommand, MainComponent::nudgeEarlierSecondCommand })
                add (id);
            {
                juce::PopupMenu nudgeValues;
                for (size_t i = 0; i < session::nudgeValues().size(); ++i)
                    nudgeValues.addCommandItem (&commandManager, MainComponent::nudgeValueCommand + juce::CommandID (i));
                menu.addSubMenu ("Nudge Value", nudgeValues);
            }
            menu.addSeparator();
            // Pro Tools' four edit modes, in the order of their keys (F1 to F4).
            for (auto id : { MainComponent::shuffleModeCommand, MainComponent::slipModeCommand, MainComponent::spotModeCommand,
                             MainComponent::gridModeCommand })
                add (id);
            break;
        case 2:
            for (auto id : { MainComponent::muteClipCommand, MainComponent::gainUpCommand, MainComponent::gainDownCommand,
                             MainComponent::gainDialogCommand, MainComponent::renameCommand, MainComponent::spotCommand,
                             MainComponent::spotOriginalCommand, MainComponent::fadeCommand })
                add (id);
            break;
        case 3:
            add (MainComponent::newTracksCommand);
            add (MainComponent::deleteTracksCommand);
            break;
        case 4:
            add (MainComponent::mixerCommand);
            menu.addSeparator();
            for (auto id : { MainComponent::zoomInCommand, MainComponent::zoomOutCommand, MainComponent::zoomFitCommand,
                             MainComponent::zoomSelectionCommand })
                add (id);
            menu.addSeparator();
            for (auto id :
                 { MainComponent::tracksTallerCommand, MainComponent::tracksShorterCommand, MainComponent::fitTracksCommand,
                   MainComponent::selectedTracksTallerCommand, MainComponent::selectedTracksShorterCommand })
                add (id);
            menu.addSeparator();
            add (MainComponent::nextTimebaseCommand);
            menu.addSeparator();
            for (auto id :
                 { MainComponent::pageScrollCommand, MainComponent::continuousScrollCommand, MainComponent::noScrollCommand })
                add (id);
            menu.addSeparator();
            add (MainComponent::loudnessMeterCommand);
            add (MainComponent::cueListsCommand);
            add (MainComponent::videoWindowCommand);
            break;
        case 5:
            for (auto id : { MainComponent::playStopCommand, MainComponent::returnToStartCommand,
                             MainComponent::loopPlaybackCommand })
                add (id);
            break;
        default:
            break;
    }
    return menu;
}

void MainWindow::menuItemSelected (int menuItemID, int)
{
    const int index = menuItemID - recentBaseId;
    if (index >= 0 && index < recent.getNumFiles())
        openSession (recent.getFile (index).getFullPathName().toStdString());
}

void MainWindow::getAllCommands (juce::Array<juce::CommandID>& commands)
{
    commands.add (newSessionCommand, openSessionCommand, saveCommand, saveAsCommand,
                  juce::StandardApplicationCommandIDs::quit);
}

void MainWindow::getCommandInfo (juce::CommandID id, juce::ApplicationCommandInfo& info)
{
    auto* document = content->getDocument();
    switch (id)
    {
        case newSessionCommand:
            info.setInfo (
                "New Session...",
                "Make a session in a folder of its own: name, sample rate, frame rate, start timecode, master and stems", "File",
                0);
            info.addDefaultKeypress ('n', juce::ModifierKeys::commandModifier);
            break;
        case openSessionCommand:
            info.setInfo ("Open...", "Open a session file", "File", 0);
            info.addDefaultKeypress ('o', juce::ModifierKeys::commandModifier);
            break;
        case saveCommand:
            info.setInfo ("Save", "Save the session", "File", 0);
            info.setActive (document != nullptr && ! document->isReadOnly());
            info.addDefaultKeypress ('s', juce::ModifierKeys::commandModifier);
            break;
        case saveAsCommand:
            info.setInfo ("Save As...", "Save the session under another name", "File", 0);
            info.setActive (document != nullptr);
            info.addDefaultKeypress ('s', juce::ModifierKeys::commandModifier | juce::ModifierKeys::shiftModifier);
            break;
        case juce::StandardApplicationCommandIDs::quit:
            info.setInfo ("Quit", "Quit Sprocket", "File", 0);
            info.addDefaultKeypress ('q', juce::ModifierKeys::commandModifier);
            break;
        default:
            break;
    }
}

bool MainWindow::perform (const InvocationInfo& invocation)
{
    switch (invocation.commandID)
    {
        case newSessionCommand:
            whenChangesAreSettled ([this] { showNewSessionDialog(); });
            return true;
        case openSessionCommand: chooseSession(); return true;
        case saveCommand: save(); return true;
        case saveAsCommand: saveAs(); return true;
        case juce::StandardApplicationCommandIDs::quit: tryToQuit(); return true;
        default: return false;
    }
}
} // namespace sprocket::app
