// Reading the fields of a forge API's JSON objects (GitHub, Gitee) with simdjson's non-throwing
// API: a missing or mistyped field reads as empty or zero, which callers check where it matters.
// Pure functions; thread-safe.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "ingest/gharchive/event_parser.h"
#include "oscm/status.h"

namespace oscm::ingest::internal {

using simdjson::dom::element;

inline std::string Str(element e, const char* key) {
  std::string_view v;
  return e[key].get(v) == simdjson::SUCCESS ? std::string(v) : std::string();
}

inline int64_t Int(element e, const char* key) {
  int64_t v = 0;
  if (e[key].get(v) == simdjson::SUCCESS) return v;
  uint64_t u = 0;
  return e[key].get(u) == simdjson::SUCCESS ? static_cast<int64_t>(u) : 0;
}

inline bool Bool(element e, const char* key) {
  bool v = false;
  return e[key].get(v) == simdjson::SUCCESS && v;
}

inline int64_t Time(element e, const char* key) {
  const std::string s = Str(e, key);
  if (s.empty()) return 0;
  auto t = ParseGhTime(s);
  return t ? *t : 0;
}

inline std::string Login(element e, const char* key) {
  element user;
  return e[key].get(user) == simdjson::SUCCESS && user.is_object() ? Str(user, "login") : std::string();
}

// The number at the end of ".../issues/42" or ".../pulls/42".
inline int64_t TrailingNumber(std::string_view url) {
  const size_t slash = url.rfind('/');
  int64_t n = 0;
  for (char c : url.substr(slash == std::string_view::npos ? 0 : slash + 1)) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n;
}

inline Result<element> ParseJson(simdjson::dom::parser& parser, std::string_view body) {
  element doc;
  if (auto err = parser.parse(body.data(), body.size()).get(doc); err != simdjson::SUCCESS) {
    return CorruptionError(fmt::format("malformed JSON: {}", simdjson::error_message(err)));
  }
  return doc;
}

}  // namespace oscm::ingest::internal
