#pragma once

#include "session/Problems.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace sprocket::session
{
/** Reads typed fields from one JSON object, recording a Problem with the field's path for
    anything missing or of the wrong type instead of throwing, so that a load reports every
    problem at once. */
class JsonFieldReader
{
public:
    JsonFieldReader (const nlohmann::json& object, std::string path, Problems& problems);

    bool isObject() const { return object.is_object(); }
    std::string pathOf (const std::string& key) const;

    std::optional<std::string> string (const std::string& key, bool required);
    std::optional<int64_t> integer (const std::string& key, bool required);
    std::optional<double> number (const std::string& key, bool required);
    std::optional<bool> boolean (const std::string& key, bool required);
    /** The array or object at key, or nullptr (with a problem if required or of the wrong type). */
    const nlohmann::json* array (const std::string& key, bool required);
    const nlohmann::json* object_ (const std::string& key, bool required);

    void report (const std::string& key, const std::string& message);

private:
    const nlohmann::json* find (const std::string& key, bool required);

    const nlohmann::json& object;
    std::string path;
    Problems& problems;
};
} // namespace sprocket::session
