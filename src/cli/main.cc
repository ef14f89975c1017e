// oscm command line: the only code that prints, reads flags or sets exit codes.
//
// Exit codes: 0 ok, 1 runtime or data error, 2 usage error, 3 invalid model, 130 interrupted.

#include <csignal>
#include <cstdio>
#include <exception>
#include <new>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/commands.h"

namespace oscm::cli {
namespace {

extern "C" void OnSigint(int) {
  g_interrupted.store(true);
  // A second Ctrl-C ends the process at once; the open transaction is rolled back by SQLite.
  std::signal(SIGINT, SIG_DFL);
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

  IngestGhArchiveOptions gha_opts;
  auto* gha = ingest->add_subcommand("gharchive", "ingest GH Archive hourly files (.json.gz or .json) for tracked repositories");
  gha->add_option("path", gha_opts.paths, "files, or directories searched for *.json.gz and *.json")->required();
  gha->add_option("-c,--community", gha_opts.communities,
                  "track repositories for a community: NAME=owner/repo[,owner/repo...] (repeatable)");
  gha->add_option("--landscape", gha_opts.landscape, "track the GitHub repositories of a landscape file's communities")
      ->check(CLI::ExistingFile);
  gha->add_option("--max-bad-lines", gha_opts.max_bad_lines, "fail a file (storing nothing of it) with more bad lines than this");
  gha->add_flag("--all-repos", gha_opts.all_repos,
                "also keep every repository's monthly aggregates (gh_repo_months), for percentiles against all of GitHub");
  gha->add_flag("--mpi", gha_opts.mpi, "one rank of an MPI job: mpirun -np N oscm ingest gharchive FILES... --mpi");
  gha->add_option("--bots", identity_opts.bots, "extra bot names ('!name' marks a person)")->check(CLI::ExistingFile);

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
  if (*gha) return CmdIngestGhArchive(g, gha_opts, identity_opts);
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
