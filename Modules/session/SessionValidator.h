#pragma once

#include "session/Problems.h"
#include "session/Session.h"

namespace sprocket::session
{
/** Checks what single fields cannot: unique ids, references between tracks, buses and media,
    routing without cycles, fades that fit their clips. Does not touch the disk. [[any thread]] */
Problems validateStructure (const Session& session);
} // namespace sprocket::session
