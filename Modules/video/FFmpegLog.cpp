#include "video/FFmpegLog.h"

extern "C"
{
#include <libavutil/log.h>
}

namespace sprocket::video
{
void silenceFFmpegLog() noexcept
{
    av_log_set_level (AV_LOG_QUIET);
}
} // namespace sprocket::video
