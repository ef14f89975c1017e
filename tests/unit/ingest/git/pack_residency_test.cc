#include "ingest/git/pack_residency.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/test_util.h"

namespace oscm::ingest {
namespace {

using oscm::testing::TempDir;

// Resident KB of the mapping that starts at `addr`, from /proc/self/smaps.
long ResidentKb(const void* addr) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool in = false;
  while (std::getline(smaps, line)) {
    unsigned long start = 0;
    unsigned long end = 0;
    char perms[5] = {};
    if (std::sscanf(line.c_str(), "%lx-%lx %4s", &start, &end, perms) == 3) {  // a mapping's first line
      in = start == reinterpret_cast<unsigned long>(addr);
      continue;
    }
    if (in && line.rfind("Rss:", 0) == 0) return std::stol(line.substr(4));
  }
  return -1;
}

// A file of `n` bytes mapped read-only, as libgit2 maps packs, with every page read once.
struct Mapped {
  Mapped(const std::string& path, size_t n) : size(n) {
    std::ofstream(path, std::ios::binary) << std::string(n, 'p');
    const int fd = open(path.c_str(), O_RDONLY);
    data = static_cast<const char*>(mmap(nullptr, n, PROT_READ, MAP_PRIVATE, fd, 0));
    close(fd);
    for (size_t i = 0; i < n; i += 4096) sum += data[i];
  }
  ~Mapped() { munmap(const_cast<char*>(data), size); }
  size_t size;
  const char* data = nullptr;
  long sum = 0;
};

TEST(PackResidencyTest, GivesBackThePacksPagesOnlyPastTheLimit) {
  TempDir tmp;
  const std::string objects = std::filesystem::canonical(tmp.path()).string() + "/objects/";
  std::filesystem::create_directories(objects + "pack");
  const size_t n = size_t{4} << 20;
  Mapped pack(objects + "pack/pack-1.pack", n);
  Mapped index(objects + "pack/pack-1.idx", n);
  Mapped elsewhere(tmp.Sub("other.pack"), n);
  ASSERT_NE(pack.data, MAP_FAILED);
  ASSERT_GE(ResidentKb(pack.data), 4096);

  // Under the limit: nothing is advised.
  auto kept = PackResidency(objects, size_t{1} << 40).Trim();
  ASSERT_OK(kept);
  EXPECT_EQ(*kept, 0u);
  EXPECT_GE(ResidentKb(pack.data), 4096);

  // Over it: the pack's pages go, the index and a .pack outside objects/ stay, and the pack
  // reads the same when touched again.
  auto trimmed = PackResidency(objects, 0).Trim();
  ASSERT_OK(trimmed);
  EXPECT_EQ(*trimmed, n);
  EXPECT_EQ(ResidentKb(pack.data), 0);
  EXPECT_GE(ResidentKb(index.data), 4096);
  EXPECT_GE(ResidentKb(elsewhere.data), 4096);
  long sum = 0;
  for (size_t i = 0; i < n; i += 4096) sum += pack.data[i];
  EXPECT_EQ(sum, pack.sum);
}

}  // namespace
}  // namespace oscm::ingest
