// The convolution reverb with an impulse response loaded (a default one has none and is
// bypassed, so the every-type audit does not reach its FFT path): FFTW executes, the delay
// line, the zero-latency head and the parameter ramps make no allocation or lock.
#include "AudioThreadAudit.h"

#include "dsp/ConvolutionReverbProcessor.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

using namespace sprocket;
using namespace sprocket::test;

TEST (ConvolutionReverbRealtimeTest, ProcessMakesNoAllocationOrLock)
{
    std::mt19937 random (11);
    std::uniform_real_distribution<float> sample (-0.5f, 0.5f);
    std::vector<std::vector<float>> ir (2, std::vector<float> (48000)); // 1 s stereo: 188 partitions of 256 in latency mode
    for (auto& channel : ir)
        for (auto& v : channel)
            v = sample (random) * 0.05f;

    for (float zeroLatency : { 0.0f, 1.0f })
    {
        dsp::ConvolutionReverbProcessor reverb;
        reverb.setParameter ("zero_latency", zeroLatency);
        reverb.setImpulseResponse (ir, 48000.0);
        reverb.prepare (48000.0, 256, 2);
        ASSERT_TRUE (reverb.isConvolving());

        std::vector<std::vector<float>> audio (2, std::vector<float> (256));
        float* pointers[] = { audio[0].data(), audio[1].data() };
        AudioThreadAudit::reset();
        for (int block = 0; block < 200; ++block)
        {
            for (auto& channel : audio)
                for (auto& v : channel)
                    v = sample (random);
            reverb.setParameter ("mix", float (block % 100));
            reverb.setParameter ("wet_db", float (block % 24) - 12.0f);
            reverb.setParameter ("predelay_ms", float (block % 50));
            AuditedScope audited;
            if (block == 100)
                reverb.reset();
            reverb.process (pointers, 2, 1 + (block * 37) % 256);
        }
        EXPECT_EQ (AudioThreadAudit::allocations(), 0) << "zero_latency " << zeroLatency;
        EXPECT_EQ (AudioThreadAudit::frees(), 0) << "zero_latency " << zeroLatency;
        EXPECT_EQ (AudioThreadAudit::locks(), 0) << "zero_latency " << zeroLatency;
    }
}
