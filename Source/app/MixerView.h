#pragma once

#include "ChannelStrip.h"
#include "MixerStrips.h"

#include "core/Error.h"
#include "session/EditHistory.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <memory>
#include <set>
#include <vector>

namespace sprocket::app
{
/** The mixer window (View > Mixer, ctrl+=): a strip per track, then per bus, in a row that
    scrolls sideways when it does not fit, and the printmaster pinned at the right edge. Every
    gesture is one undoable edit through the host's perform (the session's MixEdits); while a
    fader or pan drag goes on, each step is previewed by posting a plan compiled from a copy of
    the session with the edit applied (the running engine hears it at once), and releasing
    performs it once. [[message thread]] */
class MixerView final : public juce::Component
{
public:
    /** The meter peaks of one refresh, per channel: tracks and buses in session order. */
    struct Levels
    {
        std::vector<std::vector<float>> tracks, buses;
        std::vector<float> master;
    };

    struct Host
    {
        std::function<const session::Session*()> session;
        std::function<core::Status (const std::string& name, const session::EditHistory::Edit& edit)> perform;
        /** Play this (edited copy of the) session now, without recording an edit. */
        std::function<void (const session::Session& preview)> preview;
        std::function<void (const juce::String& problem)> reportProblem;
    };

    explicit MixerView (Host host);
    ~MixerView() override;

    /** Re-reads the session: strips are kept (and updated) while the list of strips is the same. */
    void sessionChanged();
    void setLevels (const Levels& levels);

    /** A strip name's right-click menu (colours), and what choosing item `id` does; apart so
        tests can choose without a menu window. */
    juce::PopupMenu nameMenu (const session::StripRef& ref) const;
    void nameMenuChosen (const session::StripRef& ref, int id);
    /** Double-click on a track strip's name: an editor over it; return renames, escape or
        clicking away cancels. */
    void beginRename (const session::StripRef& ref);
    juce::TextEditor* getNameEditor() noexcept { return nameEditor.get(); }

    size_t getNumStrips() const noexcept { return strips.size(); }
    ChannelStrip* getStrip (size_t index) const;
    ChannelStrip* findStrip (const session::StripRef& ref) const;
    juce::Viewport& getViewport() noexcept { return viewport; }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void rebuild (const std::vector<StripInfo>& infos);
    void connect (ChannelStrip& strip);
    void gain (const session::StripRef& ref, double db, bool commit);
    void pan (const std::string& trackId, double value, bool commit);
    void previewEdit (const session::EditHistory::Edit& edit);
    void perform (const std::string& name, const session::EditHistory::Edit& edit);

    Host host;
    juce::Viewport viewport;
    juce::Component row;                               // the track and bus strips, side by side
    std::vector<std::unique_ptr<ChannelStrip>> strips; // tracks, buses, then the master
    std::unique_ptr<juce::TextEditor> nameEditor;
    bool previewed = false; // a drag posted a preview plan not yet replaced by an edit

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (MixerView)
};
} // namespace sprocket::app
