// Edit window paint time (timeline editor issue): a generated 100-track, 5,000-clip session
// (mono dialogue clips of 2.5 s every 4 s, each with fades and a name, on demo media so the
// waveforms are real peaks) is painted into a 1920x1080 software image at three zoom levels,
// scrolled to the middle of the track list, and at four sample-level zooms (drawn from the
// media's samples: min/max per column at 200 and 16 samples a pixel, a line, a line with a dot
// on each sample), with peaks at 260 samples a pixel as the reference for 200. Prints
// milliseconds per full repaint; asserts nothing. The target is 16 ms (one frame at 60 Hz).
// Usage: edit_window_paint_bench [DEMO_FOLDER] [REPEATS]
#include "app/MainComponent.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

using namespace sprocket;

namespace
{
session::Session makeBigSession (const std::filesystem::path& demoFolder)
{
    session::Session s;
    s.name = "Paint Bench";
    s.sampleRate = 48000;
    s.frameRate = core::FrameRate::fps23_976;
    s.filePath = demoFolder / "bench.sprocket";
    const char* files[] = { "dx_a_line1.wav", "dx_a_line2.wav", "dx_a_line3.wav", "dx_a_line4.wav", "dx_a_line5.wav",
                            "dx_b_line1.wav", "dx_b_line2.wav", "dx_b_line3.wav", "dx_b_line4.wav", "dx_b_line5.wav" };
    for (int m = 0; m < 10; ++m)
        s.media.push_back ({ "m" + std::to_string (m), std::filesystem::path ("audio") / files[m] });
    const char* buses[] = { "DX", "FX", "FOL", "BG" };
    for (int t = 0; t < 100; ++t)
    {
        session::Track track;
        track.id = "t" + std::to_string (t);
        track.name = std::string (buses[t % 4]) + " " + std::to_string (t + 1);
        track.output = buses[t % 4];
        for (int c = 0; c < 50; ++c)
        {
            session::Clip clip;
            clip.id = track.id + "c" + std::to_string (c);
            clip.name = "Line " + std::to_string (c + 1) + ": and then he said something nobody expected";
            clip.mediaId = "m" + std::to_string ((t + c) % 10);
            clip.position = { int64_t (c) * 4 * 48000 + int64_t (t) * 480 };
            clip.length = { 120000 };
            clip.fadeIn = { { 2400 }, dsp::FadeShape::sCurve };
            clip.fadeOut = { { 4800 }, dsp::FadeShape::linear };
            clip.gainDb = c % 3 == 0 ? -3.0 : 0.0;
            track.clips.push_back (clip);
        }
        s.tracks.push_back (track);
    }
    for (auto* id : buses)
    {
        session::Bus bus;
        bus.id = id;
        bus.name = id;
        s.buses.push_back (bus);
    }
    return s;
}

double paintMs (juce::Component& component, juce::Image& image)
{
    juce::Graphics g (image);
    const auto start = std::chrono::steady_clock::now();
    component.paintEntireComponent (g, true);
    return std::chrono::duration<double, std::milli> (std::chrono::steady_clock::now() - start).count();
}
} // namespace

int main (int argc, char** argv)
{
    juce::ScopedJuceInitialiser_GUI juce;
    const std::filesystem::path demo = argc > 1 ? argv[1] : std::filesystem::path (SPROCKET_DEMO_FOLDER);
    const int repeats = argc > 2 ? std::max (1, std::atoi (argv[2])) : 20;

    app::DisplaySession document;
    document.session = makeBigSession (demo);
    app::MainComponent main;
    main.setSize (1920, 1080);
    main.showDocument (document);
    const auto cache = std::filesystem::temp_directory_path() / "sprocket-paint-bench-peaks";
    main.enableWaveforms (cache);
    main.getWaveforms()->waitUntilIdle();

    auto& timeline = main.getTimeline();
    const auto lanes = timeline.getLaneArea();
    size_t clips = 0;
    for (auto& track : document.session.tracks)
        clips += track.clips.size();
    std::printf ("session: %zu tracks, %zu clips, %.0f s; window 1920x1080, lanes %dx%d, %d px tracks\n",
                 document.session.tracks.size(), clips, double (document.session.endOfLastClip().samples) / 48000.0,
                 lanes.getWidth(), lanes.getHeight(), timeline.getTrackHeight());

    struct View
    {
        const char* name;
        double secondsAcross; // 0: fit
        double startSeconds;
        int verticalOffset;
        double samplesPerPixel = 0.0; // instead of secondsAcross: sample level
    };
    // The sample-level views are past the finest peak level (256 samples a column): each
    // visible clip is drawn from its samples (SampleWindowCache), read before timing starts.
    const View views[] = { { "fit (whole session)", 0.0, 0.0, 0 },
                           { "medium (30 s across)", 30.0, 60.0, 0 },
                           { "close (2 s across)", 2.0, 61.0, 0 },
                           { "fit, scrolled to track 50", 0.0, 0.0, 49 * timeline.getTrackHeight() },
                           { "peaks (260 spp)", 0.0, 60.0, 0, 260.0 }, // just coarser: the reference for 200
                           { "samples min/max (200 spp)", 0.0, 60.0, 0, 200.0 },
                           { "samples min/max (16 spp)", 0.0, 61.0, 0, 16.0 },
                           { "sample line (0.5 spp)", 0.0, 61.0, 0, 0.5 },
                           { "sample dots (0.1 spp)", 0.0, 61.0, 0, 0.1 } };

    juce::Image image (juce::Image::RGB, 1920, 1080, true, juce::SoftwareImageType());
    // The minimum is the least disturbed by other work on the machine; the median is typical.
    std::printf ("%-28s %9s %9s %9s %9s %8s %8s\n", "view", "min", "median", "mean", "max", "clips", "windows");
    for (auto& view : views)
    {
        if (view.samplesPerPixel > 0.0)
            timeline.setView (view.samplesPerPixel, view.startSeconds * 48000.0);
        else if (view.secondsAcross <= 0.0)
            timeline.zoomToFit();
        else
            timeline.setView (view.secondsAcross * 48000.0 / lanes.getWidth(), view.startSeconds * 48000.0);
        timeline.setVerticalOffset (view.verticalOffset);
        const auto visible = timeline.getScale().visibleRange (lanes.getWidth());
        int shown = 0;
        const int firstTrack = view.verticalOffset / timeline.getTrackHeight();
        const int lastTrack = std::min (100, firstTrack + lanes.getHeight() / timeline.getTrackHeight() + 1);
        for (int t = firstTrack; t < lastTrack; ++t)
            for (auto& clip : document.session.tracks[size_t (t)].clips)
                if (clip.timelineRange().overlaps (visible))
                    ++shown;

        paintMs (main, image); // warm-up: glyph caches, first peak levels touched, samples asked for
        main.getWaveforms()->waitUntilIdle();
        paintMs (main, image);
        std::vector<double> times;
        for (int i = 0; i < repeats; ++i)
            times.push_back (paintMs (main, image));
        std::sort (times.begin(), times.end());
        double sum = 0.0;
        for (auto t : times)
            sum += t;
        std::printf ("%-28s %7.2f ms %7.2f ms %7.2f ms %7.2f ms %8d %8d\n", view.name, times.front(), times[times.size() / 2],
                     sum / double (times.size()), times.back(), shown, main.getWaveforms()->sampleWindows().windowCount());
    }
    return 0;
}
