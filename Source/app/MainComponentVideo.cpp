// The reference movie in the edit window: File > Import Movie... and View > Video Window.
#include "MainComponent.h"
#include "Theme.h"

#include "video/MovieAudio.h"
#include "video/MovieInfo.h"
#include "video/MovieTimeline.h"

namespace sprocket::app
{
namespace
{
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

bool MainComponent::importMovie (const std::filesystem::path& movie, bool guideAudio)
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
    if (auto placed = video::placeMovie (*info, session.frameRate, session.sampleRate, session.startTimecode); ! placed)
    {
        // Changing the session's rate moves every timecode in it; that is the editor's call.
        reportProblem (juce::String (placed.error().message)
                       + "\nChange the session's frame rate to the movie's, or conform the movie to the session's rate.");
        return false;
    }
    const auto status = document->perform ("Import Movie", [&] (session::SessionEditor& editor) -> core::Status {
        editor.video() = session::VideoReference { std::filesystem::absolute (movie), std::nullopt, 0, false };
        return {};
    });
    if (! check (status))
        return false;
    if (! guideAudio || info->audioStreams.empty())
        return true;

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

void MainComponent::chooseMovieToImport()
{
    const auto start = document != nullptr && ! document->file().empty()
                           ? juce::File (juce::String (document->file().parent_path().string()))
                           : juce::File::getSpecialLocation (juce::File::userHomeDirectory);
    chooser = std::make_unique<juce::FileChooser> ("Import a reference movie", start, "*.mov;*.mp4;*.m4v;*.mxf;*.mkv;*.avi");
    chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles,
                          [this] (const juce::FileChooser& fc) {
                              if (fc.getResult() != juce::File())
                                  importMovie (fc.getResult().getFullPathName().toStdString(), true);
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
