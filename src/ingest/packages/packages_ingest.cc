#include "ingest/packages/packages_ingest.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "base/strings.h"
#include "base/time.h"
#include "ingest/git/git_repo.h"
#include "ingest/packages/manifest_scan.h"
#include "ingest/packages/registry_records.h"

namespace oscm::ingest {
namespace {

namespace fs = std::filesystem;
using store::SqliteDb;

constexpr int64_t kNpmFirstDay = 1420848000;  // 2015-01-10, the first day npm has figures for
constexpr int64_t kNpmDaysPerRequest = 540;   // npm serves at most 18 months a request
constexpr int64_t kDefaultHistoryDays = 1096; // three years

struct Registered {
  int64_t id = 0;
  PackageRef ref;
  std::string origin;
};

std::string_view DepsDevSystem(Ecosystem e) {
  switch (e) {
    case Ecosystem::kNpm: return "npm";
    case Ecosystem::kPypi: return "pypi";
    case Ecosystem::kCargo: return "cargo";
    case Ecosystem::kGo: return "go";
    case Ecosystem::kMaven: return "maven";
    case Ecosystem::kDocker: return "";
  }
  return "";
}

std::string_view EcosystemsRegistry(Ecosystem e) {
  switch (e) {
    case Ecosystem::kNpm: return "npmjs.org";
    case Ecosystem::kPypi: return "pypi.org";
    case Ecosystem::kCargo: return "crates.io";
    case Ecosystem::kGo: return "proxy.golang.org";
    case Ecosystem::kMaven: return "repo1.maven.org";
    case Ecosystem::kDocker: return "hub.docker.com";
  }
  return "";
}

// The packages of a community, declared and discovered, stored in `packages`.
class Registrar {
 public:
  Registrar(SqliteDb& db, int64_t community_id) : db_(db), community_id_(community_id) {}

  // Stores `ref` for the community (or finds it there). A package of another community is an
  // error when declared, and reported in `skipped` when discovered.
  Status Add(const PackageRef& ref, const std::string& origin, bool declared, std::vector<std::string>* skipped) {
    OSCM_ASSIGN_OR_RETURN(auto find, db_.Prepare(
        "SELECT p.community_id, c.name FROM packages p JOIN communities c ON c.id = p.community_id "
        "WHERE p.ecosystem = ? AND p.name = ?"));
    find.Bind(1, EcosystemName(ref.ecosystem)).Bind(2, std::string_view(ref.name));
    OSCM_ASSIGN_OR_RETURN(const bool known, find.Step());
    if (known) {
      if (find.ColumnInt(0) == community_id_) return Status::Ok();
      const std::string text = fmt::format("{} ({}): already a package of community '{}'", FormatPackageRef(ref),
                                           origin, find.ColumnText(1));
      if (declared) return InvalidArgumentError(text);
      skipped->push_back(text);
      return Status::Ok();
    }
    OSCM_ASSIGN_OR_RETURN(auto add, db_.Prepare(
        "INSERT INTO packages(community_id, ecosystem, name, canonical, origin) VALUES (?,?,?,'',?)"));
    add.Bind(1, community_id_).Bind(2, EcosystemName(ref.ecosystem)).Bind(3, std::string_view(ref.name))
        .Bind(4, std::string_view(origin));
    return add.Run();
  }

  Result<std::vector<Registered>> All() {
    OSCM_ASSIGN_OR_RETURN(auto q, db_.Prepare(
        "SELECT id, ecosystem, name, origin FROM packages WHERE community_id = ? ORDER BY ecosystem, name"));
    q.Bind(1, community_id_);
    std::vector<Registered> out;
    while (true) {
      OSCM_ASSIGN_OR_RETURN(const bool row, q.Step());
      if (!row) break;
      OSCM_ASSIGN_OR_RETURN(const Ecosystem e, ParseEcosystem(q.ColumnText(1)));
      out.push_back(Registered{q.ColumnInt(0), PackageRef{e, q.ColumnText(2)}, q.ColumnText(3)});
    }
    std::sort(out.begin(), out.end(), [](const Registered& a, const Registered& b) { return a.ref < b.ref; });
    return out;
  }

 private:
  SqliteDb& db_;
  int64_t community_id_;
};

// What one source's fetch of one package did.
class Fetcher {
 public:
  Fetcher(SqliteDb& db, const RegistryClients& clients, const PackagesIngestOptions& options, int64_t now)
      : db_(db), clients_(clients), options_(options), now_(now), today_(FloorDiv(now, kSecondsPerDay) * kSecondsPerDay) {}

