// FilePtr: an owned C FILE*, closed on destruction. Not thread-safe.
#pragma once

#include <cstdio>
#include <memory>

namespace oscm {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

}  // namespace oscm
