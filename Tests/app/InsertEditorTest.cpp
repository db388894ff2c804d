// Inserts and sends in the mixer, through real mouse events on the strips and panels: an EQ
// added from an empty slot's menu, its editor opened by a click, a gain slider dragged (the
// model's value, and a render louder by exactly that), bypass, a drag that reorders, remove,
// undo back to identical JSON; a send added from the send slot's menu, its fader, pre and mute;
// and the screenshots <build>/Tests/app/artefacts/mixer-inserts-sends.png and insert-editor.png.
#include "EditTestSupport.h"

#include "app/DbScale.h"
#include "app/InsertMenu.h"
#include "app/MixerView.h"
#include "app/SessionLoader.h"
#include "app/Snapshot.h"
#include "dsp/ProcessorRegistry.h"
#include "engine/MasterRender.h"
#include "engine/PlanCompiler.h"
#include "session/SessionJson.h"
#include "support/TestAudioFiles.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;
using session::StripRef;

namespace
{
const auto leftButton = juce::ModifierKeys().withFlags (juce::ModifierKeys::leftButtonModifier);
const auto rightButton = juce::ModifierKeys().withFlags (juce::ModifierKeys::rightButtonModifier);

/** A click with the left button (and `mods`), or with the right one. */
void click (juce::Component& c, juce::Point<float> at, juce::ModifierKeys mods = {}, bool right = false)
{
    const auto held = mods.withFlags (right ? juce::ModifierKeys::rightButtonModifier : juce::ModifierKeys::leftButtonModifier);
    c.mouseDown (mouseEvent (c, at, at, held));
    c.mouseUp (mouseEvent (c, at, at, mods));
}

/** Press at `from`, four steps to `to`, release there. */
void drag (juce::Component& c, juce::Point<float> from, juce::Point<float> to)
{
    c.mouseDown (mouseEvent (c, from, from, leftButton));
    for (int step = 1; step <= 4; ++step)
        c.mouseDrag (mouseEvent (c, from + (to - from) * (float (step) / 4.0f), from, leftButton, 1, true));
    c.mouseUp (mouseEvent (c, to, from, {}, 1, true));
}

/** Stands in for the pop-up: keeps the last menu and its callback, so a test picks an item. */
struct MenuCatcher
{
    juce::PopupMenu menu;
    std::function<void (int)> chosen;
    int shown = 0;

    MixerView::MenuPresenter presenter()
    {
        return [this] (const juce::PopupMenu& m, juce::Rectangle<int>, std::function<void (int)> c) {
            menu = m;
            chosen = std::move (c);
            ++shown;
        };
    }

    /** Picks the item called `text`; false when the menu has no such item. */
    bool pick (const juce::String& text)
    {
        const auto id = itemId (menu, text);
        if (id == 0 || ! chosen)
            return false;
        chosen (id);
        return true;
    }
};

double rms (const std::vector<float>& samples, size_t from, size_t to)
{
    double sum = 0.0;
    for (size_t i = from; i < to; ++i)
        sum += double (samples[i]) * double (samples[i]);
    return std::sqrt (sum / double (to - from));
}

/** The two-track session with a reverb return "VERB" (stereo, into the master). */
session::Session sessionWithReverb()
{
    auto s = makeTwoTrackSession();
    session::Bus verb;
    verb.id = "VERB";
    verb.name = "Reverb";
    verb.inserts = { { "room_reverb", nlohmann::json::object(), false, nullptr, nlohmann::json::object() } };
    s.buses.push_back (verb);
    return s;
}

/** The mixer showing `s` in a 1600x900 main component, with menus caught. */
struct MixerOnSession
{
    explicit MixerOnSession (session::Session s) : shown { std::move (s), {}, {} }
    {
        main.setShowsAlerts (false);
        main.setSize (1600, 900);
        main.showDocument (shown);
        main.setShowingMixer (true);
        mixer().setMenuPresenter (menus.presenter());
    }

    MixerView& mixer() { return main.getMixer(); }
    const session::Session& session() { return main.getDocument()->session(); }
    ChannelStrip& strip (const StripRef& ref)
    {
        auto* found = mixer().findStrip (ref);
        EXPECT_NE (found, nullptr);
        return *found;
    }
    /** Grabs a slider's thumb and drags it to where it shows `value`. */
    void dragSliderTo (juce::Slider& slider, double value)
    {
        const float y = float (slider.getHeight()) / 2.0f;
        drag (slider, { slider.getPositionOfValue (slider.getValue()), y }, { slider.getPositionOfValue (value), y });
    }