  Status Fetch(const Registered& p, PackageResult* r) {
    if (p.ref.ecosystem == Ecosystem::kDocker) {
      OSCM_RETURN_IF_ERROR(Run(p, "docker hub", r, [&] { return DockerPulls(p, r); }));
    } else if (p.ref.ecosystem == Ecosystem::kNpm) {
      OSCM_RETURN_IF_ERROR(Run(p, "npm", r, [&] { return NpmDownloads(p, r); }));
    } else if (p.ref.ecosystem == Ecosystem::kPypi) {
      OSCM_RETURN_IF_ERROR(Run(p, "pypistats", r, [&] { return DailyDownloads(p, "pypistats", r); }));
    } else if (p.ref.ecosystem == Ecosystem::kCargo) {
      OSCM_RETURN_IF_ERROR(Run(p, "crates.io", r, [&] { return DailyDownloads(p, "crates.io", r); }));
    }
    if (p.ref.ecosystem == Ecosystem::kCargo) {
      OSCM_RETURN_IF_ERROR(Run(p, "crates.io dependents", r, [&] { return CratesDependents(p, r); }));
    } else if (p.ref.ecosystem != Ecosystem::kDocker) {
      OSCM_RETURN_IF_ERROR(Run(p, "deps.dev", r, [&] { return DepsDevDependents(p, r); }));
    }
    return Run(p, "ecosyste.ms", r, [&] { return EcosystemsRepos(p, r); });
  }

 private:
  // Runs one source unless it is fresh; sorts its failures into notes, errors and stops.
  template <typename F>
  Status Run(const Registered& p, std::string_view source, PackageResult* r, F fetch) {
    if (options_.cancel != nullptr && options_.cancel->load(std::memory_order_relaxed)) {
      return CancelledError("interrupted");
    }
    OSCM_ASSIGN_OR_RETURN(const auto sync, LoadSync(p.id, source));
    if (sync && sync->first > now_ - options_.max_age_seconds) {
      ++r->cached;
      return Status::Ok();
    }
    Status s = fetch();
    if (s.ok()) return s;
    if (s.code() == StatusCode::kNotFound) {
      r->notes.push_back(fmt::format("not on {}", source));
      OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db_));
      OSCM_RETURN_IF_ERROR(SaveSync(p.id, source, sync ? sync->second : ""));
      return txn.Commit();
    }
    if (s.code() == StatusCode::kCorruption) {
      r->errors.push_back(fmt::format("{}: {}", source, s.message()));
      return Status::Ok();
    }
    return s.WithContext(fmt::format("{} {}", FormatPackageRef(p.ref), source));
  }

  // (fetched_at, state) of a package's source, when it was fetched before.
  Result<std::optional<std::pair<int64_t, std::string>>> LoadSync(int64_t package_id, std::string_view source) {
    OSCM_ASSIGN_OR_RETURN(auto q, db_.Prepare("SELECT fetched_at, state FROM package_sync WHERE package_id = ? AND source = ?"));
    q.Bind(1, package_id).Bind(2, source);
    OSCM_ASSIGN_OR_RETURN(const bool row, q.Step());
    if (!row) return std::optional<std::pair<int64_t, std::string>>();
    return std::optional<std::pair<int64_t, std::string>>(std::make_pair(q.ColumnInt(0), q.ColumnText(1)));
  }

  Status SaveSync(int64_t package_id, std::string_view source, std::string_view state) {
    OSCM_ASSIGN_OR_RETURN(auto q, db_.Prepare(
        "INSERT OR REPLACE INTO package_sync(package_id, source, fetched_at, state) VALUES (?,?,?,?)"));
    q.Bind(1, package_id).Bind(2, source).Bind(3, now_).Bind(4, state);
    return q.Run();
  }

  Status SaveDays(int64_t package_id, const std::vector<DailyCount>& days, PackageResult* r) {
    OSCM_ASSIGN_OR_RETURN(auto put, db_.Prepare(
        "INSERT OR REPLACE INTO package_downloads(package_id, day, downloads) VALUES (?,?,?)"));
    for (const DailyCount& d : days) {
      put.Bind(1, package_id).Bind(2, d.day).Bind(3, d.count);
      OSCM_RETURN_IF_ERROR(put.Run());
    }
    r->days_stored += static_cast<int64_t>(days.size());
    return Status::Ok();
  }

  Status SaveSnapshot(int64_t package_id, std::string_view metric, std::string_view source, int64_t value) {
    OSCM_ASSIGN_OR_RETURN(auto q, db_.Prepare(
        "INSERT OR REPLACE INTO package_snapshots(package_id, metric, fetched_at, source, value) VALUES (?,?,?,?,?)"));
    q.Bind(1, package_id).Bind(2, metric).Bind(3, now_).Bind(4, source).Bind(5, value);
    return q.Run();
  }

