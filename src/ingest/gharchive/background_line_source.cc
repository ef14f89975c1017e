#include "ingest/gharchive/background_line_source.h"

#include <thread>
#include <utility>
#include <vector>

#include "base/batch_pipe.h"

namespace oscm::ingest {
namespace {

constexpr size_t kBatchBytes = size_t{1} << 20;

struct LineBatch {
  std::string text;
  std::vector<std::pair<size_t, size_t>> lines;  // offset, length in text
  std::vector<uint64_t> numbers;                 // line number of each line
  uint64_t bytes_read = 0;                       // of the inner source after this batch
  uint64_t long_lines_skipped = 0;
  uint64_t last_line_number = 0;
  bool final = false;
  Status status;  // the inner source's error; only on the final batch
};

class BackgroundLineSource final : public LineSource {
 public:
  explicit BackgroundLineSource(std::unique_ptr<LineSource> inner)
      : inner_(std::move(inner)), pipe_(/*batch_size=*/1, /*max_batches=*/4) {
    thread_ = std::thread([this] { Produce(); });
  }
  ~BackgroundLineSource() override {
    pipe_.Stop();
    thread_.join();
  }

  Result<bool> Next(std::string_view* line) override {
    while (index_ >= current_.lines.size()) {
      if (current_.final) {
        if (!current_.status.ok()) return current_.status;
        line_number_ = current_.last_line_number;  // counts long lines skipped at the end
        return false;
      }
      std::vector<LineBatch> got;
      if (!pipe_.Pop(&got) || got.empty()) return InternalError("background reader stopped");
      current_ = std::move(got.front());
      index_ = 0;
    }
    const auto [offset, length] = current_.lines[index_];
    *line = std::string_view(current_.text).substr(offset, length);
    line_number_ = current_.numbers[index_];
    ++index_;
    return true;
  }
  uint64_t line_number() const override { return line_number_; }
  uint64_t bytes_read() const override { return current_.bytes_read; }
  uint64_t long_lines_skipped() const override { return current_.long_lines_skipped; }

 private:
  void Produce() {
    LineBatch batch;
    std::string_view line;
    while (true) {
      Result<bool> more = inner_->Next(&line);
      if (!more || !*more) {
        if (!more) batch.status = more.error();
        batch.final = true;
        Seal(&batch);
        pipe_.Push(std::move(batch));
        pipe_.Close();
        return;
      }
      batch.lines.emplace_back(batch.text.size(), line.size());
      batch.numbers.push_back(inner_->line_number());
      batch.text.append(line);
      if (batch.text.size() >= kBatchBytes) {
        Seal(&batch);
        if (!pipe_.Push(std::move(batch))) return;  // the consumer stopped
        batch = LineBatch();
      }
    }
  }
  void Seal(LineBatch* b) const {
    b->bytes_read = inner_->bytes_read();
    b->long_lines_skipped = inner_->long_lines_skipped();
    b->last_line_number = inner_->line_number();
  }

  std::unique_ptr<LineSource> inner_;  // used by the background thread only
  BatchPipe<LineBatch> pipe_;
  std::thread thread_;
  LineBatch current_;  // consumer side
  size_t index_ = 0;
  uint64_t line_number_ = 0;
};

}  // namespace

std::unique_ptr<LineSource> MakeBackgroundLineSource(std::unique_ptr<LineSource> inner) {
  return std::make_unique<BackgroundLineSource>(std::move(inner));
}

}  // namespace oscm::ingest
