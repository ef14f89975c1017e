#include "ingest/gharchive/line_source.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_util.h"

namespace oscm::ingest {
namespace {

using ::oscm::testing::ReadFile;
using ::oscm::testing::SharedDataPath;
using ::oscm::testing::TempDir;
using ::oscm::testing::WriteFile;

// One gzip member holding `text`, made in-process with zlib's deflate.
std::string GzipMember(std::string_view text) {
  z_stream s{};
  EXPECT_EQ(
      deflateInit2(&s, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
      Z_OK);
  std::string out(deflateBound(&s, static_cast<uLong>(text.size())), '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  s.avail_in = static_cast<uInt>(text.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&s, Z_FINISH), Z_STREAM_END);
  out.resize(s.total_out);
  deflateEnd(&s);
  return out;
}

// The whole text of a file, through zlib's gzread (which also passes plain text through and reads
// every member): an independent reading to compare LineSource with.
std::string GzReadAll(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  EXPECT_NE(f, nullptr) << path;
  if (f == nullptr) return "";
  std::string text;
  std::vector<char> buf(1 << 16);
  for (;;) {
    const int n = gzread(f, buf.data(), static_cast<unsigned>(buf.size()));
    EXPECT_GE(n, 0) << path;
    if (n <= 0) break;
    text.append(buf.data(), static_cast<size_t>(n));
  }
  gzclose(f);
  return text;
}

// Splits on '\n' the way LineSource promises to: no empty line after a final '\n'.
std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    if (nl == std::string_view::npos) {
      lines.emplace_back(text);
      break;
    }
    lines.emplace_back(text.substr(0, nl));
    text.remove_prefix(nl + 1);
  }
  return lines;
}

struct ReadOutcome {
  std::vector<std::string> lines;
  std::vector<uint64_t> numbers;  // line_number() after each line
  Status status;                  // ok at a clean end, else the error that stopped reading
};

ReadOutcome ReadAll(LineSource& source) {
  ReadOutcome out;
  std::string_view line;
  for (;;) {
    Result<bool> r = source.Next(&line);
    if (!r.has_value()) {
      out.status = r.error();
      return out;
    }
    if (!*r) return out;
    out.lines.emplace_back(line);
    out.numbers.push_back(source.line_number());
  }
}

ReadOutcome OpenAndReadAll(const std::string& path, size_t max_line_bytes = kDefaultMaxLineBytes) {
  Result<std::unique_ptr<LineSource>> source = OpenLineSource(path, max_line_bytes);
  if (!source.has_value()) {
    ReadOutcome out;
    out.status = source.error();
    return out;
  }
  return ReadAll(**source);
}

// ---------------------------------------------------------------------------------------------
// Real GH Archive samples.

struct SampleCase {
  const char* file;
  size_t lines;  // PROVENANCE.md's event count; equal to `zcat FILE | wc -l` for every file
};

TEST(LineSourceTest, RealSamplesGiveTheirLineCounts) {
  const SampleCase kCases[] = {
      {"gharchive-2011-02-15-0.json", 1639},
      {"gharchive-2012-02-15-0.json.gz", 4074},
      {"gharchive-2013-02-15-0.normalized.json.gz", 6851},
      {"gharchive-2014-02-15-0.normalized.json.gz", 7119},
      {"gharchive-2013-02-15-0.timeline-format.json.gz", 6851},
      {"gharchive-2014-02-15-0.timeline-format.json.gz", 7119},
      {"pinot-2021-07-21-few-hours.json", 800},
      {"pinot-githubActivities-2016-07-07.json.gz", 2000},
  };
  for (const SampleCase& c : kCases) {
    SCOPED_TRACE(c.file);
    const std::string path = SharedDataPath(std::string("gharchive-sample/") + c.file);
    const std::vector<std::string> expected = SplitLines(GzReadAll(path));
    ASSERT_EQ(expected.size(), c.lines);

    Result<std::unique_ptr<LineSource>> source = OpenLineSource(path);
    ASSERT_OK(source);
    std::string_view line;
    size_t n = 0;
    for (;;) {
      Result<bool> r = (*source)->Next(&line);
      ASSERT_OK(r);
      if (!*r) break;
      ASSERT_LT(n, expected.size());
      ASSERT_FALSE(line.empty()) << "line " << n + 1;
      EXPECT_EQ(line.front(), '{') << "line " << n + 1;
      ASSERT_EQ(line, expected[n]) << "line " << n + 1;
      ++n;
      EXPECT_EQ((*source)->line_number(), n);
    }
    EXPECT_EQ(n, c.lines);
    EXPECT_EQ((*source)->long_lines_skipped(), 0u);
    EXPECT_EQ((*source)->bytes_read(), std::filesystem::file_size(path));
    // The end is sticky and clean.
    Result<bool> again = (*source)->Next(&line);
    ASSERT_OK(again);
    EXPECT_FALSE(*again);
  }
}

TEST(LineSourceTest, TwoRealSamplesConcatenatedAreOneStream) {
  TempDir tmp;
  const std::string a = ReadFile(SharedDataPath("gharchive-sample/gharchive-2012-02-15-0.json.gz"));
  const std::string b =
      ReadFile(SharedDataPath("gharchive-sample/pinot-githubActivities-2016-07-07.json.gz"));
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  const std::string path = tmp.Sub("cat.json.gz");
  WriteFile(path, a + b);

  const ReadOutcome got = OpenAndReadAll(path);
  ASSERT_OK(got.status);
  ASSERT_EQ(got.lines.size(), 4074u + 2000u);
  const std::vector<std::string> expected = SplitLines(GzReadAll(path));
  EXPECT_TRUE(got.lines == expected);
  EXPECT_EQ(got.numbers.back(), 6074u);
}

// ---------------------------------------------------------------------------------------------
// Small in-process inputs.

struct TextCase {
  const char* name;
  std::string content;  // file bytes
  std::vector<std::string> lines;
};

TEST(LineSourceTest, SmallInputs) {
  const std::vector<TextCase> kCases = {
      {"empty file", "", {}},
      {"one newline", "\n", {""}},
      {"plain lines", "a\nbb\nccc\n", {"a", "bb", "ccc"}},
      {"final line without newline", "a\nlast", {"a", "last"}},
      {"blank lines kept", "a\n\n\nb\n", {"a", "", "", "b"}},
      {"crlf", "a\r\nb\r\n\r\nc\r\n", {"a", "b", "", "c"}},
      {"crlf final without newline", "a\r\nb", {"a", "b"}},
      {"lone cr is data", "a\rb\n\r\n", {"a\rb", ""}},
      {"mixed endings", "a\nb\r\nc", {"a", "b", "c"}},
      {"one byte 1f is plain", "\x1f", {"\x1f"}},
      {"gzip one member", GzipMember("{\"a\":1}\n{\"b\":2}\n"), {"{\"a\":1}", "{\"b\":2}"}},
      {"gzip empty member", GzipMember(""), {}},
      {"gzip crlf", GzipMember("x\r\ny\r\n"), {"x", "y"}},
      {"gzip two members",
       GzipMember("a1\na2\n") + GzipMember("b1\nb2\n"),
       {"a1", "a2", "b1", "b2"}},
      {"gzip line spans members", GzipMember("ab") + GzipMember("cd\nef"), {"abcd", "ef"}},
      {"gzip crlf split across members", GzipMember("ab\r") + GzipMember("\ncd\n"), {"ab", "cd"}},
      {"gzip empty members between",
       GzipMember("a\n") + GzipMember("") + GzipMember("") + GzipMember("b\n"),
       {"a", "b"}},
  };
  TempDir tmp;
  int i = 0;
  for (const TextCase& c : kCases) {
    SCOPED_TRACE(c.name);
    const std::string path = tmp.Sub("case" + std::to_string(i++));
    WriteFile(path, c.content);
    Result<std::unique_ptr<LineSource>> source = OpenLineSource(path);
    ASSERT_OK(source);
    const ReadOutcome got = ReadAll(**source);
    ASSERT_OK(got.status);
    EXPECT_EQ(got.lines, c.lines);
    for (size_t k = 0; k < got.numbers.size(); ++k) EXPECT_EQ(got.numbers[k], k + 1);
    EXPECT_EQ((*source)->bytes_read(), c.content.size());
  }
}

TEST(LineSourceTest, ManyMembersInOrder) {
  std::string bytes;
  std::vector<std::string> expected;
  for (int m = 0; m < 300; ++m) {
    std::string text;
    for (int k = 0; k < 3; ++k) {
      expected.push_back("{\"member\":" + std::to_string(m) + ",\"line\":" + std::to_string(k) +
                         "}");
      text += expected.back() + "\n";
    }
    bytes += GzipMember(text);
  }
  TempDir tmp;
  const std::string path = tmp.Sub("many.json.gz");
  WriteFile(path, bytes);
  const ReadOutcome got = OpenAndReadAll(path);
  ASSERT_OK(got.status);
  EXPECT_EQ(got.lines, expected);
}

// ---------------------------------------------------------------------------------------------
// Line length limit.

TEST(LineSourceTest, TwentyMegabyteLineIsSkippedAndCounted) {
  const std::string content = "{\"first\":1}\n" + std::string(20u << 20, 'x') + "\n{\"last\":3}\n";
  for (const bool gzip : {false, true}) {
    SCOPED_TRACE(gzip ? "gzip" : "plain");
    TempDir tmp;
    const std::string path = tmp.Sub(gzip ? "long.json.gz" : "long.json");
    WriteFile(path, gzip ? GzipMember(content) : content);
    Result<std::unique_ptr<LineSource>> source = OpenLineSource(path, size_t{1} << 20);
    ASSERT_OK(source);
    LineSource& s = **source;
    std::string_view line;

    Result<bool> r = s.Next(&line);
    ASSERT_OK(r);
    ASSERT_TRUE(*r);
    EXPECT_EQ(line, "{\"first\":1}");
    EXPECT_EQ(s.line_number(), 1u);
    EXPECT_EQ(s.long_lines_skipped(), 0u);

    r = s.Next(&line);
    ASSERT_OK(r);
    ASSERT_TRUE(*r);
    EXPECT_EQ(line, "{\"last\":3}");
    EXPECT_EQ(s.line_number(), 3u);
    EXPECT_EQ(s.long_lines_skipped(), 1u);

    r = s.Next(&line);
    ASSERT_OK(r);
    EXPECT_FALSE(*r);
    EXPECT_EQ(s.bytes_read(), std::filesystem::file_size(path));
  }
}

TEST(LineSourceTest, LongFinalLineWithoutNewlineIsSkipped) {
  TempDir tmp;
  const std::string path = tmp.Sub("tail.json");
  WriteFile(path, "a\n" + std::string(3u << 20, 'y'));
  Result<std::unique_ptr<LineSource>> source = OpenLineSource(path, 1000);
  ASSERT_OK(source);
  const ReadOutcome got = ReadAll(**source);
  ASSERT_OK(got.status);
  EXPECT_EQ(got.lines, std::vector<std::string>{"a"});
  EXPECT_EQ((*source)->long_lines_skipped(), 1u);
  EXPECT_EQ((*source)->line_number(), 2u);
}

// The limit is exact (a line of max_line_bytes is kept, one byte more is not, "\r\n" does not
// count), including for lines that straddle the reader's internal chunk boundaries: the prefix
// lengths put the interesting lines at the start of the file, across the 1 MiB input chunk and
// across the 4 MiB decompressed chunk.
TEST(LineSourceTest, LimitIsExactAcrossChunkBoundaries) {
  constexpr size_t kMax = 1000;
  const size_t kPrefixes[] = {0, (size_t{1} << 20) - 300, (size_t{4} << 20) - 300};
  for (const size_t prefix : kPrefixes) {
    std::string content;
    std::vector<std::string> expected;
    while (content.size() + 100 <= prefix) {
      expected.push_back(std::string(99, 'p'));
      content += expected.back() + "\n";
    }
    const size_t prefix_lines = expected.size();
    const std::string exact(kMax, 'x');
    content += exact + "\r\n";  // kept
    expected.push_back(exact);
    content += std::string(kMax + 1, 'y') + "\n";    // skipped
    content += std::string(kMax + 1, 'z') + "\r\n";  // skipped: the '\r' is not why
    content += exact + "\n";                         // kept
    expected.push_back(exact);
    content += "end";
    expected.push_back("end");

    for (const bool gzip : {false, true}) {
      SCOPED_TRACE(::testing::Message() << "prefix " << prefix << (gzip ? " gzip" : " plain"));
      TempDir tmp;
      const std::string path = tmp.Sub("limit");
      WriteFile(path, gzip ? GzipMember(content) : content);
      Result<std::unique_ptr<LineSource>> source = OpenLineSource(path, kMax);
      ASSERT_OK(source);
      const ReadOutcome got = ReadAll(**source);
      ASSERT_OK(got.status);
      EXPECT_TRUE(got.lines == expected);
      EXPECT_EQ((*source)->long_lines_skipped(), 2u);
      ASSERT_EQ(got.numbers.size(), prefix_lines + 3);
      EXPECT_EQ(got.numbers[prefix_lines], prefix_lines + 1);
      EXPECT_EQ(got.numbers[prefix_lines + 1], prefix_lines + 4);
      EXPECT_EQ(got.numbers[prefix_lines + 2], prefix_lines + 5);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Error paths.

TEST(LineSourceErrorTest, MissingFileIsNotFoundNamingThePath) {
  TempDir tmp;
  const std::string path = tmp.Sub("no-such-hour.json.gz");
  Result<std::unique_ptr<LineSource>> source = OpenLineSource(path);
  ASSERT_FALSE(source.has_value());
  EXPECT_EQ(source.error().code(), StatusCode::kNotFound);
  EXPECT_NE(source.error().message().find(path), std::string::npos) << source.error().ToString();
}

TEST(LineSourceErrorTest, DirectoryIsIoErrorNamingThePath) {
  TempDir tmp;
  Result<std::unique_ptr<LineSource>> source = OpenLineSource(tmp.path());
  ASSERT_FALSE(source.has_value());
  EXPECT_EQ(source.error().code(), StatusCode::kIoError);
  EXPECT_NE(source.error().message().find(tmp.path()), std::string::npos)
      << source.error().ToString();
}

TEST(LineSourceErrorTest, TruncatedGzipReturnsTheWholeLinesFirst) {
  const std::string sample = SharedDataPath("gharchive-sample/gharchive-2012-02-15-0.json.gz");
  const std::string bytes = ReadFile(sample);
  const std::vector<std::string> all = SplitLines(GzReadAll(sample));
  ASSERT_EQ(all.size(), 4074u);
  TempDir tmp;
  const std::string path = tmp.Sub("half.json.gz");
  WriteFile(path, bytes.substr(0, bytes.size() / 2));

  Result<std::unique_ptr<LineSource>> source = OpenLineSource(path);
  ASSERT_OK(source);
  const ReadOutcome got = ReadAll(**source);
  ASSERT_FALSE(got.status.ok());
  EXPECT_EQ(got.status.code(), StatusCode::kCorruption);
  const std::string& msg = got.status.message();
  EXPECT_NE(msg.find(path), std::string::npos) << msg;
  EXPECT_NE(msg.find("truncated gzip"), std::string::npos) << msg;
  EXPECT_NE(msg.find("line " + std::to_string(got.lines.size() + 1) + ":"), std::string::npos)
      << msg;
  // Roughly half of the lines, each one exactly as in the whole file.
  EXPECT_GT(got.lines.size(), 1000u);
  EXPECT_LT(got.lines.size(), all.size());
  for (size_t i = 0; i < got.lines.size(); ++i) ASSERT_EQ(got.lines[i], all[i]) << "line " << i + 1;
  // The error is sticky.
  std::string_view line;
  Result<bool> again = (*source)->Next(&line);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().message(), msg);
}

TEST(LineSourceErrorTest, TruncatedInsideHeaderOrSecondMember) {
  const std::string one = GzipMember("a\nb\n");
  const std::string two = GzipMember("c\nd\n");
  struct Case {
    const char* name;
    std::string bytes;
    std::vector<std::string> lines;
  };
  const std::vector<Case> kCases = {
      {"magic only", "\x1f\x8b", {}},
      {"half a header", one.substr(0, 5), {}},
      {"no trailer", one.substr(0, one.size() - 8), {"a", "b"}},
      {"second member cut", one + two.substr(0, two.size() / 2), {"a", "b"}},
  };
  TempDir tmp;
  int i = 0;
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    const std::string path = tmp.Sub("t" + std::to_string(i++) + ".gz");
    WriteFile(path, c.bytes);
    const ReadOutcome got = OpenAndReadAll(path);
    EXPECT_EQ(got.lines, c.lines);
    EXPECT_EQ(got.status.code(), StatusCode::kCorruption);
    const std::string expected_msg =
        path + ": line " + std::to_string(c.lines.size() + 1) + ": truncated gzip";
    EXPECT_EQ(got.status.message(), expected_msg);
  }
}

TEST(LineSourceErrorTest, CorruptMemberIsCorruption) {
  const std::string sample =
      SharedDataPath("gharchive-sample/gharchive-2013-02-15-0.normalized.json.gz");
  std::string bytes = ReadFile(sample);
  ASSERT_GT(bytes.size(), 1000u);
  const size_t mid = bytes.size() / 2;
  for (size_t k = 0; k < 16; ++k) bytes[mid + k] = static_cast<char>(~bytes[mid + k]);
  TempDir tmp;
  const std::string path = tmp.Sub("flipped.json.gz");
  WriteFile(path, bytes);

  const ReadOutcome got = OpenAndReadAll(path);
  ASSERT_FALSE(got.status.ok());
  EXPECT_EQ(got.status.code(), StatusCode::kCorruption);
  const std::string& msg = got.status.message();
  EXPECT_NE(msg.find(path + ": line " + std::to_string(got.lines.size() + 1) + ": corrupt gzip: "),
            std::string::npos)
      << msg;
  // The text before the damaged bytes comes out intact. After them zlib may decode garbage (with
  // any number of '\n') until the member's CRC check fails, as zcat does: a stream cannot take
  // back text it has already handed out, so the caller must treat the error as poisoning the file.
  const std::vector<std::string> all = SplitLines(GzReadAll(sample));
  ASSERT_GT(got.lines.size(), 1000u);
  for (size_t i = 0; i < 1000; ++i) ASSERT_EQ(got.lines[i], all[i]) << "line " << i + 1;
}

TEST(LineSourceErrorTest, TrailingGarbageAfterMemberIsCorruption) {
  const std::string member = GzipMember("a\nb\n");
  const std::string kTails[] = {"not gzip\n", "\x1f", std::string(4, '\0'), "\x1f\x8c"};
  TempDir tmp;
  int i = 0;
  for (const std::string& tail : kTails) {
    SCOPED_TRACE(i);
    const std::string path = tmp.Sub("g" + std::to_string(i++) + ".gz");
    WriteFile(path, member + tail);
    const ReadOutcome got = OpenAndReadAll(path);
    EXPECT_EQ(got.lines, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(got.status.code(), StatusCode::kCorruption);
    EXPECT_EQ(got.status.message(), path + ": line 3: trailing garbage after gzip member");
  }
}

TEST(LineSourceErrorTest, CorruptSecondMemberKeepsTheFirstMembersLines) {
  std::string two = GzipMember("c\nd\n");
  two[2] = '\x07';  // CM (compression method) other than 8, deflate: every decoder rejects it
  TempDir tmp;
  const std::string path = tmp.Sub("bad2.gz");
  WriteFile(path, GzipMember("a\nb\n") + two);
  const ReadOutcome got = OpenAndReadAll(path);
  EXPECT_EQ(got.lines, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(got.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(got.status.message().rfind(path + ": line 3: corrupt gzip: ", 0), 0u)
      << got.status.message();
}

// Reads the kLinePadding bytes after a line, which a parser may read: under AddressSanitizer a
// line without them fails the test as a heap overflow.
uint64_t TouchPadding(std::string_view line) {
  volatile uint64_t sum = 0;
  for (size_t i = 0; i < kLinePadding; ++i) sum = sum + static_cast<unsigned char>(line.data()[line.size() + i]);
  return sum;
}

// Decoding on a background thread must not change a thing: same lines, numbers and errors. Every
// line, read either way, is followed by kLinePadding readable bytes.
TEST(LineSourceTest, BackgroundDecodingGivesTheSameResults) {
  TempDir tmp;
  const std::string sample = SharedDataPath("gharchive-sample/gharchive-2012-02-15-0.json.gz");
  const std::string bytes = ReadFile(sample);
  WriteFile(tmp.Sub("cut.json.gz"), bytes.substr(0, bytes.size() / 2));
  WriteFile(tmp.Sub("long.json"), "a\n" + std::string(3u << 20, 'x') + "\nb\nc");
  WriteFile(tmp.Sub("two.gz"), GzipMember("a\nb\n") + GzipMember("c\r\nd"));
  WriteFile(tmp.Sub("empty.json"), "");
  // Lines that end one byte before a block of the file (1 MiB) or a decompressed chunk (4 MiB)
  // does: nothing of the file follows them there.
  auto lines_of = [](size_t size) {
    std::string text;
    while (text.size() + 100 < size) text += std::string(99, 'x') + "\n";
    text += std::string(size - text.size() - 1, 'y') + "\n";
    return text;
  };
  WriteFile(tmp.Sub("block.json"), lines_of(size_t{1} << 20));
  WriteFile(tmp.Sub("chunk.json.gz"), GzipMember(lines_of(size_t{4} << 20)));
  for (const std::string& path :
       {sample, SharedDataPath("gharchive-sample/gharchive-2011-02-15-0.json"), tmp.Sub("cut.json.gz"),
        tmp.Sub("long.json"), tmp.Sub("two.gz"), tmp.Sub("empty.json"), tmp.Sub("block.json"),
        tmp.Sub("chunk.json.gz")}) {
    SCOPED_TRACE(path);
    for (size_t limit : {size_t{1} << 20, kDefaultMaxLineBytes}) {
      auto direct = OpenLineSource(path, limit, /*background=*/false);
      auto bg = OpenLineSource(path, limit, /*background=*/true);
      ASSERT_OK(direct);
      ASSERT_OK(bg);
      std::string_view a, b;
      bool clean_end = false;
      while (true) {
        auto ra = (*direct)->Next(&a);
        auto rb = (*bg)->Next(&b);
        ASSERT_EQ(ra.has_value(), rb.has_value()) << (ra ? std::string("direct ok") : ra.error().message()) << " / " << (rb ? std::string("bg ok") : rb.error().message());
        if (!ra) {
          EXPECT_EQ(ra.error().message(), rb.error().message());
          break;
        }
        ASSERT_EQ(*ra, *rb);
        if (!*ra) {
          clean_end = true;
          break;
        }
        ASSERT_EQ(a, b);
        TouchPadding(a);
        TouchPadding(b);
        ASSERT_EQ((*direct)->line_number(), (*bg)->line_number());
      }
      EXPECT_EQ((*direct)->line_number(), (*bg)->line_number());
      EXPECT_EQ((*direct)->long_lines_skipped(), (*bg)->long_lines_skipped());
      // The file's checksum comes with a clean end, and only then: zlib's CRC-32 of its bytes.
      const std::string file = ReadFile(path);
      const uLong crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(file.data()),
                              static_cast<uInt>(file.size()));
      EXPECT_EQ((*direct)->file_crc32(), clean_end ? crc : 0u);
      EXPECT_EQ((*bg)->file_crc32(), clean_end ? crc : 0u);
    }
  }
}

}  // namespace
}  // namespace oscm::ingest
