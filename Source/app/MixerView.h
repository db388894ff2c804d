#pragma once

#include "ChannelStrip.h"
#include "InsertEditor.h"
#include "MixerStrips.h"
#include "SendPanel.h"
#include "StripLevels.h"
#include "SurroundPanPanel.h"

#include "core/Error.h"
#include "session/EditHistory.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace sprocket::app
{
/** The mixer window (View > Mixer, ctrl+=): a strip per track, then per bus, in a row that
    scrolls sideways when it does not fit, and the printmaster pinned at the right edge. Every
    gesture is one undoable edit through the host's perform (the session's MixEdits); while a
    fader or pan drag goes on, each step is previewed by posting a plan compiled from a copy of
    the session with the edit applied (the running engine hears it at once), and releasing
    performs it once. Insert and send slots open menus (add, bypass, move, remove), an insert's
    editor (InsertEditor), a send's fader (SendPanel) and a track's surround panner
    (SurroundPanPanel), each a panel over the strips; their
    drags preview and commit the same way. [[message thread]] */
class MixerView final : public juce::Component
{
public:
    /** The meter peaks of one refresh (sample and true peaks per channel): tracks and buses in
        session order, then the master. */
    using Levels = MixerLevels;

    struct Host
    {
        std::function<const session::Session*()> session;
        std::function<core::Status (const std::string& name, const session::EditHistory::Edit& edit)> perform;
        /** Play this (edited copy of the) session now, without recording an edit. */
        std::function<void (const session::Session& preview)> preview;
        std::function<void (const juce::String& problem)> reportProblem;
        /** A fader or pan move (`release` once at its end) during an automation writing pass:
            true when the pass took it (the strip's mode writes), so it is not an edit. */
        std::function<bool (const session::StripRef& strip, const std::string& key, double value, bool release)>
            automationGesture;
    };

    /** Shows `menu` for `target` (a strip's slot, in screen coordinates) and calls `chosen` with
        the item id picked (0: dismissed). The default pops up a juce::PopupMenu; tests replace it
        to pick an item by its text. */
    using MenuPresenter =
        std::function<void (const juce::PopupMenu& menu, juce::Rectangle<int> target, std::function<void (int itemId)> chosen)>;

    /** The items of a used insert slot's menu. */
    enum InsertItem
    {
        openEditorItem = 1,
        bypassItem,
        moveUpItem,
        moveDownItem,
        removeItem
    };
    /** The items of a used send slot's menu; an empty one lists buses as 1 + their index. */
    enum SendItem
    {
        openSendItem = 1,
        muteSendItem,
        preFaderSendItem,
        removeSendItem
    };

    explicit MixerView (Host host);
    ~MixerView() override;

    /** Re-reads the session: strips are kept (and updated) while the list of strips is the same. */
    void sessionChanged();
    void setLevels (const Levels& levels);
    /** Faders and pan controls with a lane that plays show its value at `position`, as moving
        faders do in Pro Tools' read mode; `held` gives the value a control being written holds
        instead. Controls under the mouse are left alone. */
    void followAutomation (
        int64_t position,
        const std::function<std::optional<double> (const session::StripRef&, const std::string& key)>& held = {});

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

    void setMenuPresenter (MenuPresenter presenter) { presentMenu = std::move (presenter); }
    /** The open insert editor or send panel (null when none is open). */
    InsertEditor* getInsertEditor() const noexcept { return insertEditor.get(); }
    SendPanel* getSendPanel() const noexcept { return sendPanel.get(); }
    SurroundPanPanel* getSurroundPanel() const noexcept { return surroundPanel.get(); }
    void openInsertEditor (const session::StripRef& strip, size_t slot);
    void openSendPanel (const session::StripRef& strip, size_t slot);
    void closeInsertEditor();
    void closeSendPanel();
    /** A track's surround panner (its pan display was clicked); nothing for other strips. */
    void openSurroundPanel (const session::StripRef& strip);
    void closeSurroundPanel();
    /** The convolution reverb in `slot` takes `file` as its impulse response (one step; an
        unreadable one then plays bypassed and the app says why). False when it did not. */
    bool setImpulseResponse (const session::StripRef& strip, size_t slot, const std::filesystem::path& file);

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void rebuild (const std::vector<StripInfo>& infos);
    void connect (ChannelStrip& strip);
    void gain (const session::StripRef& ref, double db, bool commit);
    void pan (const std::string& trackId, double value, bool commit);
    void previewEdit (const session::EditHistory::Edit& edit);
    void perform (const std::string& name, const session::EditHistory::Edit& edit);
    void showInsertMenu (ChannelStrip& strip, size_t slot);
    void showSendMenu (ChannelStrip& strip, size_t slot);
    void showAutomationModeMenu (ChannelStrip& strip);
    void chooseImpulseResponse (const session::StripRef& strip, size_t slot);
    void insertChosen (const session::StripRef& ref, size_t slot, int itemId);
    void moveInsert (const session::StripRef& ref, size_t from, size_t to);
    void sendChosen (const session::StripRef& ref, size_t slot, int itemId);
    void placePanel (juce::Component& panel, const ChannelStrip& strip, juce::Rectangle<int> slotArea);
    void refreshPanels();
    const session::Insert* insertAt (const session::StripRef& ref, size_t slot) const;

    Host host;
    juce::Viewport viewport;
    juce::Component row;                               // the track and bus strips, side by side
    std::vector<std::unique_ptr<ChannelStrip>> strips; // tracks, buses, then the master
    std::unique_ptr<juce::TextEditor> nameEditor;
    bool previewed = false; // a drag posted a preview plan not yet replaced by an edit
    MenuPresenter presentMenu;
    std::unique_ptr<InsertEditor> insertEditor;
    session::StripRef editorStrip;
    size_t editorSlot = 0;
    std::unique_ptr<SendPanel> sendPanel;
    session::StripRef sendStrip;
    std::unique_ptr<SurroundPanPanel> surroundPanel;
    std::unique_ptr<juce::FileChooser> irChooser;
    session::StripRef surroundStrip;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (MixerView)
};
} // namespace sprocket::app
