#pragma once

#include "core/BarsBeats.h"
#include "core/Error.h"
#include "core/SampleTime.h"

#include <cstdint>
#include <vector>

namespace sprocket::core
{
/** From `tick` on, the music runs at `bpm` quarter notes a minute (Pro Tools and Logic count
    tempo in quarter notes whatever the meter; 6/8 at 120 has 240 eighths a minute). */
struct TempoChange
{
    int64_t tick = 0;
    double bpm = 120.0;

    bool operator== (const TempoChange&) const = default;
};

/** From bar `bar` on, bars hold `numerator` beats of 1/`denominator` notes. */
struct MeterChange
{
    int64_t bar = 1;
    int numerator = 4;
    int denominator = 4;

    bool operator== (const MeterChange&) const = default;

    /** Ticks in one beat (a 1/denominator note) and in one bar. */
    int64_t ticksPerBeat() const noexcept { return ticksPerQuarter * 4 / denominator; }
    int64_t ticksPerBar() const noexcept { return ticksPerBeat() * numerator; }
};

/** The session's musical grid: where bar 1 sits on the timeline, and the tempo and meter
    changes after it. Tempo changes sit at musical positions (ticks), so changing an early tempo
    moves every later bar with its tempo change, as in Pro Tools' tick-based tempo ruler.
    Tempo is constant between changes. Before bar 1 the first tempo and meter run backwards
    (bars 0, -1, ...), so a pre-roll has a grid too. A plain value; conversions never fail. */
class TempoMap
{
public:
    /** 120 bpm in 4/4 with bar 1 at the session start. */
    TempoMap() { recomputeTimes(); }

    /** Checks the changes (the first tempo at tick 0 and the first meter at bar 1, positions
        strictly increasing, tempo 1-999 bpm, numerator 1-64, denominator a power of two 1-64);
        an error names the entry ("tempos[2]: ...") and why. */
    static Result<TempoMap> create (SamplePosition barOneAt, std::vector<TempoChange> tempos, std::vector<MeterChange> meters);

    SamplePosition barOnePosition() const noexcept { return barOne; }
    const std::vector<TempoChange>& tempos() const noexcept { return tempoChanges; }
    const std::vector<MeterChange>& meters() const noexcept { return meterChanges; }

    /** Ticks <-> bars|beats. tickOf fails for a beat or tick that its bar's meter does not have. */
    Result<int64_t> tickOf (const BarsBeats& position) const;
    BarsBeats barsBeatsAt (int64_t tick) const;
    int64_t tickOfBar (int64_t bar) const noexcept;
    const MeterChange& meterAtBar (int64_t bar) const noexcept;
    const MeterChange& meterAtTick (int64_t tick) const noexcept;
    double bpmAtTick (double tick) const noexcept;

    /** Ticks <-> time after bar 1 (negative before it). */
    double secondsAtTick (double tick) const noexcept;
    double tickAtSeconds (double seconds) const noexcept;

    /** Ticks <-> timeline samples: a tick's position is rounded to the nearest sample, so a
        bars|beats position survives the trip to samples and back (a tick is at least 2.9
        samples at 999 bpm and 44.1 kHz). */
    SamplePosition positionOfTick (int64_t tick, int64_t sampleRate) const noexcept;
    double tickAt (SamplePosition position, int64_t sampleRate) const noexcept;
    /** The last tick whose (rounded) position is at or before `position`: the tick a counter
        shows there, so a position made from a tick reads back as that tick. */
    int64_t tickContaining (SamplePosition position, int64_t sampleRate) const noexcept;

    /** The grid line nearest `tick`: every bar (subdivisionsPerBeat 0), every beat (1), or
        every beat divided in 2, 3, 4... (eighths, triplets, sixteenths in 4/4). */
    int64_t nearestGridTick (double tick, int subdivisionsPerBeat) const noexcept;
    /** The grid lines in [fromTick, toTick], in order, for rulers. */
    std::vector<int64_t> gridTicks (int64_t fromTick, int64_t toTick, int subdivisionsPerBeat) const;

    bool operator== (const TempoMap& other) const
    {
        return barOne == other.barOne && tempoChanges == other.tempoChanges && meterChanges == other.meterChanges;
    }

private:
    void recomputeTimes();
    size_t tempoIndexAtTick (double tick) const noexcept;
    size_t meterIndexAtTick (int64_t tick) const noexcept;

    SamplePosition barOne;
    std::vector<TempoChange> tempoChanges { TempoChange {} };
    std::vector<MeterChange> meterChanges { MeterChange {} };
    std::vector<double> tempoSeconds; // seconds after bar 1 at each tempo change
    std::vector<int64_t> meterTicks;  // tick of each meter change's bar
};
} // namespace sprocket::core
