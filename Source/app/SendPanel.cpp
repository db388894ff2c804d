#include "SendPanel.h"

#include "DbScale.h"
#include "Theme.h"

namespace sprocket::app
{
namespace
{
    constexpr int headerHeight = 40;
    constexpr int buttonHeight = 22;
    constexpr int readoutHeight = 20;
    constexpr int margin = 6;
} // namespace

SendPanel::SendPanel (const StripInfo::SendSlot& s, const juce::String& name) : stripName (name)
{
    setOpaque (true);
    for (auto* button : { &pre, &mute })
    {
        button->setClickingTogglesState (true);
        addAndMakeVisible (*button);
    }
    pre.setColour (juce::TextButton::buttonOnColourId, juce::Colour (0xff4a7ab8));
    mute.setColour (juce::TextButton::buttonOnColourId, juce::Colour (0xffe8c547));
    mute.setColour (juce::TextButton::textColourOnId, juce::Colours::black);
    addAndMakeVisible (remove);
    addAndMakeVisible (close);
    addAndMakeVisible (fader);
    fader.onDrag = [this] (double db) {
        repaint();
        if (onLevel)
            onLevel (db, false);
    };
    fader.onCommit = [this] (double db) {
        repaint();
        if (onLevel)
            onLevel (db, true);
    };
    pre.onClick = [this] {
        if (onPreFader)
            onPreFader (pre.getToggleState());
    };
    mute.onClick = [this] {
        if (onMute)
            onMute (mute.getToggleState());
    };
    remove.onClick = [this] {
        if (onRemove)
            onRemove();
    };
    close.onClick = [this] {
        if (onClose)
            onClose();
    };
    setSend (s);
    setSize (width, height);
}

void SendPanel::setSend (const StripInfo::SendSlot& s)
{
    send = s;
    if (! fader.isDragging())
        fader.setDb (send.gainDb);
    pre.setToggleState (send.preFader, juce::dontSendNotification);
    mute.setToggleState (send.mute, juce::dontSendNotification);
    repaint();
}

juce::String SendPanel::getLevelText() const
{
    return DbScale::format (fader.getDb());
}

void SendPanel::paint (juce::Graphics& g)
{
    g.fillAll (theme::headerBackgroundAlt);
    auto header = getLocalBounds().removeFromTop (headerHeight);
    g.setColour (juce::Colour (0xff2f4a38));
    g.fillRect (header);
    header = header.reduced (margin, 2);
    header.removeFromRight (28);
    g.setColour (theme::textSecondary);
    g.setFont (theme::uiFont (11.0f));
    g.drawFittedText (stripName + " send", header.removeFromTop (header.getHeight() / 2), juce::Justification::centredLeft, 1,
                      0.8f);
    g.setColour (theme::textPrimary);
    g.setFont (theme::uiFont (13.0f, true));
    g.drawFittedText (juce::String::fromUTF8 ("\xe2\x86\x92 ") + juce::String::fromUTF8 (send.busName.c_str()), header,
                      juce::Justification::centredLeft, 1, 0.8f);

    auto readout = getLocalBounds().removeFromBottom (readoutHeight + margin).reduced (margin + 16, 0).withTrimmedBottom (margin);
    g.setColour (juce::Colour (0xff151517));
    g.fillRoundedRectangle (readout.toFloat(), 2.0f);
    g.setColour (fader.getDb() > 0.0 ? theme::warning : theme::textPrimary);
    g.setFont (theme::monoFont (11.0f));
    g.drawText (getLevelText(), readout, juce::Justification::centred, false);
    g.setColour (theme::laneSeparator);
    g.drawRect (getLocalBounds());
}

void SendPanel::resized()
{
    auto area = getLocalBounds();
    close.setBounds (area.removeFromTop (headerHeight).removeFromRight (30).reduced (3, 9));
    area.reduce (margin, margin);
    auto buttons = area.removeFromTop (buttonHeight);
    pre.setBounds (buttons.removeFromLeft (buttons.getWidth() / 2 - 2));
    buttons.removeFromLeft (4);
    mute.setBounds (buttons);
    area.removeFromTop (4);
    remove.setBounds (area.removeFromTop (buttonHeight));
    area.removeFromTop (4);
    area.removeFromBottom (readoutHeight + 2);
    fader.setBounds (area.withSizeKeepingCentre (std::min (area.getWidth(), 60), area.getHeight()));
}
} // namespace sprocket::app
