#include "core/TempoMap.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace sprocket::core
{
namespace
{
    int64_t floorDivide (int64_t a, int64_t b) noexcept
    {
        const int64_t q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
    }

    constexpr double secondsPerMinute = 60.0;
} // namespace

Result<TempoMap> TempoMap::create (SamplePosition barOneAt, std::vector<TempoChange> tempos, std::vector<MeterChange> meters)
{
    const auto entry = [] (const char* list, size_t i) { return std::string (list) + "[" + std::to_string (i) + "]: "; };

    if (tempos.empty() || tempos.front().tick != 0)
        return makeError ("tempos: the first tempo must be at bar 1 (tick 0)");
    for (size_t i = 0; i < tempos.size(); ++i)
    {
        if (! (tempos[i].bpm >= 1.0 && tempos[i].bpm <= 999.0))
            return makeError (entry ("tempos", i) + "bpm must be 1-999 (got " + std::to_string (tempos[i].bpm) + ")");
        if (i > 0 && tempos[i].tick <= tempos[i - 1].tick)
            return makeError (entry ("tempos", i) + "must come after the tempo before it");
    }
    if (meters.empty() || meters.front().bar != 1)
        return makeError ("meters: the first meter must be at bar 1");
    for (size_t i = 0; i < meters.size(); ++i)
    {
        if (meters[i].numerator < 1 || meters[i].numerator > 64)
            return makeError (entry ("meters", i) + "numerator must be 1-64");
        if (meters[i].denominator < 1 || meters[i].denominator > 64 || ! std::has_single_bit (unsigned (meters[i].denominator)))
            return makeError (entry ("meters", i) + "denominator must be 1, 2, 4, 8, 16, 32 or 64");
        if (i > 0 && meters[i].bar <= meters[i - 1].bar)
            return makeError (entry ("meters", i) + "must come after the meter before it");
    }

    TempoMap map;
    map.barOne = barOneAt;
    map.tempoChanges = std::move (tempos);
    map.meterChanges = std::move (meters);
    map.recomputeTimes();
    return map;
}

void TempoMap::recomputeTimes()
{
    tempoSeconds.assign (tempoChanges.size(), 0.0);
    for (size_t i = 1; i < tempoChanges.size(); ++i)
    {
        const auto& previous = tempoChanges[i - 1];
        tempoSeconds[i] = tempoSeconds[i - 1]
                          + double (tempoChanges[i].tick - previous.tick) / ticksPerQuarter * secondsPerMinute / previous.bpm;
    }
    meterTicks.assign (meterChanges.size(), 0);
    for (size_t i = 1; i < meterChanges.size(); ++i)
        meterTicks[i] = meterTicks[i - 1] + (meterChanges[i].bar - meterChanges[i - 1].bar) * meterChanges[i - 1].ticksPerBar();
}

size_t TempoMap::tempoIndexAtTick (double tick) const noexcept
{
    const auto after = std::upper_bound (tempoChanges.begin(), tempoChanges.end(), tick,
                                         [] (double t, const TempoChange& change) { return t < double (change.tick); });
    return after == tempoChanges.begin() ? 0 : size_t (after - tempoChanges.begin()) - 1;
}

size_t TempoMap::meterIndexAtTick (int64_t tick) const noexcept
{
    const auto after = std::upper_bound (meterTicks.begin(), meterTicks.end(), tick);
    return after == meterTicks.begin() ? 0 : size_t (after - meterTicks.begin()) - 1;
}

const MeterChange& TempoMap::meterAtTick (int64_t tick) const noexcept
{
    return meterChanges[meterIndexAtTick (tick)];
}

const MeterChange& TempoMap::meterAtBar (int64_t bar) const noexcept
{
    const auto after = std::upper_bound (meterChanges.begin(), meterChanges.end(), bar,
                                         [] (int64_t b, const MeterChange& change) { return b < change.bar; });
    return after == meterChanges.begin() ? meterChanges.front() : *(after - 1);
}

int64_t TempoMap::tickOfBar (int64_t bar) const noexcept
{
    const auto& meter = meterAtBar (bar);
    const auto index = size_t (&meter - meterChanges.data());
    return meterTicks[index] + (bar - meter.bar) * meter.ticksPerBar();
}

Result<int64_t> TempoMap::tickOf (const BarsBeats& position) const
{
    const auto& meter = meterAtBar (position.bar);
    if (position.beat < 1 || position.beat > meter.numerator)
        return makeError ("bars|beats " + formatBarsBeats (position) + ": bar " + std::to_string (position.bar) + " is in "
                          + std::to_string (meter.numerator) + "/" + std::to_string (meter.denominator) + " and has beats 1-"
                          + std::to_string (meter.numerator));
    if (position.tick < 0 || position.tick >= meter.ticksPerBeat())
        return makeError ("bars|beats " + formatBarsBeats (position) + ": a 1/" + std::to_string (meter.denominator)
                          + " beat has ticks 0-" + std::to_string (meter.ticksPerBeat() - 1));
    return tickOfBar (position.bar) + (position.beat - 1) * meter.ticksPerBeat() + position.tick;
}

BarsBeats TempoMap::barsBeatsAt (int64_t tick) const
{
    const auto index = meterIndexAtTick (tick);
    const auto& meter = meterChanges[index];
    const int64_t sinceChange = tick - meterTicks[index];
    const int64_t bars = floorDivide (sinceChange, meter.ticksPerBar());
    const int64_t withinBar = sinceChange - bars * meter.ticksPerBar();
    return { meter.bar + bars, int (withinBar / meter.ticksPerBeat()) + 1, int (withinBar % meter.ticksPerBeat()) };
}

double TempoMap::bpmAtTick (double tick) const noexcept
{
    return tempoChanges[tempoIndexAtTick (tick)].bpm;
}

double TempoMap::secondsAtTick (double tick) const noexcept
{
    const auto index = tempoIndexAtTick (tick);
    const auto& change = tempoChanges[index];
    return tempoSeconds[index] + (tick - double (change.tick)) / ticksPerQuarter * secondsPerMinute / change.bpm;
}

double TempoMap::tickAtSeconds (double seconds) const noexcept
{
    const auto after = std::upper_bound (tempoSeconds.begin(), tempoSeconds.end(), seconds);
    const size_t index = after == tempoSeconds.begin() ? 0 : size_t (after - tempoSeconds.begin()) - 1;
    const auto& change = tempoChanges[index];
    return double (change.tick) + (seconds - tempoSeconds[index]) * change.bpm / secondsPerMinute * ticksPerQuarter;
}

SamplePosition TempoMap::positionOfTick (int64_t tick, int64_t sampleRate) const noexcept
{
    return barOne + SampleDuration { std::llround (secondsAtTick (double (tick)) * double (sampleRate)) };
}

double TempoMap::tickAt (SamplePosition position, int64_t sampleRate) const noexcept
{
    return tickAtSeconds (double ((position - barOne).samples) / double (sampleRate));
}

int64_t TempoMap::tickContaining (SamplePosition position, int64_t sampleRate) const noexcept
{
    auto tick = int64_t (std::llround (tickAt (position, sampleRate)));
    while (positionOfTick (tick, sampleRate) > position)
        --tick;
    while (positionOfTick (tick + 1, sampleRate) <= position)
        ++tick;
    return tick;
}

int64_t TempoMap::nearestGridTick (double tick, int subdivisionsPerBeat) const noexcept
{
    const auto floorTick = int64_t (std::floor (tick));
    const auto bar = barsBeatsAt (floorTick).bar;
    const int64_t barStart = tickOfBar (bar);
    const auto& meter = meterAtBar (bar);
    if (subdivisionsPerBeat <= 0)
    {
        const int64_t nextBar = barStart + meter.ticksPerBar();
        return tick - double (barStart) <= double (nextBar) - tick ? barStart : nextBar;
    }
    // A step that does not divide the beat (a 5-tuplet of an eighth) rounds to whole ticks.
    const double step = double (meter.ticksPerBeat()) / subdivisionsPerBeat;
    const double steps = std::round ((tick - double (barStart)) / step);
    return std::min (barStart + int64_t (std::llround (steps * step)), barStart + meter.ticksPerBar());
}

std::vector<int64_t> TempoMap::gridTicks (int64_t fromTick, int64_t toTick, int subdivisionsPerBeat) const
{
    std::vector<int64_t> lines;
    for (int64_t bar = barsBeatsAt (fromTick).bar;; ++bar)
    {
        const int64_t barStart = tickOfBar (bar);
        if (barStart > toTick)
            break;
        const auto& meter = meterAtBar (bar);
        const int64_t divisions = subdivisionsPerBeat <= 0 ? 1 : meter.numerator * int64_t (subdivisionsPerBeat);
        for (int64_t i = 0; i < divisions; ++i)
        {
            const int64_t tick = barStart + i * meter.ticksPerBar() / divisions;
            if (tick >= fromTick && tick <= toTick)
                lines.push_back (tick);
        }
    }
    return lines;
}
} // namespace sprocket::core
