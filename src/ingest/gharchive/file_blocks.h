// FileBlocks: a file's bytes in fixed-size blocks, with their CRC-32, read either on the caller's
// thread or a block or two ahead on a thread of its own.
//
// The background reader takes the read(2) copies and the checksum off the thread that uses the
// bytes: for GH Archive gzip files that thread is the decompressor, the slowest stage of an ingest.
// Thread-safety: none; use a FileBlocks from one thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/file_handle.h"
#include "oscm/status.h"

namespace oscm::ingest {

// Every block is followed in memory by at least this many readable bytes (of unspecified
// content), so that text in a block can be parsed where it lies (see kLinePadding).
inline constexpr size_t kFileBlockPadding = 64;

class FileBlocks {
 public:
  FileBlocks() = default;
  virtual ~FileBlocks() = default;
  FileBlocks(const FileBlocks&) = delete;
  FileBlocks& operator=(const FileBlocks&) = delete;

  // The next block of the file, valid until the next call; empty at the end of the file. A read
  // error is kIoError ("read: <reason>"), and every later call returns it again.
  virtual Result<std::string_view> Next() = 0;

  // The CRC-32 (as zlib's crc32) of the bytes returned so far: the whole file's after the end.
  virtual uint32_t crc32() const = 0;
};

// Reads `file` from its current position. With `background`, a thread reads ahead.
std::unique_ptr<FileBlocks> ReadFileBlocks(FilePtr file, bool background);

// The CRC-32 of a file's bytes, as 8 hex digits (the GH Archive ingest log's checksum). Errors
// name the path.
Result<std::string> Crc32Of(const std::string& path);
std::string FormatCrc32(uint32_t crc);

}  // namespace oscm::ingest
