#include "ingest/packages/packages_ingest.h"

#include <gtest/gtest.h>

#include "base/strings.h"
#include "base/time.h"
#include "metrics/activity.h"
#include "metrics/usage_metrics.h"
#include "support/git_fixture.h"
#include "support/recording_waiter.h"
#include "support/replay_server.h"
#include "support/test_util.h"

namespace oscm::ingest {
namespace {

using oscm::testing::ReplayResponse;
using oscm::testing::ReplayServer;
using oscm::testing::TempDir;

constexpr int64_t kNow = 1710072000;  // 2024-03-10T12:00:00Z

using oscm::testing::RecordingWaiter;

ReplayResponse Json(std::string body) { return ReplayResponse{200, {}, std::move(body)}; }

std::string NpmDays(std::initializer_list<std::pair<const char*, int>> days) {
  std::string list;
  for (const auto& [day, n] : days) {
    list += std::string(list.empty() ? "" : ",") + "{\"downloads\":" + std::to_string(n) + ",\"day\":\"" + day + "\"}";
  }
  return R"({"start":"x","end":"y","package":"tidb-js","downloads":[)" + list + "]}";
}

class PackagesIngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = store::Store::Open(tmp_.Sub("oscm.db"));
    ASSERT_OK(s);
    store_ = std::make_unique<store::Store>(std::move(s).value());
    auto t = NewCurlTransport({});
    ASSERT_OK(t);
    transport_ = std::move(t).value();
    // A repository whose manifests declare five packages, and one more it only uses.
    repo_ = std::make_unique<oscm::testing::GitFixture>(tmp_.Sub("tidb"));
    oscm::testing::FixtureCommit c;
    c.date = "2024-01-15T10:00:00";
    c.files = {{"package.json", R"({"name":"tidb-js"})"},
               {"go.mod", "module github.com/pingcap/tidb\n"},
               {"Dockerfile", "FROM scratch\n"},
               {"README.md", "Try it: docker pull pingcap/tidb\n"},
               {"rust/Cargo.toml", "[package]\nname = \"tikv-client\"\n"},
               {"python/pyproject.toml", "[project]\nname = \"py_tidb\"\n"},
               {"examples/demo/package.json", R"({"name":"demo-app"})"}};
    repo_->Commit(c);
    auto id = store_->EnsureCommunity("tidb");
    ASSERT_OK(id);
    ASSERT_OK(store_->EnsureRepository(*id, repo_->path()));
  }

