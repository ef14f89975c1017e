#include "ingest/gharchive/file_scan.h"

#include <gtest/gtest.h>

#include <tuple>
#include <zlib.h>

#include <fmt/format.h>

#include "ingest/gharchive/file_blocks.h"
#include "ingest/gharchive/mpi_ingest.h"
#include "store/store.h"
#include "support/test_util.h"

namespace oscm::ingest {
namespace {

TEST(FileScanTest, ChecksumIsTheCrc32ZlibGives) {
  // The ingest log keys files by this value: it must stay zlib's CRC-32 of the file's bytes.
  for (const char* f : {"gharchive-2012-02-15-0.json.gz", "pinot-2021-07-21-few-hours.json"}) {
    const std::string path = oscm::testing::SharedDataPath(std::string("gharchive-sample/") + f);
    const std::string bytes = oscm::testing::ReadFile(path);
    const uLong expected = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()),
                                 static_cast<uInt>(bytes.size()));
    auto crc = Crc32Of(path);
    ASSERT_OK(crc);
    EXPECT_EQ(*crc, fmt::format("{:08x}", expected)) << f;
  }
}

// A scan takes the checksum from the bytes it reads, so a new file is read once: the same value.
TEST(FileScanTest, ScanSetsTheChecksumOfTheBytesItRead) {
  const BotList bots = BotList::Builtin();
  NullProgress progress;
  for (const char* f : {"gharchive-2012-02-15-0.json.gz", "pinot-2021-07-21-few-hours.json"}) {
    GhFileScan scan;
    scan.path = oscm::testing::SharedDataPath(std::string("gharchive-sample/") + f);
    RepoMatcher nothing;
    ASSERT_OK(ScanGhFile(nothing, bots, GhScanOptions(), progress, "", &scan));
    EXPECT_EQ(scan.checksum, *Crc32Of(scan.path)) << f;
  }
}

TEST(FileScanTest, PartialResultSurvivesEncoding) {
  oscm::testing::TempDir tmp;
  auto store = store::Store::Open(tmp.Sub("oscm.db"));
  ASSERT_OK(store);
  GhArchiveIngestOptions options;
  options.track = {{"homebrew", {"mxcl/homebrew"}}};
  options.all_repos = true;
  const BotList bots = BotList::Builtin();
  auto writer = GhScanWriter::Create(*store, options, bots);
  ASSERT_OK(writer);
  RepoMatcher filter = writer->matcher();
  GhFileScan scan;
  scan.path = oscm::testing::SharedDataPath("gharchive-sample/gharchive-2012-02-15-0.json.gz");
  scan.checksum = "12345678";
  NullProgress progress;
  std::vector<int64_t> other_ids;
  GhScanOptions scan_options;
  scan_options.all_repos = true;
  ASSERT_OK(ScanGhFile(filter, bots, scan_options, progress, "", &scan, &other_ids));
  EXPECT_EQ(scan.lines, 4074);
  EXPECT_FALSE(scan.events.empty());
  EXPECT_GT(scan.repo_months.size(), 1000u);
  EXPECT_TRUE(std::is_sorted(other_ids.begin(), other_ids.end()));
  EXPECT_EQ(std::adjacent_find(other_ids.begin(), other_ids.end()), other_ids.end());

  ByteWriter w;
  EncodeGhFileScan(scan, &w);
  GhFileScan back;
  ASSERT_OK(DecodeGhFileScan(w.data(), &back));
  EXPECT_EQ(back.path, scan.path);
  EXPECT_EQ(back.checksum, scan.checksum);
  EXPECT_EQ(back.lines, scan.lines);
  ASSERT_EQ(back.events.size(), scan.events.size());
  for (size_t i = 0; i < scan.events.size(); ++i) {
    EXPECT_EQ(back.events[i].id, scan.events[i].id);
    EXPECT_EQ(back.events[i].labels, scan.events[i].labels);
    EXPECT_EQ(back.events[i].created_at, scan.events[i].created_at);
  }
  ASSERT_EQ(back.repo_months.size(), scan.repo_months.size());
  for (const auto& [key, m] : scan.repo_months) {
    const RepoMonth& b = back.repo_months.at(key);
    EXPECT_EQ(b.name, m.name);
    EXPECT_EQ(b.stars, m.stars);
    EXPECT_EQ(b.pushes, m.pushes);
    EXPECT_EQ(b.actors.Estimate(), m.actors.Estimate());
  }
  EXPECT_GT(scan.activity.size(), 100u);
  ASSERT_EQ(back.activity.size(), scan.activity.size());
  for (const auto& [key, c] : scan.activity) {
    const ActivityCounts& b = back.activity.at(key);
    EXPECT_EQ(std::tie(b.issues_opened, b.issue_comments, b.issues_closed, b.review_comments, b.prs_opened, b.pushes),
              std::tie(c.issues_opened, c.issue_comments, c.issues_closed, c.review_comments, c.prs_opened, c.pushes));
  }
  EXPECT_FALSE(DecodeGhFileScan(std::string_view(w.data()).substr(0, w.data().size() - 1), &back).ok());
}

TEST(AssignFilesBySizeTest, ContiguousBalancedAndDeterministic) {
  struct Case {
    std::vector<int64_t> weights;
    int ranks;
    std::vector<int> expected;
  };
  const Case cases[] = {
      {{10, 10, 10, 10}, 2, {0, 0, 1, 1}},
      {{30, 10, 10, 10}, 2, {0, 1, 1, 1}},
      {{10, 10, 10, 10, 10, 10}, 3, {0, 0, 1, 1, 2, 2}},
      {{5}, 4, {2}},  // the rank whose share holds the middle of the file
      {{0, 0, 0, 0}, 2, {0, 0, 1, 1}},
      {{0, 10, 0, 10}, 2, {0, 0, 1, 1}},
      {{1, 2, 3}, 1, {0, 0, 0}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(AssignFilesBySize(c.weights, c.ranks), c.expected) << c.ranks;
  }
  // Many files of real-looking sizes: each rank gets a contiguous run within one file of its share.
  std::vector<int64_t> sizes;
  for (int i = 0; i < 200; ++i) sizes.push_back(50 + (i * 37) % 90);
  int64_t total = 0;
  for (const int64_t s : sizes) total += s;
  const auto owner = AssignFilesBySize(sizes, 3);
  std::vector<int64_t> load(3, 0);
  for (size_t i = 0; i < sizes.size(); ++i) {
    if (i > 0) {
      EXPECT_LE(owner[i - 1], owner[i]);
    }
    load[static_cast<size_t>(owner[i])] += sizes[i];
  }
  for (const int64_t l : load) EXPECT_LE(std::abs(l - total / 3), 140);
}

}  // namespace
}  // namespace oscm::ingest
