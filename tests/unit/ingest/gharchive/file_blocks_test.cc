#include "ingest/gharchive/file_blocks.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

#include "support/test_util.h"

namespace oscm::ingest {
namespace {

using ::oscm::testing::TempDir;
using ::oscm::testing::WriteFile;

uint32_t ZlibCrc(const std::string& bytes) {
  return static_cast<uint32_t>(crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()),
                                     static_cast<uInt>(bytes.size())));
}

// Both readers give the file's bytes in order and zlib's CRC-32 of them, for files of no bytes,
// of exactly one block and of blocks and a bit.
TEST(FileBlocksTest, BothReadersGiveTheBytesAndTheirCrc) {
  TempDir tmp;
  std::string big;
  for (size_t i = 0; big.size() < (size_t{5} << 19) + 7; ++i) big += std::to_string(i * 2654435761u) + ",";
  for (const std::string& bytes : {std::string(), std::string(size_t{1} << 20, 'x'), big}) {
    WriteFile(tmp.Sub("f"), bytes);
    for (const bool background : {false, true}) {
      SCOPED_TRACE(::testing::Message() << bytes.size() << " bytes, background " << background);
      FilePtr file(std::fopen(tmp.Sub("f").c_str(), "rb"));
      ASSERT_TRUE(file);
      auto blocks = ReadFileBlocks(std::move(file), background);
      std::string read;
      while (true) {
        auto block = blocks->Next();
        ASSERT_OK(block);
        if (block->empty()) break;
        read.append(*block);
        EXPECT_EQ(blocks->crc32(), ZlibCrc(read));
      }
      EXPECT_EQ(read, bytes);
      EXPECT_EQ(blocks->crc32(), ZlibCrc(bytes));
      ASSERT_OK(blocks->Next());  // asked again after the end: still the end
    }
  }
}

TEST(FileBlocksTest, ReadErrorIsIoErrorEveryTime) {
  for (const bool background : {false, true}) {
    FilePtr file(std::fopen("/proc/self/mem", "rb"));  // reading offset 0 fails with EIO
    ASSERT_TRUE(file);
    auto blocks = ReadFileBlocks(std::move(file), background);
    for (int i = 0; i < 2; ++i) {
      auto block = blocks->Next();
      ASSERT_FALSE(block.has_value());
      EXPECT_EQ(block.error().code(), StatusCode::kIoError);
      EXPECT_EQ(block.error().message().rfind("read: ", 0), 0u) << block.error().message();
    }
  }
}

}  // namespace
}  // namespace oscm::ingest
