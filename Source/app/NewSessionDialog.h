#pragma once

#include "session/NewSession.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <filesystem>
#include <functional>
#include <memory>

namespace sprocket::app
{
/** File > New (ctrl+N), as Pro Tools' New Session dialog with its Session Setup rates: Name,
    Folder (the session gets a folder of its own inside it), Sample Rate, Frame Rate, Start
    timecode, Master format and whether to make the film stem buses. Below the fields it shows
    the file that will be written. Create asks `onCreate`, which answers with a problem to show
    (empty: done, and the dialog's window closes). [[message thread]] */
class NewSessionDialog final : public juce::Component
{
public:
    /** Fields start at `defaults` (the last choices) with the session saved inside `folder`. */
    NewSessionDialog (const session::NewSessionSettings& defaults, const std::filesystem::path& folder);
    ~NewSessionDialog() override;

    /** What the fields ask for, or the field that is wrong and why. */
    struct Request
    {
        session::NewSessionSettings settings;
        std::filesystem::path folder;
        juce::String problem; // "Start timecode: ..."
    };
    Request request() const;

    /** Returns the problem to show, or an empty string when the session was made. */
    std::function<juce::String (const Request&)> onCreate;
    std::function<void()> onCancel;

    juce::TextEditor& getNameEditor() noexcept { return name; }
    juce::TextEditor& getFolderEditor() noexcept { return folder; }
    juce::TextEditor& getStartEditor() noexcept { return start; }
    juce::ComboBox& getSampleRateBox() noexcept { return sampleRate; }
    juce::ComboBox& getFrameRateBox() noexcept { return frameRate; }
    juce::ComboBox& getMasterBox() noexcept { return master; }
    juce::ToggleButton& getStemsToggle() noexcept { return stems; }
    juce::Button& getCreateButton() noexcept { return create; }
    juce::String getProblem() const { return problem.getText(); }
    /** "Saves as /…/Reel 3/Reel 3.sprocket" (shown under the fields). */
    juce::String getDestination() const;

    void paint (juce::Graphics&) override;
    void resized() override;
    void visibilityChanged() override;

private:
    void createPressed();
    void chooseFolder();

    juce::TextEditor name, folder, start;
    juce::ComboBox sampleRate, frameRate, master;
    juce::ToggleButton stems { "Film stem buses: DX, MX, FX, FOL, BG" };
    juce::Label nameLabel { {}, "Name" }, folderLabel { {}, "Folder" }, sampleRateLabel { {}, "Sample Rate" },
        frameRateLabel { {}, "Frame Rate" }, startLabel { {}, "Start" }, masterLabel { {}, "Master" }, problem;
    juce::Rectangle<int> destinationArea;
    juce::TextButton choose { "Choose..." }, create { "Create" }, cancel { "Cancel" };
    std::unique_ptr<juce::FileChooser> chooser;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (NewSessionDialog)
};
} // namespace sprocket::app
