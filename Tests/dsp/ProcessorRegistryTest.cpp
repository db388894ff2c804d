#include "dsp/ProcessorRegistry.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

using namespace sprocket::dsp;
using nlohmann::json;

static const std::vector<std::string> documentedTypes = {
    "gain",    "polarity",           "delay",      "pan",      "eq",    "compressor", "limiter",
    "gate",    "true_peak_limiter",  "high_pass",  "low_pass", "notch", "de_hum",     "de_esser",
    "downmix", "convolution_reverb", "room_reverb"
};

TEST (ProcessorRegistryTest, CreatesEveryDocumentedType)
{
    const auto& registry = ProcessorRegistry::builtIns();
    EXPECT_EQ (registry.typeNames(), documentedTypes);
    for (const auto& type : documentedTypes)
    {
        ASSERT_TRUE (registry.contains (type));
        auto p = registry.create (type);
        ASSERT_NE (p, nullptr);
        EXPECT_EQ (p->typeName(), type);
        EXPECT_FALSE (p->isPlaceholder());
    }
}

TEST (ProcessorRegistryTest, FixedParameterIdsExist)
{
    const auto& registry = ProcessorRegistry::builtIns();
    auto eq = registry.create ("eq");
    for (int b = 1; b <= 4; ++b)
        for (const auto* suffix : { "_freq_hz", "_gain_db", "_q" })
            EXPECT_GE (eq->parameterIndex ("band" + std::to_string (b) + suffix), 0) << b << suffix;
    EXPECT_GE (eq->parameterIndex ("hpf_freq_hz"), 0);
    EXPECT_GE (eq->parameterIndex ("lpf_freq_hz"), 0);

    auto comp = registry.create ("compressor");
    for (const auto* id : { "threshold_db", "ratio", "attack_ms", "release_ms", "knee_db", "makeup_db" })
        EXPECT_GE (comp->parameterIndex (id), 0) << id;
}

TEST (ProcessorRegistryTest, ParameterInfosAreSane)
{
    for (const auto& info : ProcessorRegistry::builtIns().types())
    {
        std::set<std::string> ids;
        EXPECT_FALSE (info.parameters.empty()) << info.type;
        for (const auto& p : info.parameters)
        {
            EXPECT_TRUE (ids.insert (p.id).second) << info.type << "." << p.id << " twice";
            EXPECT_LT (p.min, p.max) << p.id;
            EXPECT_GE (p.defaultValue, p.min) << p.id;
            EXPECT_LE (p.defaultValue, p.max) << p.id;
            EXPECT_GE (p.smoothingMs, 0.0f) << p.id;
            EXPECT_FALSE (p.name.empty()) << p.id;
        }
    }
}

TEST (ProcessorRegistryTest, StateRoundTripsForEveryType)
{
    const auto& registry = ProcessorRegistry::builtIns();
    for (const auto& type : registry.typeNames())
    {
        auto p = registry.create (type);
        // Awkward in-range values (not the defaults) to exercise the float <-> JSON path.
        for (size_t i = 0; i < p->parameters().size(); ++i)
        {
            const auto& info = p->parameters()[i];
            p->setParameter ((int) i, info.min + (info.max - info.min) * (0.1234567f + 0.05f * (float) i));
        }
        const auto saved = p->state();
        auto q = registry.create (type);
        const auto status = q->setState (saved);
        ASSERT_TRUE (status) << status.error().message;
        EXPECT_EQ (q->state(), saved) << type;
        EXPECT_EQ (q->state().dump(), saved.dump()) << type;
        for (size_t i = 0; i < p->parameters().size(); ++i)
            EXPECT_EQ (q->getParameter ((int) i), p->getParameter ((int) i));
    }
}

TEST (ProcessorRegistryTest, CreateWithStateReportsBadFields)
{
    const auto& registry = ProcessorRegistry::builtIns();
    auto bad = registry.createWithState ("eq", json { { "params", { { "band5_gain_db", 3 } } } });
    ASSERT_FALSE (bad);
    EXPECT_NE (bad.error().message.find ("band5_gain_db"), std::string::npos);

    auto range = registry.createWithState ("eq", json { { "params", { { "band1_gain_db", 40 } } } });
    ASSERT_FALSE (range);
    EXPECT_NE (range.error().message.find ("band1_gain_db"), std::string::npos);
    EXPECT_NE (range.error().message.find ("out of range"), std::string::npos);

    auto good = registry.createWithState ("eq", json { { "params", { { "band1_gain_db", 4.5 } } } });
    ASSERT_TRUE (good);
    EXPECT_EQ ((*good)->getParameter ("band1_gain_db"), 4.5f);
}

TEST (ProcessorRegistryTest, UnknownTypesGiveAPlaceholderKeepingTheStateExactly)
{
    const auto& registry = ProcessorRegistry::builtIns();
    EXPECT_FALSE (registry.contains ("de_esser_9000"));
    const json saved = json::parse (R"({"params": {"freq": 6500.123456789, "mode": "split", "bands": [1, 2.5, null]},
                                        "vendor": {"blob": "AAEC", "big": 12345678901234567}})");
    auto result = registry.createWithState ("de_esser_9000", saved);
    ASSERT_TRUE (result);
    auto& p = *result;
    EXPECT_TRUE (p->isPlaceholder());
    EXPECT_EQ (p->typeName(), "de_esser_9000");
    EXPECT_TRUE (p->parameters().empty());
    EXPECT_EQ (p->state(), saved);
    EXPECT_EQ (p->state().dump(), saved.dump());

    // Bypassed: audio passes untouched.
    p->prepare (48000.0, 64, 2);
    const auto noise = sprocket::dsp::test::whiteNoise (64, 1.0);
    auto buffer = sprocket::dsp::test::filled (2, noise);
    sprocket::dsp::test::processInBlocks (*p, buffer, 64);
    EXPECT_EQ (buffer[0], noise);
    EXPECT_EQ (p->latencySamples(), 0);
}

TEST (ProcessorRegistryTest, DescribeListsEveryTypeAndParameter)
{
    const auto described = ProcessorRegistry::builtIns().describe();
    ASSERT_EQ (described.size(), documentedTypes.size());
    EXPECT_EQ (described[4]["type"], "eq");
    EXPECT_EQ (described[4]["parameters"].size(), 14u);
    const auto& ratio = described[5]["parameters"][1];
    EXPECT_EQ (ratio["id"], "ratio");
    EXPECT_EQ (ratio["min"], 1.0);
    EXPECT_EQ (ratio["max"], 20.0);
    EXPECT_EQ (ratio["default"], 4.0);
}

TEST (ProcessorRegistryTest, AddRegistersOrReplacesATypeForHostingModules)
{
    ProcessorRegistry registry;
    registry.add ("lv2:amp", [] { return ProcessorRegistry::builtIns().create ("gain"); });
    EXPECT_TRUE (registry.contains ("lv2:amp"));
    EXPECT_FALSE (registry.create ("lv2:amp")->isPlaceholder());
    EXPECT_EQ (registry.typeNames().size(), documentedTypes.size() + 1);
}
