// Plain scalars are typed as YAML 1.2 core schema tools (editors, ajv + yaml) type them.

#include "manifest/core_scalar.h"

#include <gtest/gtest.h>

namespace pingplan::manifest {
namespace {

TEST(CoreScalar, TypesPlainScalarsLikeTheCoreSchema) {
  const std::pair<const char*, ScalarType> cases[] = {{"", ScalarType::kNull},
                                                      {"~", ScalarType::kNull},
                                                      {"null", ScalarType::kNull},
                                                      {"NULL", ScalarType::kNull},
                                                      {"true", ScalarType::kBool},
                                                      {"False", ScalarType::kBool},
                                                      {"yes", ScalarType::kString},
                                                      {"on", ScalarType::kString},
                                                      {"42", ScalarType::kInt},
                                                      {"-7", ScalarType::kInt},
                                                      {"+3", ScalarType::kInt},
                                                      {"0x1F", ScalarType::kInt},
                                                      {"0o17", ScalarType::kInt},
                                                      {"0o8", ScalarType::kString},
                                                      {"1.5", ScalarType::kFloat},
                                                      {".5", ScalarType::kFloat},
                                                      {"1e3", ScalarType::kFloat},
                                                      {"-.inf", ScalarType::kFloat},
                                                      {".NaN", ScalarType::kFloat},
                                                      {".", ScalarType::kString},
                                                      {"1e", ScalarType::kString},
                                                      {"1.2.3", ScalarType::kString},
                                                      {"12:30", ScalarType::kString},
                                                      {"WORKER", ScalarType::kString},
                                                      {"p1:read:user", ScalarType::kString}};
  for (const auto& [text, type] : cases) {
    EXPECT_EQ(plainScalarType(text), type) << text;
  }
}

TEST(CoreScalar, ReadsDecimalIntegersThatFit) {
  EXPECT_EQ(readInt("3600"), 3600);
  EXPECT_EQ(readInt("+5"), 5);
  EXPECT_EQ(readInt("-5"), -5);
  EXPECT_EQ(readInt("0x10"), std::nullopt);
  EXPECT_EQ(readInt("99999999999999999999"), std::nullopt);
  EXPECT_EQ(readInt(""), std::nullopt);
  EXPECT_EQ(readInt("-"), std::nullopt);
}

TEST(CoreScalar, LongValuesAreTypedWithoutTrouble) {
  EXPECT_EQ(plainScalarType(std::string(200000, '7')), ScalarType::kInt);
  EXPECT_EQ(plainScalarType(std::string(200000, 'x')), ScalarType::kString);
}

}  // namespace
}  // namespace pingplan::manifest
