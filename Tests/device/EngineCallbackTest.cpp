#include "device/EngineCallback.h"
#include "device/NullAudioDevice.h"

#include "DeviceTestSupport.h"

#include <gtest/gtest.h>

#include <pthread.h>

using namespace sprocket;

namespace
{
/** Every track plays a constant 0.5: after the declick, a mono track panned centre into a
    stereo master is 0.5 x cos(pi/4) on both sides. */
struct ConstantSource final : engine::TrackSource
{
    bool readTrack (const engine::RenderPlan& plan, int trackIndex, int64_t, int numFrames, float* const* dest) noexcept override
    {
        for (int c = 0; c < plan.tracks[size_t (trackIndex)].channels; ++c)
            std::fill (dest[c], dest[c] + numFrames, 0.5f);
        return true;
    }
};

session::Session monoTrackSession (int masterChannels)
{
    session::Session s;
    s.master.channels = masterChannels;
    s.media = { { "m1", "unused.wav" } };
    session::Track track;
    track.id = "t1";
    track.channels = 1;
    session::Clip clip;
    clip.id = "c1";
    clip.mediaId = "m1";
    clip.length = { 48000 * 60 };
    track.clips.push_back (clip);
    s.tracks.push_back (track);
    return s;
}

constexpr int maxBlock = 256;
const float centre = float (0.5 * std::cos (std::numbers::pi / 4.0));

/** Device-owned output buffers, pre-filled with garbage so untouched samples show. */
struct DeviceBuffers
{
    DeviceBuffers (int channels, int frames) : samples (size_t (channels), std::vector<float> (size_t (frames), 9.0f))
    {
        for (auto& channel : samples)
            pointers.push_back (channel.data());
    }
    std::vector<std::vector<float>> samples;
    std::vector<float*> pointers;
};

struct Rig
{
    explicit Rig (int masterChannels) : engine (source, maxBlock, masterChannels)
    {
        EXPECT_TRUE (
            engine.setPlan (std::make_unique<engine::RenderPlan> (engine::compilePlan (monoTrackSession (masterChannels)))));
    }

    void run (device::EngineCallback& callback, DeviceBuffers& buffers, int frames)
    {
        callback.audioDeviceIOCallbackWithContext (nullptr, 0, buffers.pointers.data(), int (buffers.pointers.size()), frames,
                                                   {});
    }

    ConstantSource source;
    engine::RealtimeEngine engine;
};
} // namespace

TEST (EngineCallbackTest, RendersLargeDeviceBlocksInEngineSizedChunks)
{
    Rig rig (2);
    device::EngineCallback callback (rig.engine, 2, maxBlock);
    DeviceBuffers buffers (2, 1000); // 1000 = 3 x 256 + 232: a device block the engine cannot take whole
    rig.engine.play();
    for (int i = 0; i < 3; ++i)
        rig.run (callback, buffers, 1000);

    EXPECT_EQ (rig.engine.position(), 3000);
    EXPECT_EQ (callback.callbacks(), 3);
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < 1000; ++i)
            ASSERT_NEAR (buffers.samples[size_t (c)][size_t (i)], centre, 1e-6f) << "channel " << c << " frame " << i;
}

TEST (EngineCallbackTest, ZeroesDeviceOutputsBeyondTheEngineChannels)
{
    Rig rig (2);
    device::EngineCallback callback (rig.engine, 2, maxBlock);
    DeviceBuffers buffers (4, 512);
    rig.engine.play();
    rig.run (callback, buffers, 512);
    rig.run (callback, buffers, 512);

    EXPECT_NEAR (buffers.samples[0][511], centre, 1e-6f);
    EXPECT_NEAR (buffers.samples[1][511], centre, 1e-6f);
    for (int c = 2; c < 4; ++c)
        for (float sample : buffers.samples[size_t (c)])
            ASSERT_EQ (sample, 0.0f) << "channel " << c;
}

