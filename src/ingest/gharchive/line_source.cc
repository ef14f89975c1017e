#include "ingest/gharchive/line_source.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <isa-l/igzip_lib.h>

#include "base/batch_pipe.h"
#include "base/buffer_pool.h"
#include "base/file_handle.h"
#include "base/thread_name.h"
#include "ingest/gharchive/file_blocks.h"

namespace oscm::ingest {
namespace {

// Small enough that a chunk is still in cache when the splitting thread reads it: with 4 MiB
// chunks the decompressing thread used about 10% more CPU (bench/thread_cpu.sh, 500 MB of 2015+
// events, interleaved runs). Smaller ones cost ISA-L more copying (256 KiB: 5% more instructions).
constexpr size_t kOutputChunk = size_t{1} << 20;
constexpr size_t kChunksAhead = 4;
static_assert(kFileBlockPadding >= kLinePadding, "plain text lines are returned from the file's blocks");
// Decompressed chunks are decoded into the first kOutputChunk bytes of a buffer this large, so a
// line that ends a chunk still has kLinePadding bytes after it.
constexpr size_t kOutputBuffer = kOutputChunk + kLinePadding;


// Owns an ISA-L inflate state set up for gzip decoding (ISA-L inflates about 3x faster than
// zlib on x86-64). The state is large (~100 KB), so it lives on the heap.
class GzipInflater {
 public:
  GzipInflater() : state_(std::make_unique<inflate_state>()) {
    isal_inflate_init(state_.get());
    state_->crc_flag = ISAL_GZIP;  // parse the header, verify CRC-32 and size in the trailer
  }
  GzipInflater(const GzipInflater&) = delete;
  GzipInflater& operator=(const GzipInflater&) = delete;

  // Starts the next gzip member where the last one ended, as ISA-L's igzip does.
  void Reset() {
    isal_inflate_reset(state_.get());
    state_->crc_flag = ISAL_GZIP;
  }
  inflate_state& stream() { return *state_; }
  const inflate_state& stream() const { return *state_; }

 private:
  std::unique_ptr<inflate_state> state_;
};

const char* IsalMessage(int rc) {
  switch (rc) {
    case ISAL_INVALID_BLOCK: return "invalid deflate block";
    case ISAL_INVALID_SYMBOL: return "invalid deflate symbol";
    case ISAL_INVALID_LOOKBACK: return "invalid lookback distance";
    case ISAL_INVALID_WRAPPER: return "invalid gzip header";
    case ISAL_UNSUPPORTED_METHOD: return "unsupported compression method";
    case ISAL_INCORRECT_CHECKSUM: return "incorrect data check";
    default: return "decompression error";
  }
}

// The decoding half: the file's text as a sequence of chunks (decompressed when gzip).
class Decoder {
 public:
  explicit Decoder(std::unique_ptr<FileBlocks> input) : input_(std::move(input)) {}
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  // Reads the first chunk and decides between gzip and plain text.
  Status Init();
  // The next chunk of text, valid until the next call; false at a clean end of input. A fault
  // comes after the text decoded before it.
  Result<bool> NextChunk(std::string_view* chunk);
  uint64_t bytes_read() const { return file_bytes_ - (inflater_ ? inflater_->stream().avail_in : 0); }
  // The CRC-32 of the file's bytes read so far (all of them after a clean end).
  uint32_t file_crc32() const { return input_->crc32(); }
  bool is_gzip() const { return inflater_ != nullptr; }
  // Gives the buffer behind the last chunk away (gzip only; plain text returns an empty vector)
  // and decodes the next chunk into `fresh` instead.
  PooledBuffer TakeBuffer(PooledBuffer fresh);

 private:
  Status ReadPlain();
  Status Inflate();
  // Takes the next block of the file (after the unconsumed input, if any) as the input.
  Status ReadInput();

  std::unique_ptr<FileBlocks> input_;
  std::string_view block_;  // the current block of the file
  std::string carry_;       // gzip: unconsumed input followed by the next block (rare)
  bool file_eof_ = false;
  uint64_t file_bytes_ = 0;

  std::unique_ptr<GzipInflater> inflater_;  // null for plain text
  PooledBuffer out_;
  bool member_done_ = false;  // inflate reached the end of a gzip member

