#pragma once

#include <cstdint>

namespace sprocket::core
{
/** Division rounding towards minus infinity (C++ truncates towards zero), as sample and frame
    counts before a timeline origin need. */
constexpr int64_t floorDiv (int64_t a, int64_t b) noexcept
{
    const auto q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

constexpr int64_t ceilDiv (int64_t a, int64_t b) noexcept
{
    return -floorDiv (-a, b);
}
} // namespace sprocket::core
