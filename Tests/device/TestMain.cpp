#include <juce_events/juce_events.h>

#include <gtest/gtest.h>

// AudioDeviceManager is a ChangeBroadcaster and checks it is used on the message thread: the
// test thread becomes the message thread. Nothing here opens a window or needs a display.
int main (int argc, char** argv)
{
    ::testing::InitGoogleTest (&argc, argv);
    juce::ScopedJuceInitialiser_GUI juce;
    return RUN_ALL_TESTS();
}
