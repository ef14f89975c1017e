// oscm command line: the only code that prints, reads flags or sets exit codes.
//
// Exit codes: 0 ok, 1 runtime or data error, 2 usage error, 3 invalid model, 130 interrupted.

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "base/clock.h"
#include "base/time.h"
#include "cli/terminal_progress.h"
#include "ingest/git/git_ingest.h"
#include "ingest/git/git_repo.h"
#include "ingest/identity/affiliation.h"
#include "ingest/identity/bots.h"
#include "metrics/activity.h"
#include "metrics/assessment.h"
#include "metrics/registry.h"
#include "report/assessment_report.h"
#include "report/json_writer.h"
#include "store/store.h"

namespace oscm::cli {
namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void OnSigint(int) {
  g_interrupted.store(true);
  // A second Ctrl-C ends the process at once; the open transaction is rolled back by SQLite.
  std::signal(SIGINT, SIG_DFL);
}

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::string(v) : fallback;
}

std::string DefaultDbPath() {
  const std::string home = EnvOr("HOME", ".");
  const std::string data = EnvOr("XDG_DATA_HOME", home + "/.local/share");
  return EnvOr("OSCM_DB", data + "/oscm/oscm.db");
}

std::string DefaultCacheDir() {
  const std::string home = EnvOr("HOME", ".");
  return EnvOr("XDG_CACHE_HOME", home + "/.cache") + "/oscm/repos";
}

struct GlobalOptions {
  std::string db = DefaultDbPath();
  bool quiet = false;
};

struct IdentityOptions {
  std::string affiliations;
  std::string domain_orgs;
  std::string bots;
};

struct IngestGitOptions {
  std::vector<std::string> locations;
  std::string community;
  std::string branch;
  bool all_branches = false;
  bool numstat = false;
  unsigned threads = 0;
  int64_t max_bad = -1;
};

struct AssessOptions {
  std::vector<std::string> targets;
  std::string as_of;
  std::string format = "table";
};

int Fail(const Status& s) {
  if (s.code() == StatusCode::kCancelled) {
    std::fprintf(stderr, "oscm: interrupted; the store is unchanged\n");
    return 130;
  }
  std::fprintf(stderr, "error: %s\n", s.message().c_str());
  return 1;
}

void AddIdentityFlags(CLI::App* cmd, IdentityOptions* o) {
  cmd->add_option("--affiliations", o->affiliations,
                  "gitdm developers_affiliations file: who worked where, when")
      ->check(CLI::ExistingFile);
  cmd->add_option("--domain-orgs", o->domain_orgs, "extra 'domain Organisation' lines")->check(CLI::ExistingFile);
  cmd->add_option("--bots", o->bots, "extra bot names/emails ('!name' marks a person)")->check(CLI::ExistingFile);
}

Status LoadIdentityConfig(const IdentityOptions& o, ingest::BotList* bots, ingest::AffiliationResolver* aff) {
  *bots = ingest::BotList::Builtin();
  *aff = ingest::AffiliationResolver::Builtin();
  if (!o.bots.empty()) OSCM_RETURN_IF_ERROR(bots->LoadFile(o.bots));
  if (!o.affiliations.empty()) OSCM_RETURN_IF_ERROR(aff->LoadAffiliationsFile(o.affiliations));
  if (!o.domain_orgs.empty()) OSCM_RETURN_IF_ERROR(aff->LoadDomainMapFile(o.domain_orgs));
  return Status::Ok();
}

// Ingests one location; prints a one-line summary unless quiet.
Result<ingest::GitIngestResult> RunIngestGit(store::Store& store, const std::string& location,
                                             const IngestGitOptions& o, const ingest::BotList& bots,
                                             const ingest::AffiliationResolver& aff, bool quiet) {
  ingest::GitIngestOptions opts;
  opts.location = location;
  opts.community = o.community;
  opts.branch = o.branch;
  opts.all_branches = o.all_branches;
  opts.numstat = o.numstat;
  opts.threads = o.threads;
  opts.max_bad = o.max_bad;
  opts.cache_dir = DefaultCacheDir();
  opts.now = SystemClock().NowUnix();
  opts.cancel = &g_interrupted;
  TerminalProgress progress(!quiet && isatty(STDERR_FILENO) == 1);
  OSCM_ASSIGN_OR_RETURN(auto r, ingest::IngestGit(store, opts, bots, aff, progress));
  if (!quiet) {
    std::fprintf(stderr, "%s: %s: %lld new commits, %lld releases, %lld community files%s%s\n",
                 r.community.c_str(), r.location.c_str(), static_cast<long long>(r.commits_added),
                 static_cast<long long>(r.releases), static_cast<long long>(r.community_files),
                 r.numstat_commits > 0 ? fmt::format(", line changes for {} commits", r.numstat_commits).c_str() : "",
                 r.reresolved ? ", organisations recomputed" : "");
    if (r.stats.bad > 0) {
      std::fprintf(stderr, "  %lld bad records (kept sane or skipped), e.g.:\n", static_cast<long long>(r.stats.bad));
      for (const auto& s : r.stats.samples) std::fprintf(stderr, "    %s\n", s.c_str());
    }
  }
  return r;
}