    DisplaySession shown;
    MainComponent main;
    MenuCatcher menus;
};

/** A 500 Hz tone on the dialogue track (alone between 1 s and 2.5 s): EQ band 2's centre. */
struct ToneMedia
{
    ToneMedia()
    {
        media.media.push_back ({ sprocket::test::sine (500.0, 0.25, 300000) });
        media.media.push_back ({ std::vector<float> (300000, 0.0f), std::vector<float> (300000, 0.0f) });
    }

    double levelDb (const session::Session& session)
    {
        const auto out = sprocket::test::renderMasterLeft (engine::compilePlan (session), media, 120000);
        return 20.0 * std::log10 (rms (out, 60000, 110000));
    }

    sprocket::test::MemoryMediaSource media;
};
} // namespace

TEST (InsertMenu, GroupsEveryBuiltInOnce)
{
    size_t count = 0;
    for (auto& group : InsertMenu::groups())
        count += group.types.size();
    EXPECT_EQ (count, dsp::ProcessorRegistry::builtIns().typeNames().size());
    EXPECT_EQ (InsertMenu::groups().front().name, "EQ/Filter");
    EXPECT_EQ (InsertMenu::typeFor (itemId (InsertMenu::build(), "EQ")), "eq");
    EXPECT_EQ (InsertMenu::typeFor (itemId (InsertMenu::build(), "Room Reverb")), "room_reverb");
}

TEST (InsertSlots, AddAnEqFromTheMenuEditItAndHearIt)
{
    MixerOnSession f (makeTwoTrackSession());
    ToneMedia tone;
    const auto original = jsonOf (f.session());
    const auto dry = tone.levelDb (f.session());
    auto& strip = f.strip (StripRef::track ("t1"));

    // A click on an empty slot offers the processors; EQ goes into the first slot.
    click (strip, strip.getInsertSlotArea (0).getCentre().toFloat());
    ASSERT_EQ (f.menus.shown, 1);
    ASSERT_TRUE (f.menus.pick ("EQ"));
    ASSERT_EQ (f.session().tracks[0].inserts.size(), 1u);
    EXPECT_EQ (f.session().tracks[0].inserts[0].type, "eq");
    EXPECT_EQ (f.main.getDocument()->undoName(), "Add EQ");
    EXPECT_EQ (strip.getInfo().inserts.at (0).name, "EQ");
    // At its defaults (every band at 0 dB) the EQ changes nothing audible.
    EXPECT_NEAR (tone.levelDb (f.session()), dry, 0.01);

    // A click on the used slot opens its editor; nothing is recorded.
    const auto changes = f.main.getDocument()->changeCount();
    click (strip, strip.getInsertSlotArea (0).getCentre().toFloat());
    auto* editor = f.mixer().getInsertEditor();
    ASSERT_NE (editor, nullptr);
    EXPECT_EQ (editor->getType(), "eq");
    EXPECT_TRUE (editor->isVisible());
    EXPECT_EQ (f.main.getDocument()->changeCount(), changes);

    // Drag band 2's gain to +6 dB: the model waits for the release, then takes one step.
    auto* gain = editor->findSlider ("band2_gain_db");
    ASSERT_NE (gain, nullptr);
    const float y = float (gain->getHeight()) / 2.0f;
    const juce::Point<float> from { gain->getPositionOfValue (gain->getValue()), y }, to { gain->getPositionOfValue (6.0), y };
    gain->mouseDown (mouseEvent (*gain, from, from, leftButton));
    gain->mouseDrag (mouseEvent (*gain, to, from, leftButton, 1, true));
    EXPECT_DOUBLE_EQ (gain->getValue(), 6.0);
    EXPECT_EQ (f.main.getDocument()->changeCount(), changes);
    EXPECT_FALSE (f.session().tracks[0].inserts[0].params.contains ("band2_gain_db")
                  && f.session().tracks[0].inserts[0].params["band2_gain_db"] != 0.0);
    gain->mouseUp (mouseEvent (*gain, to, from, {}, 1, true));
    EXPECT_EQ (f.main.getDocument()->changeCount(), changes + 1);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Insert Parameter");
    EXPECT_EQ (f.session().tracks[0].inserts[0].params["band2_gain_db"].get<double>(), 6.0);

    // A peaking band at the tone's frequency lifts it by its gain.
    const auto wet = tone.levelDb (f.session());
    EXPECT_NEAR (wet - dry, 6.0, 0.05) << "dry " << dry << " dB, with the EQ " << wet << " dB";
    std::cout << "[ measured ] EQ band 2 +6 dB at 500 Hz: " << dry << " -> " << wet << " dBFS (" << wet - dry << " dB)\n";

    // Bypass in the editor: one step, and the strip shows it.
    click (editor->getBypassButton(), editor->getBypassButton().getLocalBounds().getCentre().toFloat());
    EXPECT_TRUE (f.session().tracks[0].inserts[0].bypass);
    EXPECT_TRUE (strip.getInfo().inserts[0].bypass);
    EXPECT_NEAR (tone.levelDb (f.session()), dry, 0.01);
    // ctrl+click on the slot enables it again (bypass's shortcut).
    click (strip, strip.getInsertSlotArea (0).getCentre().toFloat(), juce::ModifierKeys::ctrlModifier);
    EXPECT_FALSE (f.session().tracks[0].inserts[0].bypass);
    EXPECT_FALSE (editor->getBypassButton().getToggleState());

    // A gain plug-in below it, then dragged above it: the editor follows the EQ to slot 2.
    click (strip, strip.getInsertSlotArea (1).getCentre().toFloat());
    ASSERT_TRUE (f.menus.pick ("Gain"));
    ASSERT_EQ (f.session().tracks[0].inserts.size(), 2u);
    drag (strip, strip.getInsertSlotArea (1).getCentre().toFloat(), strip.getInsertSlotArea (0).getCentre().toFloat());
    EXPECT_EQ (f.session().tracks[0].inserts[0].type, "gain");
    EXPECT_EQ (f.session().tracks[0].inserts[1].type, "eq");
    EXPECT_EQ (f.main.getDocument()->undoName(), "Move Insert");
    ASSERT_EQ (f.mixer().getInsertEditor(), editor);
    f.dragSliderTo (*editor->findSlider ("band1_gain_db"), -3.0);
    EXPECT_EQ (f.session().tracks[0].inserts[1].params["band1_gain_db"].get<double>(), -3.0);

    // Right-click on the gain's slot: Remove. The EQ is alone again, its editor still open.
    click (strip, strip.getInsertSlotArea (0).getCentre().toFloat(), {}, true);
    ASSERT_TRUE (f.menus.pick ("Remove"));
    ASSERT_EQ (f.session().tracks[0].inserts.size(), 1u);
    EXPECT_EQ (f.session().tracks[0].inserts[0].type, "eq");
    ASSERT_EQ (f.mixer().getInsertEditor(), editor);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Remove Insert");

    // Undo all the way: the session is as it was, and the editor closes with its insert.
    while (f.main.getDocument()->canUndo())
        ASSERT_TRUE (f.main.getDocument()->undo());
    EXPECT_EQ (jsonOf (f.session()), original);
    EXPECT_TRUE (strip.getInfo().inserts.empty());
    EXPECT_EQ (f.mixer().getInsertEditor(), nullptr);
}

