#include "base/repo_names.h"

#include <array>
#include <vector>

namespace oscm {
namespace {

std::string_view StripGitSuffix(std::string_view s) {
  if (s.size() > 4 && s.substr(s.size() - 4) == ".git") s.remove_suffix(4);
  return s;
}

// The non-empty segments of `path` split at '/'.
std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    const size_t slash = path.find('/');
    const std::string_view part = path.substr(0, slash);
    if (!part.empty()) out.push_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

}  // namespace

std::string WithoutCredentials(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  const size_t host = scheme + 3;
  const size_t end = url.find('/', host);
  const size_t at = url.substr(host, end == std::string_view::npos ? std::string_view::npos : end - host).rfind('@');
  if (at == std::string_view::npos) return std::string(url);
  return std::string(url.substr(0, host)) + std::string(url.substr(host + at + 1));
}

std::optional<std::string_view> UrlPath(std::string_view url) {
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    const size_t slash = url.find('/', scheme + 3);
    return slash == std::string_view::npos ? std::string_view() : url.substr(slash);
  }
  // scp-like "git@github.com:owner/name.git"; a '/' before the ':' makes it a local path
  // ("/home/me@x:y/repo").
  const size_t at = url.find('@');
  const size_t colon = url.find(':');
  if (at == std::string_view::npos || colon == std::string_view::npos || at > colon || url.find('/') < colon) {
    return std::nullopt;
  }
  return url.substr(colon + 1);
}

bool IsRemoteUrl(std::string_view text) { return UrlPath(text).has_value() && text.rfind("file://", 0) != 0; }

std::optional<std::string> OwnerAndName(std::string_view url) {
  if (!IsRemoteUrl(url)) return std::nullopt;
  std::optional<std::string_view> maybe_path = UrlPath(url);
  if (!maybe_path) return std::nullopt;
  std::string_view path = *maybe_path;
  if (const size_t query = path.find_first_of("?#"); query != std::string_view::npos) path = path.substr(0, query);
  const std::vector<std::string_view> parts = Segments(path);
  if (parts.size() < 2) return std::nullopt;
  const std::string_view name = StripGitSuffix(parts.back());
  if (name.empty()) return std::nullopt;
  return std::string(parts[parts.size() - 2]) + "/" + std::string(name);
}

std::string MeaningfulFolderName(std::string_view path) {
  static constexpr std::array<std::string_view, 8> kGeneric = {"repo", "repository", "src", "source",
                                                               "git", "clone", "checkout", "code"};
  std::vector<std::string_view> parts = Segments(path);
  while (!parts.empty()) {
    const std::string_view last = parts.back() == ".git" ? std::string_view() : StripGitSuffix(parts.back());
    bool generic = last.empty() || last == ".";
    for (std::string_view g : kGeneric) generic = generic || last == g;
    if (!generic) return std::string(last);
    parts.pop_back();
  }
  return "";
}

}  // namespace oscm
