#pragma once

#include <cstdint>
#include <string>

namespace sprocket::io
{
/** The EBU Broadcast Wave "bext" chunk (EBU Tech 3285), as plain strings. Text longer than the
    chunk's fixed-width fields is cut when written: description 256, originator 32,
    originatorReference 32 bytes. */
struct BroadcastInfo
{
    std::string description;
    std::string originator;
    std::string originatorReference;
    std::string originationDate; // "YYYY-MM-DD"
    std::string originationTime; // "HH:MM:SS"
    int64_t timeReference = 0;   // samples since midnight at the file's sample rate
    std::string codingHistory;

    bool operator== (const BroadcastInfo&) const = default;
};
} // namespace sprocket::io
