#pragma once

#include "qc/ProgrammeScan.h"

#include <cmath>

namespace sprocket::qc
{
/** Dialogue-gated loudness, as streaming platforms specify it (-27 LKFS "dialogue-gated"): the
    BS.1770-4 integrated loudness of the whole mix, measured only while someone speaks.

    The platforms mean Dolby's Dialogue Intelligence, whose speech classifier is proprietary. This
    is an approximation, documented in docs/QC.md: a 400 ms gating block counts as dialogue when
    at least two of its four 100 ms steps are dialogue steps (ProgrammeScanner: the dialogue
    channel's speech band carries a large share of the programme's energy) and that band moves
    the way speech does, syllable by syllable: its loudest 10 ms within the block is at least
    15 dB above its quietest (a held note or a drone is not), and BS.1770-4's
    gates (-70 LUFS absolute, -10 LU relative) then run over the dialogue blocks alone. When
    under 10 % of the loud-enough blocks are dialogue, there is too little speech to gate on and
    the result falls back to the plain integrated loudness, as Dolby's meter does. */
struct DialogueLoudness
{
    double lufs = -INFINITY;
    double dialogueShare = 0.0; // of the blocks above -70 LUFS
    bool fellBack = false;      // too little dialogue: `lufs` is the integrated loudness
};

DialogueLoudness measureDialogueLoudness (const ProgrammeProfile& profile);
} // namespace sprocket::qc
