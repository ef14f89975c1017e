#include "ingest/git/semver.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oscm::ingest {
namespace {

struct Expected {
  int64_t major;
  int64_t minor;
  int64_t patch;
  std::string prerelease;
};

struct Case {
  std::string tag;
  std::optional<Expected> want;
};

TEST(SemverTest, ParseVersionTagTable) {
  const std::vector<Case> cases = {
      // Plain shapes.
      {"v1.2.3", Expected{1, 2, 3, ""}},
      {"V1.2.3", Expected{1, 2, 3, ""}},
      {"1.2.3", Expected{1, 2, 3, ""}},
      {"1.2", Expected{1, 2, 0, ""}},
      {"v1", Expected{1, 0, 0, ""}},
      {"v10.20.30", Expected{10, 20, 30, ""}},
      {"  v1.2.3  ", Expected{1, 2, 3, ""}},
      // A leading name ending in a separator, and path prefixes.
      {"release-1.2.3", Expected{1, 2, 3, ""}},
      {"project-1.2.3", Expected{1, 2, 3, ""}},
      {"release_2.0", Expected{2, 0, 0, ""}},
      {"tidb-server/v1.2.0", Expected{1, 2, 0, ""}},
      {"refs/tags/api/v0.31.4", Expected{0, 31, 4, ""}},
      // Pre-releases.
      {"v2.0.0-rc.1", Expected{2, 0, 0, "rc.1"}},
      {"v2.0.0-RC1", Expected{2, 0, 0, "rc1"}},
      {"1.0.0beta2", Expected{1, 0, 0, "beta2"}},
      {"1.2.3-alpha", Expected{1, 2, 3, "alpha"}},
      {"2.0.0-m3", Expected{2, 0, 0, "m3"}},
      {"1.0a1", Expected{1, 0, 0, "a1"}},
      {"1.0b2", Expected{1, 0, 0, "b2"}},
      {"v0.9.0-SNAPSHOT", Expected{0, 9, 0, "snapshot"}},
      {"v1.5.0-dev", Expected{1, 5, 0, "dev"}},
      {"v3.0.0-preview.2", Expected{3, 0, 0, "preview.2"}},
      {"v1.0.0-nightly", Expected{1, 0, 0, "nightly"}},
      {"v1.0.0-pre", Expected{1, 0, 0, "pre"}},
      {"v2.0.0.beta1", Expected{2, 0, 0, "beta1"}},
      {"v1-rc1", Expected{1, 0, 0, "rc1"}},
      {"v1.2.3-rc.1+build.5", Expected{1, 2, 3, "rc.1"}},
      // Build metadata and non-pre-release suffixes are final releases.
      {"v1.2.3+build", Expected{1, 2, 3, ""}},
      {"v1.0.0-final", Expected{1, 0, 0, ""}},
      {"v1.0.0-ga", Expected{1, 0, 0, ""}},
      {"v4.0.0-lts", Expected{4, 0, 0, ""}},
      // A short label without a number is not a pre-release label.
      {"v1.0.0-a", Expected{1, 0, 0, ""}},
      {"v1.0.0-m", Expected{1, 0, 0, ""}},
      // A fourth numeric component is ignored.
      {"v1.2.3.4", Expected{1, 2, 3, ""}},
      {"1.2.3.4-rc1", Expected{1, 2, 3, "rc1"}},
      // Not versions.
      {"2024", std::nullopt},
      {"42", std::nullopt},
      {"latest", std::nullopt},
      {"", std::nullopt},
      {"v", std::nullopt},
      {"foo1.2.3", std::nullopt},
      {"v1.x", std::nullopt},
      {"v1234567890.0.0", std::nullopt},  // more than 9 digits
      {"tidb-server/", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.tag);
    const std::optional<SemVer> got = ParseVersionTag(c.tag);
    ASSERT_EQ(got.has_value(), c.want.has_value());
    if (!got) continue;
    EXPECT_EQ(got->major, c.want->major);
    EXPECT_EQ(got->minor, c.want->minor);
    EXPECT_EQ(got->patch, c.want->patch);
    EXPECT_EQ(got->prerelease, c.want->prerelease);
  }
}

TEST(SemverTest, NineDigitComponentsAreAccepted) {
  const std::optional<SemVer> v = ParseVersionTag("v123456789.0.1");
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->major, 123456789);
  EXPECT_EQ(v->patch, 1);
}

}  // namespace
}  // namespace oscm::ingest
