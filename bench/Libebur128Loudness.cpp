// The libebur128 reference for bench/loudness_bench.sh: reads a file with libsndfile and measures
// it with libebur128 (integrated loudness, loudness range and true peak of every channel), printing
// the same JSON keys as `sprocket-cli loudness --json`. With --maxima it also reads the momentary
// and short-term meters after every 100 ms of audio for their maxima (much slower: each short-term
// reading sums 3 s of samples). 7.1 files get channels 7 and 8 as rear surrounds (weight 1.0), as
// Sprocket assumes; other layouts use libebur128's defaults, which match Sprocket's.
// A benchmark tool only: libebur128 is never linked into Sprocket itself.

#include <ebur128.h>
#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace
{
void printValue (const char* key, double value, bool last = false)
{
    if (std::isfinite (value))
        std::printf ("  \"%s\": %.4f%s\n", key, value, last ? "" : ",");
    else
        std::printf ("  \"%s\": null%s\n", key, last ? "" : ",");
}
} // namespace

int main (int argc, char** argv)
{
    if (argc < 2)
    {
        std::fprintf (stderr, "usage: %s FILE [--maxima]\n", argv[0]);
        return 2;
    }
    const bool maxima = argc > 2 && std::strcmp (argv[2], "--maxima") == 0;

    SF_INFO info {};
    std::unique_ptr<SNDFILE, int (*) (SNDFILE*)> file (sf_open (argv[1], SFM_READ, &info), sf_close);
    if (! file)
    {
        std::fprintf (stderr, "%s: %s\n", argv[1], sf_strerror (nullptr));
        return 1;
    }

    int mode = EBUR128_MODE_I | EBUR128_MODE_LRA | EBUR128_MODE_TRUE_PEAK;
    std::unique_ptr<ebur128_state, void (*) (ebur128_state*)> state (
        ebur128_init ((unsigned)info.channels, (unsigned long)info.samplerate, mode),
        [] (ebur128_state* s) { ebur128_destroy (&s); });
    if (info.channels == 8)
    {
        ebur128_set_channel (state.get(), 6, EBUR128_Mp135);
        ebur128_set_channel (state.get(), 7, EBUR128_Mm135);
    }

    // 100 ms chunks with --maxima (one meter reading each), else 64k frames.
    const sf_count_t chunk = maxima ? (info.samplerate + 5) / 10 : 65536;
    std::vector<float> buffer ((size_t)(chunk * info.channels));
    double maxMomentary = -HUGE_VAL, maxShortTerm = -HUGE_VAL;
    for (sf_count_t got; (got = sf_readf_float (file.get(), buffer.data(), chunk)) > 0;)
    {
        ebur128_add_frames_float (state.get(), buffer.data(), (size_t)got);
        if (maxima && got == chunk)
        {
            double m, s;
            ebur128_loudness_momentary (state.get(), &m);
            ebur128_loudness_shortterm (state.get(), &s);
            maxMomentary = std::max (maxMomentary, m);
            maxShortTerm = std::max (maxShortTerm, s);
        }
    }

    double integrated, range, truePeak = 0.0, samplePeak = 0.0;
    ebur128_loudness_global (state.get(), &integrated);
    ebur128_loudness_range (state.get(), &range);
    for (unsigned c = 0; c < (unsigned)info.channels; ++c)
    {
        double v;
        ebur128_true_peak (state.get(), c, &v);
        truePeak = std::max (truePeak, v);
        ebur128_sample_peak (state.get(), c, &v);
        samplePeak = std::max (samplePeak, v);
    }

    std::printf ("{\n  \"file\": \"%s\",\n", argv[1]);
    printValue ("integrated_lufs", integrated);
    printValue ("loudness_range_lu", range);
    printValue ("true_peak_dbtp", 20.0 * std::log10 (truePeak));
    printValue ("sample_peak_dbfs", 20.0 * std::log10 (samplePeak), ! maxima);
    if (maxima)
    {
        printValue ("max_momentary_lufs", maxMomentary);
        printValue ("max_short_term_lufs", maxShortTerm, true);
    }
    std::printf ("}\n");
    return 0;
}
