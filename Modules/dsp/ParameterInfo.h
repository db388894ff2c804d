#pragma once

#include <string>

namespace sprocket::dsp
{
/** Describes one processor parameter: its stable id (the key in session JSON, never renamed),
    a display name, a unit ("dB", "Hz", "ms", ":1", or "" for plain numbers and switches),
    its range and default, and how long a change takes to reach the audio (smoothingMs; 0 means
    the parameter needs none, for example a time constant, whose change cannot cause a step).
    Switches are 0/1 parameters: values >= 0.5 mean on. */
struct ParameterInfo
{
    std::string id;
    std::string name;
    std::string unit;
    float min = 0.0f;
    float max = 1.0f;
    float defaultValue = 0.0f;
    float smoothingMs = 0.0f;
};
} // namespace sprocket::dsp
