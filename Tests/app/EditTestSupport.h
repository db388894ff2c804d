#pragma once

#include "AppTestSupport.h"
#include "app/Document.h"
#include "app/MainComponent.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>

namespace sprocket::app::test
{
/** Steps the component as its timer would until `condition` holds (20 s at most: CI is loaded). */
inline bool stepUntil (MainComponent& main, const std::function<bool()>& condition)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds (20);
    for (;;)
    {
        main.updateFromEngine();
        if (condition())
            return true;
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for (std::chrono::milliseconds (5));
    }
}

/** The demo session and its audio copied into a temporary folder, so tests can edit, save,
    lock and autosave it without touching the repository. */
struct DemoCopy
{
    DemoCopy()
    {
        const auto demo = demoSessionPath().parent_path();
        std::filesystem::copy (demo / "audio", folder.path / "audio", std::filesystem::copy_options::recursive);
        std::filesystem::copy_file (demo / "demo.sprocket", session());
    }

    std::filesystem::path session() const { return folder.path / "demo.sprocket"; }

    TemporaryFolder folder;
};

/** A MainComponent at 1600x900 editing a copy of the demo (lock taken), with the commands
    registered so key presses go through the real key mappings. */
struct EditFixture
{
    EditFixture()
    {
        main.setShowsAlerts (false);
        main.setSize (1600, 900);
        auto opened = Document::open (demo.session());
        auto* document = std::get_if<std::unique_ptr<Document>> (&opened);
        if (document == nullptr)
            ADD_FAILURE() << "the demo copy did not open";
        else
            main.setDocument (std::move (*document));
        commands.registerAllCommandsForTarget (&main);
        commands.setFirstCommandTarget (&main);
    }

    ~EditFixture() { main.setDocument (nullptr); }

    /** Presses a key as the window's key listener would. */
    bool press (const juce::KeyPress& key) { return commands.getKeyMappings()->keyPressed (key, &main.getTimeline()); }

    TimelineComponent& timeline() { return main.getTimeline(); }
    const session::Session& session() { return main.getDocument()->session(); }

    juce::MouseEvent event (juce::Point<float> position, juce::Point<float> down, juce::ModifierKeys mods = {}, int clicks = 1,
                            bool dragged = false)
    {
        auto source = juce::Desktop::getInstance().getMainMouseSource();
        const auto now = juce::Time::getCurrentTime();
        return juce::MouseEvent (source, position, mods, juce::MouseInputSource::defaultPressure, 0.0f, 0.0f, 0.0f, 0.0f,
                                 &timeline(), &timeline(), now, down, now, clicks, dragged);
    }

    /** A press at `from`, drags through to `to` in a few steps, and a release there. */
    void drag (juce::Point<float> from, juce::Point<float> to, juce::ModifierKeys mods = {})
    {
        const auto held = mods.withFlags (juce::ModifierKeys::leftButtonModifier);
        timeline().mouseDown (event (from, from, held));
        for (int step = 1; step <= 4; ++step)
            timeline().mouseDrag (event (from + (to - from) * (float (step) / 4.0f), from, held, 1, true));
        timeline().mouseUp (event (to, from, mods, 1, true));
    }

    void click (juce::Point<float> at, juce::ModifierKeys mods = {})
    {
        const auto held = mods.withFlags (juce::ModifierKeys::leftButtonModifier);
        timeline().mouseDown (event (at, at, held));
        timeline().mouseUp (event (at, at, mods));
    }

    /** A point in a clip's body near its bottom: away from the name bar, fade handles, trim
        zones and the gain line. */
    juce::Point<float> bodyPoint (size_t track, size_t clip)
    {
        const auto bounds = timeline().getClipBounds (track, clip);
        return { bounds.getCentreX(), bounds.getBottom() - 8.0f };
    }

    DemoCopy demo;
    MainComponent main;
    juce::ApplicationCommandManager commands;
};

inline constexpr auto ctrl = juce::ModifierKeys::commandModifier;
inline constexpr auto shiftKey = juce::ModifierKeys::shiftModifier;

inline const session::Clip& clipOf (const session::Session& s, size_t track, size_t clip)
{
    return s.tracks[track].clips[clip];
}

/** The clip with `id` on any track, or null. */
inline const session::Clip* findClip (const session::Session& s, const std::string& id)
{
    for (auto& track : s.tracks)
        for (auto& clip : track.clips)
            if (clip.id == id)
                return &clip;
    return nullptr;
}
} // namespace sprocket::app::test