TEST (InsertSlots, AGainInsertAtPlusSixIsSixDbLouder)
{
    MixerOnSession f (makeTwoTrackSession());
    ToneMedia tone;
    const auto dry = tone.levelDb (f.session());
    auto& strip = f.strip (StripRef::track ("t1"));
    // Right-click on an empty slot offers the processors too.
    click (strip, strip.getInsertSlotArea (0).getCentre().toFloat(), {}, true);
    ASSERT_TRUE (f.menus.pick ("Gain"));
    click (strip, strip.getInsertSlotArea (0).getCentre().toFloat());
    auto* editor = f.mixer().getInsertEditor();
    ASSERT_NE (editor, nullptr);
    f.dragSliderTo (*editor->findSlider ("gain_db"), 6.0);
    ASSERT_EQ (f.session().tracks[0].inserts[0].params["gain_db"].get<double>(), 6.0);
    const auto loud = tone.levelDb (f.session());
    EXPECT_NEAR (loud - dry, 6.0, 0.05);
    std::cout << "[ measured ] gain insert +6 dB: " << dry << " -> " << loud << " dBFS (" << loud - dry << " dB)\n";
    // The master has no insert slots: a click there opens nothing.
    auto& master = f.strip (StripRef::master());
    const auto shown = f.menus.shown;
    click (master, master.getInsertSlotArea (0).getCentre().toFloat());
    EXPECT_EQ (f.menus.shown, shown);
    // Close the editor with its button.
    click (editor->getCloseButton(), editor->getCloseButton().getLocalBounds().getCentre().toFloat());
    EXPECT_EQ (f.mixer().getInsertEditor(), nullptr);
}

