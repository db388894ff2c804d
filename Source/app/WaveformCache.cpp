#include "WaveformCache.h"

#include <juce_core/juce_core.h>

#include <cstdlib>
#include <iostream>

namespace sprocket::app
{
WaveformCache::WaveformCache (std::filesystem::path folder) : cacheFolder (std::move (folder))
{
    builder = std::thread ([this] { run(); });
    samples.onUpdate = [this] {
        if (onUpdate)
            onUpdate();
    };
}

WaveformCache::~WaveformCache()
{
    stopTimer();
    {
        std::lock_guard<std::mutex> guard (lock);
        quit = true;
        queue.clear();
    }
    wake.notify_all();
    builder.join();
}

std::filesystem::path WaveformCache::defaultCacheFolder()
{
    if (const char* xdg = std::getenv ("XDG_CACHE_HOME"); xdg != nullptr && *xdg != 0)
        return std::filesystem::path (xdg) / "sprocket" / "peaks";
    if (const char* home = std::getenv ("HOME"); home != nullptr && *home != 0)
        return std::filesystem::path (home) / ".cache" / "sprocket" / "peaks";
    return std::filesystem::temp_directory_path() / "sprocket-peaks";
}

void WaveformCache::request (const session::Session& session)
{
    std::vector<std::filesystem::path> toBuild;
    for (auto& media : session.media)
    {
        auto file = session.resolveMediaPath (media);
        mediaFiles[media.id] = file;
        if (requested.insert (file).second)
            toBuild.push_back (file);
    }
    if (toBuild.empty())
        return;
    {
        std::lock_guard<std::mutex> guard (lock);
        queue.insert (queue.end(), toBuild.begin(), toBuild.end());
    }
    wake.notify_all();
    // Ten times a second is quick enough to see waveforms appear, and costs nothing when idle.
    startTimer (100);
}

const io::PeakData* WaveformCache::peaksFor (const std::string& mediaId) const
{
    const auto file = mediaFiles.find (mediaId);
    if (file == mediaFiles.end())
        return nullptr;
    const auto peaks = loaded.find (file->second);
    return peaks == loaded.end() ? nullptr : peaks->second.get();
}

const SampleWindow* WaveformCache::samplesFor (const std::string& mediaId, int64_t from, int64_t to)
{
    const auto file = mediaFiles.find (mediaId);
    const auto* peaks = peaksFor (mediaId);
    if (file == mediaFiles.end() || peaks == nullptr)
        return nullptr;
    return samples.find (file->second, peaks->channels(), from, to);
}

WaveformCache::Progress WaveformCache::progress() const
{
    return { doneCount, int (requested.size()), currentProgress.load() };
}

void WaveformCache::run()
{
    for (;;)
    {
        std::filesystem::path file;
        {
            std::unique_lock<std::mutex> guard (lock);
            wake.wait (guard, [this] { return quit || ! queue.empty(); });
            if (quit)
                return;
            file = queue.front();
            queue.erase (queue.begin());
            building = true;
        }
        currentProgress = 0.0;
        auto peaks = io::loadOrBuildPeaks (file, cacheFolder, [this] (double p) {
            currentProgress = p;
            std::lock_guard<std::mutex> guard (lock);
            return ! quit;
        });
        std::shared_ptr<const io::PeakData> result;
        if (peaks.ok())
            result = std::make_shared<const io::PeakData> (std::move (peaks.value()));
        std::lock_guard<std::mutex> guard (lock);
        finished.emplace_back (file, std::move (result)); // null: unreadable, drawn without a waveform
        building = false;
    }
}

bool WaveformCache::takeFinished()
{
    std::vector<std::pair<std::filesystem::path, std::shared_ptr<const io::PeakData>>> done;
    {
        std::lock_guard<std::mutex> guard (lock);
        done.swap (finished);
    }
    for (auto& [file, peaks] : done)
    {
        ++doneCount;
        if (peaks != nullptr)
            loaded[file] = std::move (peaks);
    }
    return ! done.empty();
}

void WaveformCache::timerCallback()
{
    const bool arrived = takeFinished();
    if (doneCount >= int (requested.size()))
        stopTimer();
    if (onUpdate && (arrived || isTimerRunning()))
        onUpdate(); // also while building: the progress shown moves
}

void WaveformCache::waitUntilIdle()
{
    while (doneCount < int (requested.size()))
    {
        if (! takeFinished())
            std::this_thread::sleep_for (std::chrono::milliseconds (5));
    }
    samples.waitUntilIdle();
    if (onUpdate)
        onUpdate();
}
} // namespace sprocket::app
