#include "FaderComponent.h"

#include "DbScale.h"
#include "Theme.h"

namespace sprocket::app
{
FaderComponent::FaderComponent()
{
    setRepaintsOnMouseActivity (false);
}

void FaderComponent::setDb (double newDb)
{
    if (dragging || newDb == db)
        return;
    db = newDb;
    repaint();
}

float FaderComponent::travelLength() const
{
    return float (std::max (1, getHeight() - capHeight));
}

float FaderComponent::yForDb (double value) const
{
    const float top = float (capHeight) / 2.0f;
    return top + float (1.0 - DbScale::positionForDb (value)) * travelLength();
}

float FaderComponent::slotCentreX() const
{
    return float (scaleWidth) + float (getWidth() - scaleWidth) / 2.0f;
}

void FaderComponent::paint (juce::Graphics& g)
{
    // The scale: a tick and a label at each mark, right-aligned against the slot.
    g.setFont (theme::monoFont (10.0f));
    for (auto mark : DbScale::labelledDb())
    {
        const auto y = yForDb (mark);
        g.setColour (mark == 0.0 ? theme::textPrimary : theme::textSecondary);
        g.drawText (DbScale::format (mark, 0), juce::Rectangle<float> (0.0f, y - 6.0f, float (scaleWidth) - 3.0f, 12.0f),
                    juce::Justification::centredRight, false);
        g.setColour (theme::tick.withAlpha (0.6f));
        g.drawHorizontalLine (juce::roundToInt (y), float (scaleWidth) - 2.0f, float (scaleWidth) + 3.0f);
    }
    const auto bottom = yForDb (DbScale::minusInfinityDb);
    g.setColour (theme::textSecondary);
    g.drawText (DbScale::format (DbScale::minusInfinityDb, 0),
                juce::Rectangle<float> (0.0f, bottom - 6.0f, float (scaleWidth) - 3.0f, 12.0f), juce::Justification::centredRight,
                false);

    // The slot.
    const auto centreX = slotCentreX();
    g.setColour (juce::Colour (0xff0e0e10));
    g.fillRoundedRectangle (centreX - 2.0f, yForDb (DbScale::maxDb), 4.0f, bottom - yForDb (DbScale::maxDb), 2.0f);

    // The cap: a grey block with a line at its centre, where the value reads.
    const float capWidth = std::min (26.0f, float (getWidth() - scaleWidth) - 4.0f);
    const auto y = yForDb (db);
    const juce::Rectangle<float> cap (centreX - capWidth / 2.0f, y - float (capHeight) / 2.0f, capWidth, float (capHeight));
    g.setColour (dragging ? juce::Colour (0xffb8b8c0) : juce::Colour (0xff9a9aa2));
    g.fillRoundedRectangle (cap, 3.0f);
    g.setColour (juce::Colour (0xff5a5a62));
    for (float dy : { -8.0f, -4.0f, 4.0f, 8.0f })
        g.drawHorizontalLine (juce::roundToInt (y + dy), cap.getX() + 3.0f, cap.getRight() - 3.0f);
    g.setColour (juce::Colours::white);
    g.fillRect (cap.getX() + 1.0f, y - 1.0f, cap.getWidth() - 2.0f, 2.0f);
}

void FaderComponent::mouseDown (const juce::MouseEvent& e)
{
    if (e.mods.isAltDown())
    {
        // alt+click: Pro Tools' reset to 0 dB.
        mouseDoubleClick (e);
        return;
    }
    dragging = true;
    gestureStartDb = anchorDb = db;
    anchorY = e.position.y;
    anchorFine = e.mods.isCommandDown();
    repaint();
}

void FaderComponent::mouseDrag (const juce::MouseEvent& e)
{
    if (! dragging)
        return;
    const bool fine = e.mods.isCommandDown();
    if (fine != anchorFine)
    {
        // Pressing or letting go of ctrl mid-drag changes the speed from here, without a jump.
        anchorDb = db;
        anchorY = e.position.y;
        anchorFine = fine;
    }
    const double pixels = travelLength() * (fine ? fineRatio : 1.0);
    const double position = DbScale::positionForDb (anchorDb) - double (e.position.y - anchorY) / pixels;
    const auto value = DbScale::roundToTenth (DbScale::dbForPosition (position));
    if (value == db)
        return;
    db = value;
    repaint();
    if (onDrag)
        onDrag (db);
}

void FaderComponent::mouseUp (const juce::MouseEvent&)
{
    if (! dragging)
        return;
    dragging = false;
    repaint();
    if (db != gestureStartDb && onCommit)
        onCommit (db);
}

void FaderComponent::mouseDoubleClick (const juce::MouseEvent&)
{
    // A double-click is the habit of most mixers; alt+click (mouseDown) is Pro Tools'.
    dragging = false;
    if (db == 0.0)
        return;
    db = 0.0;
    repaint();
    if (onCommit)
        onCommit (db);
}
} // namespace sprocket::app
