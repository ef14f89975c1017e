// oscm command line: the only code that prints, reads flags or sets exit codes.
//
// Exit codes: 0 ok, 1 runtime or data error, 2 usage error, 3 invalid model, 130 interrupted.

#include <semaphore.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <thread>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/completion.h"

namespace oscm::cli {
namespace {

// Posted by the first SIGINT/SIGTERM for the watchdog (sem_post is async-signal-safe).
sem_t g_interrupt_posted;

// How long interrupted work has to roll back and return before the watchdog ends the process.
constexpr std::chrono::seconds kInterruptGrace{3};

extern "C" void OnSigint(int) {
  g_interrupted.store(true);
  // A second Ctrl-C ends the process at once; the open transaction is rolled back by SQLite.
  std::signal(SIGINT, SIG_DFL);
  sem_post(&g_interrupt_posted);
}

// Ends the process kInterruptGrace after the first SIGINT/SIGTERM, whatever it is doing: work
// that never looks at g_interrupted (a blocking read, a loop inside a library) cannot keep it
// alive. Ending it then is as safe for the store as a crash: SQLite rolls back what was not
// committed.
void StartInterruptWatchdog() {
  sem_init(&g_interrupt_posted, 0, 0);
  std::thread([] {
    while (sem_wait(&g_interrupt_posted) != 0) {
    }
    std::this_thread::sleep_for(kInterruptGrace);
    const std::string message = std::string(kInterruptedMessage) + "\n";
    (void)!write(STDERR_FILENO, message.data(), message.size());
    _exit(130);
  }).detach();
}


int Run(int argc, char** argv) {
  CLI::App app{"oscm: open-source community maturity, from the evidence a community leaves"};
  app.require_subcommand(1);
  app.fallthrough();  // global flags (--db, -q) may follow the subcommand
  app.set_version_flag("--version", "oscm 0.1.0");
  GlobalOptions g;
  app.add_option("--db", g.db, "SQLite store (default: $OSCM_DB or ~/.local/share/oscm/oscm.db)")
      ->capture_default_str()
      ->check([](const std::string& path) { return path.empty() ? std::string("the store path is empty") : ""; });
  app.add_option("--wait", g.wait_seconds, "seconds to wait for another oscm process writing the store")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_flag("-q,--quiet", g.quiet, "no progress or summaries on stderr");

  IngestGitOptions ingest_opts;
  IdentityOptions identity_opts;
  auto* ingest = app.add_subcommand("ingest", "bring a source's evidence into the store");
  ingest->require_subcommand(1);
  ingest->fallthrough();
  auto* git = ingest->add_subcommand("git", "ingest git repositories (paths or clone URLs)");
  git->add_option("location", ingest_opts.locations, "repository path or URL")->required();
  git->add_option("-c,--community", ingest_opts.community, "community name (default: the remote's owner/name, else the folder's name)");
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

  std::vector<std::string> profile_files;
  auto* profile = ingest->add_subcommand("profile", "ingest community profiles (TOML: vendors, offerings, adopters, ...)");
  profile->add_option("file", profile_files, "profile files")->required()->check(CLI::ExistingFile);

  GitHubOptions github_opts;
  IngestGitHubOptions gh_opts;
  auto* gh = ingest->add_subcommand("github", "ingest stars, issues, pull requests and releases from the GitHub API");
  gh->add_option("repo", gh_opts.repos, "OWNER/REPO or https://github.com/OWNER/REPO")->required();
  gh->add_option("-c,--community", gh_opts.community, "community name (default: the community it is tracked for, else OWNER/NAME)");
  AddGitHubFlags(gh, &github_opts);
  gh->add_option("--bots", identity_opts.bots, "extra bot names ('!name' marks a person)")->check(CLI::ExistingFile);

  GiteeOptions gitee_opts;
  std::vector<std::string> gitee_repos;
  std::string gitee_community;
  auto* gitee = ingest->add_subcommand("gitee", "ingest stars, forks, issues, pull requests, comments, releases and "
                                                "contributors from Gitee's API (v5)");
  gitee->add_option("repo", gitee_repos, "OWNER/REPO or https://gitee.com/OWNER/REPO")->required();
  gitee->add_option("-c,--community", gitee_community, "community name (default: the community it is tracked for, else OWNER/NAME)");
  gitee->add_option("--api-url", gitee_opts.api_url, "Gitee API root")->capture_default_str();
  gitee->add_option("--token-env", gitee_opts.token_env, "environment variable holding the Gitee token (default: GITEE_TOKEN)");
  gitee->add_flag("--no-wait", gitee_opts.no_wait, "stop (keeping what was fetched) instead of waiting out a rate limit");
  gitee->add_option("--bots", identity_opts.bots, "extra bot names ('!name' marks a person)")->check(CLI::ExistingFile);

  IngestPackagesOptions pkg_opts;
  auto* pkgs = ingest->add_subcommand(
      "packages", "ingest downloads and dependents of the packages communities publish (npm, PyPI, crates.io, "
                  "Docker Hub, deps.dev, ecosyste.ms)");
  pkgs->add_option("community", pkg_opts.communities, "community names");
  pkgs->add_option("--landscape", pkg_opts.landscape, "every community of a landscape file, with its `packages`")
      ->check(CLI::ExistingFile);
  pkgs->add_option("--package", pkg_opts.packages, "a package the community publishes, ECOSYSTEM:NAME (repeatable; "
                                                   "npm, pypi, cargo, docker, go, maven)");
  pkgs->add_flag("--no-discover", pkg_opts.no_discover,
                 "do not look for packages in the repositories' manifests (package.json, Cargo.toml, ...)");
  pkgs->add_option("--since", pkg_opts.since, "first day of npm download history, YYYY-MM-DD (default: 3 years ago)");
  pkgs->add_flag("--refresh", pkg_opts.refresh, "fetch everything again, however recently fetched");
  pkgs->add_option("--max-age-hours", pkg_opts.max_age_hours, "figures fetched more recently are not fetched again")
      ->capture_default_str()->check(CLI::NonNegativeNumber);
  pkgs->add_flag("--no-wait", pkg_opts.no_wait, "stop (keeping what was fetched) instead of waiting out a rate limit");
  pkgs->add_option("--registry-url", pkg_opts.registry_urls,
                   "NAME=URL: another API root for npm, pypistats, crates, dockerhub, depsdev or ecosystems");
  pkgs->add_option("--contact", pkg_opts.contact, "an e-mail or URL for the User-Agent (crates.io asks crawlers for one)");

  AssessOptions assess_opts;
  auto* assess = app.add_subcommand(
      "assess", "stage, scores, gaps and metrics of communities (names, or paths/URLs to ingest first)");
  assess->add_option("target", assess_opts.targets, "community name, repository path or URL")->required();
  assess->add_option("--as-of", assess_opts.as_of, "evaluation date YYYY-MM-DD (default: today)");
  assess->add_option("--format", assess_opts.format,
                     "table, json, csv (a row per community) or csv-months (a row per community and month)")
      ->check(CLI::IsMember({"table", "json", "csv", "csv-months"}))->capture_default_str();
  assess->add_flag("--numstat", ingest_opts.numstat, "when ingesting, also store per-file line changes");
  assess->add_option("--model", assess_opts.model, "maturity model file (default: the built-in models/default.toml)");
  assess->add_option("--lang", assess_opts.lang, "table language: en or zh")->check(CLI::IsMember({"en", "zh"}));
  assess->add_option("--github", assess_opts.github,
                     "also fetch this repository's GitHub API data, OWNER/REPO (automatic for github.com URLs)");
  AddGitHubFlags(assess, &github_opts);
  assess->add_option("--gitee", assess_opts.gitee,
                     "also fetch this repository's Gitee API data, OWNER/REPO (automatic for gitee.com URLs)");
  assess->add_option("--gitee-api-url", github_opts.gitee.api_url, "Gitee API root, for gitee.com repositories")
      ->capture_default_str();
  assess->add_option("--gitee-token-env", github_opts.gitee.token_env,
                     "environment variable holding the Gitee token (default: GITEE_TOKEN)");
  AddIdentityFlags(assess, &identity_opts);

  LandscapeOptions landscape_opts;
  auto* landscape = app.add_subcommand("landscape", "evaluate a domain's communities against each other (quadrant, stages)");
  landscape->add_option("file", landscape_opts.file, "landscape file (TOML)")->required();
  landscape->add_option("--as-of", assess_opts.as_of, "evaluation date YYYY-MM-DD (default: today)");
  landscape->add_option("--format", assess_opts.format,
                        "table, json, csv (a row per community) or csv-months (a row per community and month)")
      ->check(CLI::IsMember({"table", "json", "csv", "csv-months"}));
  landscape->add_option("--model", assess_opts.model, "maturity model file (default: the built-in one)");
  landscape->add_option("--lang", assess_opts.lang, "table language: en or zh")->check(CLI::IsMember({"en", "zh"}));
  landscape->add_flag("--update", landscape_opts.update, "also fetch and walk repositories already in the store");
  AddIdentityFlags(landscape, &identity_opts);

  ReportOptions report_opts;
  auto* report = app.add_subcommand("report", "write a self-contained HTML report (communities, or --landscape FILE)");
  report->add_option("community", assess_opts.targets, "community names, repository paths or URLs");
  report->add_option("--landscape", report_opts.landscape.file, "a landscape file instead of communities");
  report->add_option("--out", report_opts.out, "directory to write index.html into")->required();
  report->add_option("--as-of", assess_opts.as_of, "evaluation date YYYY-MM-DD (default: today)");
  report->add_option("--model", assess_opts.model, "maturity model file (default: the built-in one)");
  report->add_option("--lang", assess_opts.lang, "report language: en or zh")->check(CLI::IsMember({"en", "zh"}));
  AddIdentityFlags(report, &identity_opts);

  ChartOptions chart_opts;
  auto* chart = app.add_subcommand("chart", "draw one chart as SVG, PNG or PDF (by --out's extension)");
  chart->add_option("kind", chart_opts.kind, "quadrant, timeline, series, flywheel, rings, funnel, radar or scores")
      ->required()->check(CLI::IsMember({"quadrant", "timeline", "series", "flywheel", "rings", "funnel", "radar", "scores"}));
  chart->add_option("community", assess_opts.targets, "community names, repository paths or URLs");
  chart->add_option("--landscape", chart_opts.report.landscape.file, "a landscape file instead of communities");
  chart->add_option("--metric", chart_opts.metric, "series: the metric to draw")->capture_default_str();
  chart->add_option("--out", chart_opts.report.out, "FILE.svg, FILE.png or FILE.pdf")->required();
  chart->add_option("--as-of", assess_opts.as_of, "evaluation date YYYY-MM-DD (default: today)");
  chart->add_option("--model", assess_opts.model, "maturity model file (default: the built-in one)");
  chart->add_option("--lang", assess_opts.lang, "chart language: en or zh")->check(CLI::IsMember({"en", "zh"}));
  chart->add_option("--size", chart_opts.size,
                    "16:9, 4:3 or 1:1 (slides: 1920x1080 PNG, 960x540 pt PDF for 16:9) or WIDTHxHEIGHT (pixels for PNG/SVG, points for PDF)");
  chart->add_option("--title", chart_opts.title, "the chart's title (default: what it shows and of whom)");
  AddIdentityFlags(chart, &identity_opts);

  std::vector<std::string> model_files;
  auto* model_cmd = app.add_subcommand("model", "work with maturity model files");
  model_cmd->require_subcommand(1);
  auto* model_check = model_cmd->add_subcommand("check", "validate model files (exit 3 when one is invalid)");
  model_check->add_option("file", model_files, "model files")->required();
  auto* model_show = model_cmd->add_subcommand(
      "show", "print the built-in model as TOML, to edit and use with --model (oscm model show > my-model.toml)");
  CalibrateOptions calibrate_opts;
  auto* calibrate = model_cmd->add_subcommand(
      "calibrate", "check a model against foundations' dated verdicts (CSV: repository,foundation,date,verdict,rank)");
  calibrate->add_option("verdicts", calibrate_opts.verdicts, "verdicts CSV file")->required()->check(CLI::ExistingFile);
  calibrate->add_option("--model", calibrate_opts.model, "model file (default: the built-in one)");
  calibrate->add_option("--format", calibrate_opts.format, "table or json")->check(CLI::IsMember({"table", "json"}));
  calibrate->add_option("--fit", calibrate_opts.fit, "write a model with fitted thresholds to this file (never the one in use)");
  calibrate->add_option("--folds", calibrate_opts.folds, "folds of the cross-validation behind --fit")->capture_default_str();
  calibrate->add_option("--resamples", calibrate_opts.resamples, "bootstrap resamples for the intervals")
      ->capture_default_str()->check(CLI::Range(100, 100000));
  calibrate->add_option("--subset", calibrate_opts.subset, "all, train (70% of the repositories) or test (the other 30%)")
      ->check(CLI::IsMember({"all", "train", "test"}))->capture_default_str();
  calibrate->add_option("--foundation", calibrate_opts.foundations, "only these foundations (repeatable)");
  calibrate->add_option("--exclude", calibrate_opts.exclude, "leave out this repository, owner/name (repeatable)");
  calibrate->add_option("--clone-root", calibrate_opts.clone_root, "directory of clones (owner+name/repo or owner/name) to ingest missing repositories from");
  calibrate->add_flag("--clone", calibrate_opts.clone, "clone missing repositories from GitHub");
  calibrate->add_flag("--skip-missing", calibrate_opts.skip_missing, "calibrate on the rows whose repositories are there");
  calibrate->add_option("--samples", calibrate_opts.samples, "also write every row's stage, scores and metrics to this CSV");
  AddIdentityFlags(calibrate, &identity_opts);

  std::string metrics_format = "table";
  auto* metrics_cmd = app.add_subcommand("metrics", "list the registered metrics");
  metrics_cmd->add_option("--format", metrics_format, "table, markdown, json or csv")
      ->check(CLI::IsMember({"table", "markdown", "json", "csv"}));
  auto* communities = app.add_subcommand("communities", "list the communities in the store (or rename or remove one)");
  std::vector<std::string> community_names;
  auto* rename = communities->add_subcommand("rename", "rename a community: oscm communities rename OLD NEW");
  rename->add_option("names", community_names, "OLD NEW")->required()->expected(2);
  auto* remove = communities->add_subcommand("remove", "remove a community and every row of its own");
  remove->add_option("name", community_names, "community name")->required()->expected(1);

  std::string completion_shell;
  auto* completion = app.add_subcommand("completion", "print a shell completion script: oscm completion bash > "
                                                      "~/.local/share/bash-completion/completions/oscm");
  completion->add_option("shell", completion_shell, "bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));

  std::string orgs_community;
  AssessOptions orgs_opts;
  auto* orgs = app.add_subcommand("orgs", "a community's organisations: kind, people, commits and the rule that decided each");
  orgs->add_option("community", orgs_community, "community name")->required();
  orgs->add_option("--as-of", orgs_opts.as_of, "end of the 12-month window YYYY-MM-DD (default: today)");
  orgs->add_option("--format", orgs_opts.format, "table or json")->check(CLI::IsMember({"table", "json"}));

  std::string history_community, history_format = "table";
  auto* history = app.add_subcommand("history", "how a community's stage and scores moved: every assessment kept");
  history->add_option("community", history_community, "community name")->required();
  history->add_option("--format", history_format, "table, json or csv")->check(CLI::IsMember({"table", "json", "csv"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  StartInterruptWatchdog();
  std::signal(SIGINT, OnSigint);
  std::signal(SIGTERM, OnSigint);
  if (*git) return CmdIngestGit(g, ingest_opts, identity_opts);
  if (*gha) return CmdIngestGhArchive(g, gha_opts, identity_opts);
  if (*profile) return CmdIngestProfile(g, profile_files);
  if (*gh) return CmdIngestGitHub(g, gh_opts, github_opts, identity_opts);
  if (*pkgs) return CmdIngestPackages(g, pkg_opts);
  if (*gitee) return CmdIngestGitee(g, gitee_repos, gitee_community, gitee_opts, identity_opts);
  if (*assess) return CmdAssess(g, assess_opts, ingest_opts, github_opts, identity_opts);
  if (*landscape) return CmdLandscape(g, landscape_opts, assess_opts, ingest_opts, identity_opts);
  if (*report) return CmdReport(g, report_opts, assess_opts, ingest_opts, github_opts, identity_opts);
  if (*chart) return CmdChart(g, chart_opts, assess_opts, ingest_opts, github_opts, identity_opts);
  if (*model_check) return CmdModelCheck(model_files);
  if (*model_show) return CmdModelShow();
  if (*calibrate) return CmdModelCalibrate(g, calibrate_opts, identity_opts);
  if (*metrics_cmd) return CmdMetrics(metrics_format);
  if (*rename) return CmdRenameCommunity(g, community_names[0], community_names[1]);
  if (*remove) return CmdRemoveCommunity(g, community_names[0]);
  if (*communities) return CmdCommunities(g);
  if (*completion) {
    std::fputs(CompletionScript(app, completion_shell).c_str(), stdout);
    return 0;
  }
  if (*orgs) return CmdOrgs(g, orgs_community, orgs_opts);
  if (*history) return CmdHistory(g, history_community, history_format);
  return 2;
}
}  // namespace
}  // namespace oscm::cli

int main(int argc, char** argv) {
  try {
    return oscm::cli::Run(argc, argv);
  } catch (const std::bad_alloc&) {
    oscm::cli::Printf(stderr, "error: out of memory\n");
    return 1;
  } catch (const std::exception& e) {
    oscm::cli::Printf(stderr, "error: internal: %s\n", e.what());
    return 1;
  }
}
