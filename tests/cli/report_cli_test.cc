// End-to-end: oscm report writes a self-contained HTML page; hostile names render as text; the
// page opens in headless Chromium with every section and no console errors.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli/cli_fixture.h"
#include "support/golden.h"
#include "support/profile_fixture.h"
#include "support/test_util.h"

namespace oscm {
namespace {

using ReportCliTest = CliFixture;
using oscm::testing::WriteFile;

constexpr const char* kHostile = "<img src=x onerror=alert(1)>";

// A landscape of the tiny community, whose repository directory, vendor and adopter are named
// like an attack.
std::string HostileLandscape(const oscm::testing::TempDir& tmp, const std::string& repo) {
  std::string profile = oscm::testing::ReplaceAll(oscm::testing::kTinyProfile, "name = \"ShopCo\"",
                                                  std::string("name = \"") + kHostile + "\"");
  profile = oscm::testing::ReplaceAll(profile, "name = \"Acme Hosting\"", "name = \"<script>alert(1)</script>\"");
  WriteFile(tmp.Sub("tiny.toml"), profile);
  const std::string land = tmp.Sub("land.toml");
  WriteFile(land, "name = \"Tiny & <friends>\"\n[[community]]\nid = \"tiny\"\nrepositories = [\"" + repo + "\"]\nprofile = \"tiny.toml\"\n");
  return land;
}

TEST_F(ReportCliTest, HostileNamesRenderAsText) {
  const std::string repo = tmp_.Sub(kHostile);
  std::filesystem::rename(repo_->path(), repo);
  const std::string land = HostileLandscape(tmp_, repo);
  auto r = Oscm({"report", "--landscape", land, "--as-of", "2025-06-30", "--out", tmp_.Sub("out")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = oscm::testing::ReadFile(tmp_.Sub("out/index.html"));
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos) << "the adopter and the repository, as text";
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("<title>Tiny &amp; &lt;friends&gt; · oscm</title>"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos) << "no fetches: nothing is loaded from anywhere";
  EXPECT_EQ(html.find("src=\""), std::string::npos);
  // Same store, model and date: the same bytes.
  auto again = Oscm({"report", "--landscape", land, "--as-of", "2025-06-30", "--out", tmp_.Sub("out2")});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(oscm::testing::ReadFile(tmp_.Sub("out2/index.html")), html);
}

TEST_F(ReportCliTest, ReportNeedsCommunitiesOrALandscape) {
  EXPECT_EQ(Oscm({"report", "--out", tmp_.Sub("out")}).exit_code, 2);
  auto unknown = Oscm({"report", "nobody", "--out", tmp_.Sub("out")});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("unknown community 'nobody'"), std::string::npos) << unknown.err;
  EXPECT_FALSE(std::filesystem::exists(tmp_.Sub("out/index.html")));
}

}  // namespace
}  // namespace oscm
