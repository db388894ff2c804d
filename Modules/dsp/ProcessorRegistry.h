#pragma once

#include "core/Error.h"
#include "dsp/Processor.h"

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sprocket::dsp
{
/** A processor type and its parameters, for `sprocket-cli processors` and the insert menu. */
struct ProcessorTypeInfo
{
    std::string type;
    std::vector<ParameterInfo> parameters;
};

/** Creates processors from the type names stored in sessions. The built-ins are "gain",
    "polarity", "delay", "pan", "eq", "compressor", "limiter" and "gate"; a hosting module may
    add more (third-party plugins) through add(). A name nobody registered gives an
    UnknownProcessor, the bypassed placeholder that keeps its saved state.
    Every member is [[message thread]]: creation allocates. */
class ProcessorRegistry
{
public:
    using Factory = std::function<std::unique_ptr<Processor>()>;

    /** A registry holding the built-in types. */
    ProcessorRegistry();

    /** A shared registry of just the built-ins. */
    static const ProcessorRegistry& builtIns();

    /** Registers (or replaces) a type. */
    void add (std::string type, Factory factory);

    bool contains (std::string_view type) const noexcept;

    /** A new processor with default parameters, or an UnknownProcessor for an unknown type. */
    std::unique_ptr<Processor> create (std::string_view type) const;

    /** create() followed by setState(state); the error names the type and every bad field.
        Unknown types succeed, with the state kept verbatim by the placeholder. */
    core::Result<std::unique_ptr<Processor>> createWithState (std::string_view type,
                                                              const nlohmann::json& state) const;

    /** Registered type names in registration order. */
    std::vector<std::string> typeNames() const;

    /** Every type with its parameter list. */
    std::vector<ProcessorTypeInfo> types() const;

    /** types() as JSON: [{"type", "parameters": [{"id", "name", "unit", "min", "max",
        "default", "smoothing_ms"}]}], the shape `sprocket-cli processors --json` prints. */
    nlohmann::json describe() const;

private:
    struct Entry
    {
        std::string type;
        Factory factory;
    };

    std::vector<Entry> entries;
};
} // namespace sprocket::dsp
