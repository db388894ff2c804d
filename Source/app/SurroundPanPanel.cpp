#include "SurroundPanPanel.h"

#include "Theme.h"

#include "engine/SurroundPanner.h"

#include <cmath>

namespace sprocket::app
{
namespace
{
    constexpr int headerHeight = 40;
    constexpr int margin = 8;
    constexpr int rowHeight = 24;
    constexpr int labelWidth = 70;
    constexpr int readoutHeight = 18;
    constexpr double lfeFloorDb = -60.0; // the slider's bottom, shown and stored as no send
    constexpr double noLfeDb = -144.0;

    struct SpeakerPlace
    {
        int channel;
        const char* name;
        double x, y;
    };

    /** Where the engine's panner puts each full-range speaker (engine/SurroundPanner.h). */
    std::vector<SpeakerPlace> speakersOf (int channels)
    {
        std::vector<SpeakerPlace> speakers { { 0, "L", -1, 1 }, { 2, "C", 0, 1 }, { 1, "R", 1, 1 } };
        if (channels == 8)
            speakers.insert (speakers.end(),
                             { { 4, "Lss", -1, 0 }, { 5, "Rss", 1, 0 }, { 6, "Lrs", -1, -1 }, { 7, "Rrs", 1, -1 } });
        else
            speakers.insert (speakers.end(), { { 4, "Ls", -1, -1 }, { 5, "Rs", 1, -1 } });
        return speakers;
    }

    engine::SurroundPosition enginePosition (const session::SurroundPan& p, double x)
    {
        return { x, p.y, p.divergence, p.centrePercent, p.lfeDb };
    }

