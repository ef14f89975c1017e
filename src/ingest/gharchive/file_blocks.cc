#include "ingest/gharchive/file_blocks.h"

#include <cerrno>
#include <cstring>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <isa-l/crc.h>

#include "base/batch_pipe.h"
#include "base/buffer_pool.h"
#include "base/thread_name.h"

namespace oscm::ingest {
namespace {

constexpr size_t kBlockBytes = size_t{1} << 20;

// One fread of up to a block into `buf`: the bytes read (0 at the end), or the read error.
Result<size_t> ReadBlock(std::FILE* file, PooledBuffer* buf) {
  if (buf->empty()) *buf = PooledBuffer(kBlockBytes + kFileBlockPadding);
  const size_t got = std::fread(buf->data(), 1, kBlockBytes, file);
  if (got < kBlockBytes && std::ferror(file)) return IoError(fmt::format("read: {}", std::strerror(errno)));
  return got;
}

// ISA-L's RFC 1952 CRC-32 gives the value zlib's crc32 gives, several times faster.
uint32_t AddToCrc(uint32_t crc, const PooledBuffer& buf, size_t n) {
  return crc32_gzip_refl(crc, reinterpret_cast<const unsigned char*>(buf.data()), n);
}

class DirectBlocks final : public FileBlocks {
 public:
  explicit DirectBlocks(FilePtr file) : file_(std::move(file)) {}
  Result<std::string_view> Next() override {
    if (!error_.ok()) return error_;
    Result<size_t> got = ReadBlock(file_.get(), &buf_);
    if (!got) return error_ = got.error();
    crc_ = AddToCrc(crc_, buf_, *got);
    return std::string_view(buf_.data(), *got);
  }
  uint32_t crc32() const override { return crc_; }

 private:
  FilePtr file_;
  PooledBuffer buf_;
  uint32_t crc_ = 0;
  Status error_;
};

// Reads on its own thread, a few blocks ahead; buffers travel to the consumer and back through
// the buffer pool.
class BackgroundBlocks final : public FileBlocks {
 public:
  explicit BackgroundBlocks(FilePtr file)
      : file_(std::move(file)), blocks_(/*batch_size=*/1, /*max_batches=*/3) {
    thread_ = std::thread([this] { Produce(); });
  }
  ~BackgroundBlocks() override {
    blocks_.Stop();
    thread_.join();
  }
  Result<std::string_view> Next() override {
    if (!current_.status.ok()) return current_.status;
    if (current_.end) return std::string_view();
    current_.data = PooledBuffer();  // back to the pool
    std::vector<Block> got;
    if (!blocks_.Pop(&got) || got.empty()) return InternalError("background reader stopped");
    current_ = std::move(got.front());
    if (!current_.status.ok()) return current_.status;
    return std::string_view(current_.data.data(), current_.size);
  }
  uint32_t crc32() const override { return current_.crc; }

 private:
  struct Block {
    PooledBuffer data;  // bytes in [0, size)
    size_t size = 0;
    uint32_t crc = 0;  // of the file's bytes up to the end of this block
    bool end = false;  // no more bytes (or an error)
    Status status;
  };

  void Produce() {
    SetThreadName("oscm-read");
    uint32_t crc = 0;
    while (true) {
      Block b;
      Result<size_t> got = ReadBlock(file_.get(), &b.data);
      if (got) {
        b.size = *got;
        crc = AddToCrc(crc, b.data, b.size);
      } else {
        b.status = got.error();
      }
      b.crc = crc;
      b.end = !got || *got == 0;
      if (b.end) b.data = PooledBuffer();
      const bool end = b.end;
      if (!blocks_.Push(std::move(b)) || end) break;  // the consumer stopped, or the file ended
    }
    blocks_.Close();
  }
  FilePtr file_;  // the reading thread's only
  BatchPipe<Block> blocks_;
  std::thread thread_;
  Block current_;  // consumer side
};

}  // namespace

std::unique_ptr<FileBlocks> ReadFileBlocks(FilePtr file, bool background) {
  if (background) return std::make_unique<BackgroundBlocks>(std::move(file));
  return std::make_unique<DirectBlocks>(std::move(file));
}

Result<std::string> Crc32Of(const std::string& path) {
  FilePtr f(std::fopen(path.c_str(), "rb"));
  if (!f) return IoError(fmt::format("{}: cannot open", path));
  auto blocks = ReadFileBlocks(std::move(f), /*background=*/false);
  while (true) {
    Result<std::string_view> block = blocks->Next();
    if (!block) return block.error().WithContext(path);
    if (block->empty()) return FormatCrc32(blocks->crc32());
  }
}

std::string FormatCrc32(uint32_t crc) { return fmt::format("{:08x}", crc); }

}  // namespace oscm::ingest
