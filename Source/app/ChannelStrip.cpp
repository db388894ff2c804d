#include "ChannelStrip.h"

#include "DbScale.h"
#include "Theme.h"

#include <utility>

namespace sprocket::app
{
namespace
{
    constexpr int nameHeight = 22;
    constexpr int badgeHeight = 16;
    constexpr int slotHeight = 16;
    constexpr int panHeight = 36;
    constexpr int switchHeight = 20;
    constexpr int readoutHeight = 20;
    constexpr int margin = 4;
    constexpr int sendGap = 4;

    juce::String text (const std::string& s)
    {
        return juce::String::fromUTF8 (s.c_str());
    }

    /** The first free slot of a section says what a click there adds, so the empty insert and
        send areas read apart. */
    void drawEmptySlotHint (juce::Graphics& g, juce::Rectangle<int> slot, const juce::String& what)
    {
        g.setColour (theme::textSecondary.withAlpha (0.45f));
        g.setFont (theme::uiFont (9.5f));
        g.drawText ("+ " + what, slot.reduced (3, 0), juce::Justification::centredLeft, false);
    }
} // namespace

ChannelStrip::ChannelStrip()
{
    setOpaque (true);
    addAndMakeVisible (fader);
    addAndMakeVisible (meter);
    addAndMakeVisible (panControl);
    meter.onTruePeakHoldChanged = [this] { repaint (getTruePeakReadoutArea()); };
    fader.onDrag = [this] (double db) {
        repaint (getLocalBounds().removeFromBottom (readoutHeight));
        if (onGain)
            onGain (db, false);
    };
    fader.onCommit = [this] (double db) {
        repaint (getLocalBounds().removeFromBottom (readoutHeight));
        if (onGain)
            onGain (db, true);
    };
    panControl.onDrag = [this] (double pan) {
        if (onPan)
            onPan (pan, false);
    };
    panControl.onCommit = [this] (double pan) {
        if (onPan)
            onPan (pan, true);
    };
    panControl.onOpenSurround = [this] {
        if (onOpenSurroundPan)
            onOpenSurroundPan();
    };
}

void ChannelStrip::setInfo (const StripInfo& newInfo)
{
    if (newInfo == info)
        return;
    info = newInfo;
    fader.setDb (info.gainDb);
    meter.setChannels (std::max (1, info.channels));
    meter.setVisible (info.ref.kind != session::StripRef::Kind::vca); // a VCA has no audio to meter
    panControl.setMode (info.panKind == StripInfo::PanKind::stereo     ? PanControl::Mode::stereo
                        : info.panKind == StripInfo::PanKind::surround ? PanControl::Mode::surround
                                                                       : PanControl::Mode::none);
    panControl.setPan (info.pan);
    panControl.setSurroundPan (info.surroundPan);
    resized(); // the meter's width follows the channel count
    repaint();
}

juce::String ChannelStrip::getGainText() const
{
    return DbScale::format (fader.getDb());
}

juce::String ChannelStrip::getTruePeakText() const
{
    return meter.isVisible() ? meter.getTruePeakText() : juce::String();
}

juce::Rectangle<int> ChannelStrip::getGainReadoutArea() const
{
    // Metered strips split the row in two boxes of 37-38 px at the 86 px width, wide enough for
    // "-12.5" in the 10 px monospaced font (6 px a character); a VCA's gain has the row.
    auto row = getLocalBounds().removeFromBottom (readoutHeight).reduced (margin, 2);
    if (! meter.isVisible())
        return row.reduced (6, 0);
    return row.removeFromLeft ((row.getWidth() - 3) / 2);
}

juce::Rectangle<int> ChannelStrip::getTruePeakReadoutArea() const
{
    if (! meter.isVisible())
        return {};
    auto row = getLocalBounds().removeFromBottom (readoutHeight).reduced (margin, 2);
    return row.removeFromRight ((row.getWidth() - 3) - (row.getWidth() - 3) / 2);
}

juce::Rectangle<int> ChannelStrip::getInsertSlotArea (size_t index) const
{
    return { margin, nameHeight + badgeHeight + 2 + int (index) * slotHeight, getWidth() - 2 * margin, slotHeight - 1 };
}

juce::Rectangle<int> ChannelStrip::getSendSlotArea (size_t index) const
{
    // Below the inserts, as in Pro Tools, after a small gap.
    return getInsertSlotArea (size_t (insertSlots) + index).translated (0, sendGap);
}

juce::Rectangle<int> ChannelStrip::getAutomationModeArea() const
{
    return getSendSlotArea (size_t (sendSlots) - 1).translated (0, slotHeight + 3);
}

int ChannelStrip::panTop() const
{
    return getAutomationModeArea().getBottom() + 3;
}

juce::Rectangle<int> ChannelStrip::getNameArea() const
{
    return { 0, 0, getWidth() - 1, nameHeight };
}

juce::Rectangle<int> ChannelStrip::getRecordButtonArea() const
{
    // R, M, S side by side, as on the track header.
    const int top = panTop() + panHeight + 2;
    const int third = (getWidth() - 2 * margin - 6) / 3;
    return { margin, top, third, switchHeight };
}

juce::Rectangle<int> ChannelStrip::getMuteButtonArea() const
{
    return getRecordButtonArea().translated (getRecordButtonArea().getWidth() + 3, 0);
}

juce::Rectangle<int> ChannelStrip::getSoloButtonArea() const
{
    return getMuteButtonArea().translated (getMuteButtonArea().getWidth() + 3, 0);
}

void ChannelStrip::resized()
{
    panControl.setBounds (0, panTop(), getWidth(), panHeight);
    const int faderTop = getMuteButtonArea().getBottom() + 6;
    auto area = juce::Rectangle<int> (margin, faderTop, getWidth() - 2 * margin, getHeight() - faderTop - readoutHeight);
    // The meter: 12 px for mono and stereo (two 5 px bars), 3 px a bar for 5.1 and 7.1.
    const int meterWidth = info.channels <= 2 ? 12 : std::min (24, 3 * info.channels + info.channels - 1);
    meter.setBounds (area.removeFromRight (meterWidth)
                         .withTrimmedTop (FaderComponent::capHeight / 2 - 8)
                         .withTrimmedBottom (FaderComponent::capHeight / 2));
    area.removeFromRight (2);
    fader.setBounds (area);
}

void ChannelStrip::paint (juce::Graphics& g)
{
    const bool isMaster = info.ref.kind == session::StripRef::Kind::master;
    g.fillAll (isMaster ? theme::headerBackgroundAlt : theme::headerBackground);
    g.setColour (theme::laneSeparator);
    g.drawVerticalLine (getWidth() - 1, 0.0f, float (getHeight()));

    // The name on its department's colour.
    const auto colour = isMaster                ? juce::Colour (0xffc8c8d0)
                        : ! info.colour.empty() ? theme::colourFromText (info.colour)
                                                : theme::colourForBus (info.colourId);
    auto nameBar = juce::Rectangle<int> (0, 0, getWidth() - 1, nameHeight);
    g.setColour (theme::clipBodyFor (colour));
    g.fillRect (nameBar);
    g.setColour (colour);
    g.fillRect (nameBar.removeFromTop (3));
    g.setColour (theme::textPrimary);
    g.setFont (theme::uiFont (12.0f, true));
    g.drawFittedText (text (info.name), nameBar.reduced (3, 0), juce::Justification::centred, 1, 0.8f);

    // Format badge, then where it goes.
    auto badgeRow = juce::Rectangle<int> (margin, nameHeight + 1, getWidth() - 2 * margin, badgeHeight - 2);
    const auto badge = info.ref.kind == session::StripRef::Kind::vca ? juce::String ("VCA") : text (formatBadge (info.channels));
    g.setFont (theme::uiFont (10.0f, true));
    const int badgeWidth = std::min (badgeRow.getWidth() / 2, g.getCurrentFont().getStringWidth (badge) + 8);
    auto badgeArea = badgeRow.removeFromLeft (badgeWidth);
    g.setColour (info.channels >= 6 ? juce::Colour (0xff6a5a2a) : juce::Colour (0xff3c3c44));
    g.fillRoundedRectangle (badgeArea.toFloat(), 3.0f);
    g.setColour (theme::textPrimary);
    g.drawText (badge, badgeArea, juce::Justification::centred, false);
    if (! info.output.empty())
    {
        g.setColour (theme::textSecondary);
        g.setFont (theme::uiFont (10.0f));
        // A VCA's line counts its members; it sends nothing anywhere.
        const auto arrow =
            isMaster || info.ref.kind == session::StripRef::Kind::vca ? juce::String() : juce::String::fromUTF8 ("\xe2\x86\x92 ");
        g.drawFittedText (arrow + text (info.output), badgeRow.withTrimmedLeft (3), juce::Justification::centredRight, 1, 0.8f);
    }

    // Insert slots: the name, dimmed and struck through when bypassed; empty slots stay dark.
    // The master has neither inserts nor sends.
    g.setFont (theme::uiFont (10.0f));
    for (size_t i = 0; info.hasInserts && i < size_t (insertSlots); ++i)
    {
        const auto slot = getInsertSlotArea (i);
        g.setColour (juce::Colour (0xff202024));
        g.fillRect (slot);
        if (i >= info.inserts.size())
        {
            if (i == info.inserts.size())
                drawEmptySlotHint (g, slot, "insert");
            continue;
        }
        const auto& insert = info.inserts[i];
        const bool lastShown = i + 1 == size_t (insertSlots) && info.inserts.size() > size_t (insertSlots);
        auto label = lastShown ? "+" + juce::String (info.inserts.size() - i) + " more" : text (insert.name);
        g.setColour (insert.bypass ? juce::Colour (0xff2a2a30) : juce::Colour (0xff34405a));
        g.fillRect (slot);
        g.setColour (insert.bypass ? theme::textSecondary.withAlpha (0.7f) : theme::textPrimary);
        g.drawFittedText (label, slot.reduced (3, 0), juce::Justification::centredLeft, 1, 0.8f);
        if (insert.bypass && ! lastShown)
        {
            g.setColour (theme::textSecondary.withAlpha (0.7f));
            g.drawHorizontalLine (slot.getCentreY(), float (slot.getX() + 3), float (slot.getRight() - 3));
        }
    }

    // Send slots: the destination's name and the level; muted ones dimmed and struck through,
    // pre-fader ones on a lighter ground.
    for (size_t i = 0; info.hasInserts && i < size_t (sendSlots); ++i)
    {
        const auto slot = getSendSlotArea (i);
        g.setColour (juce::Colour (0xff1c1c20));
        g.fillRect (slot);
        if (i >= info.sends.size())
        {
            if (i == info.sends.size())
                drawEmptySlotHint (g, slot, "send");
            continue;
        }
        const auto& send = info.sends[i];
        g.setColour (send.mute       ? juce::Colour (0xff2a2a30)
                     : send.preFader ? juce::Colour (0xff3e5a46)
                                     : juce::Colour (0xff2f4a38));
        g.fillRect (slot);
        g.setColour (send.mute ? theme::textSecondary.withAlpha (0.7f) : theme::textPrimary);
        auto inner = slot.reduced (3, 0);
        const auto level = DbScale::format (send.gainDb);
        g.setFont (theme::monoFont (9.5f));
        const int levelWidth = g.getCurrentFont().getStringWidth (level) + 2;
        g.drawText (level, inner.removeFromRight (levelWidth), juce::Justification::centredRight, false);
        g.setFont (theme::uiFont (10.0f));
        g.drawFittedText (text (send.busName), inner, juce::Justification::centredLeft, 1, 0.8f);
        if (send.mute)
            g.drawHorizontalLine (slot.getCentreY(), float (slot.getX() + 3), float (slot.getRight() - 3));
    }

    // The automation mode, lit red when a pass would write (as the track header's box).
    if (info.automationMode)
    {
        const auto mode = *info.automationMode;
        const bool writes = mode != session::AutomationMode::off && mode != session::AutomationMode::read;
        const auto area = getAutomationModeArea();
        g.setColour (writes ? juce::Colour (0xff5a2a2a) : juce::Colour (0xff26262b));
        g.fillRoundedRectangle (area.toFloat(), 2.0f);
        g.setColour (writes                                 ? juce::Colour (0xffff6a6a)
                     : mode == session::AutomationMode::off ? theme::textSecondary.withAlpha (0.6f)
                                                            : theme::textSecondary);
        g.setFont (theme::uiFont (10.0f));
        g.drawText (juce::String (std::string (session::automationModeName (mode))) + juce::String::fromUTF8 (" \xe2\x96\xbe"),
                    area, juce::Justification::centred, false);
    }

    // Record arm, mute and solo (tracks).
    if (info.hasSwitches)
    {
        const auto button = [&] (juce::Rectangle<int> area, const juce::String& label, bool on, juce::Colour lit) {
            g.setColour (on ? lit : juce::Colour (0xff3a3a40));
            g.fillRoundedRectangle (area.toFloat(), 3.0f);
            g.setColour (on ? juce::Colours::black : theme::textSecondary);
            g.setFont (theme::uiFont (11.0f, true));
            g.drawText (label, area, juce::Justification::centred, false);
        };
        button (getRecordButtonArea(), "R", info.recordArm, juce::Colour (0xffe04848));
        button (getMuteButtonArea(), "M", info.mute, juce::Colour (0xffe8c547));
        button (getSoloButtonArea(), "S", info.solo, juce::Colour (0xff5bb85d));
        if (info.soloSafe)
            theme::drawSoloSafe (g, getSoloButtonArea());
    }
    else if (info.muteOnly)
    {
        const auto area = getMuteButtonArea();
        g.setColour (info.mute ? juce::Colour (0xffe8c547) : juce::Colour (0xff3a3a40));
        g.fillRoundedRectangle (area.toFloat(), 3.0f);
        g.setColour (info.mute ? juce::Colours::black : theme::textSecondary);
        g.setFont (theme::uiFont (11.0f, true));
        g.drawText ("M", area, juce::Justification::centred, false);
    }

    // The gain read-out; "A" in its box before the value when a gain lane plays instead of the
    // fader (the fader still sets the value the lane replaces).
    const bool metered = meter.isVisible();
    auto readout = getGainReadoutArea();
    g.setColour (juce::Colour (0xff151517));
    g.fillRoundedRectangle (readout.toFloat(), 2.0f);
    if (info.gainAutomated)
    {
        g.setColour (theme::marker);
        g.setFont (theme::uiFont (10.0f, true));
        g.drawText ("A", readout.removeFromLeft (9).withTrimmedLeft (2), juce::Justification::centred, false);
    }
    g.setColour (fader.getDb() > 0.0 ? theme::warning : theme::textPrimary);
    g.setFont (theme::monoFont (metered ? 10.0f : 11.0f));
    g.drawFittedText (getGainText(), readout, juce::Justification::centred, 1, 0.8f);

    // The true-peak hold, in the meter's red once it is over 0 dBTP (the clip light is lit too).
    if (metered)
    {
        const auto box = getTruePeakReadoutArea();
        g.setColour (juce::Colour (0xff151517));
        g.fillRoundedRectangle (box.toFloat(), 2.0f);
        g.setColour (meter.getTruePeakHoldDb() > 0.0f ? juce::Colour (0xffe04848) : theme::textPrimary);
        g.setFont (theme::monoFont (10.0f));
        g.drawFittedText (getTruePeakText(), box, juce::Justification::centred, 1, 0.8f);
    }
}

ChannelStrip::Part ChannelStrip::partAt (juce::Point<int> point, size_t& slotIndex) const
{
    if (info.hasSwitches && getRecordButtonArea().contains (point))
        return Part::record;
    if ((info.hasSwitches || info.muteOnly) && getMuteButtonArea().contains (point))
        return Part::mute;
    if (info.hasSwitches && getSoloButtonArea().contains (point))
        return Part::solo;
    if (! info.hasInserts)
        return Part::none;
    for (size_t i = 0; i < size_t (insertSlots); ++i)
        if (getInsertSlotArea (i).contains (point))
        {
            slotIndex = i;
            if (i >= info.inserts.size())
                return Part::emptyInsert;
            // "+N more" is not one insert.
            return i + 1 == size_t (insertSlots) && info.inserts.size() > size_t (insertSlots) ? Part::none : Part::insert;
        }
    for (size_t i = 0; i < size_t (sendSlots); ++i)
        if (getSendSlotArea (i).contains (point))
        {
            slotIndex = i;
            return i < info.sends.size() ? Part::send : Part::emptySend;
        }
    if (info.automationMode && getAutomationModeArea().contains (point))
        return Part::automationMode;
    if (getNameArea().contains (point))
        return Part::name;
    return Part::none;
}

void ChannelStrip::mouseDown (const juce::MouseEvent& e)
{
    // A click on the true-peak read-out resets it (on the press, as the meter's clip light does).
    if (getTruePeakReadoutArea().contains (e.getPosition()) && ! e.mods.isPopupMenu())
    {
        pressed = Part::none;
        meter.resetTruePeakHold();
        return;
    }
    pressed = partAt (e.getPosition(), pressedInsert);
    pressedWithCtrl = e.mods.isCommandDown();
    if (pressed == Part::name && e.mods.isPopupMenu())
    {
        pressed = Part::none;
        if (onNameMenu)
            onNameMenu();
        return;
    }
    // The menus open on the press, as menus do; the release then does nothing more.
    if (pressed == Part::automationMode)
    {
        pressed = Part::none;
        if (onAutomationModeMenu)
            onAutomationModeMenu();
        return;
    }
    if (e.mods.isPopupMenu() || pressed == Part::emptyInsert || pressed == Part::emptySend)
    {
        const auto part = std::exchange (pressed, Part::none);
        if ((part == Part::insert || part == Part::emptyInsert) && onInsertMenu)
            onInsertMenu (pressedInsert);
        else if ((part == Part::send || part == Part::emptySend) && onSendMenu)
            onSendMenu (pressedInsert);
    }
}

void ChannelStrip::mouseDoubleClick (const juce::MouseEvent& e)
{
    size_t index = 0;
    if (partAt (e.getPosition(), index) == Part::name && onRenameRequest)
        onRenameRequest();
}

void ChannelStrip::mouseUp (const juce::MouseEvent& e)
{
    // A click: down and up on the same button.
    size_t index = 0;
    const auto part = partAt (e.getPosition(), index);
    const auto was = std::exchange (pressed, Part::none);
    // A used insert dragged onto another used slot moves there.
    if (was == Part::insert && part == Part::insert && index != pressedInsert)
    {
        if (onMoveInsert)
            onMoveInsert (pressedInsert, index);
        return;
    }
    if (part != was || ((part == Part::insert || part == Part::send) && index != pressedInsert))
        return;
    if (part == Part::record && onToggleRecordArm)
        onToggleRecordArm();
    else if (part == Part::solo && pressedWithCtrl && onToggleSoloSafe)
        onToggleSoloSafe();
    else if ((part == Part::mute || part == Part::solo) && onToggleSwitch)
        onToggleSwitch (part == Part::solo);
    else if (part == Part::insert && e.mods.isCommandDown())
    {
        if (onToggleInsert)
            onToggleInsert (index);
    }
    else if (part == Part::insert && onOpenInsert)
        onOpenInsert (index);
    else if (part == Part::send && onOpenSend)
        onOpenSend (index);
}
} // namespace sprocket::app
