#include "base/progress.h"

namespace oscm {

FilesProgress::FilesProgress(ProgressSink* sink, std::string phase, const std::vector<uint64_t>& sizes)
    : sink_(sink), phase_(std::move(phase)), sizes_(sizes), done_(sizes.size(), 0) {
  for (size_t i = 0; i < sizes_.size(); ++i) {
    total_ += sizes_[i];
    files_.push_back(std::make_unique<FileSink>(this, i));
  }
}

void FilesProgress::Set(size_t i, uint64_t done) {
  std::lock_guard<std::mutex> lock(mu_);
  sum_ = sum_ - done_[i] + done;
  done_[i] = done;
  sink_->Update(phase_, sum_, total_, ProgressUnit::kBytes);
}

}  // namespace oscm