    double hundredths (double value)
    {
        return std::round (value * 100.0) / 100.0;
    }
} // namespace

SurroundPanPanel::SurroundPanPanel (const session::SurroundPan& p, int room, int source, const juce::String& strip,
                                    const juce::String& destination)
    : position (p), roomChannels (room == 8 ? 8 : 6), sourceChannels (source == 2 ? 2 : 1), stripName (strip),
      destinationName (destination)
{
    setOpaque (true);
    setUpSlider (divergence, 0.0, 100.0, 1.0);
    divergence.setTextValueSuffix (" %");
    setUpSlider (centre, 0.0, 100.0, 1.0);
    centre.setTextValueSuffix (" %");
    setUpSlider (lfe, lfeFloorDb, 0.0, 0.5);
    lfe.textFromValueFunction = [] (double db) {
        return db <= lfeFloorDb ? juce::String ("-inf") : juce::String (db, 1) + " dB";
    };
    lfe.valueFromTextFunction = [] (const juce::String& text) {
        return text.trim().startsWithIgnoreCase ("-inf") ? lfeFloorDb : text.getDoubleValue();
    };
    for (auto* label : { &divergenceLabel, &centreLabel, &lfeLabel })
    {
        label->setFont (theme::uiFont (11.0f));
        label->setColour (juce::Label::textColourId, theme::textSecondary);
        addAndMakeVisible (*label);
    }
    addAndMakeVisible (close);
    close.onClick = [this] {
        if (onClose)
            onClose();
    };
    setPosition (p);
    setSize (width, height);
}

void SurroundPanPanel::setUpSlider (juce::Slider& slider, double low, double high, double interval)
{
    slider.setSliderStyle (juce::Slider::LinearHorizontal);
    slider.setTextBoxStyle (juce::Slider::TextBoxRight, false, 58, 18);
    slider.setRange (low, high, interval);
    slider.setDoubleClickReturnValue (false, 0.0);
    slider.onDragStart = [this] { draggingSlider = true; };
    slider.onDragEnd = [this] {
        draggingSlider = false;
        report (true);
    };
    slider.onValueChange = [this] {
        position.divergence = divergence.getValue() / 100.0;
        position.centrePercent = centre.getValue();
        position.lfeDb = lfe.getValue() <= lfeFloorDb ? noLfeDb : lfe.getValue();
        repaint();
        report (! draggingSlider); // a typed or stepped value is a whole gesture
    };
    addAndMakeVisible (slider);
}

void SurroundPanPanel::setPosition (const session::SurroundPan& p)
{
    if (draggingPuck || draggingSlider)
        return;
    position = p;
    divergence.setValue (p.divergence * 100.0, juce::dontSendNotification);
    centre.setValue (p.centrePercent, juce::dontSendNotification);
    lfe.setValue (std::max (p.lfeDb, lfeFloorDb), juce::dontSendNotification);
    repaint();
}

juce::Rectangle<float> SurroundPanPanel::getRoomArea() const
{
    const int side = width - 2 * margin - 24; // room for the speaker names around it
    return juce::Rectangle<float> (float (side), float (side))
        .withCentre ({ float (width) / 2.0f, float (headerHeight + margin + 12 + side / 2) });
}

juce::Point<float> SurroundPanPanel::pointAt (double x, double y) const
{
    const auto room = getRoomArea();
    return { room.getCentreX() + float (x) * room.getWidth() / 2.0f, room.getCentreY() - float (y) * room.getHeight() / 2.0f };
}

juce::Point<double> SurroundPanPanel::positionAt (juce::Point<float> point) const
{
    const auto room = getRoomArea();
    const double x = (point.x - room.getCentreX()) / (room.getWidth() / 2.0f);
    const double y = (room.getCentreY() - point.y) / (room.getHeight() / 2.0f);
    return { hundredths (std::clamp (x, -1.0, 1.0)), hundredths (std::clamp (y, -1.0, 1.0)) };
}

std::vector<float> SurroundPanPanel::speakerShares() const
{
    std::vector<float> shares (size_t (roomChannels), 0.0f);
    for (int side = 0; side < sourceChannels; ++side)
    {
        const double x = sourceChannels == 2 ? std::clamp (position.x + (side == 0 ? -1.0 : 1.0), -1.0, 1.0) : position.x;
        const auto gains = engine::surroundPanGains (roomChannels, enginePosition (position, x));
        for (int c = 0; c < roomChannels; ++c)
            shares[size_t (c)] += gains[size_t (c)] * gains[size_t (c)] / float (sourceChannels);
    }
    return shares;
}

void SurroundPanPanel::paint (juce::Graphics& g)
{
    g.fillAll (theme::headerBackgroundAlt);
    auto header = getLocalBounds().removeFromTop (headerHeight);
    g.setColour (juce::Colour (0xff2f3d4a));
    g.fillRect (header);
    header = header.reduced (margin, 2);
    header.removeFromRight (28);
    g.setColour (theme::textSecondary);
    g.setFont (theme::uiFont (11.0f));
    g.drawFittedText (stripName + " surround pan", header.removeFromTop (header.getHeight() / 2),
                      juce::Justification::centredLeft, 1, 0.8f);
    g.setColour (theme::textPrimary);
    g.setFont (theme::uiFont (13.0f, true));
    g.drawFittedText (juce::String::fromUTF8 ("\xe2\x86\x92 ") + destinationName + (roomChannels == 8 ? " 7.1" : " 5.1"), header,
                      juce::Justification::centredLeft, 1, 0.8f);

    paintRoom (g);

    auto readout = getLocalBounds().removeFromBottom (readoutHeight + margin).reduced (margin, 0).withTrimmedBottom (margin);
    g.setColour (theme::textSecondary);
    g.setFont (theme::monoFont (11.0f));
    g.drawText ("x " + juce::String (position.x, 2) + "   y " + juce::String (position.y, 2), readout,
                juce::Justification::centred, false);
    g.setColour (theme::laneSeparator);
    g.drawRect (getLocalBounds());
}

void SurroundPanPanel::paintRoom (juce::Graphics& g) const
{
    const auto room = getRoomArea();
    g.setColour (juce::Colour (0xff0e0e10));
    g.fillRect (room);
    g.setColour (theme::tick);
    g.drawRect (room, 1.0f);
    g.drawLine (room.getCentreX(), room.getY(), room.getCentreX(), room.getBottom(), 0.5f);
    g.drawLine (room.getX(), room.getCentreY(), room.getRight(), room.getCentreY(), 0.5f);
    // The screen along the front wall, between L and R.
    g.setColour (theme::textSecondary.withAlpha (0.5f));
    g.fillRect (room.withHeight (2.0f).reduced (room.getWidth() * 0.12f, 0.0f).translated (0.0f, 2.0f));

    // Speakers, lit by their share; the share's dB beside each.
    const auto shares = speakerShares();
    g.setFont (theme::monoFont (9.0f));
    for (auto& speaker : speakersOf (roomChannels))
    {
        const auto share = shares[size_t (speaker.channel)];
        const auto at = pointAt (speaker.x, speaker.y);
        const auto box = juce::Rectangle<float> (12.0f, 12.0f).withCentre (at);
        g.setColour (juce::Colour (0xff3a3a40).interpolatedWith (juce::Colour (0xff6fcf6f), std::sqrt (share)));
        g.fillRect (box);
        g.setColour (theme::textPrimary);
        g.drawText (speaker.name, box.translated (0.0f, speaker.y > 0 ? -13.0f : 13.0f).expanded (10.0f, 0.0f),
                    juce::Justification::centred, false);
        const auto db = share > 1.0e-7f ? juce::String (10.0 * std::log10 (share), 1) : juce::String ("-inf");
        auto label = box.translated (speaker.x < 0 ? 22.0f : (speaker.x > 0 ? -22.0f : 0.0f), speaker.y > 0 ? 12.0f : -12.0f)
                         .expanded (12.0f, 0.0f);
        if (speaker.x == 0)
            label = label.translated (0.0f, 2.0f);
        g.setColour (theme::textSecondary);
        g.drawText (db, label, juce::Justification::centred, false);
    }

    // The source: one puck, and for a stereo source its two sides.
    if (sourceChannels == 2)
    {
        g.setColour (juce::Colours::white.withAlpha (0.6f));
        for (double side : { -1.0, 1.0 })
            g.drawEllipse (
                juce::Rectangle<float> (9.0f, 9.0f).withCentre (pointAt (std::clamp (position.x + side, -1.0, 1.0), position.y)),
                1.5f);
    }
    const auto puck = pointAt (position.x, position.y);
    if (position.divergence > 0.0)
    {
        // How far the image spreads, inside the room.
        juce::Graphics::ScopedSaveState clipped (g);
        g.reduceClipRegion (room.toNearestInt());
        g.setColour (juce::Colours::white.withAlpha (0.12f));
        const float radius = 8.0f + float (position.divergence) * room.getWidth() / 2.0f;
        g.fillEllipse (juce::Rectangle<float> (2.0f * radius, 2.0f * radius).withCentre (puck));
    }
    g.setColour (theme::colourForBus ("DX"));
    g.fillEllipse (juce::Rectangle<float> (12.0f, 12.0f).withCentre (puck));
    g.setColour (juce::Colours::white);
    g.drawEllipse (juce::Rectangle<float> (12.0f, 12.0f).withCentre (puck), 1.5f);
}

void SurroundPanPanel::resized()
{
    auto area = getLocalBounds();
    close.setBounds (area.removeFromTop (headerHeight).removeFromRight (30).reduced (3, 9));
    area.removeFromBottom (readoutHeight + margin);
    area.setTop (juce::roundToInt (getRoomArea().getBottom()) + 22);
    area.reduce (margin, 0);
    for (auto [label, slider] : { std::pair { &divergenceLabel, &divergence }, { &centreLabel, &centre }, { &lfeLabel, &lfe } })
    {
        auto row = area.removeFromTop (rowHeight);
        label->setBounds (row.removeFromLeft (labelWidth));
        slider->setBounds (row);
        area.removeFromTop (2);
    }
}

void SurroundPanPanel::mouseDown (const juce::MouseEvent& e)
{
    if (! getRoomArea().expanded (8.0f).contains (e.position))
        return;
    if (e.mods.isAltDown())
    {
        mouseDoubleClick (e);
        return;
    }
    draggingPuck = true;
    moveTo (e.position);
}

void SurroundPanPanel::mouseDrag (const juce::MouseEvent& e)
{
    if (draggingPuck)
        moveTo (e.position);
}

void SurroundPanPanel::mouseUp (const juce::MouseEvent&)
{
    if (! draggingPuck)
        return;
    draggingPuck = false;
    report (true);
}

void SurroundPanPanel::mouseDoubleClick (const juce::MouseEvent& e)
{
    if (! getRoomArea().expanded (8.0f).contains (e.position))
        return;
    // Back to the centre of the screen, as Pro Tools' alt-click on the panner does.
    draggingPuck = false;
    position.x = 0.0;
    position.y = 1.0;
    repaint();
    report (true);
}

void SurroundPanPanel::moveTo (juce::Point<float> point)
{
    const auto at = positionAt (point);
    if (at.x == position.x && at.y == position.y)
        return;
    position.x = at.x;
    position.y = at.y;
    repaint();
    report (false);
}

void SurroundPanPanel::report (bool commit)
{
    if (onChange)
        onChange (position, commit);
}
} // namespace sprocket::app
