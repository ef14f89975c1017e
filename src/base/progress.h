// ProgressSink: how long-running library work reports progress without printing.
//
// The library calls Update from the thread doing the work; the CLI decides whether to draw
// anything (only on a terminal). Implementations must be cheap: Update may be called per item.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace oscm {

// What `done` and `total` count, so that a sink can show "12.3 MB/s" rather than a raw number.
enum class ProgressUnit { kItems, kBytes };

class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  // `total` is 0 when unknown.
  virtual void Update(std::string_view phase, uint64_t done, uint64_t total,
                      ProgressUnit unit = ProgressUnit::kItems) = 0;
  virtual void Done() = 0;
};

class NullProgress final : public ProgressSink {
 public:
  void Update(std::string_view, uint64_t, uint64_t, ProgressUnit) override {}
  void Done() override {}
};

// Several files read at once, reported to `sink` as one line under one phase: the bytes read of
// all of them against their total. A terminal then shows one rate and one ETA for the whole run,
// where files taking turns on the line would each restart them. Thread-safe.
class FilesProgress {
 public:
  FilesProgress(ProgressSink* sink, std::string phase, const std::vector<uint64_t>& sizes);
  FilesProgress(const FilesProgress&) = delete;
  FilesProgress& operator=(const FilesProgress&) = delete;

  // A sink for file i: each Update's `done` is the bytes of that file read so far (phase and
  // total are ignored). REQUIRES: i < sizes.size().
  ProgressSink& File(size_t i) { return *files_[i]; }
  // Counts file i as read whole (a file skipped because it was already ingested, say).
  void Finished(size_t i) { Set(i, sizes_[i]); }

 private:
  class FileSink final : public ProgressSink {
   public:
    FileSink(FilesProgress* run, size_t i) : run_(run), i_(i) {}
    void Update(std::string_view, uint64_t done, uint64_t, ProgressUnit) override { run_->Set(i_, done); }
    void Done() override {}

   private:
    FilesProgress* run_;
    size_t i_;
  };
  void Set(size_t i, uint64_t done);

  ProgressSink* sink_;
  const std::string phase_;
  const std::vector<uint64_t> sizes_;
  uint64_t total_ = 0;
  std::vector<std::unique_ptr<FileSink>> files_;
  std::mutex mu_;
  std::vector<uint64_t> done_;  // per file, under mu_
  uint64_t sum_ = 0;            // of done_, under mu_
};

}  // namespace oscm
