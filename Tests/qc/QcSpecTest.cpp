#include "qc/QcSpec.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace sprocket;

namespace
{
std::filesystem::path writeSpec (const std::string& name, const std::string& text)
{
    const auto file = test::freshTempFolder ("qc_spec") / name;
    std::ofstream (file) << text;
    return file;
}
} // namespace

TEST (QcSpecTest, ShippedSpecsCarryTheirStandardsFigures)
{
    const auto r128 = qc::findQcSpec ("ebu-r128");
    ASSERT_TRUE (r128.ok());
    EXPECT_EQ (r128->targetLufs, -23.0);
    EXPECT_EQ (r128->toleranceLu, 0.5);
    EXPECT_EQ (r128->maxTruePeakDbtp, -1.0);
    EXPECT_FALSE (r128->dialogueGated);

    const auto a85 = qc::findQcSpec ("atsc-a85");
    ASSERT_TRUE (a85.ok());
    EXPECT_EQ (a85->targetLufs, -24.0);
    EXPECT_EQ (a85->toleranceLu, 2.0);
    EXPECT_EQ (a85->maxTruePeakDbtp, -2.0);

    const auto streaming = qc::findQcSpec ("streaming");
    ASSERT_TRUE (streaming.ok());
    EXPECT_EQ (streaming->targetLufs, -27.0);
    EXPECT_EQ (streaming->toleranceLu, 2.0);
    EXPECT_EQ (streaming->maxTruePeakDbtp, -2.0);
    EXPECT_TRUE (streaming->dialogueGated);
}

TEST (QcSpecTest, NamesAreFoundWhateverTheirCaseAndPunctuation)
{
    for (const char* name : { "EBU R128", "ebu_r128", "R128", "EBU-R-128" })
    {
        const auto spec = qc::findQcSpec (name);
        ASSERT_TRUE (spec.ok()) << name;
        EXPECT_EQ (spec->name, "ebu-r128") << name;
    }
    for (const char* name : { "ATSC A/85", "a85", "atsc" })
        EXPECT_EQ (qc::findQcSpec (name)->name, "atsc-a85") << name;
}

TEST (QcSpecTest, AnUnknownNameListsTheKnownOnes)
{
    const auto spec = qc::findQcSpec ("netflix-2030");
    ASSERT_FALSE (spec.ok());
    EXPECT_NE (spec.error().message.find ("netflix-2030"), std::string::npos);
    for (const char* known : { "ebu-r128", "atsc-a85", "streaming" })
        EXPECT_NE (spec.error().message.find (known), std::string::npos) << spec.error().message;
}

TEST (QcSpecTest, AUserSpecReadsEveryKeyAndDefaultsTheRest)
{
    const auto file = writeSpec ("house.json", R"({"name": "House spec", "target_lufs": -16, "tolerance_lu": 1,
        "max_true_peak_dbtp": -1.5, "dialogue_gated": true, "max_silence_s": 2.5, "max_loudness_range_lu": 12})");
    const auto spec = qc::findQcSpec (file.string());
    ASSERT_TRUE (spec.ok()) << spec.error().message;
    EXPECT_EQ (spec->name, "House spec");
    EXPECT_EQ (spec->targetLufs, -16.0);
    EXPECT_EQ (spec->toleranceLu, 1.0);
    EXPECT_EQ (spec->maxTruePeakDbtp, -1.5);
    EXPECT_TRUE (spec->dialogueGated);
    EXPECT_EQ (spec->maxSilenceSeconds, 2.5);
    ASSERT_TRUE (spec->maxLoudnessRangeLu.has_value());
    EXPECT_EQ (*spec->maxLoudnessRangeLu, 12.0);
    EXPECT_EQ (spec->clipRunSamples, 3); // default
}

TEST (QcSpecTest, BadUserSpecsNameTheFileAndTheField)
{
    struct Case
    {
        const char* text;
        const char* field;
    };
    for (const auto& c : { Case { R"({"tolerance_lu": 1})", "target_lufs" }, Case { R"({"target_lufs": "loud"})", "target_lufs" },
                           Case { R"({"target_lufs": -23, "max_true_peak_dbtp": 12})", "max_true_peak_dbtp" },
                           Case { R"({"target_lufs": -23, "dialogue_gated": 1})", "dialogue_gated" },
                           Case { R"({"target_lufs": -23, "max_tru_peak": -1})", "max_tru_peak" },
                           Case { R"({"target_lufs": -23,)", "not valid JSON" } })
    {
        const auto file = writeSpec ("bad.json", c.text);
        const auto spec = qc::loadQcSpec (file);
        ASSERT_FALSE (spec.ok()) << c.text;
        EXPECT_NE (spec.error().message.find (file.string()), std::string::npos) << spec.error().message;
        EXPECT_NE (spec.error().message.find (c.field), std::string::npos) << spec.error().message;
    }
    EXPECT_FALSE (qc::loadQcSpec ("/nonexistent/spec.json").ok());
}
