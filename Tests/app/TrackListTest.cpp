// Track > New and Track > Delete in the app: the New Tracks dialog's fields become tracks or buses
// in one step (shown in the edit window and the mixer), bad fields are refused with the field's
// name, deleting the clicked clip's track and a bus from the mixer are each one step that undo
// takes back to identical JSON, and a bus something feeds is not deleted.
#include "EditTestSupport.h"

#include "app/MixerView.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;
using session::StripRef;

TEST (TrackList, NewTracksDialogAddsNumberedStereoTracksIntoABus)
{
    EditFixture f;
    const auto before = jsonOf (f.session());
    const auto tracks = f.session().tracks.size();
    auto dialog = f.main.makeNewTracksDialog();
    dialog->setVisible (true);
    dialog->getCountEditor().setText ("2");
    dialog->getFormatBox().setSelectedItemIndex (1); // Stereo
    auto& output = dialog->getOutputBox();
    ASSERT_EQ (output.getItemText (0), "Master");
    output.setSelectedItemIndex (itemIndex (output, "Effects"));
    clickCentre (dialog->getCreateButton());
    ASSERT_EQ (dialog->getProblem(), "");

    ASSERT_EQ (f.session().tracks.size(), tracks + 2);
    for (size_t i = tracks; i < tracks + 2; ++i)
    {
        EXPECT_EQ (f.session().tracks[i].name, "Audio " + std::to_string (i - tracks + 1));
        EXPECT_EQ (f.session().tracks[i].channels, 2);
        EXPECT_EQ (f.session().tracks[i].output, "FX");
    }
    EXPECT_EQ (f.main.getDocument()->undoName(), "New Tracks");
    EXPECT_EQ (f.main.getController().selection().trackIds,
               (std::vector<std::string> { f.session().tracks[tracks].id, f.session().tracks[tracks + 1].id }))
        << "the new tracks are selected";
    EXPECT_EQ (f.timeline().getTrackHeaderBounds (tracks + 1).getY(), f.timeline().getTrackHeaderBounds (tracks).getBottom())
        << "the edit window shows a row for each";
    EXPECT_NE (f.main.getMixer().findStrip (StripRef::track (f.session().tracks.back().id)), nullptr);

    ASSERT_TRUE (f.main.getDocument()->undo());
    EXPECT_EQ (jsonOf (f.session()), before);
}

TEST (TrackList, NewTracksDialogMakesA51BusAndRefusesABadNumber)
{
    EditFixture f;
    auto dialog = f.main.makeNewTracksDialog();
    dialog->setVisible (true);
    dialog->getKindBox().setSelectedItemIndex (1, juce::sendNotificationSync);
    EXPECT_EQ (dialog->getNameEditor().getText(), "Bus") << "a bus is named Bus unless a name was typed";
    dialog->getNameEditor().setText ("Crowd Stem");
    dialog->getFormatBox().setSelectedItemIndex (2); // 5.1
    const auto buses = f.session().buses.size();
    clickCentre (dialog->getCreateButton());
    ASSERT_EQ (dialog->getProblem(), "");
    ASSERT_EQ (f.session().buses.size(), buses + 1);
    EXPECT_EQ (f.session().buses.back().id, "Crowd_Stem");
    EXPECT_EQ (f.session().buses.back().channels, 6);
    EXPECT_EQ (f.main.getDocument()->undoName(), "New Bus");
    EXPECT_NE (f.main.getMixer().findStrip (StripRef::bus ("Crowd_Stem")), nullptr) << "the mixer has its strip";

    const auto changes = f.main.getDocument()->changeCount();
    dialog->getCountEditor().setText ("0");
    clickCentre (dialog->getCreateButton());
    EXPECT_TRUE (dialog->getProblem().startsWith ("Number:")) << dialog->getProblem();
    dialog->getCountEditor().setText ("1");
    dialog->getNameEditor().setText ("   ");
    clickCentre (dialog->getCreateButton());
    EXPECT_TRUE (dialog->getProblem().startsWith ("Name:")) << dialog->getProblem();
    EXPECT_EQ (f.main.getDocument()->changeCount(), changes) << "a refusal changes nothing";
}

TEST (TrackList, DeleteRemovesTheClickedClipsTrackAndUndoBringsItBack)
{
    EditFixture f;
    const auto before = jsonOf (f.session());
    const auto doomed = f.session().tracks[1].id;
    f.click (f.bodyPoint (1, 0));
    ASSERT_EQ (f.main.getController().selectedTrackIds(), std::vector<std::string> { doomed });
    ASSERT_TRUE (f.main.invoke (MainComponent::deleteTracksCommand));
    EXPECT_TRUE (std::none_of (f.session().tracks.begin(), f.session().tracks.end(),
                               [&] (const session::Track& t) { return t.id == doomed; }));
    EXPECT_EQ (f.main.getDocument()->undoName(), "Delete Track");
    EXPECT_TRUE (f.main.getController().selection().isEmpty()) << "the selection forgets the deleted track";
    ASSERT_TRUE (f.main.getDocument()->undo());
    EXPECT_EQ (jsonOf (f.session()), before);

    // The header's menu deletes the track it was opened on.
    const auto menu = f.main.trackHeaderMenu (0);
    const int id = itemId (menu, "Delete Track");
    ASSERT_NE (id, 0);
    const auto first = f.session().tracks[0].id;
    f.main.trackHeaderMenuChosen (0, id);
    EXPECT_NE (f.session().tracks[0].id, first);
}

TEST (TrackList, AMixerBusIsDeletedOnlyWhenNothingFeedsIt)
{
    EditFixture f;
    auto& mixer = f.main.getMixer();
    const auto buses = f.session().buses.size();
    const int id = itemId (mixer.nameMenu (StripRef::bus ("DX")), "Delete Bus");
    ASSERT_NE (id, 0);
    mixer.nameMenuChosen (StripRef::bus ("DX"), id);
    EXPECT_EQ (f.session().buses.size(), buses) << "the dialogue tracks still feed DX";
    EXPECT_TRUE (f.main.getLastProblem().contains ("DX 1")) << f.main.getLastProblem();

    ASSERT_TRUE (f.main.getController().addStrips ({ 1, 2, "Spare", "master" }, true).ok());
    const auto before = jsonOf (f.session());
    mixer.nameMenuChosen (StripRef::bus ("Spare"), id);
    EXPECT_EQ (f.session().buses.size(), buses);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Delete Bus");
    ASSERT_TRUE (f.main.getDocument()->undo());
    EXPECT_EQ (jsonOf (f.session()), before);
}
