// The bars|beats main timebase: counter text, ruler labels that follow tempo and meter
// changes, and grid mode snapping to beats.
#include "EditTestSupport.h"

#include "app/Snapshot.h"
#include "app/TempoPanel.h"
#include "app/Timebase.h"
#include "app/TimecodeRuler.h"
#include "session/TimelineGrid.h"

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;

namespace
{
/** Bar 1 at 2 s; 120 bpm 4/4 for bars 1-2 (2 s a bar), then 90 bpm 3/4 (2 s a bar too). */
session::Session musicalSession()
{
    session::Session s;
    s.sampleRate = 48000;
    s.frameRate = core::FrameRate::fps25;
    s.tempoMap = *core::TempoMap::create ({ 96000 }, { { 0, 120.0 }, { 7680, 90.0 } }, { { 1, 4, 4 }, { 3, 3, 4 } });
    return s;
}

std::vector<std::string> texts (const std::vector<TimecodeRuler::Label>& labels)
{
    std::vector<std::string> out;
    for (auto& label : labels)
        out.push_back (label.text);
    return out;
}
} // namespace

TEST (BarsBeatsTest, TheCounterShowsTheBarBeatAndTickAPositionIsIn)
{
    const auto s = musicalSession();
    EXPECT_EQ (formatPosition (s, 96000, Timebase::barsBeats), "1|1|000");
    EXPECT_EQ (formatPosition (s, 96000 + 12000, Timebase::barsBeats), "1|1|480");
    EXPECT_EQ (formatPosition (s, 96000 + 12000 - 1, Timebase::barsBeats), "1|1|479");
    EXPECT_EQ (formatPosition (s, 96000 + 4 * 48000 + 32000, Timebase::barsBeats), "3|2|000");
    EXPECT_EQ (formatPosition (s, 0, Timebase::barsBeats), "0|1|000"); // the count-in bar
    EXPECT_EQ (formatLength (s, 48000, Timebase::barsBeats), "0|2|000");
    EXPECT_EQ (timebaseName (Timebase::barsBeats), "Bars|Beats");
    EXPECT_EQ (nextTimebase (Timebase::minSec), Timebase::barsBeats);
    EXPECT_EQ (nextTimebase (Timebase::barsBeats), Timebase::timecode);
}

TEST (BarsBeatsTest, TheRulerLabelsBarsWhereTheTempoMapPutsThemAndBeatsWhenZoomedIn)
{
    TimecodeRuler ruler;
    const auto s = musicalSession();
    ruler.setTimebase (s.sampleRate, s.frameRate, s.startTimecode);
    ruler.setTempoMap (s.tempoMap);
    ruler.setUnits (Timebase::barsBeats);

    // 20 s in 1000 px: a 2 s bar is 100 px, under the 120 px a label needs: every 2nd bar.
    const auto wide = ruler.labelsFor ({ { 0 }, { 20 * 48000 } }, 1000);
    EXPECT_EQ (texts (wide), (std::vector<std::string> { "1", "3", "5", "7", "9" }));
    EXPECT_NEAR (wide[0].x, 100.0f, 0.01f);
    EXPECT_NEAR (wide[1].x, 300.0f, 0.01f); // bar 3 after two 4/4 bars at 120
    EXPECT_NEAR (wide[2].x, 500.0f, 0.01f); // two 3/4 bars at 90 are 2 s each too

    // 4 s in 1000 px: 250 px a quarter note at 120, so every beat is labelled.
    const auto close = ruler.labelsFor ({ { 96000 }, { 96000 + 4 * 48000 } }, 1000);
    ASSERT_GE (close.size(), 8u);
    EXPECT_EQ (close[0].text, "1|1");
    EXPECT_EQ (close[1].text, "1|2");
    EXPECT_NEAR (close[1].x, 125.0f, 0.01f);
    EXPECT_FALSE (ruler.ticksFor ({ { 96000 }, { 96000 + 4 * 48000 } }, 1000).empty()); // sixteenths
}

