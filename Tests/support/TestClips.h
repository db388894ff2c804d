#pragma once

#include "session/Clip.h"

#include <cstdint>
#include <string>

namespace sprocket::test
{
/** A clip of `media` at `position` for `length` samples, reading from `offset` in the media. */
inline session::Clip makeClip (std::string id, std::string media, int64_t position, int64_t length, int64_t offset)
{
    session::Clip c;
    c.id = std::move (id);
    c.mediaId = std::move (media);
    c.position = { position };
    c.length = { length };
    c.sourceOffset = { offset };
    return c;
}
} // namespace sprocket::test
