// MixerView's insert and send slots: their menus, the insert editor and the send panel.
#include "MixerView.h"

#include "InsertMenu.h"

#include "session/AutomationEdits.h"
#include "session/InsertEdits.h"
#include "session/MixEdits.h"
#include "session/SendEdits.h"

#include <algorithm>

namespace sprocket::app
{
namespace
{
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
    insertEditor->onChooseImpulseResponse = [this] { chooseImpulseResponse (editorStrip, editorSlot); };
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

void MixerView::openSurroundPanel (const session::StripRef& ref)
{
    auto* strip = findStrip (ref);
    if (strip == nullptr || ref.kind != session::StripRef::Kind::track
        || strip->getInfo().panKind != StripInfo::PanKind::surround)
        return;
    closeSurroundPanel();
    surroundStrip = ref;
    const auto& info = strip->getInfo();
    surroundPanel =
        std::make_unique<SurroundPanPanel> (info.surroundPan, info.panInto, info.channels, text (info.name), text (info.output));
    surroundPanel->onChange = [this, id = ref.id] (const session::SurroundPan& position, bool commit) {
        const auto edit = [id, position] (session::SessionEditor& e) { return session::setTrackSurroundPan (e, id, position); };
        if (commit)
            perform ("Surround Pan", edit);
        else
            previewEdit (edit);
    };
    surroundPanel->onClose = [this] { closeSurroundPanel(); };
    addAndMakeVisible (*surroundPanel);
    placePanel (*surroundPanel, *strip, strip->getPanControl().getBounds());
}

void MixerView::chooseImpulseResponse (const session::StripRef& ref, size_t slot)
{
    const auto* session = host.session ? host.session() : nullptr;
    if (session == nullptr)
        return;
    const auto folder = session->filePath.empty() ? juce::File::getCurrentWorkingDirectory()
                                                  : juce::File (juce::String (session->filePath.parent_path().string()));
    irChooser = std::make_unique<juce::FileChooser> ("Choose an impulse response", folder, "*.wav;*.aif;*.aiff;*.flac");
    irChooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles,
                            [this, ref, slot] (const juce::FileChooser& chooser) {
                                if (const auto file = chooser.getResult(); file != juce::File())
                                    setImpulseResponse (ref, slot, file.getFullPathName().toStdString());
                            });
}

bool MixerView::setImpulseResponse (const session::StripRef& ref, size_t slot, const std::filesystem::path& file)
{
    const auto* session = host.session ? host.session() : nullptr;
    if (session == nullptr)
        return false;
    // Stored as the session stores media: relative to its folder when the file is inside it.
    const auto stored = session->pathToStore (file).generic_string();
    perform ("Impulse Response",
             [ref, slot, stored] (session::SessionEditor& e) { return session::setImpulseResponse (e, ref, slot, stored); });
    const auto* insert = insertAt (ref, slot); // a refusal was reported by perform
    return insert != nullptr && insert->extra.value ("ir", std::string()) == stored;
}

void MixerView::closeSurroundPanel()
{
    surroundPanel.reset();
}

void MixerView::showAutomationModeMenu (ChannelStrip& strip)
{
    const auto ref = strip.getInfo().ref;
    const auto current = strip.getInfo().automationMode;
    if (! current)
        return;
    // Items are 1 + the mode's value, in Pro Tools' order.
    juce::PopupMenu menu;
    menu.addSectionHeader ("Automation");
    for (auto mode : { session::AutomationMode::off, session::AutomationMode::read, session::AutomationMode::touch,
                       session::AutomationMode::latch, session::AutomationMode::write, session::AutomationMode::trim })
        menu.addItem (int (mode) + 1, juce::String (std::string (session::automationModeName (mode))), true, mode == *current);
    presentMenu (menu, strip.localAreaToGlobal (strip.getAutomationModeArea()), [this, ref, current] (int itemId) {
        if (itemId < 1 || itemId > int (session::AutomationMode::trim) + 1)
            return;
        const auto mode = session::AutomationMode (itemId - 1);
        if (mode != *current)
            perform ("Automation Mode " + std::string (session::automationModeName (mode)),
                     [ref, mode] (session::SessionEditor& e) { return session::setAutomationMode (e, ref, mode); });
    });
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
    // The other panels stay readable: this one goes beside them rather than over them.
    for (juce::Component* other :
         { static_cast<juce::Component*> (insertEditor.get()), static_cast<juce::Component*> (sendPanel.get()),
           static_cast<juce::Component*> (surroundPanel.get()) })
    {
        if (other == nullptr || other == &panel || ! other->getBounds().intersects (bounds))
            continue;
        bounds.setX (other->getRight() + 2);
        if (bounds.getRight() > getWidth())
            bounds.setX (std::max (0, other->getX() - bounds.getWidth() - 2));
    }
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
    if (surroundPanel != nullptr)
    {
        const auto* strip = findStrip (surroundStrip);
        if (strip == nullptr || strip->getInfo().panKind != StripInfo::PanKind::surround)
            closeSurroundPanel();
        else
        {
            surroundPanel->setPosition (strip->getInfo().surroundPan);
            surroundPanel->toFront (false);
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
} // namespace sprocket::app
