// End-to-end: oscm report writes a self-contained HTML page; hostile names render as text; the
// page opens in headless Chromium with every section and no console errors.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli/cli_fixture.h"
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
  // No fetches: nothing is loaded from anywhere (the SVG namespace URI is a name, not a fetch).
  for (const char* fetch : {"src=\"", "<link", "@import", "url(", "<iframe", "<object"}) {
    EXPECT_EQ(html.find(fetch), std::string::npos) << fetch;
  }
  // Same store, model and date: the same bytes.
  auto again = Oscm({"report", "--landscape", land, "--as-of", "2025-06-30", "--out", tmp_.Sub("out2")});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(oscm::testing::ReadFile(tmp_.Sub("out2/index.html")), html);
}

// The width and height of a PNG file (its IHDR chunk), or {0, 0}.
std::pair<uint32_t, uint32_t> PngSize(const std::string& bytes) {
  if (bytes.size() < 24 || bytes.compare(1, 3, "PNG") != 0) return {0, 0};
  auto be32 = [&](size_t at) {
    uint32_t v = 0;
    for (size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
    return v;
  };
  return {be32(16), be32(20)};
}

TEST_F(ReportCliTest, OpensInHeadlessChromiumWithEverySectionAndNoConsoleErrors) {
  const std::string chromium = "/usr/bin/chromium";
  ASSERT_TRUE(std::filesystem::exists(chromium)) << "install chromium (scripts/install-deps.sh does)";
  const std::string land = HostileLandscape(tmp_, repo_->path());
  ASSERT_EQ(Oscm({"report", "--landscape", land, "--as-of", "2025-06-30", "--out", tmp_.Sub("out"), "--lang", "zh"}).exit_code, 0);
  const std::string url = "file://" + tmp_.Sub("out/index.html");
  const std::vector<std::string> flags = {chromium, "--headless", "--no-sandbox", "--disable-gpu",
                                          "--disable-background-networking", "--disable-component-update",
                                          "--user-data-dir=" + tmp_.Sub("chromium"), "--enable-logging=stderr", "--v=0"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = flags;
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(url);
    return oscm::testing::RunCommand(args, {"HOME=" + tmp_.path()});
  };
  auto dom = with({"--dump-dom"});
  ASSERT_EQ(dom.exit_code, 0) << dom.err;
  for (const char* section : {"id=\"summary\"", "id=\"c-tiny\"", "id=\"model\"", "结晶期", "画像事实", "id=\"quadrant\"",
                              "id=\"timeline\"", "id=\"contributors\"", "id=\"tiny-flywheel\"", "id=\"tiny-rings\"",
                              "id=\"tiny-funnel\""}) {
    EXPECT_NE(dom.out.find(section), std::string::npos) << section;
  }
  EXPECT_EQ(dom.out.find("<img"), std::string::npos) << "the hostile adopter stayed text in the DOM";
  size_t svgs = 0;
  for (size_t at = dom.out.find("<svg"); at != std::string::npos; at = dom.out.find("<svg", at + 1)) ++svgs;
  EXPECT_EQ(svgs, 7u) << "quadrant, timeline, two series, and the flywheel, rings and funnel of tiny";
  EXPECT_EQ(dom.err.find("CONSOLE"), std::string::npos) << dom.err;
  auto shot = with({"--screenshot=" + tmp_.Sub("page.png"), "--window-size=1280,2000"});
  ASSERT_EQ(shot.exit_code, 0) << shot.err;
  const std::string png = oscm::testing::ReadFile(tmp_.Sub("page.png"));
  EXPECT_EQ(PngSize(png), (std::pair<uint32_t, uint32_t>{1280, 2000}));
  EXPECT_GT(png.size(), 50000u) << "a rendered page, not a blank one";
  EXPECT_EQ(shot.err.find("CONSOLE"), std::string::npos) << shot.err;
}

// A report to send: no local path in it, sources as links, the organisation and community-file
// tables of oscm assess; in headless Chromium no horizontal overflow at 1400 and 400 px (tables
// scroll inside their box, the navigation wraps), and printed on A4 it takes a few pages.
TEST_F(ReportCliTest, ReportToSendFitsNarrowScreensAndPaper) {
  const std::string land = HostileLandscape(tmp_, repo_->path());
  ASSERT_EQ(Oscm({"report", "--landscape", land, "--as-of", "2025-06-30", "--out", tmp_.Sub("out")}).exit_code, 0);
  const std::string html = oscm::testing::ReadFile(tmp_.Sub("out/index.html"));
  EXPECT_EQ(html.find(tmp_.path()), std::string::npos) << "a local absolute path";
  EXPECT_NE(html.find("<li>git: tiny</li>"), std::string::npos) << "the repository by its folder's name";
  EXPECT_NE(html.find("<a href=\"https://example.com/pricing\">https://example.com/pricing</a>"), std::string::npos);
  EXPECT_NE(html.find("<h3>Commits by organisation (12 months)</h3>"), std::string::npos);
  EXPECT_NE(html.find("<h3>Community files</h3>"), std::string::npos);
  EXPECT_NE(html.find("@media print{@page{size:A4"), std::string::npos);
  auto count = [&](const std::string& what) {
    int n = 0;
    for (size_t at = html.find(what); at != std::string::npos; at = html.find(what, at + 1)) ++n;
    return n;
  };
  EXPECT_GT(count("<table"), 5);
  EXPECT_EQ(count("<table"), count("<div class=\"tw\"><table")) << "every table in a scrolling box";

  const std::string chromium = "/usr/bin/chromium";
  ASSERT_TRUE(std::filesystem::exists(chromium)) << "install chromium (scripts/install-deps.sh does)";
  auto run = [&](std::vector<std::string> extra, const std::string& url) {
    std::vector<std::string> args = {chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                     "--disable-component-update", "--user-data-dir=" + tmp_.Sub("chromium")};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(url);
    return oscm::testing::RunCommand(args, {"HOME=" + tmp_.path()});
  };
  // The page in a frame of the given width; the frame's document says how far it scrolls sideways.
  for (const int width : {1400, 400}) {
    const std::string frame = tmp_.Sub("frame" + std::to_string(width) + ".html");
    WriteFile(frame, "<!DOCTYPE html><html><body style=\"margin:0\"><iframe id=\"f\" src=\"out/index.html\" style=\"border:0;height:900px;width:" +
                         std::to_string(width) +
                         "px\"></iframe><script>document.getElementById('f').onload=function(){var d=this.contentDocument."
                         "documentElement;var p=document.createElement('p');p.id='result';p.textContent='overflow:'+(d.scrollWidth-"
                         "d.clientWidth)+':';document.body.appendChild(p);};</script></body></html>");
    auto dom = run({"--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom"}, "file://" + frame);
    ASSERT_EQ(dom.exit_code, 0) << dom.err;
    EXPECT_NE(dom.out.find("<p id=\"result\">overflow:0:</p>"), std::string::npos) << width << " px: " << dom.out.substr(dom.out.find("<p id"));
  }
  auto pdf = run({"--no-pdf-header-footer", "--print-to-pdf=" + tmp_.Sub("report.pdf")}, "file://" + tmp_.Sub("out/index.html"));
  ASSERT_EQ(pdf.exit_code, 0) << pdf.err;
  const std::string bytes = oscm::testing::ReadFile(tmp_.Sub("report.pdf"));
  int pages = 0;
  for (size_t at = bytes.find("/Type /Page"); at != std::string::npos; at = bytes.find("/Type /Page", at + 1)) {
    if (bytes.compare(at, 12, "/Type /Pages") != 0) ++pages;
  }
  EXPECT_GE(pages, 2);
  EXPECT_LE(pages, 4) << "the landscape's charts, one community (about two pages) and the model: " << pages;
}

TEST_F(ReportCliTest, ReportNeedsCommunitiesOrALandscape) {
  EXPECT_EQ(Oscm({"report", "--out", tmp_.Sub("out")}).exit_code, 2);
  auto unknown = Oscm({"report", "nobody", "--out", tmp_.Sub("out")});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("unknown community 'nobody'"), std::string::npos) << unknown.err;
  EXPECT_FALSE(std::filesystem::exists(tmp_.Sub("out/index.html")));
  // An --out that cannot be a directory: one line naming it, nothing written.
  WriteFile(tmp_.Sub("file"), "x");
  ASSERT_EQ(Oscm({"ingest", "git", repo_->path(), "--community", "tiny"}).exit_code, 0);
  auto blocked = Oscm({"report", "tiny", "--as-of", "2025-06-30", "--out", tmp_.Sub("file/out")});
  EXPECT_EQ(blocked.exit_code, 1);
  EXPECT_NE(blocked.err.find(tmp_.Sub("file/out") + ": cannot create directory"), std::string::npos) << blocked.err;
  EXPECT_EQ(std::count(blocked.err.begin(), blocked.err.end(), '\n'), 1) << blocked.err;
}

}  // namespace
}  // namespace oscm
