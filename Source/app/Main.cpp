#include "AppOptions.h"
#include "MainComponent.h"
#include "MainWindow.h"
#include "SessionLoader.h"
#include "Snapshot.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <cstdlib>
#include <iostream>

namespace sprocket::app
{
/** The JUCE application: parses the command line, then either renders a snapshot and exits
    (--snapshot, for tests and docs) or opens the main window. */
class SprocketApplication final : public juce::JUCEApplication
{
public:
    const juce::String getApplicationName() override { return "Sprocket"; }
    const juce::String getApplicationVersion() override { return SPROCKET_VERSION; }
    bool moreThanOneInstanceAllowed() override { return true; }

    void initialise (const juce::String&) override
    {
        std::vector<std::string> arguments;
        for (auto& argument : getCommandLineParameterArray())
            arguments.push_back (argument.toStdString());

        auto options = AppOptions::parse (arguments);
        if (! options.ok())
        {
            std::cerr << "sprocket: " << options.error().message << '\n' << AppOptions::usage;
            finish (2);
            return;
        }

        armQuitTimer();

        auto sessionFile = options->sessionFile.value_or (SessionLoader::findDemoSession());
        if (sessionFile.is_relative())
            sessionFile = std::filesystem::absolute (sessionFile);

        if (options->snapshotFile.has_value())
        {
            finish (runSnapshot (*options, sessionFile));
            return;
        }

        mainWindow = std::make_unique<MainWindow> (getApplicationName());
        if (sessionFile.empty())
            std::cerr << "sprocket: no session given and the demo session was not found\n";
        else
            mainWindow->openSession (sessionFile);
    }

    void shutdown() override { mainWindow = nullptr; }

    void systemRequestedQuit() override
    {
        if (mainWindow != nullptr)
            mainWindow->tryToQuit(); // asks about unsaved changes
        else
            quit();
    }

    void anotherInstanceStarted (const juce::String&) override {}

private:
    int runSnapshot (const AppOptions& options, const std::filesystem::path& sessionFile)
    {
        if (sessionFile.empty())
        {
            std::cerr << "sprocket: no session given and the demo session was not found\n";
            return 1;
        }

        auto result = SessionLoader::open (sessionFile);
        if (! result.document.has_value())
        {
            std::cerr << "sprocket: cannot open " << sessionFile.string() << '\n'
                      << SessionLoader::describe (result.problems, 1000);
            return 1;
        }

        for (auto& repaired : result.document->repairs)
            std::cerr << "sprocket: warning: " << sessionFile.string() << ": " << repaired.toString() << '\n';

        MainComponent content;
        content.showDocument (*result.document);
        content.setSize (options.snapshotWidth, options.snapshotHeight);
        if (options.view == AppOptions::View::mixer)
        {
            content.setShowingMixer (true);
        }
        else
        {
            // The edit window shows waveforms: wait for the peaks (built once, then read from the peak files).
            content.enableWaveforms();
            content.getWaveforms()->waitUntilIdle();
        }
        const auto image = Snapshot::render (content, options.snapshotWidth, options.snapshotHeight);

        auto target = std::filesystem::absolute (*options.snapshotFile);
        if (auto status = Snapshot::writePng (image, juce::File (juce::String (target.string()))); ! status.ok())
        {
            std::cerr << "sprocket: " << status.error().message << '\n';
            return 1;
        }
        std::cout << target.string() << std::endl;
        return 0;
    }

    /** SPROCKET_QUIT_AFTER_MS: CI's guarantee that a GUI run ends even if nobody closes it. */
    void armQuitTimer()
    {
        const char* value = std::getenv ("SPROCKET_QUIT_AFTER_MS");
        if (value == nullptr)
            return;
        const int ms = juce::String (value).getIntValue();
        if (ms > 0)
            juce::Timer::callAfterDelay (ms, [] { juce::JUCEApplication::getInstance()->quit(); });
    }

    void finish (int exitCode)
    {
        setApplicationReturnValue (exitCode);
        quit();
    }

    std::unique_ptr<MainWindow> mainWindow;
};
} // namespace sprocket::app

START_JUCE_APPLICATION (sprocket::app::SprocketApplication)
