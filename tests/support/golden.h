// Golden files: byte-exact expected output under tests/golden/. Regenerate after an intended
// change with OSCM_UPDATE_GOLDEN=1 (then read the diff before committing it).
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "support/test_util.h"

namespace oscm::testing {

inline std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

inline void CompareGolden(const std::string& actual, const std::string& name) {
  const std::string path = SourcePath("tests/golden/" + name);
  if (std::getenv("OSCM_UPDATE_GOLDEN") != nullptr) {
    WriteFile(path, actual);
    return;
  }
  EXPECT_EQ(actual, ReadFile(path)) << "golden " << name << " differs (OSCM_UPDATE_GOLDEN=1 regenerates it)";
}

}  // namespace oscm::testing
