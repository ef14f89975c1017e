// DistinctSketch: how many distinct items (people) a set holds, in bounded space, mergeable.
//
// A k-minimum-values sketch: it keeps the kK smallest 64-bit hashes of the items it has seen.
// While it holds fewer than kK hashes the count is exact (up to hash collisions, about 1 in
// 2^64 per pair); beyond that, Estimate() is (kK - 1) / (kK-th smallest hash / 2^64), with a
// relative standard error of about 1 / sqrt(kK - 2), i.e. 9% for kK = 128. Merging two sketches
// gives exactly the sketch of the union of their sets, in any order, so partial results of a
// split scan merge to the same answer as one scan. Not thread-safe.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/byte_codec.h"

namespace oscm {

// A stable 64-bit hash of a byte string (FNV-1a, then the splitmix64 finaliser to spread it).
inline uint64_t StableHash64(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (const char c : s) {
    h ^= static_cast<uint8_t>(c);
    h *= 1099511628211ull;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  return h ^ (h >> 31);
}

class DistinctSketch {
 public:
  static constexpr size_t kK = 128;

  void AddHash(uint64_t h) {
    if (mins_.size() == kK && h >= mins_.back()) return;
    auto it = std::lower_bound(mins_.begin(), mins_.end(), h);
    if (it != mins_.end() && *it == h) return;
    mins_.insert(it, h);
    if (mins_.size() > kK) mins_.pop_back();
  }
  void Merge(const DistinctSketch& other) {
    for (const uint64_t h : other.mins_) AddHash(h);
  }
  double Estimate() const {
    if (mins_.size() < kK) return static_cast<double>(mins_.size());
    return static_cast<double>(kK - 1) / (static_cast<double>(mins_.back()) / 18446744073709551616.0);
  }

  // Deltas of the sorted hashes as varints.
  void Encode(ByteWriter* w) const {
    w->U64(mins_.size());
    uint64_t prev = 0;
    for (const uint64_t h : mins_) {
      w->U64(h - prev);
      prev = h;
    }
  }
  bool Decode(ByteReader* r) {
    uint64_t n = 0;
    if (!r->U64(&n) || n > kK) return false;
    mins_.clear();
    uint64_t prev = 0;
    for (uint64_t i = 0; i < n; ++i) {
      uint64_t d = 0;
      if (!r->U64(&d)) return false;
      prev += d;
      mins_.push_back(prev);
    }
    return true;
  }

 private:
  std::vector<uint64_t> mins_;  // ascending, distinct, at most kK
};

}  // namespace oscm
