#include "ingest/profile/profile.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "base/toml_util.h"
#include "ingest/packages/package_ref.h"

namespace oscm::ingest {
namespace {

constexpr std::array<std::string_view, 4> kFoundationLevels = {"sandbox", "incubating", "graduated", "top_level"};
constexpr std::array<std::string_view, 4> kLicenceStrategies = {"permissive", "weak_copyleft", "copyleft",
                                                                "source_available"};
constexpr std::array<std::string_view, 8> kBusinessModels = {
    "open_core", "cloud_service", "support_subscription", "dual_licensing",
    "consulting", "training",      "hardware",             "other"};
constexpr std::array<std::string_view, 5> kOfferingKinds = {"cloud", "enterprise", "support", "training", "other"};
constexpr std::array<std::string_view, 4> kEventKinds = {"conference", "meetup", "hackathon", "other"};

template <size_t N>
bool OneOf(std::string_view v, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

template <size_t N>
std::string Joined(const std::array<std::string_view, N>& set) {
  std::string s;
  for (std::string_view v : set) s += (s.empty() ? "" : " | ") + std::string(v);
  return s;
}

struct TableSpec {
  std::string_view kind;
  bool many;  // [[array of tables]] or a single [table]
};
constexpr std::array<TableSpec, 10> kTables = {{{"vendor", true},
                                               {"foundation", false},
                                               {"licence", false},
                                               {"business_model", true},
                                               {"offering", true},
                                               {"commercial_vendor", true},
                                               {"adopter", true},
                                               {"event", true},
                                               {"roadmap", false},
                                               {"package", true}}};

// Reads one fact table: the keys every fact has, then those of its kind.
Result<ProfileFact> ReadFact(std::string_view kind, const toml::table& t, const std::string& path) {
  ProfileFact f;
  f.kind = std::string(kind);
  f.line = static_cast<int>(t.source().begin.line);
  OSCM_ASSIGN_OR_RETURN(f.source, RequiredString(t, "source", path));
  OSCM_ASSIGN_OR_RETURN(f.as_of, RequiredDate(t, "as_of", path));
  auto enum_value = [&](std::string_view key, const auto& set) -> Result<std::string> {
    OSCM_ASSIGN_OR_RETURN(std::string v, RequiredString(t, key, path));
    if (!OneOf(v, set)) {
      return TomlError(path, *t.get(key), fmt::format("{} '{}' must be one of {}", key, v, Joined(set)));
    }
    return v;
  };
  auto date = [&](std::string_view key) -> Result<int64_t> {
    OSCM_ASSIGN_OR_RETURN(auto d, TomlDate(t, key, path));
    return d.value_or(0);
  };
  auto optional_string = [&](std::string_view key) -> Result<std::string> {
    OSCM_ASSIGN_OR_RETURN(auto s, TomlString(t, key, path));
    return s.value_or("");
  };
  if (kind == "vendor") {
    OSCM_RETURN_IF_ERROR(CheckKeys(t, path, "[[vendor]]", {"name", "founded", "organisations", "source", "as_of"}));
    OSCM_ASSIGN_OR_RETURN(f.name, RequiredString(t, "name", path));
    OSCM_ASSIGN_OR_RETURN(f.since, date("founded"));
    f.detail = f.name;
    if (const toml::node* orgs = t.get("organisations")) {
      const toml::array* arr = orgs->as_array();
      if (arr == nullptr || arr->empty()) return TomlError(path, *orgs, "'organisations' must be a non-empty array of names");
      f.detail.clear();
      for (const toml::node& o : *arr) {
        const auto* s = o.as_string();
        if (s == nullptr || s->get().empty()) return TomlError(path, o, "'organisations' must hold non-empty names");
        f.detail += (f.detail.empty() ? "" : "\n") + s->get();
      }
    }
  } else if (kind == "foundation") {
    OSCM_RETURN_IF_ERROR(CheckKeys(t, path, "[foundation]", {"name", "level", "since", "source", "as_of"}));
    OSCM_ASSIGN_OR_RETURN(f.name, RequiredString(t, "name", path));
    OSCM_ASSIGN_OR_RETURN(f.detail, enum_value("level", kFoundationLevels));
    OSCM_ASSIGN_OR_RETURN(f.since, date("since"));
  } else if (kind == "licence") {
    OSCM_RETURN_IF_ERROR(CheckKeys(t, path, "[licence]", {"strategy", "spdx", "source", "as_of"}));
    OSCM_ASSIGN_OR_RETURN(f.name, enum_value("strategy", kLicenceStrategies));
    OSCM_ASSIGN_OR_RETURN(f.detail, optional_string("spdx"));
  } else if (kind == "business_model") {
    OSCM_RETURN_IF_ERROR(CheckKeys(t, path, "[[business_model]]", {"kind", "source", "as_of"}));
    OSCM_ASSIGN_OR_RETURN(f.name, enum_value("kind", kBusinessModels));
  } else if (kind == "offering") {
    OSCM_RETURN_IF_ERROR(CheckKeys(t, path, "[[offering]]", {"name", "vendor", "kind", "since", "source", "as_of"}));
    OSCM_ASSIGN_OR_RETURN(f.name, RequiredString(t, "name", path));
    OSCM_ASSIGN_OR_RETURN(std::string k, enum_value("kind", kOfferingKinds));
    OSCM_ASSIGN_OR_RETURN(std::string vendor, optional_string("vendor"));
    f.detail = k + "\n" + vendor;
    OSCM_ASSIGN_OR_RETURN(f.since, date("since"));
  } else if (kind == "commercial_vendor") {
    OSCM_RETURN_IF_ERROR(CheckKeys(t, path, "[[commercial_vendor]]", {"name", "offering", "since", "source", "as_of"}));
    OSCM_ASSIGN_OR_RETURN(f.name, RequiredString(t, "name", path));
    OSCM_ASSIGN_OR_RETURN(f.detail, optional_string("offering"));
    OSCM_ASSIGN_OR_RETURN(f.since, date("since"));
  } else if (kind == "adopter") {
    OSCM_RETURN_IF_ERROR(CheckKeys(t, path, "[[adopter]]", {"name", "industry", "since", "source", "as_of"}));
    OSCM_ASSIGN_OR_RETURN(f.name, RequiredString(t, "name", path));
    OSCM_ASSIGN_OR_RETURN(f.detail, RequiredString(t, "industry", path));
    OSCM_ASSIGN_OR_RETURN(f.since, date("since"));
  } else if (kind == "event") {
    OSCM_RETURN_IF_ERROR(CheckKeys(t, path, "[[event]]", {"name", "kind", "date", "source", "as_of"}));
    OSCM_ASSIGN_OR_RETURN(f.name, RequiredString(t, "name", path));
    OSCM_ASSIGN_OR_RETURN(f.detail, enum_value("kind", kEventKinds));
    OSCM_ASSIGN_OR_RETURN(f.since, RequiredDate(t, "date", path));
  } else if (kind == "package") {
    OSCM_RETURN_IF_ERROR(CheckKeys(t, path, "[[package]]", {"ecosystem", "name", "source", "as_of"}));
    OSCM_ASSIGN_OR_RETURN(std::string ecosystem, RequiredString(t, "ecosystem", path));
    auto e = ParseEcosystem(ecosystem);
    if (!e) return TomlError(path, *t.get("ecosystem"), e.error().message());
    OSCM_ASSIGN_OR_RETURN(std::string name, RequiredString(t, "name", path));
    auto normal = NormalizePackageName(*e, name);
    if (!normal) return TomlError(path, *t.get("name"), normal.error().message());
    f.name = std::move(normal).value();
    f.detail = std::string(EcosystemName(*e));
  } else {  // roadmap
    OSCM_RETURN_IF_ERROR(CheckKeys(t, path, "[roadmap]", {"url", "source", "as_of"}));
    OSCM_ASSIGN_OR_RETURN(f.name, RequiredString(t, "url", path));
  }
  return f;
}

}  // namespace

int FoundationLevel(std::string_view level) {
  if (level == "sandbox") return 1;
  if (level == "incubating") return 2;
  if (level == "graduated" || level == "top_level") return 3;
  return 0;
}

Result<Profile> ParseProfile(std::string_view text, const std::string& path) {
  OSCM_ASSIGN_OR_RETURN(toml::table root, ParseToml(text, path));
  Profile p;
  p.path = path;
  for (const auto& [key, node] : root) {
    const std::string_view k = key.str();
    if (k == "community") {
      const auto* s = node.as_string();
      if (s == nullptr || s->get().empty()) return TomlError(path, node, "'community' must be a community id");
      p.community = s->get();
      continue;
    }
    const auto spec = std::find_if(kTables.begin(), kTables.end(), [&](const TableSpec& t) { return t.kind == k; });
    if (spec == kTables.end()) {
      std::string list = "community";
      for (const auto& t : kTables) list += fmt::format(", {}{}{}", t.many ? "[[" : "[", t.kind, t.many ? "]]" : "]");
      return TomlError(path, node, fmt::format("unknown key '{}' (expected {})", k, list));
    }
    if (const toml::table* single = node.as_table()) {
      OSCM_ASSIGN_OR_RETURN(ProfileFact f, ReadFact(k, *single, path));
      p.facts.push_back(std::move(f));
    } else if (const toml::array* arr = node.as_array(); arr != nullptr && spec->many) {
      for (const toml::node& item : *arr) {
        const toml::table* t = item.as_table();
        if (t == nullptr) return TomlError(path, item, fmt::format("[[{}]] entries must be tables", k));
        OSCM_ASSIGN_OR_RETURN(ProfileFact f, ReadFact(k, *t, path));
        p.facts.push_back(std::move(f));
      }
    } else {
      return TomlError(path, node, fmt::format("'{}' must be a {}", k, spec->many ? "[[table]] array" : "[table]"));
    }
  }
  if (p.community.empty()) return InvalidArgumentError(fmt::format("{}:1:1: missing 'community'", path));
  std::stable_sort(p.facts.begin(), p.facts.end(), [](const ProfileFact& a, const ProfileFact& b) { return a.line < b.line; });
  return p;
}

Result<Profile> LoadProfile(const std::string& path) {
  OSCM_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path));
  return ParseProfile(text, path);
}

}  // namespace oscm::ingest
