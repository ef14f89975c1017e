// ByteWriter / ByteReader: a compact binary encoding (LEB128 varints, length-prefixed strings)
// for values that cross a process boundary (MPI messages) or go through a spill file.
//
// The encoding is private to one build of oscm: writer and reader must be the same binary. A
// reader never reads past its input; a truncated or malformed input makes every later call
// return false. Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace oscm {

class ByteWriter {
 public:
  void U64(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void I64(int64_t v) { U64((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }  // zigzag
  void Bool(bool v) { U64(v ? 1 : 0); }
  void Str(std::string_view s) {
    U64(s.size());
    out_.append(s);
  }
  const std::string& data() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  bool U64(uint64_t* v) {
    *v = 0;
    for (int shift = 0; ok_ && shift < 64; shift += 7) {
      if (pos_ >= in_.size()) break;
      const auto byte = static_cast<uint8_t>(in_[pos_++]);
      *v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return true;
    }
    ok_ = false;
    return false;
  }
  bool I64(int64_t* v) {
    uint64_t u = 0;
    if (!U64(&u)) return false;
    *v = static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
    return true;
  }
  bool Bool(bool* v) {
    uint64_t u = 0;
    if (!U64(&u) || u > 1) return ok_ = false;
    *v = u == 1;
    return true;
  }
  bool Str(std::string* s) {
    uint64_t n = 0;
    if (!U64(&n) || n > in_.size() - pos_) return ok_ = false;
    s->assign(in_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  // Whether everything read so far was well formed and the input is used up.
  bool AtCleanEnd() const { return ok_ && pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace oscm