  Status SetCanonical(int64_t package_id, const std::string& canonical, PackageResult* r) {
    r->canonical = canonical;
    OSCM_ASSIGN_OR_RETURN(auto q, db_.Prepare("UPDATE packages SET canonical = ? WHERE id = ?"));
    q.Bind(1, std::string_view(canonical)).Bind(2, package_id);
    return q.Run();
  }

  // npm: the days from where the last run stopped (or `since`) to two days ago, 540 at a time,
  // each request stored with the day it reached.
  Status NpmDownloads(const Registered& p, PackageResult* r) {
    OSCM_ASSIGN_OR_RETURN(const auto sync, LoadSync(p.id, "npm"));
    int64_t start = options_.since > 0 ? options_.since : today_ - kDefaultHistoryDays * kSecondsPerDay;
    start = std::max(start, kNpmFirstDay);
    if (sync && !sync->second.empty()) {
      OSCM_ASSIGN_OR_RETURN(const int64_t last, ParseDate(sync->second));
      start = std::max(start, last + kSecondsPerDay);
    }
    // Yesterday's figures may not have landed yet (npm computes them after UTC midnight).
    const int64_t end = today_ - 2 * kSecondsPerDay;
    std::string state = sync ? sync->second : "";
    if (start > end) {
      OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db_));
      OSCM_RETURN_IF_ERROR(SaveSync(p.id, "npm", state));
      return txn.Commit();
    }
    for (int64_t a = start; a <= end; a += kNpmDaysPerRequest * kSecondsPerDay) {
      const int64_t b = std::min(end, a + (kNpmDaysPerRequest - 1) * kSecondsPerDay);
      OSCM_ASSIGN_OR_RETURN(HttpResponse resp, clients_.npm->Get(fmt::format(
                                                   "/downloads/range/{}:{}/{}", FormatDate(a), FormatDate(b), p.ref.name)));
      OSCM_ASSIGN_OR_RETURN(auto days, ParseNpmRange(resp.body));
      // Only the days asked for: a registry answering more is not trusted beyond the question.
      std::erase_if(days, [&](const DailyCount& d) { return d.day < a || d.day > b; });
      OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db_));
      OSCM_RETURN_IF_ERROR(SaveDays(p.id, days, r));
      state = FormatDate(b);
      OSCM_RETURN_IF_ERROR(SaveSync(p.id, "npm", state));
      OSCM_RETURN_IF_ERROR(txn.Commit());
    }
    return Status::Ok();
  }

  // PyPI and crates.io: one request gives the registry's recent days (180 and 90).
  Status DailyDownloads(const Registered& p, std::string_view source, PackageResult* r) {
    const bool pypi = source == "pypistats";
    RestClient* client = pypi ? clients_.pypistats : clients_.crates;
    const std::string path = pypi ? fmt::format("/api/packages/{}/overall?mirrors=false", p.ref.name)
                                  : fmt::format("/api/v1/crates/{}/downloads", PercentEncode(p.ref.name));
    OSCM_ASSIGN_OR_RETURN(HttpResponse resp, client->Get(path));
    OSCM_ASSIGN_OR_RETURN(auto days, pypi ? ParsePypiStatsOverall(resp.body) : ParseCratesDownloads(resp.body));
    // Today's figure is partial; the registries' own last day is kept.
    std::erase_if(days, [&](const DailyCount& d) { return d.day >= today_; });
    OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db_));
    OSCM_RETURN_IF_ERROR(SaveDays(p.id, days, r));
    OSCM_RETURN_IF_ERROR(SaveSync(p.id, source, days.empty() ? "" : FormatDate(days.back().day)));
    return txn.Commit();
  }

  Status DockerPulls(const Registered& p, PackageResult* r) {
    const size_t slash = p.ref.name.find('/');
    OSCM_ASSIGN_OR_RETURN(HttpResponse resp, clients_.dockerhub->Get(fmt::format(
                                                 "/v2/repositories/{}/{}/", PercentEncode(p.ref.name.substr(0, slash)),
                                                 PercentEncode(p.ref.name.substr(slash + 1)))));
    OSCM_ASSIGN_OR_RETURN(const DockerHubRepo repo, ParseDockerHubRepo(resp.body));
    OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db_));
    OSCM_RETURN_IF_ERROR(SaveSnapshot(p.id, "pulls_total", "docker hub", repo.pulls));
    OSCM_RETURN_IF_ERROR(SetCanonical(p.id, AsciiLower(repo.full_name), r));
    OSCM_RETURN_IF_ERROR(SaveSync(p.id, "docker hub", ""));
    OSCM_RETURN_IF_ERROR(txn.Commit());
    r->pulls = repo.pulls;
    return Status::Ok();
  }

  Status CratesDependents(const Registered& p, PackageResult* r) {
    OSCM_ASSIGN_OR_RETURN(HttpResponse resp, clients_.crates->Get(fmt::format(
                                                 "/api/v1/crates/{}/reverse_dependencies?per_page=1", PercentEncode(p.ref.name))));
    OSCM_ASSIGN_OR_RETURN(const int64_t n, ParseCratesReverseDependencies(resp.body));
    OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db_));
    OSCM_RETURN_IF_ERROR(SaveSnapshot(p.id, "dependents", "crates.io", n));
    OSCM_RETURN_IF_ERROR(SaveSync(p.id, "crates.io dependents", ""));
    OSCM_RETURN_IF_ERROR(txn.Commit());
    r->dependents = n;
    return Status::Ok();
  }

  Status DepsDevDependents(const Registered& p, PackageResult* r) {
    const std::string base = fmt::format("/v3/systems/{}/packages/{}", DepsDevSystem(p.ref.ecosystem), PercentEncode(p.ref.name));
    OSCM_ASSIGN_OR_RETURN(HttpResponse resp, clients_.depsdev->Get(base));
    OSCM_ASSIGN_OR_RETURN(const DepsDevPackage pkg, ParseDepsDevPackage(resp.body));
    if (pkg.default_version.empty()) return NotFoundError("no versions");
    OSCM_ASSIGN_OR_RETURN(HttpResponse dep, clients_.depsdev->Get(fmt::format(
                                                "/v3alpha/systems/{}/packages/{}/versions/{}:dependents",
                                                DepsDevSystem(p.ref.ecosystem), PercentEncode(pkg.name),
                                                PercentEncode(pkg.default_version))));
    OSCM_ASSIGN_OR_RETURN(const int64_t n, ParseDepsDevDependents(dep.body));
    OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db_));
    OSCM_RETURN_IF_ERROR(SaveSnapshot(p.id, "dependents", "deps.dev", n));
    OSCM_RETURN_IF_ERROR(SetCanonical(p.id, pkg.name, r));
    OSCM_RETURN_IF_ERROR(SaveSync(p.id, "deps.dev", pkg.default_version));
    OSCM_RETURN_IF_ERROR(txn.Commit());
    r->dependents = n;
    return Status::Ok();
  }

  Status EcosystemsRepos(const Registered& p, PackageResult* r) {
    OSCM_ASSIGN_OR_RETURN(HttpResponse resp, clients_.ecosystems->Get(fmt::format(
                                                 "/api/v1/registries/{}/packages/{}", EcosystemsRegistry(p.ref.ecosystem),
                                                 PercentEncode(p.ref.name))));
    OSCM_ASSIGN_OR_RETURN(const auto n, ParseEcosystemsDependentRepos(resp.body));
    OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db_));
    if (n) OSCM_RETURN_IF_ERROR(SaveSnapshot(p.id, "dependent_repos", "ecosyste.ms", *n));
    OSCM_RETURN_IF_ERROR(SaveSync(p.id, "ecosyste.ms", ""));
    OSCM_RETURN_IF_ERROR(txn.Commit());
    if (!n) r->notes.push_back("no dependent repositories figure on ecosyste.ms");
    r->dependent_repos = n;
    return Status::Ok();
  }

  SqliteDb& db_;
  const RegistryClients& clients_;
  const PackagesIngestOptions& options_;
  int64_t now_;
  int64_t today_;
};

