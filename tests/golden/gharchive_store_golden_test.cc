// The store a GH Archive ingest writes, byte for byte: every row of the GH Archive tables after
// reading the real samples (every layout, 2011 to 2021, both copies of 2013 and 2014) and a file
// of bad lines, with and without --all-repos. Work on the scanning, parsing and writing internals
// must leave these dumps unchanged.
// Regenerate after an intended change of the store: OSCM_UPDATE_GOLDEN=1 build/tests/gharchive_test
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <fmt/format.h>

#include "base/strings.h"
#include "ingest/gharchive/gharchive_ingest.h"
#include "support/test_util.h"

namespace oscm::ingest {
namespace {

using oscm::testing::CompareGolden;
using oscm::testing::ReplaceAll;
using oscm::testing::TempDir;

// A cell as text that keeps every byte visible: printable ASCII as it is, the rest escaped.
std::string Cell(const std::string& bytes) {
  std::string out;
  for (const char c : bytes) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\\' || c == '|') {
      out += '\\';
      out += c;
    } else if (u >= 0x20 && u < 0x7f) {
      out += c;
    } else {
      out += fmt::format("\\x{:02x}", u);
    }
  }
  return out;
}

// The rows of `sql`, under a header line (`title`, or the query itself).
std::string Dump(store::Store& s, const std::string& sql, const std::string& title = "") {
  std::string out = "# " + (title.empty() ? sql : title) + "\n";
  auto stmt = s.db().Prepare(sql);
  EXPECT_OK(stmt);
  if (!stmt) return out;
  while (true) {
    auto row = stmt->Step();
    EXPECT_OK(row);
    if (!row.has_value() || !*row) break;
    for (int c = 0; c < stmt->ColumnCount(); ++c) out += (c > 0 ? "|" : "") + Cell(stmt->ColumnText(c));
    out += "\n";
  }
  return out;
}

std::string SqlQuote(const std::string& text) { return "'" + ReplaceAll(text, "'", "''") + "'"; }

// FNV-1a over a dump, for tables too large to keep whole in a golden file.
std::string Digest(const std::string& text) { return fmt::format("{:016x}", Fnv1a(text)); }

class GhArchiveStoreGoldenTest : public ::testing::TestWithParam<bool> {};

TEST_P(GhArchiveStoreGoldenTest, SamplesAndBadLines) {
  const bool all_repos = GetParam();
  TempDir tmp;
  const std::string samples = oscm::testing::SharedDataPath("gharchive-sample");
  std::vector<std::string> files;
  for (const char* f : {"gharchive-2011-02-15-0.json", "gharchive-2012-02-15-0.json.gz",
                        "gharchive-2013-02-15-0.normalized.json.gz", "gharchive-2013-02-15-0.timeline-format.json.gz",
                        "gharchive-2014-02-15-0.normalized.json.gz", "gharchive-2014-02-15-0.timeline-format.json.gz",
                        "pinot-2021-07-21-few-hours.json", "pinot-githubActivities-2016-07-07.json.gz"}) {
    files.push_back(samples + "/" + f);
  }
  // Lines a scan must count as bad, or skip, or parse, next to good ones; of tracked and
  // untracked repositories.
  const std::string good =
      R"({"id":"9000000001","type":"WatchEvent","actor":{"id":1,"login":"someone"},)"
      R"("repo":{"id":1234,"name":"Behat/Behat","url":"https://api.github.com/repos/Behat/Behat"},)"
      R"("payload":{"action":"started"},"public":true,"created_at":"2015-03-01T10:00:00Z"})";
  files.push_back(tmp.Sub("bad-lines.json"));
  oscm::testing::WriteFile(
      files.back(),
      good + "\n" + "not json\n" + "{\"type\":\"WatchEvent\"}\n" +
          R"({"id":"9000000002","type":"PushEvent","repo":{"id":7,"name":"nobody/untracked"},"created_at":"2015-03-01T10:00:01Z","payload":{"size":1}})" +
          "\n" +
          R"({"id":"9000000003","type":"PushEvent","repo":{"id":8,"name":"behat/behat"},"created_at":"2015-03-01T10:00:02Z","payload":{"size":)" +
          "\n" + R"({"id":"9000000004","type":"ForkEvent","repo":{"id":9,"name":"x/y"},"created_at":"2015-03-01T10:00:03Z",)" +
          "\"actor\":{\"login\":\"\xff\xfe\"}}\n" + "[1,2,3]\n" + "\n");
  GhArchiveIngestOptions o;
  o.files = files;
  o.all_repos = all_repos;
  o.track = {{"homebrew", {"mxcl/homebrew"}},
             {"perl", {"Perl-Critic/Perl-Critic"}},
             {"web", {"MrDoob/three.js", "maccman/ace", "direwolf-github/my-app", "vpnsuperapp/fast"}},
             {"behat", {"Behat/Behat"}},
             {"ros", {"ros-gbp/geometry-experimental-release"}},
             {"k8s", {"kubernetes/kubernetes.github.io"}},
             {"mmc", {"s4l1h/mmc"}}};
  auto s = store::Store::Open(tmp.Sub("oscm.db"));
  ASSERT_OK(s);
  NullProgress progress;
  auto results = IngestGhArchive(*s, o, BotList::Builtin(), progress);
  ASSERT_OK(results);

  std::string dump = Dump(*s, "SELECT * FROM gh_events ORDER BY id");
  dump += Dump(*s, "SELECT * FROM gh_repos ORDER BY id");
  dump += Dump(*s, "SELECT * FROM gh_repo_names ORDER BY name");
  // Ordered as the golden file shows the paths, whatever directories the samples and the temporary
  // file sit in on this machine.
  dump += Dump(*s, fmt::format("SELECT * FROM gh_files ORDER BY replace(replace(path, {}, '<samples>'), {}, '<tmp>')",
                               SqlQuote(samples), SqlQuote(tmp.path())),
               "SELECT * FROM gh_files ORDER BY path");
  // Every repository's months: a digest of all the rows, and each month's totals in the open.
  const std::string months = Dump(*s, "SELECT month, repo_id, name, stars, forks, issues_opened, prs_opened, "
                                       "prs_merged, pushes, actors, hex(actors_sketch) FROM gh_repo_months "
                                       "ORDER BY month, repo_id");
  dump += "# gh_repo_months digest " + Digest(months) + "\n";
  dump += Dump(*s, "SELECT month, count(*), sum(stars), sum(forks), sum(issues_opened), sum(prs_opened), "
                   "sum(prs_merged), sum(pushes), sum(actors) FROM gh_repo_months GROUP BY month ORDER BY month");
  dump = ReplaceAll(ReplaceAll(dump, samples, "<samples>"), tmp.path(), "<tmp>");
  CompareGolden(dump, all_repos ? "gharchive_store_all_repos.txt" : "gharchive_store.txt");
}

INSTANTIATE_TEST_SUITE_P(Tracked, GhArchiveStoreGoldenTest, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& p) { return p.param ? "AllRepos" : "TrackedOnly"; });

}  // namespace
}  // namespace oscm::ingest
