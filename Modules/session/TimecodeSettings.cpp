#include "session/TimecodeSettings.h"

namespace sprocket::session
{
core::Status changeFrameRate (SessionEditor& editor, core::FrameRate rate)
{
    if (editor.session().frameRate == rate)
        return {};
    editor.frameRate() = rate;
    editor.startTimecode() = core::relabelTimecode (editor.session().startTimecode, rate);
    if (editor.session().video && editor.session().video->startTimecode)
        editor.video()->startTimecode = core::relabelTimecode (*editor.session().video->startTimecode, rate);
    return {};
}
} // namespace sprocket::session
