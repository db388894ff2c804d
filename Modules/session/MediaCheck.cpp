#include "session/MediaCheck.h"

#include "io/AudioFileInfo.h"

#include <map>

namespace sprocket::session
{
int64_t lengthAtSessionRate (int64_t frames, int64_t mediaRate, int64_t sessionRate) noexcept
{
    if (mediaRate == sessionRate || mediaRate <= 0)
        return frames;
    // Round to nearest, as a resampler's output length does.
    return (frames * sessionRate + mediaRate / 2) / mediaRate;
}

Problems checkMedia (const Session& session)
{
    Problems problems;
    std::map<std::string, io::AudioFileInfo> infos;

    for (size_t i = 0; i < session.media.size(); ++i)
    {
        auto& ref = session.media[i];
        auto info = io::probeAudioFile (session.resolveMediaPath (ref));
        if (info.ok())
            infos.emplace (ref.id, std::move (info.value()));
        else
            problems.push_back ({ "media[" + std::to_string (i) + "].path", info.error().message });
    }

    for (size_t t = 0; t < session.tracks.size(); ++t)
    {
        auto& track = session.tracks[t];
        const auto checkClips = [&] (const std::vector<Clip>& clips, const std::string& listPath) {
            for (size_t c = 0; c < clips.size(); ++c)
            {
                auto& clip = clips[c];
                auto found = infos.find (clip.mediaId);
                if (found == infos.end())
                    continue; // already reported as missing or unknown
                const auto& info = found->second;
                const auto path = listPath + "[" + std::to_string (c) + "]";
                if (info.channels != track.channels)
                    problems.push_back ({ path + ".media", "'" + clip.mediaId + "' has " + std::to_string (info.channels)
                                                               + " channel(s) but track '" + track.id + "' has "
                                                               + std::to_string (track.channels) });
                const auto available = lengthAtSessionRate (info.frames, info.sampleRate, session.sampleRate);
                const auto needed = clip.sourceOffset.samples + clip.length.samples;
                if (needed > available)
                    problems.push_back ({ path, "source_offset + length (" + std::to_string (needed)
                                                    + ") runs past the end of media '" + clip.mediaId + "' ("
                                                    + std::to_string (available) + " samples)" });
            }
        };
        const auto trackPath = "tracks[" + std::to_string (t) + "]";
        checkClips (track.clips, trackPath + ".clips");
        for (size_t p = 0; p < track.alternatePlaylists.size(); ++p)
            checkClips (track.alternatePlaylists[p].clips, trackPath + ".alternate_playlists[" + std::to_string (p) + "].clips");
    }
    return problems;
}
} // namespace sprocket::session
