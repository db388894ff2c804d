// File > New: the New Session dialog, launched from the main window, which makes the session's
// folder and file and remembers the choices for next time (as Pro Tools does).
#include "MainWindow.h"
#include "NewSessionDialog.h"
#include "Theme.h"

#include <iostream>

namespace sprocket::app
{
namespace
{
    /** The last choices, from the settings file; Untitled, 48 kHz, 24 fps, 01:00:00:00, stereo
        with the film stems the first time. */
    session::NewSessionSettings rememberedChoices (juce::PropertiesFile& settings)
    {
        session::NewSessionSettings choices;
        choices.name = "Untitled";
        choices.sampleRate = settings.getIntValue ("newSession.sampleRate", 48000);
        if (auto rate = core::parseFrameRate (settings.getValue ("newSession.frameRate", "24").toStdString()); rate.ok())
            choices.frameRate = *rate;
        if (auto start =
                core::parseTimecode (settings.getValue ("newSession.start", "01:00:00:00").toStdString(), choices.frameRate);
            start.ok())
            choices.startTimecode = *start;
        choices.masterChannels = settings.getIntValue ("newSession.masterChannels", 2);
        choices.filmStems = settings.getBoolValue ("newSession.filmStems", true);
        return choices;
    }

    void remember (juce::PropertiesFile& settings, const NewSessionDialog::Request& request)
    {
        const auto& choices = request.settings;
        settings.setValue ("newSession.sampleRate", juce::var (juce::int64 (choices.sampleRate)));
        settings.setValue ("newSession.frameRate", juce::String (std::string (core::frameRateName (choices.frameRate))));
        settings.setValue ("newSession.start", juce::String (core::formatTimecode (choices.startTimecode, choices.frameRate)));
        settings.setValue ("newSession.masterChannels", choices.masterChannels);
        settings.setValue ("newSession.filmStems", choices.filmStems);
        settings.setValue ("newSession.folder", juce::String (request.folder.string()));
        settings.saveIfNeeded();
    }

    /** The last folder used, else Documents/Sprocket (made when the first session is). */
    std::filesystem::path rememberedFolder (juce::PropertiesFile& settings)
    {
        const auto fallback = juce::File::getSpecialLocation (juce::File::userDocumentsDirectory).getChildFile ("Sprocket");
        return settings.getValue ("newSession.folder", fallback.getFullPathName()).toStdString();
    }
} // namespace

void MainWindow::showNewSessionDialog()
{
    auto dialog = std::make_unique<NewSessionDialog> (rememberedChoices (*settings), rememberedFolder (*settings));
    // The window closes when the session is made or on Cancel; a problem stays on it.
    const auto closeWindow = [d = dialog.get()] {
        if (auto* window = d->findParentComponentOfClass<juce::DialogWindow>())
            window->exitModalState (0);
    };
    dialog->onCreate = [this, closeWindow] (const NewSessionDialog::Request& request) -> juce::String {
        auto created = Document::createNew (request.settings, request.folder);
        if (! created.ok())
            return juce::String::fromUTF8 (created.error().message.c_str());
        remember (*settings, request);
        const auto file = (*created)->file();
        content->setDocument (std::move (*created));
        addToRecent (file);
        secondsSinceAutosave = 0;
        std::cout << "created " << file.string() << std::endl;
        closeWindow();
        return {};
    };
    dialog->onCancel = closeWindow;
    juce::DialogWindow::LaunchOptions options;
    options.content.setOwned (dialog.release());
    options.dialogTitle = "New Session";
    options.dialogBackgroundColour = theme::windowBackground;
    options.componentToCentreAround = this;
    options.escapeKeyTriggersCloseButton = true;
    options.useNativeTitleBar = true;
    options.resizable = false;
    options.launchAsync();
}
} // namespace sprocket::app
