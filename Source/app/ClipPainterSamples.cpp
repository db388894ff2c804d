// ClipPainter at sample level: zoomed in past the finest peak level, a clip's waveform is drawn
// from its media's actual samples (a SampleWindow), as Pro Tools does, so a dialogue editor can
// cut on a zero crossing and find a click.
#include "ClipPainter.h"
#include "SampleWindowCache.h"

#include <algorithm>
#include <cmath>

namespace sprocket::app
{
namespace
{
    /** Where media frame `frame` of the clip is on screen: the left edge of the timeline sample
        it plays at, the x where the edit cursor at that sample is drawn. */
    double xOfFrame (const session::Clip& clip, double frame, const TimelineScale& scale, double ratio)
    {
        const double timeline = double (clip.position.samples - clip.sourceOffset.samples) + frame / ratio;
        return double (scale.originX) + (timeline - scale.viewStart) / scale.samplesPerPixel;
    }

    double frameAtX (const session::Clip& clip, double x, const TimelineScale& scale, double ratio)
    {
        const double timeline = scale.viewStart + (x - double (scale.originX)) * scale.samplesPerPixel;
        return (double (clip.sourceOffset.samples) + timeline - double (clip.position.samples)) * ratio;
    }
} // namespace

double ClipPainter::rateRatio (const io::PeakData& peaks, int64_t sessionRate)
{
    return double (peaks.sampleRate()) / double (std::max<int64_t> (1, sessionRate));
}

bool ClipPainter::drawsSamples (const TimelineScale& scale, double ratio)
{
    return scale.samplesPerPixel * ratio < double (io::PeakData::samplesPerPeak (0));
}

core::SampleRange ClipPainter::mediaFramesShown (const session::Clip& clip, float x0, float x1, const TimelineScale& scale,
                                                 double ratio)
{
    // One frame beyond each end, so the line runs on out of the visible part.
    const auto from = int64_t (std::floor (frameAtX (clip, double (x0), scale, ratio))) - 1;
    const auto to = int64_t (std::ceil (frameAtX (clip, double (x1), scale, ratio))) + 2;
    return { { std::max<int64_t> (0, from) }, { std::max<int64_t> (1, to) } };
}

void ClipPainter::paintSamples (juce::Graphics& g, const session::Clip& clip, juce::Rectangle<float> body,
                                const TimelineScale& scale, const Look& look, juce::Colour colour, int x0, int x1)
{
    const auto& window = *look.samples;
    const double ratio = rateRatio (*look.peaks, look.sessionRate);
    const double mediaSpp = scale.samplesPerPixel * ratio;
    const float gain = float (std::pow (10.0, clip.gainDb / 20.0));
    const int channels = std::min (window.channels, look.peaks->channels());
    const float laneHeight = body.getHeight() / float (std::max (1, channels));
    const auto shown = mediaFramesShown (clip, float (x0), float (x1), scale, ratio);
    const int64_t first = std::max (window.start, shown.start.samples);
    const int64_t last = std::min (window.start + window.frames, shown.end.samples);
    if (last <= first || channels <= 0)
        return;

    // Scaled by the clip gain and clamped to the lane, exactly as paintWaveform scales peaks.
    const auto yOf = [&] (float centre, float half, float value) {
        return centre - std::clamp (value * gain, -1.0f, 1.0f) * half;
    };

    if (mediaSpp >= 1.0)
    {
        // Several samples a column: each column's min and max, taken over the frames it covers
        // and the first of the next, so neighbouring columns join up as a line would.
        juce::RectangleList<int> bars;
        bars.ensureStorageAllocated ((x1 - x0) * channels);
        for (int channel = 0; channel < channels; ++channel)
        {
            const float centre = body.getY() + laneHeight * (float (channel) + 0.5f);
            const float half = laneHeight * 0.5f - 1.0f;
            for (int x = x0; x < x1; ++x)
            {
                const auto a = std::max (first, int64_t (std::floor (frameAtX (clip, double (x), scale, ratio))));
                const auto b = std::min (last - 1, int64_t (std::floor (frameAtX (clip, double (x + 1), scale, ratio))));
                if (b < a)
                    continue;
                const auto [low, high] = window.range (channel, a, b);
                const int y1 = int (std::floor (yOf (centre, half, high)));
                const int y2 = int (std::ceil (yOf (centre, half, low)));
                bars.addWithoutMerging ({ x, y1, 1, std::max (1, y2 - y1) });
            }
        }
        g.setColour (colour.withAlpha (0.85f));
        g.fillRectList (bars);
        return;
    }

    // Fewer than one sample a column: a line through the samples, over a faint zero line (where
    // to cut without a click), and from ~6 pixels a sample a dot on each, as in Pro Tools.
    const bool dots = 1.0 / mediaSpp >= minPixelsPerSampleForDots;
    // Under 3 pixels a sample the line is drawn column by column (each column spans what the
    // line crosses in it: whole-pixel rectangles, the fast path), since at 2 pixels a sample a
    // stroked path of ~850 segments a lane cost ~0.5 ms a lane in the paint benchmark; from 3
    // pixels a sample on, the segments are long enough for the anti-aliased stroke to show.
    const bool stroked = 1.0 / mediaSpp >= 3.0;
    juce::RectangleList<int> marks;
    juce::RectangleList<int> columns;
    for (int channel = 0; channel < channels; ++channel)
    {
        const float* data = window.channel (channel);
        const float centre = body.getY() + laneHeight * (float (channel) + 0.5f);
        const float half = laneHeight * 0.5f - 1.0f;
        g.setColour (colour.withAlpha (0.25f));
        g.fillRect (juce::Rectangle<int> (x0, int (std::floor (centre)), x1 - x0, 1));

        if (! stroked)
        {
            const auto valueAt = [&] (double frame) {
                const auto f = std::clamp (int64_t (std::floor (frame)), first, last - 1);
                const auto next = std::min (f + 1, last - 1);
                const auto t = float (std::clamp (frame - double (f), 0.0, 1.0));
                return data[f - window.start] + t * (data[next - window.start] - data[f - window.start]);
            };
            for (int x = x0; x < x1; ++x)
            {
                const double fa = frameAtX (clip, double (x), scale, ratio);
                const double fb = frameAtX (clip, double (x + 1), scale, ratio);
                float high = std::max (valueAt (fa), valueAt (fb)), low = std::min (valueAt (fa), valueAt (fb));
                for (auto f = std::max (first, int64_t (std::ceil (fa))); f < std::min (last, int64_t (std::ceil (fb))); ++f)
                {
                    high = std::max (high, data[f - window.start]);
                    low = std::min (low, data[f - window.start]);
                }
                const int y1 = int (std::floor (yOf (centre, half, high)));
                const int y2 = int (std::ceil (yOf (centre, half, low)));
                columns.addWithoutMerging ({ x, y1, 1, std::max (1, y2 - y1) });
            }
            continue;
        }

        juce::Path line;
        line.preallocateSpace (int (3 * (last - first) + 3));
        for (auto f = first; f < last; ++f)
        {
            const auto x = float (xOfFrame (clip, double (f), scale, ratio));
            const auto y = yOf (centre, half, data[f - window.start]);
            if (f == first)
                line.startNewSubPath (x, y);
            else
                line.lineTo (x, y);
            if (dots)
            {
                // A 4 px round-ish dot from two rectangles: no path, so hundreds stay cheap.
                const int cx = int (std::lround (x)), cy = int (std::lround (y));
                marks.addWithoutMerging ({ cx - 2, cy - 1, 4, 2 });
                marks.addWithoutMerging ({ cx - 1, cy - 2, 2, 4 });
            }
        }
        g.setColour (colour.withAlpha (0.9f));
        g.strokePath (line, juce::PathStrokeType (1.5f, juce::PathStrokeType::beveled, juce::PathStrokeType::butt));
    }
    if (! columns.isEmpty())
    {
        g.setColour (colour.withAlpha (0.9f));
        g.fillRectList (columns);
    }
    if (! marks.isEmpty())
    {
        g.setColour (colour.brighter (0.4f));
        g.fillRectList (marks);
    }
}
} // namespace sprocket::app
