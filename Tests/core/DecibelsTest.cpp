#include "core/Decibels.h"

#include <gtest/gtest.h>

using namespace sprocket::core;

TEST (DecibelsTest, ConvertsBothWays)
{
    EXPECT_NEAR (gainFromDb (-6.0), 0.501187233627, 1e-12);
    EXPECT_NEAR (gainFromDb (20.0), 10.0, 1e-12);
    EXPECT_NEAR (dbFromGain (0.5), -6.020599913, 1e-9);
    EXPECT_EQ (gainFromDb (-200.0), 0.0);
    EXPECT_TRUE (std::isinf (dbFromGain (0.0)));
}