TEST (SendSlots, AddASendToTheReverbSetItsLevelPreAndMute)
{
    MixerOnSession f (sessionWithReverb());
    const auto original = jsonOf (f.session());
    auto& strip = f.strip (StripRef::track ("t1"));

    click (strip, strip.getSendSlotArea (0).getCentre().toFloat());
    ASSERT_TRUE (f.menus.pick ("Reverb"));
    ASSERT_EQ (f.session().tracks[0].sends.size(), 1u);
    const auto& send = f.session().tracks[0].sends[0];
    EXPECT_EQ (send.to, "VERB");
    EXPECT_EQ (send.id, "s1");
    EXPECT_DOUBLE_EQ (send.gainDb, 0.0);
    EXPECT_FALSE (send.preFader);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Add Send");
    EXPECT_EQ (strip.getInfo().sends.at (0).busName, "Reverb");

    // A click on it opens its fader; a drag down sets the level on the fader's law.
    click (strip, strip.getSendSlotArea (0).getCentre().toFloat());
    auto* panel = f.mixer().getSendPanel();
    ASSERT_NE (panel, nullptr);
    auto& fader = panel->getFader();
    const juce::Point<float> cap { fader.slotCentreX(), fader.yForDb (0.0) };
    drag (fader, cap, cap.translated (0.0f, 40.0f));
    const auto expected =
        DbScale::roundToTenth (DbScale::dbForPosition (DbScale::positionForDb (0.0) - 40.0 / double (fader.travelLength())));
    EXPECT_LT (expected, -3.0);
    EXPECT_DOUBLE_EQ (f.session().tracks[0].sends[0].gainDb, expected);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Send Level");
    EXPECT_EQ (panel->getLevelText(), juce::String (DbScale::format (expected)));
    EXPECT_DOUBLE_EQ (strip.getInfo().sends[0].gainDb, expected);

    click (panel->getPreButton(), panel->getPreButton().getLocalBounds().getCentre().toFloat());
    EXPECT_TRUE (f.session().tracks[0].sends[0].preFader);
    click (panel->getMuteButton(), panel->getMuteButton().getLocalBounds().getCentre().toFloat());
    EXPECT_TRUE (f.session().tracks[0].sends[0].mute);
    EXPECT_TRUE (strip.getInfo().sends[0].mute);

    // A bus sends too; one that would close a loop is offered greyed out.
    auto& fx = f.strip (StripRef::bus ("FX"));
    click (fx, fx.getSendSlotArea (0).getCentre().toFloat());
    ASSERT_TRUE (f.menus.pick ("Reverb"));
    EXPECT_EQ (f.session().buses[1].sends.at (0).to, "VERB");
    auto& verb = f.strip (StripRef::bus ("VERB"));
    click (verb, verb.getSendSlotArea (0).getCentre().toFloat());
    bool enabled = true;
    EXPECT_NE (itemId (f.menus.menu, "Effects (loop)", &enabled), 0);
    EXPECT_FALSE (enabled);
    EXPECT_NE (itemId (f.menus.menu, "Reverb (loop)", &enabled), 0);
    EXPECT_FALSE (enabled);
    EXPECT_NE (itemId (f.menus.menu, "Dialogue", &enabled), 0);
    EXPECT_TRUE (enabled);

    // Right-click, Remove: the panel closes with its send.
    click (strip, strip.getSendSlotArea (0).getCentre().toFloat(), {}, true);
    ASSERT_TRUE (f.menus.pick ("Remove"));
    EXPECT_TRUE (f.session().tracks[0].sends.empty());
    EXPECT_EQ (f.mixer().getSendPanel(), nullptr);

    while (f.main.getDocument()->canUndo())
        ASSERT_TRUE (f.main.getDocument()->undo());
    EXPECT_EQ (jsonOf (f.session()), original);
}

TEST (SendSlots, ScreenshotsOfFilledSlotsAndAnOpenEditor)
{
    auto loaded = SessionLoader::open (std::filesystem::path (SPROCKET_TEST_DATA_DIR) / "mixer_24_tracks.sprocket");
    ASSERT_TRUE (loaded.document.has_value()) << SessionLoader::describe (loaded.problems);
    auto s = loaded.document->session;
    // Sends on the first tracks to the last bus (an aux return in this session).
    const auto verb = s.buses.back().id;
    for (size_t t = 0; t < 6 && t < s.tracks.size(); ++t)
        s.tracks[t].sends = { { "s1", verb, -8.0 - double (t), t % 2 == 1, t == 3 } };
    if (s.buses.size() > 2)
        s.buses[0].sends = { { "s1", verb, -14.0, false, false } };
    MixerOnSession f (s);
    f.main.setSize (1920, 1080);
    ASSERT_TRUE (Snapshot::writePng (Snapshot::render (f.main, 1920, 1080), artefact ("mixer-inserts-sends.png")).ok());

    auto& strip = f.strip (StripRef::track ("t2"));
    ASSERT_GE (strip.getInfo().inserts.size(), 2u);
    click (strip, strip.getInsertSlotArea (1).getCentre().toFloat());
    ASSERT_NE (f.mixer().getInsertEditor(), nullptr);
    click (strip, strip.getSendSlotArea (0).getCentre().toFloat());
    ASSERT_NE (f.mixer().getSendPanel(), nullptr);
    ASSERT_TRUE (Snapshot::writePng (Snapshot::render (f.main, 1920, 1080), artefact ("insert-editor.png")).ok());
}

