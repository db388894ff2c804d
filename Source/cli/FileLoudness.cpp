#include "FileLoudness.h"

#include "io/AudioFileReader.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <optional>
#include <thread>
#include <vector>

namespace sprocket::cli
{
namespace
{
    constexpr int blockFrames = 65536;

    /** Planar storage for one block of every channel. */
    struct Block
    {
        std::vector<std::vector<float>> channels;
        std::vector<float*> pointers;
        int frames = 0;

        void allocate (int numChannels)
        {
            channels.assign ((size_t) numChannels, std::vector<float> ((size_t) blockFrames));
            pointers.clear();
            for (auto& channel : channels)
                pointers.push_back (channel.data());
        }
    };

    /** The shared state of one file's measurement: which block is read and which analysed, and
        the tasks of the current round. Rounds are separated by a std::barrier whose completion
        step (run by one thread while the others wait) joins the block and sets up the next. */
    struct Job
    {
        Job (io::AudioFileReader& r, dsp::LoudnessAnalyser& a, const std::function<void (double)>& p, int64_t frames, int numChannels)
            : reader (r), analyser (a), progress (p), totalFrames (frames), channels (numChannels)
        {
        }

        io::AudioFileReader& reader;
        dsp::LoudnessAnalyser& analyser;
        const std::function<void (double)>& progress;
        int64_t totalFrames;
        int channels;

        Block blocks[2];
        int current = 0;         // the block being analysed this round
        int64_t nextStart = 0;   // first frame of the block being read this round
        bool reading = false;    // a read task exists this round
        bool analysing = false;  // channel tasks exist this round
        std::atomic<int> nextTask { 0 };
        std::optional<core::Error> failure;
        bool finished = false;

        int taskCount() const { return (reading ? 1 : 0) + (analysing ? analyser.numTasks() : 0); }

        // Task 0 is the read (the longest, so it starts first); then the analyser's tasks.
        void runTask (int task)
        {
            if (reading && task == 0)
            {
                auto& block = blocks[1 - current];
                block.frames = (int) std::min<int64_t> (blockFrames, totalFrames - nextStart);
                auto got = reader.readPlanar (nextStart, block.pointers.data(), block.frames);
                if (! got.ok())
                    failure = got.error(); // only this task writes it; read after the barrier
                return;
            }
            const auto& block = blocks[current];
            analyser.runTask (task - (reading ? 1 : 0), block.pointers.data(), block.frames);
        }

        void work()
        {
            for (int task; (task = nextTask.fetch_add (1)) < taskCount();)
                runTask (task);
        }

        // Barrier completion: finish this round's analysis, start the next round.
        void nextRound()
        {
            if (analysing)
            {
                analyser.completeBlock (blocks[current].frames);
                if (progress)
                    progress ((double) analyser.framesProcessed() / (double) totalFrames);
            }
            if (failure)
            {
                finished = true;
                return;
            }
            if (reading)
            {
                current = 1 - current;
                nextStart += blocks[current].frames;
                analysing = true;
            }
            else
                analysing = false;
            reading = nextStart < totalFrames;
            finished = ! reading && ! analysing;
            nextTask = 0;
        }
    };
} // namespace

core::Result<FileLoudness> measureFileLoudness (const std::filesystem::path& file,
                                                const std::function<void (double)>& progress, int threads)
{
    auto opened = io::AudioFileReader::open (file);
    if (! opened)
        return opened.error();
    auto& reader = **opened;
    const auto& info = reader.info();

    FileLoudness result;
    result.channels = info.channels;
    result.sampleRate = (double) info.sampleRate;
    result.frames = info.frames;

    dsp::LoudnessAnalyser analyser;
    analyser.prepare ((double) info.sampleRate, info.channels, blockFrames);

    Job job (reader, analyser, progress, info.frames, info.channels);
    job.blocks[0].allocate (info.channels);
    job.blocks[1].allocate (info.channels);
    job.reading = info.frames > 0;
    job.finished = ! job.reading;

    if (threads <= 0)
        threads = (int) std::max (1u, std::thread::hardware_concurrency());
    threads = std::clamp (threads, 1, analyser.numTasks() + 1);

    // First round: read block 0 only (the "next" block of a round lands in 1 - current).
    job.current = 1;
    std::barrier sync (threads, [&job]() noexcept { job.nextRound(); });
    auto worker = [&] {
        while (! job.finished)
        {
            job.work();
            sync.arrive_and_wait();
        }
    };
    std::vector<std::jthread> helpers;
    for (int i = 1; i < threads; ++i)
        helpers.emplace_back (worker);
    worker();
    helpers.clear(); // joins

    if (job.failure)
        return *job.failure;
    result.summary = analyser.summary();
    return result;
}
} // namespace sprocket::cli