  void RouteAll() {
    server_.Route("/downloads/range/2022-01-01:2023-06-24/tidb-js",
                  Json(NpmDays({{"2022-01-01", 10}, {"2022-01-02", 20}, {"2023-06-24", 30}})));
    server_.Route("/downloads/range/2023-06-25:2024-03-08/tidb-js",
                  {ReplayResponse{429, {{"Retry-After", "3"}}, R"({"error":"slow down"})"},
                   Json(NpmDays({{"2024-03-07", 100}, {"2024-03-08", 200}}))});
    server_.Route("/api/packages/py-tidb/overall?mirrors=false",
                  {ReplayResponse{502, {}, "Bad Gateway"},
                   Json(R"({"data":[{"category":"without_mirrors","date":"2024-03-01","downloads":40},)"
                        R"({"category":"with_mirrors","date":"2024-03-01","downloads":99},)"
                        R"({"category":"without_mirrors","date":"2024-03-10","downloads":1}],"package":"py-tidb","type":"overall_downloads"})")});
    server_.Route("/api/v1/crates/tikv-client/downloads",
                  Json(R"({"version_downloads":[{"version":1,"downloads":6,"date":"2024-03-02"}],"meta":{"extra_downloads":[]}})"));
    server_.Route("/api/v1/crates/tikv-client/reverse_dependencies?per_page=1", Json(R"({"meta":{"total":42}})"));
    // The image moved: Docker Hub redirects to its new name.
    server_.Route("/v2/repositories/pingcap/tidb/",
                  ReplayResponse{301, {{"Location", "{base}/v2/repositories/pingcap/tidb-server/"}}, ""});
    server_.Route("/v2/repositories/pingcap/tidb-server/",
                  Json(R"({"namespace":"pingcap","name":"tidb-server","pull_count":1000,"star_count":5})"));
    server_.Route("/v3/systems/npm/packages/tidb-js",
                  Json(R"({"packageKey":{"system":"NPM","name":"tidb-js"},"versions":[{"versionKey":{"version":"1.2.0"},"isDefault":true}]})"));
    server_.Route("/v3alpha/systems/npm/packages/tidb-js/versions/1.2.0:dependents", Json(R"({"dependentCount":7})"));
    server_.Route("/v3/systems/pypi/packages/py-tidb",
                  Json(R"({"packageKey":{"system":"PYPI","name":"py-tidb"},"versions":[{"versionKey":{"version":"0.9"}}]})"));
    server_.Route("/v3alpha/systems/pypi/packages/py-tidb/versions/0.9:dependents", Json(R"({"dependentCount":3})"));
    // deps.dev does not know the Go module (404, unrouted).
    server_.Route("/api/v1/registries/npmjs.org/packages/tidb-js", Json(R"({"dependent_repos_count":100})"));
    server_.Route("/api/v1/registries/pypi.org/packages/py-tidb", Json(R"({"dependent_repos_count":)"));  // malformed
    server_.Route("/api/v1/registries/crates.io/packages/tikv-client", Json(R"({"dependent_repos_count":null})"));
    server_.Route("/api/v1/registries/proxy.golang.org/packages/github.com%2Fpingcap%2Ftidb",
                  Json(R"({"dependent_repos_count":50})"));
  }

  Result<PackagesIngestResult> Run(int64_t now, const std::atomic<bool>* cancel = nullptr) {
    RegistryUrls urls;
    urls.npm = urls.pypistats = urls.crates = urls.dockerhub = urls.depsdev = urls.ecosystems = server_.base_url();
    clock_ = std::make_unique<FixedClock>(now);
    clients_.clear();
    for (const char* service : {"npm", "pypistats", "crates.io", "Docker Hub", "deps.dev", "ecosyste.ms"}) {
      RestClientOptions o = RegistryOptions(service, urls, "oscm-test", true);
      o.min_interval_ms = 0;
      clients_.push_back(std::make_unique<RestClient>(o, *transport_, waiter_, *clock_));
    }
    const RegistryClients c{clients_[0].get(), clients_[1].get(), clients_[2].get(),
                            clients_[3].get(), clients_[4].get(), clients_[5].get()};
    PackagesIngestOptions o;
    o.community = "tidb";
    o.since = *ParseDate("2022-01-01");
    o.cancel = cancel;
    NullProgress progress;
    return IngestPackages(*store_, o, c, *clock_, progress);
  }

  int64_t Count(const std::string& sql) { return oscm::testing::QueryInt(store_->db(), sql); }

  TempDir tmp_;
  ReplayServer server_;
  RecordingWaiter waiter_;
  std::unique_ptr<FixedClock> clock_;
  std::unique_ptr<HttpTransport> transport_;
  std::vector<std::unique_ptr<RestClient>> clients_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<oscm::testing::GitFixture> repo_;
};

