#pragma once

#include "session/Automation.h"
#include "session/AutomationMode.h"

#include <cstdint>
#include <vector>

namespace sprocket::session
{
/** What a recorder needs to know about the parameter it writes. */
struct AutomationTarget
{
    double minimum = -200.0;
    double maximum = 24.0;
    /** The value where the lane is empty: the parameter's static value (the fader's gain_db). */
    double staticValue = 0.0;
    /** Pro Tools' AutoMatch time: how long a released control glides back to the existing
        automation. 250 ms is Pro Tools' default, 12000 samples at 48 kHz. */
    int64_t autoMatchSamples = 12000;
    /** How far the thinned line may stray from what the control did: 0.1 dB is below what
        anyone hears on a fader ride (the smallest step most consoles show). For other units
        use about 1/1000 of the range (AutomationThinning.h). */
    double tolerance = 0.1;
};

/** Records one playback pass of one control (a fader, a pan, an insert parameter) into its lane.

    The message thread feeds it the gesture as it happens, each event stamped with the playhead
    position the engine reported (RealtimeEngine's position), and gets the new lane at stop,
    to apply as one undoable edit. It never touches the engine: what plays during the pass is the
    control itself (the fader's own plan swap), so the audio thread sees nothing of this.

    Between two events the control is taken to move in a straight line (the points a UI sends
    every few milliseconds are joined up), then thinned to `tolerance`. How each mode ends:
    - touch and trim: on release the written value glides linearly to the existing automation
      over the AutoMatch time (ending at release + AutoMatch on the existing lane's value there);
    - latch and write: at stop; a control still touched at stop in touch or trim mode, too.
    Stopping ends writing where it is: the lane steps back to the existing automation at the stop
    position (Pro Tools' "right angle" when you stop before AutoMatch has finished), cutting a
    glide short. Writing starts with a step too where the control's value is not the existing
    one: at play start in write mode (the fader does not follow the lane), at the touch in latch
    and touch mode only when the UI reports a different value than the lane played.

    Trim: the control's value is an offset (0 at rest) added to the existing automation, or to
    the static value where there is none; the result is the sum, clamped to the range, with a
    point at every existing breakpoint and every bend of the offset inside the touched span.

    Positions go forward only: an event earlier than the previous one is taken at the previous
    position (a pass is one run of the transport; a loop wrap ends it). [[message thread]] */
class AutomationRecorder
{
public:
    AutomationRecorder (AutomationLane existing, AutomationMode mode, AutomationTarget target);

    /** The transport started at `position`; the control's value then (write mode starts writing it). */
    void start (int64_t position, double controlValue);

    /** The control was grabbed, moved, or let go. A move without a touch counts as a touch. */
    void touch (int64_t position, double value);
    void move (int64_t position, double value);
    void release (int64_t position);

    /** The transport stopped: the lane after this pass (the existing one in off and read mode). */
    AutomationLane stop (int64_t position);

    /** True while the control's value is being written (for the UI's red lane). */
    bool isWriting() const noexcept { return writing; }

private:
    struct Span
    {
        AutomationLane points; // the control's values, one point per event
        bool glides = false;   // ended by a release (AutoMatch), not by stop
    };

    int64_t forward (int64_t position);
    void openSpan (int64_t position, double value);
    void addPoint (int64_t position, double value);
    void closeSpan (int64_t position, bool glides);
    AutomationLane trimmedSpan (const AutomationLane& offsets, const AutomationLane& lane) const;
    AutomationLane splice (const AutomationLane& lane, const AutomationLane& written) const;

    AutomationLane existing;
    AutomationMode mode;
    AutomationTarget target;
    std::vector<Span> spans;
    int64_t latest = 0;
    bool writing = false;
    bool latched = false;
};
} // namespace sprocket::session