TEST (EngineCallbackTest, DropsEngineChannelsTheDeviceDoesNotHave)
{
    Rig rig (6); // a 5.1 master played on a stereo card: L and R are heard
    device::EngineCallback callback (rig.engine, 6, maxBlock);
    DeviceBuffers buffers (2, 512);
    rig.engine.play();
    rig.run (callback, buffers, 512);
    rig.run (callback, buffers, 512);
    EXPECT_NEAR (buffers.samples[0][511], centre, 1e-6f);
    EXPECT_NEAR (buffers.samples[1][511], centre, 1e-6f);
    EXPECT_EQ (rig.engine.position(), 1024);
}

TEST (EngineCallbackTest, SkipsOutputsTheDriverLeftNull)
{
    Rig rig (2);
    device::EngineCallback callback (rig.engine, 2, maxBlock);
    DeviceBuffers buffers (3, 300);
    buffers.pointers[1] = nullptr;
    rig.engine.play();
    rig.run (callback, buffers, 300);
    rig.run (callback, buffers, 300);
    EXPECT_NEAR (buffers.samples[0][299], centre, 1e-6f);
    EXPECT_EQ (buffers.samples[1][299], 9.0f);
    EXPECT_EQ (buffers.samples[2][299], 0.0f);
}

TEST (EngineCallbackTest, NamesTheDeviceThreadSprocketAudio)
{
    Rig rig (2);
    device::EngineCallback callback (rig.engine, 2, maxBlock);
    device::NullAudioDevice device ("No audio output", "No audio output");
    callback.audioDeviceAboutToStart (&device);
    std::string name;
    std::thread driverThread ([&] {
        pthread_setname_np (pthread_self(), "driver");
        DeviceBuffers buffers (2, 64);
        rig.run (callback, buffers, 64);
        char buffer[16] = {};
        pthread_getname_np (pthread_self(), buffer, sizeof buffer);
        name = buffer;
    });
    driverThread.join();
    EXPECT_EQ (name, "sprocket-audio");
}

TEST (EngineCallbackTest, DeviceErrorStopsTheTransportAndLeavesTheMessage)
{
    Rig rig (2);
    device::EngineCallback callback (rig.engine, 2, maxBlock);
    DeviceBuffers buffers (2, 512);
    rig.engine.play();
    rig.run (callback, buffers, 512);
    ASSERT_TRUE (rig.engine.isPlaying());

    callback.audioDeviceError ("the card went away");
    EXPECT_TRUE (callback.hasFailure());
    rig.run (callback, buffers, 512); // carries out the stop: a 240-sample fade, then silence
    EXPECT_FALSE (rig.engine.isPlaying());
    EXPECT_EQ (buffers.samples[0][511], 0.0f);
    EXPECT_EQ (callback.takeFailure(), std::optional<std::string> ("reported an error: the card went away"));
    EXPECT_EQ (callback.takeFailure(), std::nullopt); // once
}

TEST (EngineCallbackTest, UnexpectedStopIsAFailureAndOurOwnCloseIsNot)
{
    Rig rig (2);
    device::EngineCallback callback (rig.engine, 2, maxBlock);
    DeviceBuffers buffers (2, 512);
    rig.engine.play();
    rig.run (callback, buffers, 512);

    callback.expectStop (true);
    callback.audioDeviceStopped();
    EXPECT_FALSE (callback.hasFailure());
    rig.run (callback, buffers, 512);
    EXPECT_TRUE (rig.engine.isPlaying());

    callback.expectStop (false);
    callback.audioDeviceStopped();
    EXPECT_EQ (callback.takeFailure(), std::optional<std::string> ("stopped while playing"));
    rig.run (callback, buffers, 512);
    EXPECT_FALSE (rig.engine.isPlaying());
}

TEST (EngineCallbackTest, KeepsTheFirstOfSeveralReports)
{
    Rig rig (2);
    device::EngineCallback callback (rig.engine, 2, maxBlock);
    callback.audioDeviceError ("first");
    callback.audioDeviceError ("second");
    callback.audioDeviceStopped();
    EXPECT_EQ (callback.takeFailure(), std::optional<std::string> ("reported an error: first"));
    callback.audioDeviceError (juce::String::repeatedString ("x", 2000));
    const auto longMessage = callback.takeFailure();
    ASSERT_TRUE (longMessage.has_value());
    EXPECT_LT (longMessage->size(), 512u); // cut to the fixed buffer, never overrun
    EXPECT_EQ (longMessage->rfind ("reported an error: xxx", 0), 0u);
}