TEST (BarsBeatsTest, WithABarsBeatsCounterGridModeSnapsADraggedClipToABeat)
{
    EditFixture f;
    for (int i = 0; i < 4; ++i) // timecode -> feet+frames -> samples -> min:sec -> bars|beats
        ASSERT_TRUE (f.press (juce::KeyPress ('=', 0, 0)));
    ASSERT_EQ (f.main.getTransportBar().getTimebase(), Timebase::barsBeats);
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::F4Key)));
    EXPECT_EQ (f.main.getController().getGridUnit(), EditController::GridUnit::beats);

    const auto from = f.bodyPoint (0, 0);
    f.drag (from, from + juce::Point<float> (37.0f, 0.0f));
    const auto position = f.session().tempoMap.tickAt (f.session().tracks[0].clips[0].position, f.session().sampleRate);
    // The demo runs the default map, 120 bpm from the start: beats every 24000 samples.
    EXPECT_EQ (f.session().tracks[0].clips[0].position.samples % 24000, 0);
    EXPECT_NEAR (position, std::round (position / 960.0) * 960.0, 1e-6);
}

TEST (BarsBeatsTest, TheTempoTabEditsTheMapAndTheHitPointHelperFindsTheTempo)
{
    EditFixture f;
    ASSERT_TRUE (f.press (juce::KeyPress ('5', ctrl, 0)));
    f.main.getCueListPanel().showList (CueListPanel::List::tempo);
    auto& tempo = f.main.getCueListPanel().getTempoPanel();

    // Hits at beats 4, 9, 17 and 30 of 97.5 bpm after 01:00:02:00, marked with markers.
    const auto origin = *session::timelinePosition (f.session(), { 1, 0, 2, 0 });
    ASSERT_TRUE (f.main.getDocument()->perform ("Mark Hits", [&] (session::SessionEditor& editor) -> core::Status {
        editor.markers().clear();
        for (int beat : { 4, 9, 17, 30 })
            editor.markers().push_back (
                { origin + core::SampleDuration { std::llround (beat * 60.0 / 97.5 * 48000.0) }, "hit", {} });
        return {};
    }));
    ASSERT_TRUE (tempo.setBarOne ("01:00:02:00"));
    EXPECT_EQ (f.session().tempoMap.barOnePosition(), origin);

    const auto proposals = tempo.proposeTempos();
    ASSERT_FALSE (proposals.empty());
    EXPECT_NEAR (proposals[0].bpm, 97.5, 0.001);
    ASSERT_TRUE (tempo.useProposal (proposals[0]));
    EXPECT_NEAR (f.session().tempoMap.tempos()[0].bpm, 97.5, 0.001);
    EXPECT_EQ (formatPosition (f.session(), f.session().markers[1].position.samples, Timebase::barsBeats), "3|2|000");

    // Typed into the tables: a meter change at bar 5 and a tempo change at 9|1.
    f.main.locate (origin.samples + 4 * 4 * 29538);
    ASSERT_TRUE (tempo.addMeterChange());
    ASSERT_EQ (f.session().tempoMap.meters().size(), 2u);
    auto& meters = tempo.getMeterTable();
    meters.getTableListBox().updateContent();
    auto* meterCell = meters.getCellEditor (1, 2);
    ASSERT_NE (meterCell, nullptr);
    meterCell->showEditor();
    meterCell->getCurrentTextEditor()->setText ("6/8");
    meterCell->hideEditor (false);
    EXPECT_EQ (f.session().tempoMap.meters()[1].denominator, 8);

    ASSERT_TRUE (tempo.addTempoChange());
    ASSERT_EQ (f.session().tempoMap.tempos().size(), 2u);
    auto& tempos = tempo.getTempoTable();
    tempos.getTableListBox().updateContent();
    auto* bpmCell = tempos.getCellEditor (1, 2);
    ASSERT_NE (bpmCell, nullptr);
    bpmCell->showEditor();
    bpmCell->getCurrentTextEditor()->setText ("0");
    bpmCell->hideEditor (false);
    EXPECT_TRUE (f.main.getLastProblem().contains ("bpm")) << f.main.getLastProblem();
    EXPECT_NEAR (f.session().tempoMap.tempos()[1].bpm, 97.5, 0.001);

    // Every step undoes: tempo change, meter, hit-point tempo, bar 1.
    for (int i = 0; i < 5; ++i)
        EXPECT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (f.session().tempoMap, core::TempoMap {});

    const auto file = juce::File::getCurrentWorkingDirectory().getChildFile ("artefacts/edit-window-tempo.png");
    for (int i = 0; i < 4; ++i)
        EXPECT_TRUE (f.press (juce::KeyPress ('y', ctrl | shiftKey, 0)) || f.press (juce::KeyPress ('z', ctrl | shiftKey, 0)));
    tempo.proposeTempos();
    for (int i = 0; i < 4; ++i)
        ASSERT_TRUE (f.press (juce::KeyPress ('=', 0, 0)));
    EXPECT_TRUE (Snapshot::writePng (paintToImage (f.main), file).ok());
}
