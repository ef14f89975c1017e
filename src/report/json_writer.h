// JsonWriter: a small streaming JSON writer with deterministic output.
//
// The caller emits keys in the order it wants (oscm emits them sorted); numbers are written with
// fixed precision so that output is byte-identical across runs and platforms. Strings are
// escaped per RFC 8259 and must be valid UTF-8 (store text is sanitized at ingest).
// Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oscm::report {

class JsonWriter {
 public:
  explicit JsonWriter(int indent = 2) : indent_(indent) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);
  void String(std::string_view s);
  void Int(int64_t v);
  // Fixed `decimals` digits, trailing zeros kept so that a field's shape is stable.
  void Number(double v, int decimals);
  void Null();
  void Bool(bool b);

  const std::string& str() const { return out_; }

 private:
  void BeforeValue();
  void Newline();
  std::string out_;
  struct Level {
    bool is_object;
    bool empty;
  };
  std::vector<Level> stack_;
  bool after_key_ = false;
  int indent_;
};

std::string JsonEscape(std::string_view s);

}  // namespace oscm::report
