#include "dsp/LoudnessHistory.h"

#include <algorithm>

namespace sprocket::dsp
{
void LoudnessHistory::prepare (int capacitySteps)
{
    ring.assign ((size_t) std::max (capacitySteps, 0), Reading {});
    added = 0;
}

void LoudnessHistory::reset() noexcept
{
    added = 0;
}

void LoudnessHistory::add (Reading reading) noexcept
{
    if (ring.empty())
        return;
    ring[(size_t) (added % (int64_t) ring.size())] = reading;
    ++added;
}

LoudnessHistory::Reading LoudnessHistory::operator[] (int i) const noexcept
{
    const int64_t first = added - size();
    return ring[(size_t) ((first + i) % (int64_t) ring.size())];
}
} // namespace sprocket::dsp
