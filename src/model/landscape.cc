#include "model/landscape.h"

#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "base/strings.h"
#include "base/toml_util.h"
#include "ingest/packages/package_ref.h"

namespace oscm::model {
namespace {

namespace fs = std::filesystem;

bool IsId(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  return true;
}

bool IsGithubName(std::string_view s) {
  const size_t slash = s.find('/');
  return slash != std::string_view::npos && slash > 0 && slash + 1 < s.size() &&
         s.find('/', slash + 1) == std::string_view::npos && s.find(' ') == std::string_view::npos;
}

Result<std::vector<std::string>> Strings(const toml::node& node, const std::string& path, std::string_view key) {
  const toml::array* arr = node.as_array();
  if (arr == nullptr) return InvalidArgumentError(fmt::format("{}: '{}' must be an array of strings", TomlWhere(path, node), key));
  std::vector<std::string> out;
  for (const toml::node& item : *arr) {
    const auto* str = item.as_string();
    if (str == nullptr || str->get().empty()) {
      return InvalidArgumentError(fmt::format("{}: '{}' must hold non-empty strings", TomlWhere(path, item), key));
    }
    out.push_back(str->get());
  }
  return out;
}

}  // namespace

std::string GithubNameOf(std::string_view location) {
  std::string_view s = Trim(location);
  for (std::string_view prefix : {"https://", "http://", "ssh://", "git://"}) {
    if (StartsWith(s, prefix)) s.remove_prefix(prefix.size());
  }
  if (StartsWith(s, "git@github.com:")) {
    s.remove_prefix(15);
  } else if (StartsWith(s, "github.com/")) {
    s.remove_prefix(11);
  } else if (StartsWith(s, "www.github.com/")) {
    s.remove_prefix(15);
  } else {
    return "";
  }
  while (!s.empty() && s.back() == '/') s.remove_suffix(1);
  if (EndsWith(s, ".git")) s.remove_suffix(4);
  return IsGithubName(s) ? std::string(s) : "";
}

Result<Landscape> ParseLandscape(std::string_view text, const std::string& path) {
  OSCM_ASSIGN_OR_RETURN(const toml::table root, ParseToml(text, path));
  const fs::path base = fs::path(path).parent_path();
  Landscape l;
  l.path = path;
  for (const auto& [key, node] : root) {
    if (key.str() == "name") {
      const auto* name = node.as_string();
      if (name == nullptr || name->get().empty()) {
        return InvalidArgumentError(fmt::format("{}: 'name' must be a non-empty string", TomlWhere(path, node)));
      }
      l.name = name->get();
    } else if (key.str() == "gharchive") {
      OSCM_ASSIGN_OR_RETURN(l.gharchive, Strings(node, path, "gharchive"));
      for (auto& g : l.gharchive) {
        if (fs::path(g).is_relative()) g = (base / g).lexically_normal().string();
      }
    } else if (key.str() != "community") {
      return InvalidArgumentError(fmt::format("{}: unknown key '{}' (expected name, gharchive, [[community]])",
                                              TomlWhere(path, node), key.str()));
    }
  }
  if (l.name.empty()) return InvalidArgumentError(fmt::format("{}:1:1: missing 'name'", path));
  const toml::node* communities = root.get("community");
  const toml::array* list = communities != nullptr ? communities->as_array() : nullptr;
  if (list == nullptr || list->empty()) {
    return InvalidArgumentError(fmt::format("{}:1:1: no [[community]] tables", path));
  }
  std::set<std::string> ids;
  for (const toml::node& item : *list) {
    const toml::table* t = item.as_table();
    if (t == nullptr) return InvalidArgumentError(fmt::format("{}: [[community]] must be a table", TomlWhere(path, item)));
    LandscapeCommunity c;
    bool github_given = false;
    for (const auto& [key, node] : *t) {
      const std::string k(key.str());
      if (k == "id") {
        const auto* id = node.as_string();
        if (id == nullptr || !IsId(id->get())) {
          return InvalidArgumentError(fmt::format("{}: 'id' must be a lower-case id (a-z, 0-9, _ or -)", TomlWhere(path, node)));
        }
        c.id = id->get();
        if (!ids.insert(c.id).second) {
          return InvalidArgumentError(fmt::format("{}: duplicate community id '{}'", TomlWhere(path, node), c.id));
        }
      } else if (k == "repositories") {
        OSCM_ASSIGN_OR_RETURN(c.repositories, Strings(node, path, k));
      } else if (k == "github") {
        OSCM_ASSIGN_OR_RETURN(c.github, Strings(node, path, k));
        for (const auto& g : c.github) {
          if (!IsGithubName(g)) {
            return InvalidArgumentError(fmt::format("{}: github entry '{}' is not owner/name", TomlWhere(path, node), g));
          }
        }
        github_given = true;
      } else if (k == "profile") {
        const auto* p = node.as_string();
        if (p == nullptr || p->get().empty()) {
          return InvalidArgumentError(fmt::format("{}: 'profile' must be a path", TomlWhere(path, node)));
        }
        c.profile = (base / p->get()).lexically_normal().string();
      } else if (k == "packages") {
        OSCM_ASSIGN_OR_RETURN(c.packages, Strings(node, path, k));
        for (auto& spec : c.packages) {
          auto ref = ingest::ParsePackageSpec(spec);
          if (!ref) return InvalidArgumentError(fmt::format("{}: {}", TomlWhere(path, node), ref.error().message()));
          spec = ingest::FormatPackageRef(*ref);
        }
      } else {
        return InvalidArgumentError(fmt::format("{}: unknown key '{}' in [[community]] (expected id, "
                                                "repositories, github, profile, packages)", TomlWhere(path, node), k));
      }
    }
    if (c.id.empty()) return InvalidArgumentError(fmt::format("{}: [[community]] without an id", TomlWhere(path, item)));
    if (c.repositories.empty() && !github_given) {
      return InvalidArgumentError(fmt::format("{}: community '{}' names no repositories and no github names",
                                              TomlWhere(path, item), c.id));
    }
    for (auto& r : c.repositories) {
      const bool url = r.find("://") != std::string::npos || StartsWith(r, "git@");
      if (!url && fs::path(r).is_relative()) r = (base / r).lexically_normal().string();
      if (!github_given) {
        if (std::string g = GithubNameOf(r); !g.empty()) c.github.push_back(std::move(g));
      }
    }
    l.communities.push_back(std::move(c));
  }
  return l;
}

Result<Landscape> LoadLandscape(const std::string& path) {
  OSCM_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path));
  return ParseLandscape(text, path);
}

}  // namespace oscm::model
