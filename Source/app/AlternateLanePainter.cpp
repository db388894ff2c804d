#include "AlternateLanePainter.h"

#include "Theme.h"

namespace sprocket::app
{
AlternateLanePainter::Controls AlternateLanePainter::controls (juce::Rectangle<int> header)
{
    Controls c;
    const int top = header.getY() + (header.getHeight() - 18) / 2;
    c.copy = { header.getRight() - 16 - 22, top, 22, 18 };
    c.audition = { c.copy.getX() - 4 - 22, top, 22, 18 };
    c.name = { header.getX() + 22, header.getY() + 2, c.audition.getX() - 4 - header.getX() - 22, header.getHeight() - 4 };
    return c;
}

void AlternateLanePainter::paintHeader (juce::Graphics& g, const session::Playlist& playlist, juce::Rectangle<int> header,
                                        const State& state)
{
    g.setColour (theme::headerBackground.darker (0.25f));
    g.fillRect (header);
    g.setColour (theme::laneSeparator);
    g.fillRect (header.getX(), header.getBottom() - 1, header.getWidth(), 1);
    // A thin bracket ties the lanes to their track's row above.
    g.setColour (theme::textSecondary.withAlpha (0.5f));
    g.fillRect (header.getX() + 10, header.getY(), 2, header.getHeight());

    const auto c = controls (header);
    g.setColour (theme::textSecondary);
    g.setFont (theme::uiFont (12.5f));
    g.drawText (juce::String::fromUTF8 (playlist.name.c_str()), c.name, juce::Justification::centredLeft, true);

    const auto button = [&] (juce::Rectangle<int> r, const juce::String& text, bool lit, bool enabled) {
        g.setColour (lit ? juce::Colour (0xffe8c547) : theme::headerBackground.brighter (0.15f));
        g.fillRoundedRectangle (r.toFloat(), 3.0f);
        g.setColour (lit ? juce::Colours::black : (enabled ? theme::textPrimary : theme::textSecondary.withAlpha (0.5f)));
        g.setFont (theme::uiFont (12.0f, true));
        g.drawText (text, r, juce::Justification::centred, false);
    };
    button (c.audition, "S", state.auditioning, true);
    button (c.copy, juce::String::fromUTF8 ("\xe2\x96\xb2"), false, state.hasSelection); // ▲
}

void AlternateLanePainter::paintBackground (juce::Graphics& g, juce::Rectangle<int> lane)
{
    g.setColour (theme::laneBackground.darker (0.35f));
    g.fillRect (lane);
    g.setColour (theme::laneSeparator);
    g.fillRect (lane.getX(), lane.getBottom() - 1, lane.getWidth(), 1);
}

void AlternateLanePainter::paintDim (juce::Graphics& g, juce::Rectangle<int> lane, const State& state)
{
    if (state.auditioning)
        return;
    g.setColour (juce::Colours::black.withAlpha (0.45f));
    g.fillRect (lane);
}
} // namespace sprocket::app
