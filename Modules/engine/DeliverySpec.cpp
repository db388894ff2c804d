#include "engine/DeliverySpec.h"

#include "session/JsonFieldReader.h"

#include <cmath>
#include <fstream>
#include <sstream>

namespace sprocket::engine
{
std::string channelSuffix (int channels, int index)
{
    static const char* const stereo[] = { "L", "R" };
    static const char* const surround[] = { "L", "R", "C", "LFE", "Ls", "Rs", "Lrs", "Rrs" };
    if (channels == 1)
        return "M";
    if (channels == 2 && index < 2)
        return stereo[index];
    if ((channels == 6 || channels == 8) && index < channels)
        return surround[index];
    return std::to_string (index + 1);
}

namespace
{
    /** `normalize` under `reader`: an object (target_lufs required), or false (none). Absent:
        `fallback` (the spec-level setting for an output). */
    std::optional<LoudnessTarget> normalizeFrom (const nlohmann::json& parent, session::JsonFieldReader& reader,
                                                 std::optional<LoudnessTarget> fallback, session::Problems& problems)
    {
        if (! parent.contains ("normalize"))
            return fallback;
        const auto& value = parent["normalize"];
        if (value.is_boolean() && ! value.get<bool>())
            return std::nullopt;
        if (! value.is_object())
        {
            reader.report ("normalize", "must be an object {\"target_lufs\": ...} or false");
            return std::nullopt;
        }
        session::JsonFieldReader fields (value, reader.pathOf ("normalize"), problems);
        LoudnessTarget target;
        const auto inRange = [&] (const char* key, double low, double high, double& into, bool required) {
            const bool present = value.contains (key);
            const auto number =
                present && value[key].is_number() ? std::optional<double> (value[key].get<double>()) : std::nullopt;
            if (! present && ! required)
                return;
            if (! number || ! std::isfinite (*number) || *number < low || *number > high)
            {
                std::ostringstream message;
                message << "must be a number between " << low << " and " << high;
                fields.report (key, message.str());
                return;
            }
            into = *number;
        };
        inRange ("target_lufs", -70.0, 0.0, target.targetLufs, true);
        inRange ("max_true_peak_dbtp", -24.0, 0.0, target.maxTruePeakDbtp, false);
        inRange ("tolerance_lu", 0.1, 10.0, target.toleranceLu, false);
        return target;
    }
} // namespace

std::optional<DeliverySpec> deliverySpecFromJson (const nlohmann::json& json, session::Problems& problems,
                                                  const std::string& path)
{
    const auto before = problems.size();
    session::JsonFieldReader reader (json, path, problems);
    if (! reader.isObject())
    {
        problems.push_back ({ path, "a delivery spec is a JSON object" });
        return std::nullopt;
    }
    DeliverySpec spec;
    spec.name = reader.string ("name", false).value_or ("Delivery");
    if (auto rate = reader.integer ("sample_rate", false))
    {
        if (*rate < 8000 || *rate > 384000)
            reader.report ("sample_rate", "must be between 8000 and 384000");
        spec.sampleRate = *rate;
    }
    if (auto pull = reader.string ("pull", false))
    {
        if (*pull == "none")
            spec.pull = DeliverySpec::Pull::none;
        else if (*pull == "up")
            spec.pull = DeliverySpec::Pull::up;
        else if (*pull == "down")
            spec.pull = DeliverySpec::Pull::down;
        else
            reader.report ("pull", "must be \"none\", \"up\" or \"down\"");
    }
    // 16 and 24 may be written as numbers too.
    auto bits = json.contains ("bit_depth") && json["bit_depth"].is_number_integer()
                    ? std::optional<std::string> (std::to_string (json["bit_depth"].get<int>()))
                    : reader.string ("bit_depth", false);
    if (bits)
    {
        if (*bits == "16")
            spec.sampleFormat = io::SampleFormat::pcm16;
        else if (*bits == "24")
            spec.sampleFormat = io::SampleFormat::pcm24;
        else if (*bits == "32f")
            spec.sampleFormat = io::SampleFormat::float32;
        else
            reader.report ("bit_depth", "must be \"16\", \"24\" or \"32f\"");
    }
    if (auto type = reader.string ("file_type", false))
    {
        if (*type == "wav")
            spec.container = io::ContainerFormat::wav;
        else if (*type == "flac")
            spec.container = io::ContainerFormat::flac;
        else
            reader.report ("file_type", "must be \"wav\" (BWF; RF64 when over 4 GiB) or \"flac\"");
    }
    if (auto layout = reader.string ("layout", false))
    {
        if (*layout == "interleaved")
            spec.layout = DeliverySpec::Layout::interleaved;
        else if (*layout == "split_mono")
            spec.layout = DeliverySpec::Layout::splitMono;
        else
            reader.report ("layout", "must be \"interleaved\" or \"split_mono\"");
    }
    if (spec.container == io::ContainerFormat::flac && spec.sampleFormat == io::SampleFormat::float32)
        reader.report ("bit_depth", "FLAC holds integer samples only: use \"16\" or \"24\"");
    spec.namePattern = reader.string ("name_pattern", false).value_or (spec.namePattern);
    if (spec.namePattern.find ("{role}") == std::string::npos)
        reader.report ("name_pattern", "must contain {role}, or every output would get the same name");

    const auto specNormalize = normalizeFrom (json, reader, std::nullopt, problems);
    if (auto* outputs = reader.array ("outputs", true))
    {
        if (outputs->empty())
            reader.report ("outputs", "lists nothing to print");
        for (size_t i = 0; i < outputs->size(); ++i)
        {
            session::JsonFieldReader entry ((*outputs)[i], reader.pathOf ("outputs") + "[" + std::to_string (i) + "]", problems);
            DeliveryOutput output;
            output.role = entry.string ("role", true).value_or ("");
            const auto source = entry.string ("source", true).value_or ("master");
            if (source == "master")
                output.source = DeliveryOutput::Source::master;
            else if (source.rfind ("bus:", 0) == 0 && source.size() > 4)
            {
                output.source = DeliveryOutput::Source::bus;
                output.buses = { source.substr (4) };
            }
            else if (source.rfind ("master_without:", 0) == 0 && source.size() > 15)
            {
                output.source = DeliveryOutput::Source::mixMinus;
                std::stringstream list (source.substr (15));
                for (std::string bus; std::getline (list, bus, ',');)
                    if (! bus.empty())
                        output.buses.push_back (bus);
            }
            else
                entry.report ("source", "must be \"master\", \"bus:<id>\" or \"master_without:<id>[,<id>...]\"");
            if (auto downmix = entry.string ("downmix", false))
            {
                if (*downmix == "stereo")
                    output.downmixTo = 2;
                else
                    entry.report ("downmix", "must be \"stereo\" (Lo/Ro)");
            }
            output.normalize = normalizeFrom ((*outputs)[i], entry, specNormalize, problems);
            for (auto& other : spec.outputs)
                if (other.role == output.role)
                    entry.report ("role", "'" + output.role + "' is used twice");
            spec.outputs.push_back (std::move (output));
        }
    }
    if (problems.size() != before)
        return std::nullopt;
    return spec;
}

std::optional<DeliverySpec> sessionDeliverySpec (const session::Session& session, session::Problems& problems)
{
    if (session.delivery.is_null())
        return std::nullopt;
    return deliverySpecFromJson (session.delivery, problems, "delivery");
}

core::Result<DeliverySpec> loadDeliverySpec (const std::filesystem::path& file)
{
    std::ifstream in (file);
    if (! in)
        return core::makeError (file.string() + ": cannot read the delivery spec");
    std::stringstream text;
    text << in.rdbuf();
    const auto json = nlohmann::json::parse (text.str(), nullptr, false);
    if (json.is_discarded())
        return core::makeError (file.string() + ": not valid JSON");
    session::Problems problems;
    auto spec = deliverySpecFromJson (json, problems);
    if (! spec)
    {
        std::string message = file.string() + ":";
        for (auto& problem : problems)
            message += "\n  " + (problem.path.empty() ? std::string ("(top)") : problem.path) + ": " + problem.message;
        return core::makeError (message);
    }
    return *spec;
}
} // namespace sprocket::engine
