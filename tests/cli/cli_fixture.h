// The real oscm binary run on the tiny community, with its own store, HOME and cache.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "support/community_fixture.h"
#include "support/test_util.h"

namespace oscm {

class CliFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_ = std::make_unique<oscm::testing::GitFixture>(tmp_.Sub("tiny"));
    oscm::testing::BuildTinyCommunity(*repo_);
  }
  oscm::testing::CommandResult Oscm(std::vector<std::string> args) {
    args.insert(args.begin(), {oscm::testing::OscmBinary(), "--db", tmp_.Sub("oscm.db")});
    return oscm::testing::RunCommand(args, {"HOME=" + tmp_.path(), "XDG_CACHE_HOME=" + tmp_.Sub("cache")});
  }
  static int Lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

  oscm::testing::TempDir tmp_;
  std::unique_ptr<oscm::testing::GitFixture> repo_;
};

}  // namespace oscm
