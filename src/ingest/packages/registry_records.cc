#include "ingest/packages/registry_records.h"

#include <simdjson.h>

#include <map>

#include <fmt/format.h>

#include "base/time.h"

namespace oscm::ingest {
namespace {

using simdjson::dom::element;

// One parser per call: these run once per HTTP answer, far from any hot loop.
struct Doc {
  simdjson::dom::parser parser;
  element root;
};

Status Parse(std::string_view body, Doc* doc) {
  if (auto err = doc->parser.parse(body.data(), body.size()).get(doc->root); err != simdjson::SUCCESS) {
    return CorruptionError(fmt::format("malformed JSON: {}", simdjson::error_message(err)));
  }
  if (!doc->root.is_object()) return CorruptionError("malformed answer: not a JSON object");
  return Status::Ok();
}

// An integer field, given as a number or as a string of digits (protobuf's JSON form of int64).
std::optional<int64_t> Int(element e, const char* key) {
  int64_t v = 0;
  if (e[key].get(v) == simdjson::SUCCESS) return v;
  uint64_t u = 0;
  if (e[key].get(u) == simdjson::SUCCESS) return static_cast<int64_t>(u);
  double d = 0;
  if (e[key].get(d) == simdjson::SUCCESS && d >= 0) return static_cast<int64_t>(d);
  std::string_view s;
  if (e[key].get(s) == simdjson::SUCCESS && !s.empty() && s.size() < 19 &&
      s.find_first_not_of("0123456789") == std::string_view::npos) {
    int64_t n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    return n;
  }
  return std::nullopt;
}

Status Missing(std::string_view what) { return CorruptionError(fmt::format("malformed answer: no {}", what)); }

// Adds (date string, count) entries of `list` to `days`.
Status AddDays(simdjson::dom::array list, const char* date_key, std::map<int64_t, int64_t>* days,
               std::string_view category = {}) {
  for (element item : list) {
    if (!category.empty()) {
      std::string_view c;
      if (item["category"].get(c) != simdjson::SUCCESS) return Missing("category");
      if (c != category) continue;
    }
    std::string_view date;
    if (item[date_key].get(date) != simdjson::SUCCESS) return Missing(date_key);
    auto day = ParseDate(date.substr(0, 10));
    if (!day) return CorruptionError(fmt::format("malformed answer: bad date '{}'", date.substr(0, 20)));
    const auto n = Int(item, "downloads");
    if (!n || *n < 0) return Missing("downloads count");
    (*days)[*day] += *n;
  }
  return Status::Ok();
}

std::vector<DailyCount> ToVector(const std::map<int64_t, int64_t>& days) {
  std::vector<DailyCount> out;
  for (const auto& [day, n] : days) out.push_back(DailyCount{day, n});
  return out;
}

}  // namespace

Result<std::vector<DailyCount>> ParseNpmRange(std::string_view body) {
  Doc doc;
  OSCM_RETURN_IF_ERROR(Parse(body, &doc));
  simdjson::dom::array list;
  if (doc.root["downloads"].get(list) != simdjson::SUCCESS) return Missing("downloads array");
  std::map<int64_t, int64_t> days;
  OSCM_RETURN_IF_ERROR(AddDays(list, "day", &days));
  return ToVector(days);
}

Result<std::vector<DailyCount>> ParsePypiStatsOverall(std::string_view body) {
  Doc doc;
  OSCM_RETURN_IF_ERROR(Parse(body, &doc));
  simdjson::dom::array list;
  if (doc.root["data"].get(list) != simdjson::SUCCESS) return Missing("data array");
  std::map<int64_t, int64_t> days;
  OSCM_RETURN_IF_ERROR(AddDays(list, "date", &days, "without_mirrors"));
  return ToVector(days);
}

Result<std::vector<DailyCount>> ParseCratesDownloads(std::string_view body) {
  Doc doc;
  OSCM_RETURN_IF_ERROR(Parse(body, &doc));
  simdjson::dom::array versions;
  if (doc.root["version_downloads"].get(versions) != simdjson::SUCCESS) return Missing("version_downloads");
  std::map<int64_t, int64_t> days;
  OSCM_RETURN_IF_ERROR(AddDays(versions, "date", &days));
  simdjson::dom::array extra;  // downloads of versions no longer listed, by day
  if (doc.root["meta"]["extra_downloads"].get(extra) == simdjson::SUCCESS) {
    OSCM_RETURN_IF_ERROR(AddDays(extra, "date", &days));
  }
  return ToVector(days);
}

Result<int64_t> ParseCratesReverseDependencies(std::string_view body) {
  Doc doc;
  OSCM_RETURN_IF_ERROR(Parse(body, &doc));
  element meta;
  if (doc.root["meta"].get(meta) != simdjson::SUCCESS) return Missing("meta");
  const auto total = Int(meta, "total");
  if (!total) return Missing("meta.total");
  return *total;
}

Result<DockerHubRepo> ParseDockerHubRepo(std::string_view body) {
  Doc doc;
  OSCM_RETURN_IF_ERROR(Parse(body, &doc));
  DockerHubRepo r;
  std::string_view ns, name;
  if (doc.root["namespace"].get(ns) != simdjson::SUCCESS || doc.root["name"].get(name) != simdjson::SUCCESS) {
    return Missing("namespace and name");
  }
  r.full_name = fmt::format("{}/{}", ns, name);
  const auto pulls = Int(doc.root, "pull_count");
  if (!pulls) return Missing("pull_count");
  r.pulls = *pulls;
  r.stars = Int(doc.root, "star_count").value_or(0);
  return r;
}

Result<DepsDevPackage> ParseDepsDevPackage(std::string_view body) {
  Doc doc;
  OSCM_RETURN_IF_ERROR(Parse(body, &doc));
  DepsDevPackage p;
  std::string_view name;
  if (doc.root["packageKey"]["name"].get(name) != simdjson::SUCCESS) return Missing("packageKey.name");
  p.name = std::string(name);
  simdjson::dom::array versions;
  if (doc.root["versions"].get(versions) != simdjson::SUCCESS) return Missing("versions");
  for (element v : versions) {
    std::string_view version;
    if (v["versionKey"]["version"].get(version) != simdjson::SUCCESS) return Missing("versionKey.version");
    p.default_version = std::string(version);
    bool is_default = false;
    if (v["isDefault"].get(is_default) == simdjson::SUCCESS && is_default) break;
  }
  return p;
}

Result<int64_t> ParseDepsDevDependents(std::string_view body) {
  Doc doc;
  OSCM_RETURN_IF_ERROR(Parse(body, &doc));
  // deps.dev omits zero counts (protobuf's JSON form drops default values).
  if (doc.root["dependentCount"].error() == simdjson::NO_SUCH_FIELD) return int64_t{0};
  const auto n = Int(doc.root, "dependentCount");
  if (!n) return Missing("dependentCount number");
  return *n;
}

Result<std::optional<int64_t>> ParseEcosystemsDependentRepos(std::string_view body) {
  Doc doc;
  OSCM_RETURN_IF_ERROR(Parse(body, &doc));
  element v;
  if (doc.root["dependent_repos_count"].get(v) != simdjson::SUCCESS) return Missing("dependent_repos_count");
  if (v.is_null()) return std::optional<int64_t>();
  const auto n = Int(doc.root, "dependent_repos_count");
  if (!n) return Missing("dependent_repos_count number");
  return std::optional<int64_t>(*n);
}

}  // namespace oscm::ingest
