// IngestStats: bad input records counted, with the first few kept as samples.
//
// Expected bad data (a malformed identity, a date before 1990, a corrupt line) is a value, not
// an error: sources count it here and go on; the CLI shows the count and samples and a threshold
// can turn it into a failure. Not thread-safe; merge per-thread stats with Merge.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace oscm {

struct IngestStats {
  static constexpr size_t kMaxSamples = 5;

  int64_t records = 0;  // records read
  int64_t bad = 0;      // records with a problem (kept sane or skipped)
  std::vector<std::string> samples;  // "where: what", first kMaxSamples only

  void AddBad(std::string sample) {
    ++bad;
    if (samples.size() < kMaxSamples) samples.push_back(std::move(sample));
  }
  void Merge(const IngestStats& other) {
    records += other.records;
    bad += other.bad;
    for (const auto& s : other.samples) {
      if (samples.size() < kMaxSamples) samples.push_back(s);
    }
  }
};

}  // namespace oscm
