#include "PanControl.h"

#include "Theme.h"

#include <cmath>

namespace sprocket::app
{
void PanControl::setMode (Mode newMode)
{
    if (newMode != mode)
    {
        mode = newMode;
        repaint();
    }
}

void PanControl::setPan (double newPan)
{
    if (! dragging && newPan != pan)
    {
        pan = newPan;
        repaint();
    }
}

void PanControl::setSurroundPan (const session::SurroundPan& position)
{
    if (! (position == surround))
    {
        surround = position;
        repaint();
    }
}

juce::String PanControl::panText (double value)
{
    const int hundredths = juce::roundToInt (value * 100.0);
    if (hundredths == 0)
        return "C";
    return hundredths < 0 ? "<" + juce::String (-hundredths) : juce::String (hundredths) + ">";
}

void PanControl::paint (juce::Graphics& g)
{
    auto area = getLocalBounds().reduced (4, 2);
    g.setFont (theme::monoFont (10.0f));
    if (mode == Mode::none)
        return;

    if (mode == Mode::stereo)
    {
        g.setColour (theme::textPrimary);
        g.drawText (panText (pan), area.removeFromTop (12), juce::Justification::centred, false);
        const auto bar = area.withSizeKeepingCentre (area.getWidth(), 8).toFloat();
        g.setColour (juce::Colour (0xff0e0e10));
        g.fillRoundedRectangle (bar, 3.0f);
        const auto centre = bar.getCentreX();
        const auto x = centre + float (pan) * bar.getWidth() / 2.0f;
        g.setColour (theme::colourForBus ("DX").withAlpha (0.8f));
        g.fillRect (juce::Rectangle<float>::leftTopRightBottom (std::min (x, centre), bar.getY() + 1.0f, std::max (x, centre),
                                                                bar.getBottom() - 1.0f));
        g.setColour (theme::tick);
        g.drawVerticalLine (juce::roundToInt (centre), bar.getY() - 2.0f, bar.getBottom() + 2.0f);
        g.setColour (juce::Colours::white);
        g.fillRect (x - 1.5f, bar.getY() - 1.0f, 3.0f, bar.getHeight() + 2.0f);
        return;
    }

    // Surround: the room seen from above, screen at the top; the read-out beside it.
    const int side = std::min (area.getHeight(), 30);
    auto room = area.removeFromLeft (side).withSizeKeepingCentre (side, side).toFloat();
    g.setColour (juce::Colour (0xff0e0e10));
    g.fillRect (room);
    g.setColour (theme::tick);
    g.drawRect (room, 1.0f);
    g.drawHorizontalLine (juce::roundToInt (room.getY()) + 1, room.getX() + 3.0f, room.getRight() - 3.0f);
    const auto dot = juce::Point<float> (room.getCentreX() + float (surround.x) * (room.getWidth() / 2.0f - 3.0f),
                                         room.getCentreY() - float (surround.y) * (room.getHeight() / 2.0f - 3.0f));
    g.setColour (juce::Colours::white);
    g.fillEllipse (juce::Rectangle<float> (5.0f, 5.0f).withCentre (dot));
    area.removeFromLeft (4);
    g.setColour (theme::textSecondary);
    const auto line = [] (const char* axis, double v) { return juce::String (axis) + " " + juce::String (v, 2); };
    g.drawText (line ("x", surround.x), area.removeFromTop (area.getHeight() / 2), juce::Justification::bottomLeft, false);
    g.drawText (line ("y", surround.y), area, juce::Justification::topLeft, false);
}

void PanControl::mouseDown (const juce::MouseEvent& e)
{
    if (mode == Mode::surround && onOpenSurround)
        onOpenSurround();
    if (mode != Mode::stereo)
        return;
    if (e.mods.isAltDown())
    {
        mouseDoubleClick (e); // alt+click centres, as in Pro Tools
        return;
    }
    dragging = true;
    gestureStartPan = pan;
}

void PanControl::mouseDrag (const juce::MouseEvent& e)
{
    if (! dragging)
        return;
    // The bar's width is the whole travel, left wall to right wall; hundredths, as shown.
    const double travel = std::max (1, getWidth() - 8);
    const auto value =
        std::round (std::clamp (gestureStartPan + 2.0 * e.getDistanceFromDragStartX() / travel, -1.0, 1.0) * 100.0) / 100.0;
    if (value == pan)
        return;
    pan = value;
    repaint();
    if (onDrag)
        onDrag (pan);
}

void PanControl::mouseUp (const juce::MouseEvent&)
{
    if (! dragging)
        return;
    dragging = false;
    if (pan != gestureStartPan && onCommit)
        onCommit (pan);
}

void PanControl::mouseDoubleClick (const juce::MouseEvent&)
{
    dragging = false;
    if (mode != Mode::stereo || pan == 0.0)
        return;
    pan = 0.0;
    repaint();
    if (onCommit)
        onCommit (pan);
}
} // namespace sprocket::app
