#include "qc/DialogueGate.h"

#include "dsp/LoudnessMath.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace sprocket::qc
{
namespace
{
    constexpr double absoluteGateLufs = -70.0;
    constexpr double relativeGateLu = -10.0;
    constexpr double minimumDialogueShare = 0.1;
    constexpr double syllableContrastDb = 15.0;

    double gatedLoudness (const std::vector<double>& energies)
    {
        double sum = 0.0;
        int n = 0;
        for (double e : energies)
            if (dsp::lufsFromEnergy (e) > absoluteGateLufs)
            {
                sum += e;
                ++n;
            }
        if (n == 0)
            return -INFINITY;
        const double relativeGate = dsp::lufsFromEnergy (sum / n) + relativeGateLu;
        sum = 0.0;
        n = 0;
        for (double e : energies)
            if (dsp::lufsFromEnergy (e) > absoluteGateLufs && dsp::lufsFromEnergy (e) > relativeGate)
            {
                sum += e;
                ++n;
            }
        return n == 0 ? -INFINITY : dsp::lufsFromEnergy (sum / n);
    }
} // namespace

DialogueLoudness measureDialogueLoudness (const ProgrammeProfile& profile)
{
    std::vector<double> dialogueBlocks;
    int loudBlocks = 0;
    const size_t steps = std::min (profile.momentaryLufs.size(), profile.dialogueStep.size());
    if (profile.speechBandLowDb.size() < steps || profile.speechBandHighDb.size() < steps)
        return { profile.loudness.integratedLufs, 0.0, true };
    // The momentary reading at the end of step k is the gating block of steps k-3 .. k.
    for (size_t k = 3; k < steps; ++k)
    {
        const double lufs = profile.momentaryLufs[k];
        if (! (lufs > absoluteGateLufs))
            continue;
        ++loudBlocks;
        const int speaking =
            profile.dialogueStep[k] + profile.dialogueStep[k - 1] + profile.dialogueStep[k - 2] + profile.dialogueStep[k - 3];
        float low = INFINITY, high = -INFINITY;
        for (size_t j = k - 3; j <= k; ++j)
        {
            low = std::min (low, profile.speechBandLowDb[j]);
            high = std::max (high, profile.speechBandHighDb[j]);
        }
        if (speaking >= 2 && high - low >= syllableContrastDb)
            dialogueBlocks.push_back (dsp::energyFromLufs (lufs));
    }
    DialogueLoudness result;
    result.dialogueShare = loudBlocks > 0 ? (double) dialogueBlocks.size() / loudBlocks : 0.0;
    if (result.dialogueShare < minimumDialogueShare)
    {
        result.fellBack = true;
        result.lufs = profile.loudness.integratedLufs;
        return result;
    }
    result.lufs = gatedLoudness (dialogueBlocks);
    return result;
}
} // namespace sprocket::qc