int CmdIngestGit(const GlobalOptions& g, const IngestGitOptions& o, const IdentityOptions& io) {
  ingest::BotList bots;
  ingest::AffiliationResolver aff;
  if (Status s = LoadIdentityConfig(io, &bots, &aff); !s.ok()) return Fail(s);
  auto store = store::Store::Open(g.db);
  if (!store) return Fail(store.error());
  for (const auto& loc : o.locations) {
    auto r = RunIngestGit(*store, loc, o, bots, aff, g.quiet);
    if (!r) return Fail(r.error().WithContext("ingest"));
  }
  return 0;
}

int CmdAssess(const GlobalOptions& g, const AssessOptions& o, const IngestGitOptions& ingest_opts,
              const IdentityOptions& io) {
  std::optional<int64_t> as_of;
  if (!o.as_of.empty()) {
    auto d = ParseDate(o.as_of);
    if (!d) {
      std::fprintf(stderr, "error: --as-of: %s\n", d.error().message().c_str());
      return 2;
    }
    as_of = *d;
  }
  auto store = store::Store::Open(g.db);
  if (!store) return Fail(store.error());
  ingest::BotList bots;
  ingest::AffiliationResolver aff;
  if (Status s = LoadIdentityConfig(io, &bots, &aff); !s.ok()) return Fail(s);

  std::vector<metrics::Assessment> results;
  for (const auto& target : o.targets) {
    auto known = store->FindCommunity(target);
    if (!known) return Fail(known.error());
    std::string community = target;
    std::error_code ec;
    if (!*known) {
      if (!ingest::LooksLikeUrl(target) && !std::filesystem::exists(target, ec)) {
        return Fail(NotFoundError(fmt::format(
            "unknown community '{}': not in the store {} and not a path or URL (see 'oscm communities')",
            target, g.db)));
      }
      auto r = RunIngestGit(*store, target, ingest_opts, bots, aff, g.quiet);
      if (!r) return Fail(r.error().WithContext("ingest"));
      community = r->community;
    }
    auto activity = metrics::LoadCommunityActivity(store->db(), community);
    if (!activity) return Fail(activity.error().WithContext(g.db));
    const int64_t date = as_of ? *as_of : metrics::DefaultAsOf(*activity, SystemClock().NowUnix());
    results.push_back(metrics::Assess(*activity, date));
  }
  if (o.format == "json") {
    if (results.size() == 1) {
      std::fputs(report::RenderAssessmentJson(results[0]).c_str(), stdout);
    } else {
      std::string out = "[\n";
      for (size_t i = 0; i < results.size(); ++i) {
        std::string one = report::RenderAssessmentJson(results[i]);
        one.pop_back();
        out += one + (i + 1 < results.size() ? ",\n" : "\n");
      }
      std::fputs((out + "]\n").c_str(), stdout);
    }
  } else {
    const bool color = isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
    for (size_t i = 0; i < results.size(); ++i) {
      if (i > 0) std::fputs("\n", stdout);
      std::fputs(report::RenderAssessmentTable(results[i], color).c_str(), stdout);
    }
  }
  return 0;
}

