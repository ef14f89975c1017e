// Status and Result<T>: the error currency across every oscm module boundary.
//
// A Status is either ok or a code plus a message. Context is added outside-in with WithContext,
// so the CLI can print one chain: "ingest: /repo: reading commit abc: object not found".
// Result<T> follows the std::expected surface (has_value, value, error, operator*, operator->,
// operator bool) so that moving to C++23 is mechanical.
//
// Thread-safety: values; safe to copy and move between threads.
#pragma once

#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace oscm {

enum class StatusCode {
  kOk = 0,
  kNotFound,
  kInvalidArgument,  // the user asked for something malformed (bad flag value, bad file)
  kCorruption,       // input data is broken (corrupt object, bad gzip, malformed JSON)
  kIoError,
  kUnsupported,
  kCancelled,  // interrupted by the user (Ctrl-C)
  kInternal,   // a bug
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "context: message". No-op on ok.
  Status WithContext(std::string_view context) const;

  // "NotFound: message" style rendering, for logs and tests.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status NotFoundError(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status InvalidArgumentError(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status CorruptionError(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status UnsupportedError(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
inline Status CancelledError(std::string m) { return {StatusCode::kCancelled, std::move(m)}; }
inline Status InternalError(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit like std::expected
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    if (std::get<Status>(v_).ok()) std::abort();   // an ok Status carries no value
  }

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const Status& error() const { return std::get<Status>(v_); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // The Status of this result: ok when it holds a value.
  Status status() const { return has_value() ? Status() : error(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace oscm

#define OSCM_CONCAT_INNER(a, b) a##b
#define OSCM_CONCAT(a, b) OSCM_CONCAT_INNER(a, b)

#define OSCM_RETURN_IF_ERROR(expr)            \
  do {                                        \
    ::oscm::Status oscm_status_ = (expr);     \
    if (!oscm_status_.ok()) return oscm_status_; \
  } while (0)

#define OSCM_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                               \
  if (!tmp.has_value()) return tmp.error();        \
  lhs = std::move(tmp).value()

#define OSCM_ASSIGN_OR_RETURN(lhs, expr) \
  OSCM_ASSIGN_OR_RETURN_IMPL(OSCM_CONCAT(oscm_result_, __LINE__), lhs, expr)

// Aborts with a message when an invariant does not hold; for bugs, never for bad input.
#define OSCM_ASSERT(cond, why) \
  do {                         \
    if (!(cond)) ::oscm::internal::AssertFail(#cond, why, __FILE__, __LINE__); \
  } while (0)

namespace oscm::internal {
[[noreturn]] void AssertFail(const char* cond, const char* why, const char* file, int line);
}  // namespace oscm::internal
