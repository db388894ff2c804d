#pragma once

#include <cstdint>
#include <type_traits>

namespace sprocket::engine
{
/** A transport request from any thread to the audio thread. Trivially copyable so that moving
    it through the lock-free queue never allocates. */
struct TransportCommand
{
    enum class Type : int32_t
    {
        play,
        stop,
        locate,  // a = position
        setLoop, // [a, b)
        clearLoop,
        playRange // play from a, stop at b (b < 0: play on)
    };

    Type type = Type::stop;
    int64_t a = 0;
    int64_t b = 0;
};

static_assert (std::is_trivially_copyable_v<TransportCommand>);
} // namespace sprocket::engine
