#include "TransportBar.h"

#include "Theme.h"

namespace sprocket::app
{
TransportBar::TransportBar() { setOpaque (true); }

void TransportBar::setPosition (int64_t newPosition, bool isPlaying)
{
    if (newPosition == position && isPlaying == playing)
        return;
    const auto before = getCounterText();
    position = newPosition;
    playing = isPlaying;
    if (getCounterText() != before || timebase == Timebase::samples)
        repaint (counterArea());
}

void TransportBar::setSelection (const EditSelection& newSelection)
{
    selection = newSelection;
    repaint();
}

void TransportBar::setTimebase (Timebase newTimebase)
{
    timebase = newTimebase;
    repaint();
}

void TransportBar::setModeText (const juce::String& text)
{
    modeText = text;
    repaint();
}

void TransportBar::setProgressText (const juce::String& text)
{
    if (text == progress)
        return;
    progress = text;
    repaint();
}

void TransportBar::setReadOnlyText (const juce::String& text)
{
    readOnly = text;
    repaint();
}

juce::String TransportBar::getCounterText() const
{
    if (shown == nullptr)
        return {};
    return juce::String (formatPosition (*shown, position, timebase));
}

juce::Rectangle<int> TransportBar::counterArea() const { return getLocalBounds().withWidth (300).reduced (12, 4); }

void TransportBar::mouseDown (const juce::MouseEvent& e)
{
    if (counterArea().contains (e.getPosition()) && onTimebaseClicked)
        onTimebaseClicked();
}

void TransportBar::paint (juce::Graphics& g)
{
    g.fillAll (theme::statusBarBackground);
    g.setColour (theme::laneSeparator);
    g.fillRect (getLocalBounds().removeFromBottom (1));
    if (shown == nullptr)
        return;

    // The counter: large fixed-pitch digits, red while playing as on a Pro Tools counter.
    auto counter = counterArea();
    g.setColour (playing ? theme::playhead : theme::textPrimary);
    g.setFont (theme::monoFont (30.0f));
    g.drawText (getCounterText(), counter.withTrimmedBottom (12), juce::Justification::centredLeft, false);
    g.setColour (theme::textSecondary);
    g.setFont (theme::uiFont (11.0f));
    g.drawText (juce::String (timebaseName (timebase)) + juce::String::fromUTF8 ("  \xe2\x96\xbe"),
                counter.removeFromBottom (12), juce::Justification::centredLeft, false);

    auto area = getLocalBounds().withTrimmedLeft (counterArea().getRight() + 16).reduced (0, 6);

    // Selection: start, end, length, each labelled.
    auto column = [&] (const juce::String& label, const juce::String& value, int width) {
        auto box = area.removeFromLeft (width);
        g.setColour (theme::textSecondary);
        g.setFont (theme::uiFont (11.0f));
        g.drawText (label, box.removeFromTop (14), juce::Justification::centredLeft, false);
        g.setColour (theme::textPrimary);
        g.setFont (theme::monoFont (15.0f));
        g.drawText (value, box, juce::Justification::centredLeft, false);
    };
    const bool hasRange = ! selection.trackIds.empty();
    const auto start = hasRange ? juce::String (formatPosition (*shown, selection.range.start.samples, timebase)) : "-";
    const auto end = hasRange ? juce::String (formatPosition (*shown, selection.range.end.samples, timebase)) : "-";
    const auto length = hasRange ? juce::String (formatLength (*shown, selection.range.length().samples, timebase)) : "-";
    column ("Start", start, 140);
    column ("End", end, 140);
    column ("Length", length, 140);
    column ("Mode", modeText, 80);

    if (readOnly.isNotEmpty())
    {
        // The read-only banner: amber, on the right, whole sentence (who holds it).
        auto banner = area.removeFromRight (juce::jmin (area.getWidth(), 560)).reduced (4, 2);
        g.setColour (juce::Colour (0xff6a4a10));
        g.fillRoundedRectangle (banner.toFloat(), 4.0f);
        g.setColour (juce::Colour (0xffffd27a));
        g.setFont (theme::uiFont (13.0f, true));
        g.drawFittedText ("READ-ONLY  " + readOnly, banner.reduced (8, 0), juce::Justification::centredLeft, 2);
    }
    if (progress.isNotEmpty())
    {
        g.setColour (theme::textSecondary);
        g.setFont (theme::uiFont (12.0f));
        g.drawText (progress, area.reduced (8, 0), juce::Justification::centredRight, true);
    }
}
} // namespace sprocket::app
