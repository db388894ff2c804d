#include "MixerView.h"

#include "InsertMenu.h"
#include "Theme.h"

#include "session/InsertEdits.h"
#include "session/MixEdits.h"
#include "session/SendEdits.h"

#include <utility>

namespace sprocket::app
{
namespace
{
    /** Between the scrolling strips and the printmaster. */
    constexpr int masterGap = 6;
    constexpr int scrollBarThickness = 12;

    juce::String text (const std::string& s)
    {
        return juce::String::fromUTF8 (s.c_str());
    }

    const std::vector<session::Send>* sendsOf (const session::Session& s, const session::StripRef& ref)
    {
        if (ref.kind == session::StripRef::Kind::track)
            for (auto& t : s.tracks)
                if (t.id == ref.id)
                    return &t.sends;
        if (ref.kind == session::StripRef::Kind::bus)
            if (auto* bus = s.findBus (ref.id))
                return &bus->sends;
        return nullptr;
    }
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
        strip->setArmed (info.ref.kind == session::StripRef::Kind::track && armedTracks.contains (info.ref.id));
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
        if (solo)
            perform (info.solo ? "Unsolo" : "Solo",
                     [id, on = ! info.solo] (session::SessionEditor& e) { return session::setTrackSolo (e, id, on); });
        else
            perform (info.mute ? "Unmute" : "Mute",
                     [id, on = ! info.mute] (session::SessionEditor& e) { return session::setTrackMute (e, id, on); });
    };
    strip.onToggleRecordArm = [this, s] {
        if (host.toggleRecordArm)
            host.toggleRecordArm (s->getInfo().ref.id);
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
}

const session::Insert* MixerView::insertAt (const session::StripRef& ref, size_t slot) const
{
    const auto* session = host.session ? host.session() : nullptr;
    if (session == nullptr)
        return nullptr;
    const std::vector<session::Insert>* inserts = nullptr;
    if (ref.kind == session::StripRef::Kind::track)
        for (auto& t : session->tracks)
            if (t.id == ref.id)
                inserts = &t.inserts;
    if (ref.kind == session::StripRef::Kind::bus)
        if (auto* bus = session->findBus (ref.id))
            inserts = &bus->inserts;
    return inserts != nullptr && slot < inserts->size() ? &(*inserts)[slot] : nullptr;
}

void MixerView::showInsertMenu (ChannelStrip& strip, size_t slot)
{
    const auto ref = strip.getInfo().ref;
    const auto& inserts = strip.getInfo().inserts;
    const auto target = strip.localAreaToGlobal (strip.getInsertSlotArea (slot));
    juce::PopupMenu menu;
    if (slot < inserts.size())
    {
        // A used slot: what can be done to its insert (Pro Tools' insert menu, shortened).
        menu.addSectionHeader (text (inserts[slot].name));
        menu.addItem (openEditorItem, "Open Editor");
        menu.addItem (bypassItem, "Bypass", true, inserts[slot].bypass);
        menu.addItem (moveUpItem, "Move Up", slot > 0);
        menu.addItem (moveDownItem, "Move Down", slot + 1 < inserts.size());
        menu.addSeparator();
        menu.addItem (removeItem, "Remove");
    }
    else
        menu = InsertMenu::build();
    const bool used = slot < inserts.size();
    presentMenu (menu, target, [this, ref, slot, used] (int itemId) {
        if (itemId == 0)
            return;
        if (used)
            insertChosen (ref, slot, itemId);
        else if (const auto type = InsertMenu::typeFor (itemId); ! type.empty())
        {
            // An empty slot below the last insert adds after it: slots stay packed.
            const auto* shownStrip = findStrip (ref);
            const auto index = std::min (slot, shownStrip != nullptr ? shownStrip->getInfo().inserts.size() : 0);
            perform ("Add " + insertDisplayName (type), [ref, index, type] (session::SessionEditor& e) {
                return session::addInsert (e, ref, index, type, session::defaultInsertParameters (type));
            });
        }
    });
}

void MixerView::insertChosen (const session::StripRef& ref, size_t slot, int itemId)
{
    const auto* insert = insertAt (ref, slot);
    if (insert == nullptr)
        return;
    switch (itemId)
    {
        case openEditorItem:
            openInsertEditor (ref, slot);
            break;
        case bypassItem:
            perform (insert->bypass ? "Enable Insert" : "Bypass Insert",
                     [ref, slot, on = ! insert->bypass] (session::SessionEditor& e) {
                         return session::setInsertBypass (e, ref, slot, on);
                     });
            break;
        case moveUpItem:
            if (slot > 0)
                moveInsert (ref, slot, slot - 1);
            break;
        case moveDownItem:
            moveInsert (ref, slot, slot + 1);
            break;
        case removeItem:
            if (insertEditor != nullptr && editorStrip == ref)
            {
                if (editorSlot == slot)
                    closeInsertEditor();
                else if (editorSlot > slot)
                    --editorSlot;
            }
            perform ("Remove Insert", [ref, slot] (session::SessionEditor& e) { return session::removeInsert (e, ref, slot); });
            break;
        default:
            break;
    }
}

void MixerView::moveInsert (const session::StripRef& ref, size_t from, size_t to)
{
    const auto before = editorSlot;
    // The open editor follows its insert to the new slot.
    if (insertEditor != nullptr && editorStrip == ref)
    {
        if (editorSlot == from)
            editorSlot = to;
        else if (from < to && editorSlot > from && editorSlot <= to)
            --editorSlot;
        else if (to < from && editorSlot >= to && editorSlot < from)
            ++editorSlot;
    }
    perform ("Move Insert", [ref, from, to] (session::SessionEditor& e) { return session::moveInsert (e, ref, from, to); });
    if (insertAt (ref, editorSlot) == nullptr
        || (insertEditor != nullptr && insertAt (ref, editorSlot)->type != insertEditor->getType()))
        editorSlot = before;
}

void MixerView::openInsertEditor (const session::StripRef& ref, size_t slot)
{
    const auto* insert = insertAt (ref, slot);
    auto* strip = findStrip (ref);
    if (insert == nullptr || strip == nullptr)
        return;
    closeInsertEditor();
    editorStrip = ref;
    editorSlot = slot;
    insertEditor = std::make_unique<InsertEditor> (*insert, "on " + text (strip->getInfo().name));
    insertEditor->onParameter = [this] (const std::string& id, double value, bool commit) {
        const auto* current = insertAt (editorStrip, editorSlot);
        if (current == nullptr)
            return;
        const auto known = current->params.find (id);
        const bool same = known != current->params.end() && known->is_number() && known->get<double>() == value;
        const auto edit = [ref = editorStrip, slot = editorSlot, id, value] (session::SessionEditor& e) {
            return session::setInsertParameter (e, ref, slot, id, value);
        };
        if (! commit)
            previewEdit (edit);
        else if (! same)
            perform ("Insert Parameter", edit);
        else if (previewed && host.preview && host.session)
        {
            host.preview (*host.session()); // dragged back to where it started: nothing to record
            previewed = false;
        }
    };
    insertEditor->onBypass = [this] (bool bypass) {
        perform (bypass ? "Bypass Insert" : "Enable Insert",
                 [ref = editorStrip, slot = editorSlot, bypass] (session::SessionEditor& e) {
                     return session::setInsertBypass (e, ref, slot, bypass);
                 });
    };
    insertEditor->onClose = [this] { closeInsertEditor(); };
    addAndMakeVisible (*insertEditor);
    placePanel (*insertEditor, *strip, strip->getInsertSlotArea (slot));
}

void MixerView::openSendPanel (const session::StripRef& ref, size_t slot)
{
    auto* strip = findStrip (ref);
    if (strip == nullptr || slot >= strip->getInfo().sends.size())
        return;
    closeSendPanel();
    sendStrip = ref;
    sendPanel = std::make_unique<SendPanel> (strip->getInfo().sends[slot], text (strip->getInfo().name));
    const auto id = strip->getInfo().sends[slot].id;
    sendPanel->onLevel = [this, ref, id] (double db, bool commit) {
        const auto edit = [ref, id, db] (session::SessionEditor& e) { return session::setSendGain (e, ref, id, db); };
        if (commit)
            perform ("Send Level", edit);
        else
            previewEdit (edit);
    };
    sendPanel->onPreFader = [this, ref, id] (bool preFader) {
        perform (preFader ? "Send Pre-Fader" : "Send Post-Fader",
                 [ref, id, preFader] (session::SessionEditor& e) { return session::setSendPreFader (e, ref, id, preFader); });
    };
    sendPanel->onMute = [this, ref, id] (bool mute) {
        perform (mute ? "Mute Send" : "Unmute Send",
                 [ref, id, mute] (session::SessionEditor& e) { return session::setSendMute (e, ref, id, mute); });
    };
    sendPanel->onRemove = [this, ref, id] {
        closeSendPanel();
        perform ("Remove Send", [ref, id] (session::SessionEditor& e) { return session::removeSend (e, ref, id); });
    };
    sendPanel->onClose = [this] { closeSendPanel(); };
    addAndMakeVisible (*sendPanel);
    placePanel (*sendPanel, *strip, strip->getSendSlotArea (slot));
}

void MixerView::showSendMenu (ChannelStrip& strip, size_t slot)
{
    const auto* session = host.session ? host.session() : nullptr;
    if (session == nullptr)
        return;
    const auto ref = strip.getInfo().ref;
    const auto target = strip.localAreaToGlobal (strip.getSendSlotArea (slot));
    juce::PopupMenu menu;
    const bool used = slot < strip.getInfo().sends.size();
    if (used)
    {
        const auto& send = strip.getInfo().sends[slot];
        menu.addSectionHeader (juce::String::fromUTF8 ("Send â ") + text (send.busName));
        menu.addItem (openSendItem, "Open Send Fader");
        menu.addItem (muteSendItem, "Mute", true, send.mute);
        menu.addItem (preFaderSendItem, "Pre-Fader", true, send.preFader);
        menu.addSeparator();
        menu.addItem (removeSendItem, "Remove");
    }
    else
    {
        // Every bus; one that would close a loop is shown but cannot be chosen.
        menu.addSectionHeader ("Send to bus");
        for (size_t b = 0; b < session->buses.size(); ++b)
        {
            const auto& bus = session->buses[b];
            const bool allowed = session::canSendTo (*session, ref, bus.id);
            menu.addItem (int (b) + 1, text (bus.name.empty() ? bus.id : bus.name) + (allowed ? "" : " (loop)"), allowed);
        }
    }
    presentMenu (menu, target, [this, ref, slot, used] (int itemId) {
        if (itemId != 0)
            used ? sendChosen (ref, slot, itemId) : sendChosen (ref, std::string::npos, itemId);
    });
}

void MixerView::sendChosen (const session::StripRef& ref, size_t slot, int itemId)
{
    const auto* session = host.session ? host.session() : nullptr;
    const auto* sends = session != nullptr ? sendsOf (*session, ref) : nullptr;
    if (sends == nullptr)
        return;
    if (slot == std::string::npos)
    {
        // A new send: post-fader at 0 dB, as Pro Tools makes one (its level is then set here).
        if (itemId < 1 || size_t (itemId) > session->buses.size())
            return;
        const session::Send send { session::newSendId (*session, ref), session->buses[size_t (itemId - 1)].id, 0.0, false,
                                   false };
        perform ("Add Send", [ref, send] (session::SessionEditor& e) { return session::addSend (e, ref, send); });
        return;
    }
    if (slot >= sends->size())
        return;
    const auto send = (*sends)[slot];
    switch (itemId)
    {
        case openSendItem:
            openSendPanel (ref, slot);
            break;
        case muteSendItem:
            perform (send.mute ? "Unmute Send" : "Mute Send",
                     [ref, send] (session::SessionEditor& e) { return session::setSendMute (e, ref, send.id, ! send.mute); });
            break;
        case preFaderSendItem:
            perform (send.preFader ? "Send Post-Fader" : "Send Pre-Fader", [ref, send] (session::SessionEditor& e) {
                return session::setSendPreFader (e, ref, send.id, ! send.preFader);
            });
            break;
        case removeSendItem:
            if (sendPanel != nullptr && sendStrip == ref && sendPanel->getSendId() == send.id)
                closeSendPanel();
            perform ("Remove Send", [ref, send] (session::SessionEditor& e) { return session::removeSend (e, ref, send.id); });
            break;
        default:
            break;
    }
}

void MixerView::closeInsertEditor()
{
    insertEditor.reset();
}

void MixerView::closeSendPanel()
{
    sendPanel.reset();
}

void MixerView::placePanel (juce::Component& panel, const ChannelStrip& strip, juce::Rectangle<int> slotArea)
{
    // Beside the strip, level with the slot it came from, kept inside the mixer.
    const auto slot = getLocalArea (&strip, slotArea);
    const auto stripArea = getLocalArea (&strip, strip.getLocalBounds());
    auto bounds = panel.getBounds().withPosition (stripArea.getRight() + 2, slot.getY());
    if (bounds.getRight() > getWidth())
        bounds.setX (stripArea.getX() - bounds.getWidth() - 2);
    bounds.setX (std::clamp (bounds.getX(), 0, std::max (0, getWidth() - bounds.getWidth())));
    bounds.setY (std::clamp (bounds.getY(), 0, std::max (0, getHeight() - bounds.getHeight())));
    panel.setBounds (bounds);
    panel.toFront (false);
}

void MixerView::refreshPanels()
{
    // After an edit or undo the panels show the model again, or close when what they edit is gone.
    if (insertEditor != nullptr)
    {
        const auto* insert = insertAt (editorStrip, editorSlot);
        if (insert == nullptr || insert->type != insertEditor->getType())
            closeInsertEditor();
        else
        {
            insertEditor->setInsert (*insert);
            insertEditor->toFront (false);
        }
    }
    if (sendPanel != nullptr)
    {
        const auto* strip = findStrip (sendStrip);
        const StripInfo::SendSlot* send = nullptr;
        if (strip != nullptr)
            for (auto& s : strip->getInfo().sends)
                if (s.id == sendPanel->getSendId())
                    send = &s;
        if (send == nullptr)
            closeSendPanel();
        else
        {
            sendPanel->setSend (*send);
            sendPanel->toFront (false);
        }
    }
}

void MixerView::gain (const session::StripRef& ref, double db, bool commit)
{
    const auto edit = [ref, db] (session::SessionEditor& e) { return session::setStripGain (e, ref, db); };
    if (commit)
        perform ("Fader", edit);
    else
        previewEdit (edit);
}

void MixerView::pan (const std::string& trackId, double value, bool commit)
{
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
                strip->setPeaks (t < levels.tracks.size() ? levels.tracks[t] : std::vector<float> {});
                ++t;
                break;
            case session::StripRef::Kind::bus:
                strip->setPeaks (b < levels.buses.size() ? levels.buses[b] : std::vector<float> {});
                ++b;
                break;
            case session::StripRef::Kind::master:
                strip->setPeaks (levels.master);
                break;
        }
    }
}

void MixerView::setArmedTracks (const std::set<std::string>& trackIds)
{
    armedTracks = trackIds;
    for (auto& strip : strips)
        strip->setArmed (strip->getInfo().ref.kind == session::StripRef::Kind::track
                         && armedTracks.contains (strip->getInfo().ref.id));
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
