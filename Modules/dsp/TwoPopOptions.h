#pragma once

namespace sprocket::dsp
{
/** What counts as a 2-pop: a burst of `frequencyHz` about one frame long, with quiet on both
    sides. The defaults cover every SMPTE rate (docs/SYNC.md). */
struct TwoPopOptions
{
    double frequencyHz = 1000.0;

    /** +-1 %: a pull-up or pull-down (0.1 %) passes; a flute's B5 (988 Hz) does not. */
    double frequencyTolerance = 0.01;

    /** Burst length, measured between its half-amplitude points: 6 ms is 0.36 frame at 60 fps,
        110 ms is 2.6 frames at 23.976 fps, so half a frame to two frames pass at any rate and a
        line-up tone (seconds) does not. */
    double minSeconds = 0.006;
    double maxSeconds = 0.110;

    /** The stretch before and after the burst that must be quiet, and how far below the pop
        (programme 20 dB down passes, with room for noise's ups and downs). */
    double guardSeconds = 0.050;
    double isolationDb = 12.0;

    /** The quietest pop looked for, as the sine's peak in dBFS (pops are usually -20 dBFS; the
        spec allows down to -40). */
    double floorDbfs = -60.0;
};
} // namespace sprocket::dsp
