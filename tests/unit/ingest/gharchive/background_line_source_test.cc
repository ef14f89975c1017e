#include "ingest/gharchive/background_line_source.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_util.h"

namespace oscm::ingest {
namespace {

// A LineSource over given lines, failing after them when `error` is set; numbers skip by `step`
// so that renumbering mistakes show.
class FakeSource final : public LineSource {
 public:
  FakeSource(std::vector<std::string> lines, Status error, uint64_t step)
      : lines_(std::move(lines)), error_(std::move(error)), step_(step) {}
  Result<bool> Next(std::string_view* line) override {
    if (i_ == lines_.size()) {
      if (!error_.ok()) return error_;
      return false;
    }
    *line = lines_[i_++];
    number_ += step_;
    return true;
  }
  uint64_t line_number() const override { return number_; }

 private:
  std::vector<std::string> lines_;
  Status error_;
  uint64_t step_;
  size_t i_ = 0;
  uint64_t number_ = 0;
};

struct Read {
  std::vector<std::string> lines;
  std::vector<uint64_t> numbers;
  Status status;
};

Read ReadAll(LineSource& src) {
  Read r;
  std::string_view line;
  while (true) {
    auto more = src.Next(&line);
    if (!more) {
      r.status = more.error();
      break;
    }
    if (!*more) break;
    r.lines.emplace_back(line);
    r.numbers.push_back(src.line_number());
  }
  return r;
}

TEST(BackgroundLineSourceTest, SameLinesNumbersAndErrorAsTheWrappedSource) {
  std::vector<std::string> lines;
  for (int i = 0; i < 20000; ++i) lines.push_back(std::string(static_cast<size_t>(i % 300), 'x') + std::to_string(i));
  auto bg = MakeBackgroundLineSource(std::make_unique<FakeSource>(lines, CorruptionError("f: line 40001: truncated gzip"), 2));
  const Read got = ReadAll(*bg);
  ASSERT_EQ(got.lines, lines);
  EXPECT_EQ(got.numbers.front(), 2u);
  EXPECT_EQ(got.numbers.back(), 40000u);
  EXPECT_EQ(got.status.message(), "f: line 40001: truncated gzip");
}

TEST(BackgroundLineSourceTest, RealSampleMatchesDirectReading) {
  const std::string path = oscm::testing::SharedDataPath("gharchive-sample/gharchive-2012-02-15-0.json.gz");
  auto direct = OpenLineSource(path);
  ASSERT_OK(direct);
  const Read want = ReadAll(**direct);
  auto inner = OpenLineSource(path);
  ASSERT_OK(inner);
  auto bg = MakeBackgroundLineSource(std::move(inner).value());
  const Read got = ReadAll(*bg);
  EXPECT_OK(got.status);
  EXPECT_EQ(got.lines.size(), 4074u);
  EXPECT_EQ(got.lines, want.lines);
  EXPECT_EQ(got.numbers, want.numbers);
  EXPECT_EQ(bg->bytes_read(), (*direct)->bytes_read());
}

TEST(BackgroundLineSourceTest, StoppingEarlyDoesNotHang) {
  std::vector<std::string> lines(200000, std::string(100, 'y'));
  auto bg = MakeBackgroundLineSource(std::make_unique<FakeSource>(lines, Status::Ok(), 1));
  std::string_view line;
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(*bg->Next(&line));
  bg.reset();  // joins the reader, which is blocked on a full queue
  SUCCEED();
}

}  // namespace
}  // namespace oscm::ingest