int CmdMetrics(const std::string& format) {
  const auto& registry = metrics::Registry();
  if (format == "json") {
    report::JsonWriter w;
    w.BeginArray();
    for (const auto& m : registry) {
      w.BeginObject();
      w.Key("description");
      w.String(m.description);
      w.Key("id");
      w.String(m.id);
      w.Key("source");
      w.String(m.source);
      w.Key("unit");
      w.String(m.unit);
      w.EndObject();
    }
    w.EndArray();
    std::fputs((w.str() + "\n").c_str(), stdout);
  } else if (format == "markdown") {
    std::string out =
        "# Metrics\n\nGenerated by `oscm metrics --format markdown`; do not edit by hand.\n"
        "Every metric has a monthly series and a value over the 12 months ending at `--as-of`.\n\n"
        "| id | unit | source | description |\n|---|---|---|---|\n";
    for (const auto& m : registry) out += fmt::format("| `{}` | {} | {} | {} |\n", m.id, m.unit, m.source, m.description);
    std::fputs(out.c_str(), stdout);
  } else {
    for (const auto& m : registry) {
      std::fputs(fmt::format("{:<24}{:<8}{:<5}{}\n", m.id, m.unit, m.source, m.description).c_str(), stdout);
    }
  }
  return 0;
}

int CmdCommunities(const GlobalOptions& g) {
  auto store = store::Store::Open(g.db);
  if (!store) return Fail(store.error());
  auto names = store->CommunityNames();
  if (!names) return Fail(names.error());
  for (const auto& n : *names) {
    auto id = store->FindCommunity(n);
    if (!id || !*id) continue;
    auto repos = store->Repositories(**id);
    if (!repos) return Fail(repos.error());
    std::fputs(n.c_str(), stdout);
    for (const auto& r : *repos) std::fputs(("  " + r.location).c_str(), stdout);
    std::fputs("\n", stdout);
  }
  return 0;
}

int Run(int argc, char** argv) {
  CLI::App app{"oscm: open-source community maturity, from the evidence a community leaves"};
  app.require_subcommand(1);
  app.fallthrough();  // global flags (--db, -q) may follow the subcommand
  app.set_version_flag("--version", "oscm 0.1.0");
  GlobalOptions g;
  app.add_option("--db", g.db, "SQLite store (default: $OSCM_DB or ~/.local/share/oscm/oscm.db)")
      ->capture_default_str();
  app.add_flag("-q,--quiet", g.quiet, "no progress or summaries on stderr");

  IngestGitOptions ingest_opts;
  IdentityOptions identity_opts;
  auto* ingest = app.add_subcommand("ingest", "bring a source's evidence into the store");
  ingest->require_subcommand(1);
  ingest->fallthrough();
  auto* git = ingest->add_subcommand("git", "ingest git repositories (paths or clone URLs)");
  git->add_option("location", ingest_opts.locations, "repository path or URL")->required();
  git->add_option("-c,--community", ingest_opts.community, "community name (default: the repository's name)");
  git->add_option("--branch", ingest_opts.branch, "branch to walk (default: HEAD)");
  git->add_flag("--all-branches", ingest_opts.all_branches, "walk every branch (never refs/pull/*)");
  git->add_flag("--numstat", ingest_opts.numstat, "also store per-file line changes");
  git->add_option("--threads", ingest_opts.threads, "numstat threads (default: all cores)");
  git->add_option("--max-bad", ingest_opts.max_bad, "fail (storing nothing) when more bad records than this");
  AddIdentityFlags(git, &identity_opts);

  AssessOptions assess_opts;
  auto* assess = app.add_subcommand("assess", "metrics of communities (names, or paths/URLs to ingest first)");
  assess->add_option("target", assess_opts.targets, "community name, repository path or URL")->required();
  assess->add_option("--as-of", assess_opts.as_of, "evaluation date YYYY-MM-DD (default: today)");
  assess->add_option("--format", assess_opts.format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))->capture_default_str();
  assess->add_flag("--numstat", ingest_opts.numstat, "when ingesting, also store per-file line changes");
  AddIdentityFlags(assess, &identity_opts);

  std::string metrics_format = "table";
  auto* metrics_cmd = app.add_subcommand("metrics", "list the registered metrics");
  metrics_cmd->add_option("--format", metrics_format, "table, markdown or json")
      ->check(CLI::IsMember({"table", "markdown", "json"}));
  auto* communities = app.add_subcommand("communities", "list the communities in the store");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  std::signal(SIGINT, OnSigint);
  std::signal(SIGTERM, OnSigint);
  if (*git) return CmdIngestGit(g, ingest_opts, identity_opts);
  if (*assess) return CmdAssess(g, assess_opts, ingest_opts, identity_opts);
  if (*metrics_cmd) return CmdMetrics(metrics_format);
  if (*communities) return CmdCommunities(g);
  return 2;
}

}  // namespace
}  // namespace oscm::cli

int main(int argc, char** argv) {
  try {
    return oscm::cli::Run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "error: out of memory\n");
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: internal: %s\n", e.what());
    return 1;
  }
}
