#pragma once

namespace sprocket::video
{
/** FFmpeg prints its own warnings to stderr ("moov atom not found", "header damaged"), beside the
    errors this module returns. Programs that report failures themselves (sprocket-cli, the app)
    call this once so that only their messages reach the user. Process-wide; [[any thread]]. */
void silenceFFmpegLog() noexcept;
} // namespace sprocket::video
