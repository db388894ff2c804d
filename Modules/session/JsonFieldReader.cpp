#include "session/JsonFieldReader.h"

#include <cmath>

namespace sprocket::session
{
JsonFieldReader::JsonFieldReader (const nlohmann::json& o, std::string p, Problems& ps)
    : object (o), path (std::move (p)), problems (ps)
{
    if (! object.is_object())
        problems.push_back ({ path, "must be an object" });
}

std::string JsonFieldReader::pathOf (const std::string& key) const
{
    return path.empty() ? key : path + "." + key;
}

void JsonFieldReader::report (const std::string& key, const std::string& message)
{
    problems.push_back ({ pathOf (key), message });
}

const nlohmann::json* JsonFieldReader::find (const std::string& key, bool required)
{
    if (! object.is_object())
        return nullptr;
    auto it = object.find (key);
    if (it == object.end() || it->is_null())
    {
        if (required)
            report (key, "is required");
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> JsonFieldReader::string (const std::string& key, bool required)
{
    auto* value = find (key, required);
    if (value == nullptr)
        return std::nullopt;
    if (! value->is_string())
    {
        report (key, "must be a string");
        return std::nullopt;
    }
    return value->get<std::string>();
}

std::optional<int64_t> JsonFieldReader::integer (const std::string& key, bool required)
{
    auto* value = find (key, required);
    if (value == nullptr)
        return std::nullopt;
    if (value->is_number_integer())
        return value->get<int64_t>();
    // 48000.0 is an integer in intent; 48000.5 is not.
    if (value->is_number_float())
    {
        const double d = value->get<double>();
        if (std::isfinite (d) && d == std::floor (d) && std::fabs (d) < 9.0e18)
            return int64_t (d);
    }
    report (key, "must be an integer");
    return std::nullopt;
}

std::optional<double> JsonFieldReader::number (const std::string& key, bool required)
{
    auto* value = find (key, required);
    if (value == nullptr)
        return std::nullopt;
    if (! value->is_number())
    {
        report (key, "must be a number");
        return std::nullopt;
    }
    return value->get<double>();
}

std::optional<bool> JsonFieldReader::boolean (const std::string& key, bool required)
{
    auto* value = find (key, required);
    if (value == nullptr)
        return std::nullopt;
    if (! value->is_boolean())
    {
        report (key, "must be true or false");
        return std::nullopt;
    }
    return value->get<bool>();
}

const nlohmann::json* JsonFieldReader::array (const std::string& key, bool required)
{
    auto* value = find (key, required);
    if (value != nullptr && ! value->is_array())
    {
        report (key, "must be an array");
        return nullptr;
    }
    return value;
}

const nlohmann::json* JsonFieldReader::object_ (const std::string& key, bool required)
{
    auto* value = find (key, required);
    if (value != nullptr && ! value->is_object())
    {
        report (key, "must be an object");
        return nullptr;
    }
    return value;
}
} // namespace sprocket::session
