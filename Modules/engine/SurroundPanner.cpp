#include "engine/SurroundPanner.h"

#include "core/Decibels.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <vector>

namespace sprocket::engine
{
namespace
{
    struct Speaker
    {
        int channel;
        double x, y;
        double angle; // clockwise from the screen, radians
    };

    std::vector<Speaker> fullRangeSpeakers (int channels)
    {
        // SMPTE channel order: L R C LFE Ls Rs (Lrs Rrs); in 7.1 channels 4/5 are the sides.
        std::vector<Speaker> speakers { { 0, -1, 1, 0 }, { 1, 1, 1, 0 }, { 2, 0, 1, 0 } };
        if (channels == 8)
            speakers.insert (speakers.end(), { { 4, -1, 0, 0 }, { 5, 1, 0, 0 }, { 6, -1, -1, 0 }, { 7, 1, -1, 0 } });
        else
            speakers.insert (speakers.end(), { { 4, -1, -1, 0 }, { 5, 1, -1, 0 } });
        for (auto& s : speakers)
            s.angle = std::atan2 (s.x, s.y);
        std::sort (speakers.begin(), speakers.end(), [] (auto& a, auto& b) { return a.angle < b.angle; });
        return speakers;
    }

    /** Gains of the speaker pair around `direction` (unit vector), by VBAP: g = p · L⁻¹. */
    void vbap (const std::vector<Speaker>& ring, double direction, std::array<double, maxChannels>& gains)
    {
        const int count = int (ring.size());
        for (int i = 0; i < count; ++i)
        {
            const auto& a = ring[size_t (i)];
            const auto& b = ring[size_t ((i + 1) % count)];
            auto span = b.angle - a.angle;
            auto offset = direction - a.angle;
            if (span <= 0)
                span += 2.0 * M_PI;
            if (offset < 0)
                offset += 2.0 * M_PI;
            if (offset > span + 1e-12)
                continue;
            Eigen::Matrix2d base;
            base << std::sin (a.angle), std::cos (a.angle), std::sin (b.angle), std::cos (b.angle);
            const Eigen::RowVector2d source (std::sin (direction), std::cos (direction));
            const Eigen::RowVector2d g = source * base.inverse();
            gains[size_t (a.channel)] = std::max (0.0, g (0));
            gains[size_t (b.channel)] = std::max (0.0, g (1));
            return;
        }
    }

    void normalisePower (std::array<double, maxChannels>& gains, int lfe)
    {
        double power = 0.0;
        for (int c = 0; c < maxChannels; ++c)
            if (c != lfe)
                power += gains[size_t (c)] * gains[size_t (c)];
        if (power > 0.0)
            for (int c = 0; c < maxChannels; ++c)
                if (c != lfe)
                    gains[size_t (c)] /= std::sqrt (power);
    }
} // namespace

std::array<float, maxChannels> surroundPanGains (int channels, const SurroundPosition& position)
{
    constexpr int lfe = 3;
    const auto ring = fullRangeSpeakers (channels);
    const double x = std::clamp (position.x, -1.0, 1.0);
    const double y = std::clamp (position.y, -1.0, 1.0);

    std::array<double, maxChannels> point {};
    const double reach = std::max (std::abs (x), std::abs (y)); // 1 on the room's edge
    if (reach > 0.0)
        vbap (ring, std::atan2 (x, y), point);
    normalisePower (point, lfe);

    // Inside the room and with divergence, the image spreads towards every full-range speaker.
    const double spread = std::clamp (1.0 - reach * (1.0 - std::clamp (position.divergence, 0.0, 1.0)), 0.0, 1.0);
    std::array<double, maxChannels> gains {};
    const double everywhere = 1.0 / std::sqrt (double (ring.size()));
    for (auto& s : ring)
        gains[size_t (s.channel)] =
            std::sqrt ((1.0 - spread) * point[size_t (s.channel)] * point[size_t (s.channel)] + spread * everywhere * everywhere);

    // Centre percentage: what the centre gives up goes phantom to L and R at equal power.
    const double centreShare = std::clamp (position.centrePercent, 0.0, 100.0) / 100.0;
    const double centre = gains[2];
    gains[2] = centre * std::sqrt (centreShare);
    const double phantom = centre * std::sqrt ((1.0 - centreShare) / 2.0);
    gains[0] = std::sqrt (gains[0] * gains[0] + phantom * phantom);
    gains[1] = std::sqrt (gains[1] * gains[1] + phantom * phantom);
    normalisePower (gains, lfe);

    gains[lfe] = core::gainFromDb (position.lfeDb);
    std::array<float, maxChannels> result {};
    for (int c = 0; c < channels && c < maxChannels; ++c)
        result[size_t (c)] = float (gains[size_t (c)]);
    return result;
}
} // namespace sprocket::engine