  const char* data_ = nullptr;
  size_t end_ = 0;
  bool first_chunk_ready_ = false;  // plain text: Init's read is the first chunk
  bool input_done_ = false;
  Status deferred_;  // a fault found while decoding text that has not been handed out yet
};

// Where the line splitter gets chunks: the decoder directly, or a background thread running it.
class ChunkSource {
 public:
  virtual ~ChunkSource() = default;
  virtual Result<bool> NextChunk(std::string_view* chunk) = 0;
  virtual uint64_t bytes_read() const = 0;
  virtual uint32_t file_crc32() const = 0;  // valid after NextChunk returned a clean end
};

class DirectChunks final : public ChunkSource {
 public:
  explicit DirectChunks(std::unique_ptr<Decoder> decoder) : decoder_(std::move(decoder)) {}
  Result<bool> NextChunk(std::string_view* chunk) override { return decoder_->NextChunk(chunk); }
  uint64_t bytes_read() const override { return decoder_->bytes_read(); }
  uint32_t file_crc32() const override { return decoder_->file_crc32(); }

 private:
  std::unique_ptr<Decoder> decoder_;
};

// Runs the decoder on its own thread, a few chunks ahead; the chunk buffers travel to the
// consumer and back through the buffer pool, so no text is copied and no buffer is allocated
// per chunk.
class BackgroundChunks final : public ChunkSource {
 public:
  explicit BackgroundChunks(std::unique_ptr<Decoder> decoder)
      : decoder_(std::move(decoder)), chunks_(/*batch_size=*/1, /*max_batches=*/kChunksAhead) {
    thread_ = std::thread([this] { Produce(); });
  }
  ~BackgroundChunks() override {
    chunks_.Stop();
    thread_.join();
  }
  Result<bool> NextChunk(std::string_view* chunk) override {
    if (current_.end) {  // asked again after the end, as the decoder may be
      if (!current_.status.ok()) return current_.status;
      return false;
    }
    current_.data = PooledBuffer();  // back to the pool
    std::vector<Chunk> got;
    if (!chunks_.Pop(&got) || got.empty()) return InternalError("background decoder stopped");
    current_ = std::move(got.front());
    bytes_read_ = current_.bytes_read;
    if (!current_.status.ok()) return current_.status;
    if (current_.end) return false;
    // Views are made here, after the moves.
    *chunk = current_.data.empty() ? std::string_view(current_.copy.data(), current_.size)
                                   : std::string_view(current_.data.data(), current_.size);
    return true;
  }
  uint64_t bytes_read() const override { return bytes_read_; }
  uint32_t file_crc32() const override { return current_.file_crc; }

 private:
  struct Chunk {
    PooledBuffer data;       // gzip: the decoder's output buffer, text in [0, size)
    size_t size = 0;
    std::vector<char> copy;  // plain text: a copy of the chunk, then kLinePadding bytes
    uint64_t bytes_read = 0;
    uint32_t file_crc = 0;   // at the end: the CRC-32 of the file's bytes
    bool end = false;
    Status status;
  };

  void Produce() {
    SetThreadName("oscm-inflate");
    while (true) {
      Chunk c;
      std::string_view text;
      Result<bool> more = decoder_->NextChunk(&text);
      c.bytes_read = decoder_->bytes_read();
      if (!more || !*more) {
        if (!more) c.status = more.error();
        c.file_crc = decoder_->file_crc32();
        c.end = true;
        chunks_.Push(std::move(c));
        chunks_.Close();
        return;
      }
      c.size = text.size();
      if (decoder_->is_gzip()) {
        c.data = decoder_->TakeBuffer(PooledBuffer(kOutputBuffer));
      } else {
        c.copy.resize(text.size() + kLinePadding);
        std::memcpy(c.copy.data(), text.data(), text.size());
      }
      if (!chunks_.Push(std::move(c))) return;  // the consumer stopped
    }
  }
  std::unique_ptr<Decoder> decoder_;  // the background thread's only
  BatchPipe<Chunk> chunks_;
  std::thread thread_;
  Chunk current_;  // consumer side
  uint64_t bytes_read_ = 0;
};

// The splitting half: lines out of chunks, with lines that span chunks, CRLF, and over-long lines.
class FileLineSource final : public LineSource {
 public:
  FileLineSource(std::string path, std::unique_ptr<ChunkSource> chunks, size_t max_line_bytes)
      : path_(std::move(path)), chunks_(std::move(chunks)), max_line_bytes_(max_line_bytes) {}

  Result<bool> Next(std::string_view* line) override;
  uint64_t line_number() const override { return line_number_; }
  uint64_t bytes_read() const override { return chunks_->bytes_read(); }
  uint64_t long_lines_skipped() const override { return long_lines_skipped_; }
  uint32_t file_crc32() const override { return at_end_ ? chunks_->file_crc32() : 0; }