TEST (StripAutomationMode, TheStripsBoxSetsTheModeInOneStep)
{
    MixerOnSession f (sessionWithReverb());
    const auto original = jsonOf (f.session());
    auto& strip = f.strip (StripRef::track ("t1"));
    ASSERT_EQ (strip.getInfo().automationMode, session::AutomationMode::read);

    click (strip, strip.getAutomationModeArea().getCentre().toFloat());
    ASSERT_EQ (f.menus.shown, 1) << "a click on the mode box opens the mode menu";
    ASSERT_TRUE (f.menus.pick ("touch"));
    EXPECT_EQ (f.session().tracks[0].automationMode, session::AutomationMode::touch);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Automation Mode touch");
    EXPECT_EQ (strip.getInfo().automationMode, session::AutomationMode::touch) << "the strip shows it";

    // A bus strip has one too; the master has none.
    auto& bus = f.strip (StripRef::bus ("VERB"));
    click (bus, bus.getAutomationModeArea().getCentre().toFloat());
    ASSERT_TRUE (f.menus.pick ("off"));
    EXPECT_EQ (f.session().buses.back().automationMode, session::AutomationMode::off);
    auto& master = f.strip (StripRef::master());
    EXPECT_FALSE (master.getInfo().automationMode.has_value());
    click (master, master.getAutomationModeArea().getCentre().toFloat());
    EXPECT_EQ (f.menus.shown, 2) << "no menu from the master";

    ASSERT_TRUE (f.main.getDocument()->undo());
    ASSERT_TRUE (f.main.getDocument()->undo());
    EXPECT_EQ (jsonOf (f.session()), original);
}

TEST (InsertSlots, AConvolutionReverbTakesAChosenImpulseResponseAndSaysWhenOneCannotBeRead)
{
    auto s = sessionWithReverb();
    s.buses.back().inserts = { { "convolution_reverb", nlohmann::json::object(), false, nullptr, nlohmann::json::object() } };
    MixerOnSession f (s);
    f.main.enablePlayback (silentOutput());
    TemporaryFolder folder;
    const auto good = folder.path / "stage.wav";
    sprocket::test::writeFloatWav (good, { std::vector<float> { 1.0f, 0.5f, 0.25f } });
    const auto broken = folder.path / "broken.wav";
    writeTextFile (broken, "not audio at all");
    const auto verb = StripRef::bus ("VERB");

    f.mixer().openInsertEditor (verb, 0);
    auto* editor = f.mixer().getInsertEditor();
    ASSERT_NE (editor, nullptr);
    EXPECT_TRUE (editor->getChooseImpulseResponseButton().isVisible()) << "a convolution reverb's IR can be chosen";

    ASSERT_TRUE (f.mixer().setImpulseResponse (verb, 0, good));
    EXPECT_EQ (f.session().buses.back().inserts[0].extra.value ("ir", ""), good.generic_string());
    EXPECT_EQ (f.main.getDocument()->undoName(), "Impulse Response");
    f.main.updateFromEngine();
    EXPECT_FALSE (f.main.getLastProblem().contains ("impulse response")) << f.main.getLastProblem();

    // An unreadable file: the edit is kept (the session names it), the reverb plays bypassed and the app says why.
    ASSERT_TRUE (f.mixer().setImpulseResponse (verb, 0, broken));
    f.main.updateFromEngine();
    const auto said = f.main.getLastProblem();
    EXPECT_TRUE (said.contains ("buses[2].inserts[0]: impulse response")) << said;
    EXPECT_TRUE (said.contains ("broken.wav")) << said;
    EXPECT_TRUE (said.contains ("bypassed")) << said;

    ASSERT_TRUE (f.main.getDocument()->undo());
    EXPECT_EQ (f.session().buses.back().inserts[0].extra.value ("ir", ""), good.generic_string());
}
