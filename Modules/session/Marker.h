#pragma once

#include "core/SampleTime.h"

#include <string>

namespace sprocket::session
{
struct Marker
{
    core::SamplePosition position;
    std::string name;

    bool operator== (const Marker&) const = default;
};
} // namespace sprocket::session