 private:
  // Adds the unterminated tail of a chunk to pending_, or starts skipping if it gets too long.
  void AppendPending(const char* p, size_t n);
  std::string_view PendingText() const { return {pending_.data(), pending_.size()}; }
  // Finishes line `text` (a terminator was seen, or the input ended); true if it is returned.
  bool FinishLine(std::string_view text, bool had_newline, bool from_pending,
                  std::string_view* line);

  const std::string path_;
  std::unique_ptr<ChunkSource> chunks_;
  const size_t max_line_bytes_;

  const char* data_ = nullptr;
  size_t pos_ = 0;
  size_t end_ = 0;

  // A line that spans chunks, collected here; never longer than max_line_bytes_ + 1 (the + 1
  // leaves room for the '\r' of "\r\n"). A vector, because std::string::reserve may round the
  // capacity up past the limit.
  std::vector<char> pending_;
  bool pending_returned_ = false;  // *line of the last Next() points into pending_
  bool skipping_ = false;          // the current line is already too long; drop until '\n'

  uint64_t line_number_ = 0;
  uint64_t long_lines_skipped_ = 0;
  bool at_end_ = false;  // the chunks ended cleanly
  Status error_;
};

Status Decoder::Init() {
  OSCM_RETURN_IF_ERROR(ReadInput());
  if (block_.size() >= 2 && static_cast<unsigned char>(block_[0]) == 0x1f &&
      static_cast<unsigned char>(block_[1]) == 0x8b) {
    inflater_ = std::make_unique<GzipInflater>();
    inflate_state& s = inflater_->stream();
    s.next_in = reinterpret_cast<uint8_t*>(const_cast<char*>(block_.data()));
    s.avail_in = static_cast<uint32_t>(block_.size());
    out_ = PooledBuffer(kOutputBuffer);
  } else {
    first_chunk_ready_ = true;
  }
  return Status::Ok();
}

Status Decoder::ReadInput() {
  // ISA-L keeps what it has not decoded of a block it has consumed, so input is left over only
  // at the end of a gzip member (a byte or two, to tell what follows).
  const size_t kept = inflater_ ? inflater_->stream().avail_in : 0;
  if (kept > 0) carry_.assign(reinterpret_cast<const char*>(inflater_->stream().next_in), kept);
  OSCM_ASSIGN_OR_RETURN(block_, input_->Next());
  if (block_.empty()) file_eof_ = true;
  file_bytes_ += block_.size();
  if (kept > 0) {
    carry_.append(block_);
    block_ = carry_;
  }
  if (inflater_) {
    inflate_state& s = inflater_->stream();
    s.next_in = reinterpret_cast<uint8_t*>(const_cast<char*>(block_.data()));
    s.avail_in = static_cast<uint32_t>(block_.size());
  }
  return Status::Ok();
}

Status Decoder::ReadPlain() {
  if (first_chunk_ready_) {
    first_chunk_ready_ = false;
  } else {
    OSCM_RETURN_IF_ERROR(ReadInput());
  }
  data_ = block_.data();
  end_ = block_.size();
  if (block_.empty()) input_done_ = true;
  return Status::Ok();
}

// Fills out_ as far as it goes. On return (ok or not), out_ holds the text decoded so far.
Status Decoder::Inflate() {
  inflate_state& s = inflater_->stream();
  while (s.avail_out > 0) {
    if (member_done_) {
      // Decide between the clean end, another member, and junk; two bytes tell which.
      if (s.avail_in < 2 && !file_eof_) OSCM_RETURN_IF_ERROR(ReadInput());
      if (s.avail_in == 0) {
        input_done_ = true;
        return Status::Ok();
      }
      if (s.avail_in < 2 || s.next_in[0] != 0x1f || s.next_in[1] != 0x8b) {
        return CorruptionError("trailing garbage after gzip member");
      }
      inflater_->Reset();
      member_done_ = false;
    }
    if (s.avail_in == 0) {
      OSCM_RETURN_IF_ERROR(ReadInput());
      if (s.avail_in == 0) return CorruptionError("truncated gzip");
    }
    const uint32_t in_before = s.avail_in;
    const uint32_t out_before = s.avail_out;
    const int rc = isal_inflate(&s);
    if (rc < 0) return CorruptionError(fmt::format("corrupt gzip: {}", IsalMessage(rc)));
    if (s.block_state == ISAL_BLOCK_FINISH) {
      // ISA-L leaves next_in just past the member's trailer.
      member_done_ = true;
    } else if (s.avail_in == in_before && s.avail_out == out_before && s.avail_in > 0) {
      return InternalError("inflate made no progress");
    }
  }
  return Status::Ok();
}

Result<bool> Decoder::NextChunk(std::string_view* chunk) {
  end_ = 0;
  if (!deferred_.ok()) return deferred_;
  if (input_done_) return false;
  Status st;
  if (inflater_) {
    inflate_state& s = inflater_->stream();
    s.next_out = reinterpret_cast<uint8_t*>(out_.data());
    s.avail_out = static_cast<uint32_t>(kOutputChunk);
    st = Inflate();
    data_ = out_.data();
    end_ = kOutputChunk - s.avail_out;
  } else {
    st = ReadPlain();
  }
  if (!st.ok()) {
    // Hand out the text decoded before the fault first.
    if (end_ == 0) return st;
    deferred_ = st;
  }
  *chunk = std::string_view(data_, end_);
  return end_ > 0;
}

PooledBuffer Decoder::TakeBuffer(PooledBuffer fresh) {
  if (!inflater_) return {};
  std::swap(out_, fresh);
  return fresh;
}

void FileLineSource::AppendPending(const char* p, size_t n) {
  if (skipping_) return;
  const size_t limit = max_line_bytes_ + 1;
  const size_t need = pending_.size() + n;
  if (need > limit) {
    skipping_ = true;
    pending_.clear();
    return;
  }
  // One allocation of the full limit: untouched pages cost no memory, while growing step by step
  // leaves the freed steps resident in malloc's heap (measured: 2x the limit at 16 MiB).
  if (pending_.capacity() < limit + kLinePadding) pending_.reserve(limit + kLinePadding);
  pending_.insert(pending_.end(), p, p + n);
}

bool FileLineSource::FinishLine(std::string_view text, bool had_newline, bool from_pending,
                                std::string_view* line) {
  ++line_number_;
  if (had_newline && !text.empty() && text.back() == '\r') text.remove_suffix(1);
  if (skipping_ || text.size() > max_line_bytes_) {
    skipping_ = false;
    pending_.clear();
    ++long_lines_skipped_;
    return false;
  }
  *line = text;
  pending_returned_ = from_pending;
  return true;
}

Result<bool> FileLineSource::Next(std::string_view* line) {
  if (!error_.ok()) return error_;
  if (pending_returned_) {
    pending_.clear();
    pending_returned_ = false;
  }
  for (;;) {
    if (pos_ < end_) {
      const char* start = data_ + pos_;
      const size_t avail = end_ - pos_;
      const auto* nl = static_cast<const char*>(std::memchr(start, '\n', avail));
      if (nl == nullptr) {
        AppendPending(start, avail);
        pos_ = end_;
        continue;
      }
      const auto n = static_cast<size_t>(nl - start);
      pos_ += n + 1;
      std::string_view text(start, n);
      const bool from_pending = skipping_ || !pending_.empty();
      if (from_pending) {
        AppendPending(start, n);
        text = PendingText();
      }
      if (FinishLine(text, /*had_newline=*/true, from_pending, line)) return true;
      continue;
    }
    std::string_view chunk;
    Result<bool> more = chunks_->NextChunk(&chunk);
    if (more.has_value() && *more) {
      data_ = chunk.data();
      pos_ = 0;
      end_ = chunk.size();
    }
    if (!more.has_value()) {
      pending_.clear();
      skipping_ = false;
      error_ = more.error().WithContext(fmt::format("{}: line {}", path_, line_number_ + 1));
      return error_;
    }
    if (!*more) {
      at_end_ = true;
      if (!skipping_ && pending_.empty()) return false;
      if (FinishLine(PendingText(), /*had_newline=*/false, /*from_pending=*/true, line)) {
        return true;
      }
      return false;
    }
  }
}

}  // namespace

Result<std::unique_ptr<LineSource>> OpenLineSource(const std::string& path, size_t max_line_bytes,
                                                   bool background) {
  OSCM_ASSERT(max_line_bytes > 0, "max_line_bytes must be positive");
  errno = 0;
  FilePtr file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    const int err = errno;
    if (err == ENOENT) return NotFoundError(fmt::format("{}: no such file", path));
    return IoError(fmt::format("{}: cannot open: {}", path, std::strerror(err)));
  }
  // In the background, the file is read on one more thread, ahead of the decoding.
  auto decoder = std::make_unique<Decoder>(ReadFileBlocks(std::move(file), background));
  OSCM_RETURN_IF_ERROR(decoder->Init().WithContext(path));
  std::unique_ptr<ChunkSource> chunks;
  if (background) {
    chunks = std::make_unique<BackgroundChunks>(std::move(decoder));
  } else {
    chunks = std::make_unique<DirectChunks>(std::move(decoder));
  }
  return std::unique_ptr<LineSource>(std::make_unique<FileLineSource>(path, std::move(chunks), max_line_bytes));
}

}  // namespace oscm::ingest
