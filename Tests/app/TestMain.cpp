#include <juce_gui_basics/juce_gui_basics.h>

#include <gtest/gtest.h>

// Components, fonts and images need JUCE's message manager; rendering into an Image opens no
// window, so no X server or X error handler is needed (BUILD-NOTES §3 only bites windows).
int main (int argc, char** argv)
{
    ::testing::InitGoogleTest (&argc, argv);
    juce::ScopedJuceInitialiser_GUI juce;
    return RUN_ALL_TESTS();
}
