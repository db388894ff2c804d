#pragma once

#include "session/Insert.h"

#include "dsp/ParameterInfo.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sprocket::app
{
/** The editor of one built-in insert, a panel over the mixer: its name, a bypass switch, a
    close button and a row per parameter (from the processor's ParameterInfo): a horizontal
    slider with the value in its unit, or a toggle for a 0/1 switch. A convolution reverb's
    impulse response file is shown with a Choose... button (onChooseImpulseResponse). A slider drag reports each step (to preview)
   and its release once (to commit); a toggle commits at once. [[message thread]] */
class InsertEditor final : public juce::Component
{
public:
    static constexpr int width = 380;
    static constexpr int rowHeight = 24;

    /** `title` names the strip and slot ("Dialogue 1 - insert 2"). */
    InsertEditor (const session::Insert& insert, const juce::String& title);
    ~InsertEditor() override;

    /** Shows new values (after an edit or an undo) without reporting them back. */
    void setInsert (const session::Insert& insert);
    const std::string& getType() const noexcept { return type; }

    /** The height that fits every row. */
    int preferredHeight() const;

    std::function<void (const std::string& paramId, double value, bool commit)> onParameter;
    std::function<void (bool bypass)> onBypass;
    std::function<void()> onClose;
    std::function<void()> onChooseImpulseResponse;

    juce::Slider* findSlider (const std::string& paramId) const;
    juce::Button* findSwitch (const std::string& paramId) const;
    juce::Button& getBypassButton() noexcept { return bypass; }
    juce::Button& getCloseButton() noexcept { return close; }
    juce::Button& getChooseImpulseResponseButton() noexcept { return chooseIr; }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    struct Row
    {
        dsp::ParameterInfo info;
        std::unique_ptr<juce::Label> label;
        std::unique_ptr<juce::Slider> slider;
        std::unique_ptr<juce::ToggleButton> toggle;
        bool dragging = false;
    };

    void addRow (const dsp::ParameterInfo& info);
    static bool isSwitch (const dsp::ParameterInfo& info);

    std::string type;
    juce::String title;
    juce::ToggleButton bypass { "Bypass" };
    juce::TextButton close { juce::String::fromUTF8 ("\xc3\x97") };
    juce::Label irLabel;
    juce::TextButton chooseIr { "Choose..." };
    std::vector<std::unique_ptr<Row>> rows;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (InsertEditor)
};
} // namespace sprocket::app
