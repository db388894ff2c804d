#pragma once

#include "FaderComponent.h"
#include "MixerStrips.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace sprocket::app
{
/** A send's small fader, opened from a strip's send slot (Pro Tools' send window, in the
    mixer): the destination bus, the level on the fader's law (+12 dB at the top, -inf at the
    bottom), its read-out, pre/post fader, mute, and Remove. The fader reports each drag step
    (preview) and one commit on release. [[message thread]] */
class SendPanel final : public juce::Component
{
public:
    static constexpr int width = 132;
    static constexpr int height = 420;

    SendPanel (const StripInfo::SendSlot& send, const juce::String& stripName);

    /** Shows the send's values (after an edit or undo) without reporting them back. */
    void setSend (const StripInfo::SendSlot& send);
    const std::string& getSendId() const noexcept { return send.id; }

    std::function<void (double db, bool commit)> onLevel;
    std::function<void (bool preFader)> onPreFader;
    std::function<void (bool mute)> onMute;
    std::function<void()> onRemove;
    std::function<void()> onClose;

    FaderComponent& getFader() noexcept { return fader; }
    juce::Button& getPreButton() noexcept { return pre; }
    juce::Button& getMuteButton() noexcept { return mute; }
    juce::Button& getRemoveButton() noexcept { return remove; }
    juce::String getLevelText() const;

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    StripInfo::SendSlot send;
    juce::String stripName;
    FaderComponent fader;
    juce::TextButton pre { "PRE" }, mute { "MUTE" }, remove { "Remove" };
    juce::TextButton close { juce::String::fromUTF8 ("\xc3\x97") };

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (SendPanel)
};
} // namespace sprocket::app
