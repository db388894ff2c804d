#include "MixerView.h"

#include "Theme.h"

#include "session/AutomationEdits.h"
#include "session/GroupEdits.h"
#include "session/MixEdits.h"
#include "session/TrackEdits.h"
#include "session/TrackListEdits.h"

#include <algorithm>
#include <utility>

namespace sprocket::app
{
namespace
{
    /** Between the scrolling strips and the printmaster. */
    constexpr int masterGap = 6;
    constexpr int scrollBarThickness = 12;
} // namespace

MixerView::MixerView (Host h) : host (std::move (h))
{
    presentMenu = [] (const juce::PopupMenu& menu, juce::Rectangle<int> target, std::function<void (int)> chosen) {
        juce::PopupMenu shown (menu);
        shown.showMenuAsync (juce::PopupMenu::Options().withTargetScreenArea (target), std::move (chosen));
    };
    setOpaque (true);
    viewport.setViewedComponent (&row, false);
    viewport.setScrollBarsShown (false, true);
    viewport.setScrollBarThickness (scrollBarThickness);
    addAndMakeVisible (viewport);
}

MixerView::~MixerView()
{
    viewport.setViewedComponent (nullptr, false);
}

ChannelStrip* MixerView::getStrip (size_t index) const
{
    return index < strips.size() ? strips[index].get() : nullptr;
}

ChannelStrip* MixerView::findStrip (const session::StripRef& ref) const
{
    for (auto& strip : strips)
        if (strip->getInfo().ref == ref)
            return strip.get();
    return nullptr;
}

void MixerView::sessionChanged()
{
    const auto* session = host.session ? host.session() : nullptr;
    const auto infos = session != nullptr ? mixerStripsFor (*session) : std::vector<StripInfo> {};
    previewed = false;

    bool sameStrips = infos.size() == strips.size();
    for (size_t i = 0; sameStrips && i < infos.size(); ++i)
        sameStrips = infos[i].ref == strips[i]->getInfo().ref;
    // Updating in place matters: an edit arrives from inside a strip's own mouse handler.
    if (sameStrips)
        for (size_t i = 0; i < infos.size(); ++i)
            strips[i]->setInfo (infos[i]);
    else
        rebuild (infos);
    refreshPanels();
}

void MixerView::rebuild (const std::vector<StripInfo>& infos)
{
    strips.clear();
    for (auto& info : infos)
    {
        auto strip = std::make_unique<ChannelStrip>();
        strip->setInfo (info);
        connect (*strip);
        if (info.ref.kind == session::StripRef::Kind::master)
            addAndMakeVisible (*strip);
        else
            row.addAndMakeVisible (*strip);
        strips.push_back (std::move (strip));
    }
    resized();
    repaint();
}

void MixerView::connect (ChannelStrip& strip)
{
    auto* s = &strip;
    strip.onGain = [this, s] (double db, bool commit) { gain (s->getInfo().ref, db, commit); };
    strip.onPan = [this, s] (double value, bool commit) { pan (s->getInfo().ref.id, value, commit); };
    strip.onToggleSwitch = [this, s] (bool solo) {
        const auto& info = s->getInfo();
        const auto id = info.ref.id;
        if (info.ref.kind == session::StripRef::Kind::vca)
            perform (info.mute ? "Unmute VCA" : "Mute VCA",
                     [id, on = ! info.mute] (session::SessionEditor& e) { return session::setVcaMute (e, id, on); });
        else if (solo)
            perform (info.solo ? "Unsolo" : "Solo",
                     [id, on = ! info.solo] (session::SessionEditor& e) { return session::setTrackSolo (e, id, on); });
        else
            perform (info.mute ? "Unmute" : "Mute",
                     [id, on = ! info.mute] (session::SessionEditor& e) { return session::setTrackMute (e, id, on); });
    };
    strip.onToggleRecordArm = [this, s] {
        const auto& info = s->getInfo();
        perform (
            info.recordArm ? "Record Disarm" : "Record Arm",
            [id = info.ref.id, on = ! info.recordArm] (session::SessionEditor& e) { return session::setRecordArm (e, id, on); });
    };
    strip.onToggleSoloSafe = [this, s] {
        const auto& info = s->getInfo();
        perform ("Solo Safe", [id = info.ref.id, on = ! info.soloSafe] (session::SessionEditor& e) {
            return session::setSoloSafe (e, id, on);
        });
    };
    strip.onRenameRequest = [this, s] { beginRename (s->getInfo().ref); };
    strip.onNameMenu = [this, s] {
        const auto ref = s->getInfo().ref;
        if (ref.kind == session::StripRef::Kind::master)
            return;
        nameMenu (ref).showMenuAsync (juce::PopupMenu::Options().withTargetComponent (s),
                                      [this, ref] (int id) { nameMenuChosen (ref, id); });
    };
    strip.onToggleInsert = [this, s] (size_t index) {
        const auto& info = s->getInfo();
        if (index >= info.inserts.size())
            return;
        const bool bypass = ! info.inserts[index].bypass;
        perform (bypass ? "Bypass Insert" : "Enable Insert", [ref = info.ref, index, bypass] (session::SessionEditor& e) {
            return session::setInsertBypass (e, ref, index, bypass);
        });
    };
    strip.onOpenInsert = [this, s] (size_t index) { openInsertEditor (s->getInfo().ref, index); };
    strip.onInsertMenu = [this, s] (size_t slot) { showInsertMenu (*s, slot); };
    strip.onMoveInsert = [this, s] (size_t from, size_t to) { moveInsert (s->getInfo().ref, from, to); };
    strip.onOpenSend = [this, s] (size_t index) { openSendPanel (s->getInfo().ref, index); };
    strip.onSendMenu = [this, s] (size_t slot) { showSendMenu (*s, slot); };
    strip.onOpenSurroundPan = [this, s] { openSurroundPanel (s->getInfo().ref); };
    strip.onAutomationModeMenu = [this, s] { showAutomationModeMenu (*s); };
}

void MixerView::gain (const session::StripRef& ref, double db, bool commit)
{
    if (host.automationGesture && host.automationGesture (ref, "gain_db", db, commit))
        return;
    // A fader group's members follow by the same dB (session::setStripGainLinked).
    const auto edit = [ref, db] (session::SessionEditor& e) { return session::setStripGainLinked (e, ref, db); };
    if (commit)
        perform (ref.kind == session::StripRef::Kind::vca ? "VCA Fader" : "Fader", edit);
    else
    {
        previewEdit (edit);
        // The linked faders move with the one in the hand while it drags.
        const auto* session = host.session ? host.session() : nullptr;
        if (session == nullptr)
            return;
        auto copy = *session;
        session::SessionEditor editor (copy);
        if (! edit (editor).ok())
            return;
        for (auto& strip : strips)
            if (! (strip->getInfo().ref == ref))
                if (const double moved = session::stripGain (copy, strip->getInfo().ref); moved != strip->getFader().getDb())
                    strip->getFader().setDb (moved);
    }
}

void MixerView::pan (const std::string& trackId, double value, bool commit)
{
    if (host.automationGesture && host.automationGesture (session::StripRef::track (trackId), "pan", value, commit))
        return;
    const auto edit = [trackId, value] (session::SessionEditor& e) { return session::setTrackPan (e, trackId, value); };
    if (commit)
        perform ("Pan", edit);
    else
        previewEdit (edit);
}

void MixerView::previewEdit (const session::EditHistory::Edit& edit)
{
    const auto* session = host.session ? host.session() : nullptr;
    if (session == nullptr || ! host.preview)
        return;
    // The same edit on a copy: what the engine plays while the fader moves; nothing is recorded.
    auto copy = *session;
    session::SessionEditor editor (copy);
    if (edit (editor).ok())
    {
        host.preview (copy);
        previewed = true;
    }
}

void MixerView::perform (const std::string& name, const session::EditHistory::Edit& edit)
{
    if (! host.perform)
        return;
    const auto status = host.perform (name, edit);
    if (! status.ok())
    {
        if (host.reportProblem)
            host.reportProblem (juce::String::fromUTF8 (status.error().message.c_str()));
        // The strips (and the engine, after a preview) go back to what the session says.
        const auto* session = host.session ? host.session() : nullptr;
        if (previewed && session != nullptr && host.preview)
            host.preview (*session);
        for (auto& strip : strips)
        {
            strip->getFader().setDb (strip->getInfo().gainDb);
            strip->getPanControl().setPan (strip->getInfo().pan);
        }
        sessionChanged();
    }
}

void MixerView::setLevels (const Levels& levels)
{
    size_t t = 0, b = 0;
    for (auto& strip : strips)
    {
        switch (strip->getInfo().ref.kind)
        {
            case session::StripRef::Kind::track:
                strip->setLevels (t < levels.tracks.size() ? levels.tracks[t] : StripLevels {});
                ++t;
                break;
            case session::StripRef::Kind::bus:
                strip->setLevels (b < levels.buses.size() ? levels.buses[b] : StripLevels {});
                ++b;
                break;
            case session::StripRef::Kind::master:
                strip->setLevels (levels.master);
                break;
            case session::StripRef::Kind::vca:
                break; // a VCA carries no audio of its own: no meter
        }
    }
}

namespace
{
    constexpr int defaultColourItem = 199, firstColourItem = 100;
    constexpr int newVcaItem = 2, newFaderGroupItem = 3, deleteGroupItem = 4, deleteBusItem = 5, firstJoinItem = 400,
                  firstLeaveItem = 600;
} // namespace

juce::PopupMenu MixerView::nameMenu (const session::StripRef& ref) const
{
    juce::PopupMenu menu;
    juce::PopupMenu colours;
    const auto* strip = findStrip (ref);
    const auto current = strip != nullptr ? strip->getInfo().colour : std::string();
    const auto& palette = theme::trackColourPalette();
    for (size_t i = 0; i < palette.size(); ++i)
    {
        const auto colour = juce::Colour (palette[i].second);
        colours.addColouredItem (firstColourItem + int (i), palette[i].first, colour, true,
                                 current == theme::colourToText (colour));
    }
    colours.addSeparator();
    colours.addItem (defaultColourItem,
                     ref.kind == session::StripRef::Kind::track ? "Bus Colour (default)" : "Stem Colour (default)");
    menu.addSubMenu ("Colour", colours);
    if (ref.kind == session::StripRef::Kind::track)
        menu.addItem (1, "Rename...");

    // Groups: make one with this strip, join or leave one; a VCA strip can be deleted.
    const auto* session = host.session ? host.session() : nullptr;
    if (session == nullptr)
        return menu;
    menu.addSeparator();
    if (ref.kind == session::StripRef::Kind::vca)
    {
        menu.addItem (deleteGroupItem, "Delete VCA");
        return menu;
    }
    menu.addItem (newVcaItem, "New VCA with This Strip", session->vcaOf (ref.id) == nullptr);
    menu.addItem (newFaderGroupItem, "New Fader Group with This Strip");
    for (size_t i = 0; i < session->groups.size(); ++i)
    {
        const auto& group = session->groups[i];
        const bool member = std::find (group.members.begin(), group.members.end(), ref.id) != group.members.end();
        const auto label = juce::String (group.kind == session::Group::Kind::vca ? "VCA " : "Fader Group ")
                           + juce::String::fromUTF8 (group.name.c_str());
        if (member)
            menu.addItem (firstLeaveItem + int (i), "Leave " + label);
        else
            menu.addItem (firstJoinItem + int (i), "Join " + label,
                          group.kind == session::Group::Kind::fader || session->vcaOf (ref.id) == nullptr);
    }
    if (ref.kind == session::StripRef::Kind::bus)
    {
        menu.addSeparator();
        menu.addItem (deleteBusItem, "Delete Bus");
    }
    return menu;
}

void MixerView::nameMenuChosen (const session::StripRef& ref, int id)
{
    const auto& palette = theme::trackColourPalette();
    if (id == 1)
        return beginRename (ref);
    if (id == newVcaItem || id == newFaderGroupItem)
    {
        const auto kind = id == newVcaItem ? session::Group::Kind::vca : session::Group::Kind::fader;
        return perform (kind == session::Group::Kind::vca ? "New VCA" : "New Fader Group",
                        [kind, member = ref.id] (session::SessionEditor& e) {
                            session::Group group;
                            group.kind = kind;
                            group.id = session::nextGroupId (e.session(), kind);
                            group.name =
                                kind == session::Group::Kind::vca ? "VCA " + group.id.substr (3) : "Group " + group.id.substr (5);
                            group.members = { member };
                            return session::addGroup (e, group);
                        });
    }
    if (id == deleteBusItem)
        return perform ("Delete Bus", [busId = ref.id] (session::SessionEditor& e) { return session::removeBus (e, busId); });
    if (id == deleteGroupItem)
        return perform ("Delete VCA",
                        [groupId = ref.id] (session::SessionEditor& e) { return session::deleteGroup (e, groupId); });
    if (id >= firstJoinItem && id < firstLeaveItem + 200)
    {
        const bool join = id < firstLeaveItem;
        const auto* session = host.session ? host.session() : nullptr;
        const auto index = size_t (id - (join ? firstJoinItem : firstLeaveItem));
        if (session == nullptr || index >= session->groups.size())
            return;
        const auto& group = session->groups[index];
        auto members = group.members;
        if (join)
            members.push_back (ref.id);
        else
            std::erase (members, ref.id);
        return perform (join ? "Join Group" : "Leave Group", [groupId = group.id, members] (session::SessionEditor& e) {
            return session::setGroupMembers (e, groupId, members);
        });
    }
    std::string colour;
    if (id >= firstColourItem && size_t (id - firstColourItem) < palette.size())
        colour = theme::colourToText (juce::Colour (palette[size_t (id - firstColourItem)].second));
    else if (id != defaultColourItem)
        return; // dismissed
    perform ("Colour", [ref, colour] (session::SessionEditor& e) { return session::setStripColour (e, ref, colour); });
}

void MixerView::beginRename (const session::StripRef& ref)
{
    auto* strip = findStrip (ref);
    if (strip == nullptr || ref.kind != session::StripRef::Kind::track)
        return;
    nameEditor = std::make_unique<juce::TextEditor>();
    auto& editor = *nameEditor;
    editor.setText (juce::String::fromUTF8 (strip->getInfo().name.c_str()), false);
    editor.setJustification (juce::Justification::centred);
    editor.setFont (theme::uiFont (12.0f, true));
    editor.selectAll();
    const auto finish = [this, id = ref.id] (bool commit) {
        if (nameEditor == nullptr)
            return;
        const auto name = nameEditor->getText().toStdString();
        // Deleted later: this runs inside the editor's own key or focus callback.
        juce::MessageManager::callAsync ([editor = std::shared_ptr<juce::TextEditor> (std::move (nameEditor))] {});
        if (commit)
            perform ("Rename Track", [id, name] (session::SessionEditor& e) { return session::renameTrack (e, id, name); });
    };
    editor.onReturnKey = [finish] { finish (true); };
    editor.onEscapeKey = [finish] { finish (false); };
    editor.onFocusLost = [finish] { finish (false); };
    strip->addAndMakeVisible (editor);
    editor.setBounds (strip->getNameArea().reduced (1, 3));
    editor.grabKeyboardFocus();
}

void MixerView::followAutomation (
    int64_t position, const std::function<std::optional<double> (const session::StripRef&, const std::string&)>& held)
{
    const auto* session = host.session ? host.session() : nullptr;
    if (session == nullptr)
        return;
    for (auto& strip : strips)
    {
        const auto& ref = strip->getInfo().ref;
        const auto valueOf = [&] (const std::string& key) -> std::optional<double> {
            if (held)
                if (auto value = held (ref, key))
                    return value;
            const auto mode = session::automationModeOf (*session, ref).value_or (session::AutomationMode::off);
            if (mode == session::AutomationMode::off)
                return std::nullopt;
            const auto* lane = session::findLane (*session, ref, key);
            if (lane == nullptr || lane->empty())
                return std::nullopt;
            return session::automationValueAt (*lane, position);
        };
        if (! strip->getFader().isDragging())
            if (auto db = valueOf ("gain_db"))
                strip->getFader().setDb (*db);
        if (strip->getInfo().panKind == StripInfo::PanKind::stereo && ! strip->getPanControl().isMouseButtonDown())
            if (auto pan = valueOf ("pan"))
                strip->getPanControl().setPan (*pan);
    }
}

void MixerView::paint (juce::Graphics& g)
{
    g.fillAll (theme::windowBackground);
    if (strips.empty())
    {
        g.setColour (theme::textSecondary);
        g.setFont (theme::uiFont (14.0f));
        g.drawText ("No session", getLocalBounds(), juce::Justification::centred, false);
    }
}

void MixerView::resized()
{
    auto area = getLocalBounds();
    ChannelStrip* master = strips.empty() ? nullptr : strips.back().get();
    if (master != nullptr && master->getInfo().ref.kind == session::StripRef::Kind::master)
    {
        master->setBounds (area.removeFromRight (ChannelStrip::width));
        area.removeFromRight (masterGap);
    }
    viewport.setBounds (area);

    const int count = int (strips.size()) - (master != nullptr ? 1 : 0);
    const int rowWidth = count * ChannelStrip::width;
    // The scroll bar takes its height only when the strips do not fit.
    const int rowHeight = area.getHeight() - (rowWidth > area.getWidth() ? scrollBarThickness : 0);
    row.setBounds (0, 0, std::max (rowWidth, 0), rowHeight);
    for (int i = 0; i < count; ++i)
        strips[size_t (i)]->setBounds (i * ChannelStrip::width, 0, ChannelStrip::width, rowHeight);
}
} // namespace sprocket::app
