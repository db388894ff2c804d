#pragma once

#include "core/SampleTime.h"

#include <string>

namespace sprocket::session
{
/** A marker, or with a length a memory location that recalls a selection. */
struct Marker
{
    core::SamplePosition position;
    std::string name;
    core::SampleDuration length;

    bool operator== (const Marker&) const = default;
};
} // namespace sprocket::session
