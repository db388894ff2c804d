#pragma once

#include "engine/RenderPlan.h"
#include "session/Session.h"

namespace sprocket::engine
{
/** Compiles a structurally valid session into a RenderPlan. [[message thread]] */
RenderPlan compilePlan (const session::Session& session);

/** The gains that carry `sourceChannels` into `destinationChannels`, for a source at `pan`:
    mono into stereo and wider uses the -3 dB constant-power law on L/R; stereo uses balance;
    equal widths map one to one; 5.1/7.1 into stereo is the ITU-R BS.775 Lo/Ro downmix
    (centre and surrounds at -3 dB, LFE dropped); anything into mono averages L and R. */
RoutingMatrix routingMatrix (int sourceChannels, int destinationChannels, double pan, float gain);
} // namespace sprocket::engine
