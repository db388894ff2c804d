#pragma once

#include "session/TrackListEdits.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace sprocket::app
{
/** Track > New (ctrl+shift+N), as Pro Tools' New Tracks dialog: Number, Format (mono, stereo,
    5.1, 7.1), Kind (an audio track, or a bus: a stem or an aux return), Name and Output (the
    master or a bus). Create asks `onCreate`, which answers with a problem to show (empty: done,
    and the dialog's window closes). A bus is named "Bus" unless a name was typed.
    [[message thread]] */
class NewTracksDialog final : public juce::Component
{
public:
    /** `outputs`: the buses to offer after the master, as (id, name). */
    explicit NewTracksDialog (std::vector<std::pair<std::string, std::string>> outputs);

    /** The strips the fields ask for, or the field that is wrong and why. */
    struct Request
    {
        session::NewStrips strips;
        bool buses = false;
        juce::String problem; // "Number: 'two' is not a whole number ..."
    };
    Request request() const;

    /** Returns the problem to show, or an empty string when the strips were made. */
    std::function<juce::String (const session::NewStrips& strips, bool buses)> onCreate;
    std::function<void()> onCancel;

    juce::TextEditor& getCountEditor() noexcept { return count; }
    juce::TextEditor& getNameEditor() noexcept { return name; }
    juce::ComboBox& getFormatBox() noexcept { return format; }
    juce::ComboBox& getKindBox() noexcept { return kind; }
    juce::ComboBox& getOutputBox() noexcept { return output; }
    juce::Button& getCreateButton() noexcept { return create; }
    juce::String getProblem() const { return problem.getText(); }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void createPressed();

    std::vector<std::pair<std::string, std::string>> outputs;
    juce::TextEditor count, name;
    juce::ComboBox format, kind, output;
    juce::Label countLabel { {}, "Number" }, formatLabel { {}, "Format" }, kindLabel { {}, "Kind" }, nameLabel { {}, "Name" },
        outputLabel { {}, "Output" }, problem;
    juce::TextButton create { "Create" }, cancel { "Cancel" };

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (NewTracksDialog)
};
} // namespace sprocket::app
