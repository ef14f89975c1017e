// LineSource: the lines of a GH Archive file (plain JSON lines or gzip), read as a stream.
//
// GH Archive hours are gzip files of one JSON event per line, often hundreds of MB once
// decompressed, so a file is never read whole: OpenLineSource reads it in fixed chunks (1 MiB of
// file, 1 MiB of decompressed text) and hands out one line at a time. Gzip files may hold several
// members (`cat a.gz b.gz`); their text is read as one stream, as zcat does.
//
// LineSource is also the seam for fault injection: a test can give the event reader a fake
// LineSource that fails on line N.
//
// Thread-safety: none; use a LineSource from one thread at a time (it may move between threads).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "oscm/status.h"

namespace oscm::ingest {

// Lines longer than this are skipped by default (see OpenLineSource). GitHub events are a few KB;
// the largest real ones (PushEvents with many commits) stay well under 1 MB.
inline constexpr size_t kDefaultMaxLineBytes = size_t{16} << 20;

// Every line a LineSource from OpenLineSource returns is followed in memory by at least this many
// readable bytes (of unspecified content), so that a parser that reads ahead in blocks (simdjson)
// can take the line where it lies instead of copying it.
inline constexpr size_t kLinePadding = 64;

class LineSource {
 public:
  LineSource() = default;
  virtual ~LineSource() = default;
  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;

  // On success with true, *line is the next line without its terminator ("\n" or "\r\n"; a final
  // line with no "\n" is returned as it is). *line stays valid until the next call to Next() or
  // the destruction of the source; OpenLineSource's sources follow it with kLinePadding readable
  // bytes. Returns false at a clean end of input.
  //
  // An error (unreadable file, truncated or corrupt gzip) comes only after every line that was
  // fully decoded before the fault has been returned; the partial line at the fault is dropped.
  // Errors are sticky: every later call returns the same error.
  // REQUIRES: line != nullptr.
  virtual Result<bool> Next(std::string_view* line) = 0;

  // The 1-based number of the line last returned (0 before the first). Skipped lines (see
  // long_lines_skipped) are counted too, so numbers match the file's own line numbers.
  virtual uint64_t line_number() const = 0;

  // Bytes of the underlying file consumed so far (compressed bytes for gzip), for progress. At a
  // clean end this is the file size. A source with no file behind it returns 0.
  virtual uint64_t bytes_read() const { return 0; }

  // The CRC-32 (as zlib's crc32) of every byte of the file, once Next() has returned false at a
  // clean end; 0 before that and for a source with no file behind it.
  virtual uint32_t file_crc32() const { return 0; }

  // Lines dropped because they were longer than the source's limit. They are not returned, but
  // they still advance line_number().
  virtual uint64_t long_lines_skipped() const { return 0; }
};

// Opens `path` for reading lines. A file that starts with the gzip magic bytes (1f 8b) is
// decompressed (single- or multi-member gzip); anything else is read as plain text.
//
// Lines whose text (without terminator) is longer than `max_line_bytes` are skipped and counted
// in long_lines_skipped(); memory stays bounded by about max_line_bytes plus the chunk buffers,
// however long a line is.
//
// Errors: a missing file is kNotFound, an unreadable one kIoError, both naming the path. From
// Next(): a read failure is kIoError; a gzip that ends inside a member, a corrupt member, or
// bytes after a member that are not another gzip member are kCorruption, with messages
// "<path>: line <N>: truncated gzip", "<path>: line <N>: corrupt gzip: <zlib message>" and
// "<path>: line <N>: trailing garbage after gzip member", where N is the number of the line
// being read when the fault was found (one more than the last line returned or skipped).
// With `background`, decompression runs on a thread of its own, a few 1 MiB chunks ahead, while
// the caller splits and parses lines: the two overlap on two cores, with the same lines, numbers
// and errors as without.
// REQUIRES: max_line_bytes > 0.
Result<std::unique_ptr<LineSource>> OpenLineSource(const std::string& path,
                                                   size_t max_line_bytes = kDefaultMaxLineBytes,
                                                   bool background = false);

}  // namespace oscm::ingest
