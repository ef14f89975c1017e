// SpillFile: byte strings kept in an unnamed temporary file and read back by key, so that
// partial results wait on disk rather than in memory. Putting a key again replaces its value
// (the old bytes stay in the file until it is closed). The file disappears when the SpillFile is
// destroyed or the process ends. A temporary file that cannot be created makes every Put and Get
// fail, so that the caller meets the error where it meets write errors. Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "base/file_handle.h"
#include "oscm/status.h"

namespace oscm {

class SpillFile {
 public:
  SpillFile() : f_(std::tmpfile()) {}

  Status Put(uint64_t key, std::string_view bytes) {
    if (!f_) return IoError("cannot create a temporary file (is TMPDIR writable?)");
    if (std::fseek(f_.get(), 0, SEEK_END) != 0) return IoError("temporary file: seek failed");
    const long at = std::ftell(f_.get());
    if (at < 0 || std::fwrite(bytes.data(), 1, bytes.size(), f_.get()) != bytes.size()) {
      return IoError("temporary file: write failed (disk full?)");
    }
    index_[key] = {static_cast<uint64_t>(at), bytes.size()};
    return Status::Ok();
  }

  bool Has(uint64_t key) const { return index_.count(key) > 0; }

  // REQUIRES: Has(key).
  Result<std::string> Get(uint64_t key) {
    const auto [at, size] = index_.at(key);  // Has(key), so the file exists
    std::string bytes(size, '\0');
    if (std::fseek(f_.get(), static_cast<long>(at), SEEK_SET) != 0 ||
        std::fread(bytes.data(), 1, size, f_.get()) != size) {
      return IoError("temporary file: read failed");
    }
    return bytes;
  }

 private:
  FilePtr f_;
  std::unordered_map<uint64_t, std::pair<uint64_t, size_t>> index_;  // key -> (offset, size)
};

}  // namespace oscm
