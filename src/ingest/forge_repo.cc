#include "ingest/forge_repo.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/strings.h"

namespace oscm::ingest {

bool HasForgePrefix(std::string_view location, std::span<const std::string_view> url_prefixes) {
  return std::any_of(url_prefixes.begin(), url_prefixes.end(),
                     [&](std::string_view prefix) { return StartsWith(location, prefix); });
}

Result<std::string> ParseForgeRepo(std::string_view text, std::span<const std::string_view> url_prefixes,
                                   std::string_view example_url) {
  std::string_view s = Trim(text);
  for (std::string_view prefix : url_prefixes) {
    if (StartsWith(s, prefix)) {
      s.remove_prefix(prefix.size());
      break;
    }
  }
  while (!s.empty() && s.back() == '/') s.remove_suffix(1);
  if (EndsWith(s, ".git")) s.remove_suffix(4);
  const size_t slash = s.find('/');
  const auto valid = [](std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
  };
  if (slash == std::string_view::npos || !valid(s.substr(0, slash)) || !valid(s.substr(slash + 1))) {
    return InvalidArgumentError(fmt::format("'{}': expected OWNER/REPO or {}OWNER/REPO", text, example_url));
  }
  return std::string(s);
}

}  // namespace oscm::ingest