TEST_F(PackagesIngestTest, DiscoversPackagesAndStoresWhatTheRegistriesSay) {
  RouteAll();
  auto r = Run(kNow);
  ASSERT_OK(r);
  ASSERT_EQ(r->packages.size(), 5u);  // not examples/demo's package
  const std::string origin = "repo:" + repo_->path() + ":";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM packages WHERE origin LIKE 'repo:%'"), 5);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM packages WHERE name = 'demo-app'"), 0);
  auto find = [&](const char* spec) -> const PackageResult& {
    const PackageRef ref = *ParsePackageSpec(spec);
    for (const auto& p : r->packages) {
      if (p.ref == ref) return p;
    }
    ADD_FAILURE() << spec;
    return r->packages[0];
  };
  const PackageResult& npm = find("npm:tidb-js");
  EXPECT_EQ(npm.origin, origin + "package.json");
  EXPECT_EQ(npm.days_stored, 5);  // two pages of npm figures
  EXPECT_EQ(npm.dependents.value_or(-1), 7);
  EXPECT_EQ(npm.dependent_repos.value_or(-1), 100);
  const PackageResult& pypi = find("pypi:py-tidb");
  EXPECT_EQ(pypi.origin, origin + "python/pyproject.toml");
  EXPECT_EQ(pypi.days_stored, 1);  // without mirrors, and not today's partial figure
  ASSERT_EQ(pypi.errors.size(), 1u);
  EXPECT_NE(pypi.errors[0].find("ecosyste.ms: malformed JSON"), std::string::npos) << pypi.errors[0];
  const PackageResult& docker = find("docker:pingcap/tidb");
  EXPECT_EQ(docker.canonical, "pingcap/tidb-server");  // followed the rename
  EXPECT_EQ(docker.pulls.value_or(-1), 1000);
  const PackageResult& go = find("go:github.com/pingcap/tidb");
  EXPECT_EQ(go.notes, std::vector<std::string>{"not on deps.dev"});
  EXPECT_EQ(go.dependent_repos.value_or(-1), 50);
  const PackageResult& cargo = find("cargo:tikv-client");
  EXPECT_EQ(cargo.dependents.value_or(-1), 42);
  EXPECT_FALSE(cargo.dependent_repos.has_value());
  EXPECT_EQ(waiter_.waits, (std::vector<int64_t>{3, 1}));  // npm's 429, pypistats' 502

  // The metrics, over the 30 days to 2024-03-09 (npm's last two days, PyPI's and crates.io's one day each).
  auto a = metrics::LoadCommunityActivity(store_->db(), "tidb");
  ASSERT_OK(a);
  const TimeWindow w{*ParseDate("2024-02-09"), *ParseDate("2024-03-10")};
  EXPECT_DOUBLE_EQ(metrics::Downloads(*a, w).value_or(-1), (150.0 + 40 + 6) * 30.4375);
  EXPECT_DOUBLE_EQ(metrics::Dependents(*a, w).value_or(-1), -1);  // fetched at kNow, after the window
  const TimeWindow to_now{*ParseDate("2023-03-11"), kNow + 1};
  EXPECT_DOUBLE_EQ(metrics::Dependents(*a, to_now).value_or(-1), 7 + 3 + 42);
  EXPECT_DOUBLE_EQ(metrics::DependentRepos(*a, to_now).value_or(-1), 100 + 50);
  const TimeWindow before{*ParseDate("2020-01-01"), *ParseDate("2021-01-01")};
  EXPECT_FALSE(metrics::Downloads(*a, before).has_value());  // no registry covers it: null, not 0
}

TEST_F(PackagesIngestTest, CachedThenIncremental) {
  RouteAll();
  ASSERT_OK(Run(kNow));
  const int64_t days = Count("SELECT COUNT(*) FROM package_downloads");
  // Within a day: only the source that failed (its answer is fixed now) is asked again.
  server_.Route("/api/v1/registries/pypi.org/packages/py-tidb", Json(R"({"dependent_repos_count":9})"));
  server_.ClearRequests();
  auto again = Run(kNow + 3600);
  ASSERT_OK(again);
  ASSERT_EQ(server_.requests().size(), 1u);
  EXPECT_EQ(server_.requests()[0].target, "/api/v1/registries/pypi.org/packages/py-tidb");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM package_downloads"), days);

  // Ten days later: npm from where it stopped to two days before.
  server_.Route("/downloads/range/2024-03-09:2024-03-18/tidb-js", Json(NpmDays({{"2024-03-09", 5}, {"2024-03-18", 6}})));
  server_.ClearRequests();
  auto later = Run(kNow + 10 * kSecondsPerDay);
  ASSERT_OK(later);
  int npm_requests = 0;
  for (const auto& req : server_.requests()) npm_requests += StartsWith(req.target, "/downloads/") ? 1 : 0;
  EXPECT_EQ(npm_requests, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM package_downloads d JOIN packages p ON p.id = d.package_id WHERE p.name = 'tidb-js'"), 7);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM package_snapshots WHERE metric = 'dependents'"), 6);  // dated, kept
}

