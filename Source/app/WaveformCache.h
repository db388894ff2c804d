#pragma once

#include "SampleWindowCache.h"
#include "io/PeakData.h"
#include "session/Session.h"

#include <juce_events/juce_events.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace sprocket::app
{
/** The waveforms of a session's media: peak files loaded, or built and saved beside the media
    (io::loadOrBuildPeaks), on one background thread, one file after another. The timeline asks
    peaksFor(media id) when it paints and draws a plain clip until the peaks are there; a timer
    on the message thread takes finished files from the builder and calls onUpdate, so the
    views only ever see complete PeakData. [[message thread]] except the builder thread. */
class WaveformCache final : private juce::Timer
{
public:
    /** Peaks that cannot be written beside their media go to `cacheFolder`. */
    explicit WaveformCache (std::filesystem::path cacheFolder);
    ~WaveformCache() override;

    /** Queues every media file of `session` not yet loaded or queued (call after each change:
        imports add media). Media ids map to files through the session's paths. */
    void request (const session::Session& session);

    /** The peaks of `mediaId`, or null while they are being built (or could not be). */
    const io::PeakData* peaksFor (const std::string& mediaId) const;

    /** A paint starts (SampleWindowCache::beginPass). */
    void beginPaint() noexcept { samples.beginPass(); }

    /** The actual samples of `mediaId` holding media frames [from, to), for drawing zoomed in
        past the finest peak level, or null while they are read (or when its peaks are not
        there yet: they say how many channels to read). Never reads on the calling thread. */
    const SampleWindow* samplesFor (const std::string& mediaId, int64_t from, int64_t to);
    SampleWindowCache& sampleWindows() noexcept { return samples; }

    /** Files done and still to do, and the progress of the one being built (0..1). */
    struct Progress
    {
        int done = 0;
        int total = 0;
        double current = 0.0;
        bool busy() const noexcept { return done < total; }
    };
    Progress progress() const;

    /** Blocks until the queue is empty (tests, snapshots), and the sample windows' queue too.
        Runs the message-thread handovers. */
    void waitUntilIdle();

    /** After new peaks arrive (message thread). */
    std::function<void()> onUpdate;

    /** The default cache: ~/.cache/sprocket/peaks (XDG), for media on read-only storage. */
    static std::filesystem::path defaultCacheFolder();

private:
    void timerCallback() override;
    void run();
    bool takeFinished();

    const std::filesystem::path cacheFolder;

    // Message thread only.
    std::map<std::string, std::filesystem::path> mediaFiles;             // id -> file
    std::map<std::filesystem::path, std::shared_ptr<const io::PeakData>> loaded;
    std::set<std::filesystem::path> requested;
    int doneCount = 0;

    // Shared with the builder.
    mutable std::mutex lock;
    std::condition_variable wake;
    std::vector<std::filesystem::path> queue;
    std::vector<std::pair<std::filesystem::path, std::shared_ptr<const io::PeakData>>> finished;
    std::atomic<double> currentProgress { 0.0 };
    std::atomic<bool> building { false };
    bool quit = false;
    std::thread builder;

    SampleWindowCache samples;
};
} // namespace sprocket::app
