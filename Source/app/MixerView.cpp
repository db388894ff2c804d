#include "MixerView.h"

#include "Theme.h"

#include "session/AutomationEdits.h"
#include "session/MixEdits.h"

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

void MixerView::gain (const session::StripRef& ref, double db, bool commit)
{
    if (host.automationGesture && host.automationGesture (ref, "gain_db", db, commit))
        return;
    const auto edit = [ref, db] (session::SessionEditor& e) { return session::setStripGain (e, ref, db); };
    if (commit)
        perform ("Fader", edit);
    else
        previewEdit (edit);
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
