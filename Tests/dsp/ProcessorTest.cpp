#include "dsp/CompressorProcessor.h"
#include "dsp/GainProcessor.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

using namespace sprocket::dsp;
using nlohmann::json;

TEST (ProcessorTest, ParametersAreClampedToTheirRange)
{
    CompressorProcessor p;
    p.setParameter (CompressorProcessor::ratio, 100.0f);
    EXPECT_EQ (p.getParameter (CompressorProcessor::ratio), 20.0f);
    p.setParameter (CompressorProcessor::ratio, -3.0f);
    EXPECT_EQ (p.getParameter (CompressorProcessor::ratio), 1.0f);
    p.setParameter (CompressorProcessor::ratio, std::numeric_limits<float>::quiet_NaN());
    EXPECT_EQ (p.getParameter (CompressorProcessor::ratio), 1.0f);
    p.setParameter (99, 1.0f); // ignored, no crash
}

TEST (ProcessorTest, ParametersByStringId)
{
    CompressorProcessor p;
    EXPECT_TRUE (p.setParameter ("threshold_db", -30.0f));
    EXPECT_EQ (p.getParameter ("threshold_db"), -30.0f);
    EXPECT_FALSE (p.setParameter ("no_such_param", 1.0f));
    EXPECT_FALSE (p.getParameter ("no_such_param").has_value());
    EXPECT_EQ (p.parameterIndex ("makeup_db"), CompressorProcessor::makeupDb);
    EXPECT_EQ (p.parameterIndex ("nope"), -1);
}

TEST (ProcessorTest, DefaultsComeFromTheParameterInfos)
{
    CompressorProcessor p;
    for (int i = 0; i < (int) p.parameters().size(); ++i)
        EXPECT_EQ (p.getParameter (i), p.parameters()[(size_t) i].defaultValue) << p.parameters()[(size_t) i].id;
}

TEST (ProcessorTest, StateListsEveryParameterWithShortestNumbers)
{
    CompressorProcessor p;
    p.setParameter ("ratio", 2.7f);
    const auto s = p.state();
    ASSERT_TRUE (s.contains ("params"));
    EXPECT_EQ (s["params"].size(), p.parameters().size());
    EXPECT_EQ (s["params"]["ratio"].dump(), "2.7"); // not 2.700000047683716
    EXPECT_EQ (floatForJson (0.7071f), 0.7071);
}

TEST (ProcessorTest, SetStateAppliesValuesAndDefaultsTheRest)
{
    CompressorProcessor p;
    p.setParameter ("knee_db", 12.0f);
    ASSERT_TRUE (p.setState (json { { "type", "compressor" }, { "params", { { "ratio", 8 } } } }));
    EXPECT_EQ (p.getParameter ("ratio"), 8.0f);
    EXPECT_EQ (p.getParameter ("knee_db"), 6.0f); // missing -> default
}

TEST (ProcessorTest, SetStateRejectsUnknownIdsNamingThem)
{
    GainProcessor p;
    const auto status = p.setState (json { { "params", { { "gain_db", 3 }, { "volume", 1 } } } });
    ASSERT_FALSE (status);
    EXPECT_NE (status.error().message.find ("'volume'"), std::string::npos) << status.error().message;
    EXPECT_NE (status.error().message.find ("gain"), std::string::npos);
    EXPECT_EQ (p.getParameter ("gain_db"), 0.0f); // nothing applied
}

TEST (ProcessorTest, SetStateRejectsOutOfRangeAndNonNumbersNamingEach)
{
    CompressorProcessor p;
    const auto status = p.setState (json { { "params", { { "ratio", 50 }, { "knee_db", "soft" } } } });
    ASSERT_FALSE (status);
    const auto& message = status.error().message;
    EXPECT_NE (message.find ("'ratio' = 50 is out of range [1, 20]"), std::string::npos) << message;
    EXPECT_NE (message.find ("'knee_db' must be a number"), std::string::npos) << message;
    EXPECT_EQ (p.getParameter ("ratio"), 4.0f);
}

TEST (ProcessorTest, SetStateRejectsNonObjects)
{
    GainProcessor p;
    EXPECT_FALSE (p.setState (json::array()));
    EXPECT_FALSE (p.setState (json { { "params", 3 } }));
    EXPECT_TRUE (p.setState (json::object()));
}