TEST_F(PackagesIngestTest, InterruptedRunKeepsWhatItStoredAndResumes) {
  RouteAll();
  std::atomic<bool> cancel{true};
  auto stopped = Run(kNow, &cancel);
  ASSERT_FALSE(stopped);
  EXPECT_EQ(stopped.error().code(), StatusCode::kCancelled);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM packages"), 5);  // registered before fetching
  EXPECT_EQ(Count("SELECT COUNT(*) FROM package_sync"), 0);
  ASSERT_OK(Run(kNow));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM package_downloads"), 7);
}

class PackagesIngestErrorTest : public PackagesIngestTest {};

TEST_F(PackagesIngestErrorTest, DeclaringAnotherCommunitysPackageFails) {
  auto other = store_->EnsureCommunity("other");
  ASSERT_OK(other);
  ASSERT_OK(store_->db().Exec(
      "INSERT INTO packages(community_id, ecosystem, name, canonical, origin) SELECT id, 'npm', 'left-pad', '', 'flag' "
      "FROM communities WHERE name = 'other'"));
  RegistryUrls urls;
  urls.npm = urls.pypistats = urls.crates = urls.dockerhub = urls.depsdev = urls.ecosystems = server_.base_url();
  FixedClock clock(kNow);
  RestClient client(RegistryOptions("npm", urls, "t", true), *transport_, waiter_, clock);
  const RegistryClients c{&client, &client, &client, &client, &client, &client};
  PackagesIngestOptions o;
  o.community = "tidb";
  o.declared = {*ParsePackageSpec("npm:left-pad")};
  NullProgress progress;
  auto r = IngestPackages(*store_, o, c, clock, progress);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.error().message().find("npm:left-pad (flag): already a package of community 'other'"), std::string::npos)
      << r.error().message();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM packages"), 1);  // nothing of this run kept
  o.community = "nobody";
  o.declared.clear();
  auto unknown = IngestPackages(*store_, o, c, clock, progress);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code(), StatusCode::kNotFound);
}

TEST_F(PackagesIngestErrorTest, ExhaustedRateLimitWithoutWaitingStopsTheRun) {
  RouteAll();
  server_.Route("/downloads/range/2022-01-01:2023-06-24/tidb-js",
                ReplayResponse{429, {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", "600"}}, ""});
  RegistryUrls urls;
  urls.npm = urls.pypistats = urls.crates = urls.dockerhub = urls.depsdev = urls.ecosystems = server_.base_url();
  FixedClock clock(kNow);
  RestClient client(RegistryOptions("npm", urls, "t", /*wait_for_reset=*/false), *transport_, waiter_, clock);
  const RegistryClients c{&client, &client, &client, &client, &client, &client};
  PackagesIngestOptions o;
  o.community = "tidb";
  o.since = *ParseDate("2022-01-01");
  NullProgress progress;
  auto r = IngestPackages(*store_, o, c, clock, progress);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kIoError);
  EXPECT_NE(r.error().message().find("npm:tidb-js npm: npm rate limit exhausted"), std::string::npos)
      << r.error().message();
}

}  // namespace
}  // namespace oscm::ingest