// The packages the community's repositories' manifests declare.
Status Discover(store::Store& store, int64_t community_id, const PackagesIngestOptions& options, Registrar& registrar,
                std::vector<std::string>* skipped) {
  OSCM_ASSIGN_OR_RETURN(const auto repos, store.Repositories(community_id));
  for (const auto& row : repos) {
    std::string path = row.location;
    if (LooksLikeUrl(row.location)) {
      path = CloneDirFor(options.cache_dir, row.location);
      std::error_code ec;
      if (options.cache_dir.empty() || !fs::exists(path, ec)) continue;  // never cloned here
    }
    auto repo = GitRepo::OpenLocal(path);
    if (!repo) return repo.error().WithContext(row.location);
    OSCM_ASSIGN_OR_RETURN(const auto found, DiscoverPackages(*repo));
    for (const auto& d : found) {
      OSCM_RETURN_IF_ERROR(registrar.Add(d.ref, fmt::format("repo:{}:{}", row.location, d.path), false, skipped));
    }
  }
  return Status::Ok();
}

}  // namespace

Status SetRegistryUrl(RegistryUrls* urls, std::string_view spec) {
  const size_t eq = spec.find('=');
  const std::string_view name = Trim(spec.substr(0, eq == std::string_view::npos ? 0 : eq));
  std::string* target = name == "npm"          ? &urls->npm
                        : name == "pypistats"  ? &urls->pypistats
                        : name == "crates"     ? &urls->crates
                        : name == "dockerhub"  ? &urls->dockerhub
                        : name == "depsdev"    ? &urls->depsdev
                        : name == "ecosystems" ? &urls->ecosystems
                                               : nullptr;
  if (eq == std::string_view::npos || target == nullptr || Trim(spec.substr(eq + 1)).empty()) {
    return InvalidArgumentError(fmt::format(
        "--registry-url '{}': expected NAME=URL, NAME one of npm, pypistats, crates, dockerhub, depsdev, ecosystems", spec));
  }
  *target = std::string(Trim(spec.substr(eq + 1)));
  return Status::Ok();
}

