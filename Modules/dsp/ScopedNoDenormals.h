#pragma once

#include <cstdint>

namespace sprocket::dsp
{
/** Sets flush-to-zero and denormals-are-zero on this thread for its lifetime and restores the
    previous mode afterwards. Subnormal floats are 100x slower on x86 and are all that is left of
    a decaying filter tail after a few seconds of silence; with FTZ/DAZ they become exact zeros.
    Processor::process wraps every block in one, so no processor (built-in or hosted) can leak
    denormals. [[any thread]] real-time safe: two register moves. */
class ScopedNoDenormals
{
public:
    ScopedNoDenormals() noexcept;
    ~ScopedNoDenormals() noexcept;

    ScopedNoDenormals (const ScopedNoDenormals&) = delete;
    ScopedNoDenormals& operator= (const ScopedNoDenormals&) = delete;

private:
    uint64_t saved = 0;
};
} // namespace sprocket::dsp
