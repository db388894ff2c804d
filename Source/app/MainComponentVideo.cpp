// The reference movie in the edit window: File > Import Movie... and View > Video Window.
#include "MainComponent.h"
#include "MovieRateQuestion.h"
#include "SessionMovie.h"
#include "Theme.h"

#include "session/TimecodeSettings.h"

#include "video/MovieAudio.h"
#include "video/MovieInfo.h"
#include "video/MovieTimeline.h"

namespace sprocket::app
{
namespace
{
    constexpr const char* movieFilePatterns = "*.mov;*.mp4;*.m4v;*.mxf;*.mkv;*.avi";

    juce::String rateName (core::FrameRate rate)
    {
        return juce::String (std::string (core::frameRateName (rate)));
    }

    /** The video window: a plain resizable window around the edit window's VideoView, which
        the MainComponent keeps (it owns the movie's decoder, window or not). */
    class VideoWindow final : public juce::DocumentWindow
    {
    public:
        explicit VideoWindow (VideoView& view)
            : juce::DocumentWindow ("Video", theme::windowBackground, juce::DocumentWindow::closeButton)
        {
            setUsingNativeTitleBar (true);
            setContentNonOwned (&view, false);
            setResizable (true, true);
            centreWithSize (960, 540);
        }

        void closeButtonPressed() override { setVisible (false); }
    };
} // namespace

bool MainComponent::importMovie (const std::filesystem::path& movie, bool guideAudio, MovieRateAnswer rateAnswer)
{
    if (document == nullptr)
    {
        reportProblem ("Open a session to import a movie into it.");
        return false;
    }
    const auto& session = document->session();
    auto info = video::openMovie (movie);
    if (! info)
    {
        reportProblem (juce::String (info.error().message));
        return false;
    }
    const bool rateFits = video::hasSessionPictureRate (*info, session.frameRate);
    if (! rateFits && rateAnswer == MovieRateAnswer::ask)
    {
        askAboutMovieRate (movie, guideAudio, *info);
        return false;
    }
    if (! rateFits && rateAnswer == MovieRateAnswer::changeSessionRate && ! info->frameRate)
    {
        reportProblem (juce::String (movie.string()) + ": the movie runs at " + info->frameRateText()
                       + " fps, which is not a timecode rate a session can take; conform it instead.");
        return false;
    }

    const bool conform = ! rateFits && rateAnswer == MovieRateAnswer::conform;
    const auto status = document->perform ("Import Movie", [&] (session::SessionEditor& editor) -> core::Status {
        if (! rateFits && ! conform)
            if (auto changed = session::changeFrameRate (editor, *info->frameRate); ! changed)
                return changed;
        editor.video() = session::VideoReference { std::filesystem::absolute (movie), std::nullopt, 0, false, conform };
        return {};
    });
    if (! check (status))
        return false;
    if (! guideAudio || info->audioStreams.empty())
        return true;
    if (conform)
    {
        // Its sound runs at the movie's speed, not the session's: it would drift against the cut.
        reportProblem ("The movie is conformed to " + rateName (session.frameRate)
                       + " fps; its audio runs at the movie's own speed and was not imported as a guide.");
        return true;
    }

    // The guide goes beside the session (or the movie, for an unsaved session), stamped with
    // the movie's start timecode, and comes in at that time.
    const auto folder = (document->file().empty() ? movie.parent_path() : document->file().parent_path()) / "Guide Audio";
    std::error_code ignored;
    std::filesystem::create_directories (folder, ignored);
    auto guide = video::extractMovieAudio (movie, folder / (movie.stem().string() + "_guide.wav"));
    if (! guide)
    {
        reportProblem (juce::String (guide.error().message));
        return false;
    }
    return importFiles ({ juce::String (guide->path.string()) }, 0, true);
}

void MainComponent::askAboutMovieRate (const std::filesystem::path& movie, bool guideAudio, const video::MovieInfo& info)
{
    lastProblem = MovieRateQuestion::text (info, document->session().frameRate);
    if (! showsAlerts)
    {
        std::cerr << "sprocket: " << lastProblem << '\n';
        return;
    }
    auto window = MovieRateQuestion::makeWindow (info, document->session().frameRate, this);
    window.release()->enterModalState (true, juce::ModalCallbackFunction::create ([this, movie, guideAudio] (int answer) {
                                           if (answer != MovieRateQuestion::cancel)
                                               importMovie (movie, guideAudio,
                                                            answer == MovieRateQuestion::changeSessionRate
                                                                ? MovieRateAnswer::changeSessionRate
                                                                : MovieRateAnswer::conform);
                                       }),
                                       true);
}

void MainComponent::chooseMovieToImport()
{
    const auto start = document != nullptr && ! document->file().empty()
                           ? juce::File (juce::String (document->file().parent_path().string()))
                           : juce::File::getSpecialLocation (juce::File::userHomeDirectory);
    chooser = std::make_unique<juce::FileChooser> ("Import a reference movie", start, movieFilePatterns);
    chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles,
                          [this] (const juce::FileChooser& fc) {
                              if (fc.getResult() != juce::File())
                                  importMovie (fc.getResult().getFullPathName().toStdString(), true);
                          });
}

bool MainComponent::relinkMovie (const std::filesystem::path& movie)
{
    if (document == nullptr || ! document->session().video)
    {
        reportProblem ("The session has no movie to relink; File > Import Movie... brings one in.");
        return false;
    }
    auto info = video::openMovie (movie);
    if (! info)
    {
        reportProblem (juce::String (info.error().message));
        return false;
    }
    if (auto placed = placeSessionMovie (*info, document->session(), false); ! placed)
    {
        reportProblem (juce::String (placed.error().message));
        return false;
    }
    return check (document->perform ("Relink Movie", [&] (session::SessionEditor& editor) -> core::Status {
        editor.video()->path = std::filesystem::absolute (movie);
        return {};
    }));
}

void MainComponent::chooseMovieToRelink()
{
    if (document == nullptr || ! document->session().video)
        return;
    // Start where the movie was, or the nearest folder of that path that still exists.
    auto folder = document->session().resolvePath (document->session().video->path).parent_path();
    std::error_code ignored;
    while (! folder.empty() && ! std::filesystem::is_directory (folder, ignored) && folder != folder.parent_path())
        folder = folder.parent_path();
    const auto name = document->session().video->path.filename().string();
    chooser = std::make_unique<juce::FileChooser> ("Relink " + juce::String (name), juce::File (juce::String (folder.string())),
                                                   movieFilePatterns);
    chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles,
                          [this] (const juce::FileChooser& fc) {
                              if (fc.getResult() != juce::File())
                                  relinkMovie (fc.getResult().getFullPathName().toStdString());
                          });
}

void MainComponent::toggleVideoWindow()
{
    if (videoWindow == nullptr)
        videoWindow = std::make_unique<VideoWindow> (videoView);
    videoWindow->setVisible (! videoWindow->isVisible());
    if (videoWindow->isVisible())
    {
        videoWindow->toFront (false);
        videoView.showPosition (playheadPosition(), playback != nullptr && playback->isPlaying());
    }
}
} // namespace sprocket::app