RestClientOptions RegistryOptions(std::string_view service, const RegistryUrls& urls, const std::string& user_agent,
                                  bool wait_for_reset) {
  RestClientOptions o;
  o.service = std::string(service);
  o.headers = {"User-Agent: " + user_agent};
  o.wait_for_reset = wait_for_reset;
  if (service == "npm") o.base_url = urls.npm;
  if (service == "pypistats") o.base_url = urls.pypistats;
  if (service == "crates.io") {
    o.base_url = urls.crates;
    o.min_interval_ms = 1000;  // crates.io's crawler policy: at most one request a second
  }
  if (service == "Docker Hub") o.base_url = urls.dockerhub;
  if (service == "deps.dev") o.base_url = urls.depsdev;
  if (service == "ecosyste.ms") o.base_url = urls.ecosystems;
  return o;
}

Result<PackagesIngestResult> IngestPackages(store::Store& store, const PackagesIngestOptions& options,
                                            const RegistryClients& clients, const Clock& clock,
                                            ProgressSink& progress) {
  SqliteDb& db = store.db();
  OSCM_ASSIGN_OR_RETURN(const auto known, store.FindCommunity(options.community));
  if (!known && options.declared.empty()) {
    return NotFoundError(fmt::format("unknown community '{}' (see 'oscm communities'), and no --package given",
                                     options.community));
  }
  PackagesIngestResult result;
  std::vector<Registered> packages;
  {
    OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db));
    OSCM_ASSIGN_OR_RETURN(const int64_t community_id, store.EnsureCommunity(options.community));
    Registrar registrar(db, community_id);
    OSCM_ASSIGN_OR_RETURN(auto facts, db.Prepare(
        "SELECT detail, name FROM profile_facts WHERE community_id = ? AND kind = 'package' ORDER BY origin, seq"));
    facts.Bind(1, community_id);
    while (true) {
      OSCM_ASSIGN_OR_RETURN(const bool row, facts.Step());
      if (!row) break;
      OSCM_ASSIGN_OR_RETURN(const Ecosystem e, ParseEcosystem(facts.ColumnText(0)));
      OSCM_RETURN_IF_ERROR(registrar.Add(PackageRef{e, facts.ColumnText(1)}, "profile", true, &result.skipped));
    }
    for (const auto& ref : options.declared) {
      OSCM_RETURN_IF_ERROR(registrar.Add(ref, options.declared_origin, true, &result.skipped));
    }
    if (options.discover) OSCM_RETURN_IF_ERROR(Discover(store, community_id, options, registrar, &result.skipped));
    OSCM_ASSIGN_OR_RETURN(packages, registrar.All());
    OSCM_RETURN_IF_ERROR(txn.Commit());
  }

  Fetcher fetcher(db, clients, options, clock.NowUnix());
  for (size_t i = 0; i < packages.size(); ++i) {
    const Registered& p = packages[i];
    progress.Update(fmt::format("{}: {}", options.community, FormatPackageRef(p.ref)), i, packages.size());
    PackageResult r;
    r.ref = p.ref;
    r.origin = p.origin;
    Status s = fetcher.Fetch(p, &r);
    if (!s.ok()) {
      progress.Done();
      return s.WithContext("packages");
    }
    result.packages.push_back(std::move(r));
  }
  progress.Done();
  return result;
}

}  // namespace oscm::ingest
