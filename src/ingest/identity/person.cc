#include "ingest/identity/person.h"

#include "base/strings.h"

namespace oscm::ingest {

std::optional<std::string> NoreplyLogin(std::string_view email) {
  constexpr std::string_view kSuffix = "@users.noreply.github.com";
  const std::string lower = AsciiLower(Trim(email));
  if (!EndsWith(lower, kSuffix) || lower.size() == kSuffix.size()) return std::nullopt;
  std::string_view local = std::string_view(lower).substr(0, lower.size() - kSuffix.size());
  if (const size_t plus = local.find('+'); plus != std::string_view::npos) {
    local = local.substr(plus + 1);
  }
  if (local.empty()) return std::nullopt;
  return std::string(local);
}

std::string EmailDomain(std::string_view email) {
  const size_t at = email.rfind('@');
  if (at == std::string_view::npos) return {};
  return AsciiLower(Trim(email.substr(at + 1)));
}

ResolvedPerson ResolvePerson(const PersonRef& person) {
  ResolvedPerson out;
  out.malformed = !IsValidUtf8(person.name) || !IsValidUtf8(person.email);
  out.name = SanitizeUtf8(Trim(person.name));
  const std::string email = SanitizeUtf8(AsciiLower(Trim(person.email)));
  if (auto login = NoreplyLogin(email)) {
    out.key = "github:" + *login;
    out.email = email;
    out.login = std::move(login);
    return out;
  }
  const size_t at = email.find('@');
  const bool usable = at != std::string::npos && at > 0 && at + 1 < email.size() &&
                      email.find(' ') == std::string::npos;
  if (usable) {
    out.key = email;
    out.email = email;
    return out;
  }
  out.malformed = true;
  out.email = email;
  if (!out.name.empty()) {
    out.key = "name:" + AsciiLower(out.name);
  } else if (!email.empty()) {
    out.key = "email:" + email;
  } else {
    out.key = "unknown";
  }
  return out;
}

}  // namespace oscm::ingest
