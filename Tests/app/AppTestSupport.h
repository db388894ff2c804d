#pragma once

#include "app/Playback.h"
#include "device/NullAudioDeviceType.h"
#include "session/Session.h"
#include "session/SessionJson.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace sprocket::app::test
{
/** The silent device by name, so a machine with a sound card does not play the tests aloud. */
inline Playback::Options silentOutput()
{
    Playback::Options options;
    options.deviceName = device::NullAudioDeviceType::deviceName;
    options.offerSilentDevice = true;
    options.fallBackToSilence = false;
    return options;
}

/** A two-track session built in code: dialogue with one clip at 1 s, effects with a clip
    that has a 20000-sample linear fade-in, and one marker. 48 kHz, 25 fps, 01:00:00:00. */
inline session::Session makeTwoTrackSession()
{
    session::Session s;
    s.name = "Component Test";
    s.sampleRate = 48000;
    s.frameRate = core::FrameRate::fps25;
    s.startTimecode = { 1, 0, 0, 0 };
    s.media = { { "m1", "line.wav" }, { "m2", "door.wav" } };
    s.buses.resize (2);
    s.buses[0].id = "DX";
    s.buses[0].name = "Dialogue";
    s.buses[1].id = "FX";
    s.buses[1].name = "Effects";

    session::Track dialogue;
    dialogue.id = "t1";
    dialogue.name = "Dialogue 1";
    dialogue.channels = 1;
    dialogue.output = "DX";
    session::Clip line;
    line.id = "c1";
    line.name = "Line";
    line.mediaId = "m1";
    line.position = { 48000 };
    line.length = { 96000 };
    dialogue.clips.push_back (line);

    session::Track effects;
    effects.id = "t2";
    effects.name = "Effects";
    effects.channels = 2;
    effects.output = "FX";
    session::Clip door;
    door.id = "c2";
    door.name = "Door";
    door.mediaId = "m2";
    door.position = { 120000 };
    door.length = { 60000 };
    door.fadeIn = { { 20000 }, dsp::FadeShape::linear };
    effects.clips.push_back (door);

    s.tracks = { dialogue, effects };
    s.markers = { { { 20000 }, "Hit", {} } };
    return s;
}

/** Where tests write images for people to look at: <build>/Tests/app/artefacts/NAME. */
inline juce::File artefact (const juce::String& name)
{
    return juce::File::getCurrentWorkingDirectory().getChildFile ("artefacts/" + name);
}

/** The session as its file would hold it, for comparing before and after an edit. */
inline std::string jsonOf (const session::Session& s)
{
    return session::sessionToJson (s).dump();
}

/** The id of the item whose text is `text`, looked for in submenus too (0 when none), and
    whether it is enabled. */
inline int itemId (const juce::PopupMenu& menu, const juce::String& text, bool* enabled = nullptr)
{
    for (juce::PopupMenu::MenuItemIterator it (menu, true); it.next();)
        if (it.getItem().text == text)
        {
            if (enabled != nullptr)
                *enabled = it.getItem().isEnabled;
            return it.getItem().itemID;
        }
    return 0;
}

/** A synthesized mouse event on `component`, as JUCE would deliver it. */
inline juce::MouseEvent mouseEvent (juce::Component& component, juce::Point<float> position, juce::Point<float> down,
                                    juce::ModifierKeys mods = {}, int clicks = 1, bool dragged = false)
{
    auto source = juce::Desktop::getInstance().getMainMouseSource();
    const auto now = juce::Time::getCurrentTime();
    return juce::MouseEvent (source, position, mods, juce::MouseInputSource::defaultPressure, 0.0f, 0.0f, 0.0f, 0.0f, &component,
                             &component, now, down, now, clicks, dragged);
}

/** A left-button press and release at the middle of `component`, as a user's click arrives.
    Takes a Component: a Button's mouse handlers are protected, a Component's are not. */
inline void clickCentre (juce::Component& component)
{
    const auto at = component.getLocalBounds().getCentre().toFloat();
    component.mouseDown (mouseEvent (component, at, at, juce::ModifierKeys (juce::ModifierKeys::leftButtonModifier)));
    component.mouseUp (mouseEvent (component, at, at));
}

/** The index of the item reading `text` in `box`, or -1. */
inline int itemIndex (juce::ComboBox& box, const juce::String& text)
{
    for (int i = 0; i < box.getNumItems(); ++i)
        if (box.getItemText (i) == text)
            return i;
    return -1;
}

inline juce::Image paintToImage (juce::Component& component)
{
    juce::Image image (juce::Image::RGB, component.getWidth(), component.getHeight(), true, juce::SoftwareImageType());
    juce::Graphics g (image);
    component.paintEntireComponent (g, true);
    return image;
}

inline bool near (juce::Colour a, juce::Colour b, int tolerance = 3)
{
    return std::abs (a.getRed() - b.getRed()) <= tolerance && std::abs (a.getGreen() - b.getGreen()) <= tolerance
           && std::abs (a.getBlue() - b.getBlue()) <= tolerance;
}

/** A fresh folder under the system temp folder, removed on destruction. */
class TemporaryFolder
{
public:
    TemporaryFolder()
    {
        auto pattern = (std::filesystem::temp_directory_path() / "sprocket-app-XXXXXX").string();
        path = ::mkdtemp (pattern.data()) != nullptr ? std::filesystem::path (pattern) : std::filesystem::path();
    }

    ~TemporaryFolder()
    {
        std::error_code ec;
        std::filesystem::remove_all (path, ec);
    }

    std::filesystem::path path;
};

inline void writeTextFile (const std::filesystem::path& file, const std::string& text)
{
    std::ofstream (file, std::ios::binary) << text;
}

inline std::string readTextFile (const std::filesystem::path& file)
{
    std::ifstream in (file, std::ios::binary);
    return { std::istreambuf_iterator<char> (in), std::istreambuf_iterator<char>() };
}

inline std::filesystem::path demoSessionPath()
{
    return std::filesystem::path (SPROCKET_SOURCE_DIR) / "Resources" / "demo" / "demo.sprocket";
}
} // namespace sprocket::app::test
