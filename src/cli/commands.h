// The oscm commands: option structs filled by the flag parser in main.cc, and one function per
// command. Only src/cli prints or chooses exit codes.
#pragma once

#include <atomic>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/git/git_ingest.h"
#include "ingest/gitee/gitee_ingest.h"
#include "ingest/github/github_ingest.h"
#include "ingest/identity/affiliation.h"
#include "ingest/identity/bots.h"
#include "oscm/model_spec.h"
#include "oscm/status.h"
#include "store/store.h"

namespace CLI {
class App;
}  // namespace CLI

namespace oscm::report {
enum class Lang;  // report/evaluation_report.h
}  // namespace oscm::report

namespace oscm::model {
struct CommunityEvaluation;  // model/evaluation.h
struct LandscapeEvaluation;
}  // namespace oscm::model

namespace oscm::cli {

// Set by the SIGINT/SIGTERM handler; long-running work polls it and rolls back. Work that has
// not returned a few seconds later is ended by a watchdog (main.cc), with the same message.
extern std::atomic<bool> g_interrupted;
inline constexpr char kInterruptedMessage[] =
    "oscm: interrupted; the unfinished work was rolled back (run it again to resume)";

std::string DefaultDbPath();    // $OSCM_DB, else $XDG_DATA_HOME/oscm/oscm.db
std::string DefaultCacheDir();  // $XDG_CACHE_HOME/oscm/repos, for cloned URLs

struct GlobalOptions {
  std::string db = DefaultDbPath();
  bool quiet = false;
  int64_t wait_seconds = 600;  // --wait: for another process writing the store
};

// Opens the store of --db. While another process writes it, waits --wait seconds at most (saying
// so on stderr unless quiet); Ctrl-C ends the wait.
Result<store::Store> OpenStore(const GlobalOptions& g);

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

struct IngestGhArchiveOptions {
  std::vector<std::string> paths;        // files or directories
  std::vector<std::string> communities;  // "name=owner/repo,owner/repo"
  std::string landscape;                 // a landscape file whose communities are tracked
  int64_t max_bad_lines = -1;
  bool all_repos = false;  // every repository's monthly aggregates
  bool mpi = false;        // one rank of `mpirun -np N oscm ... --mpi`
};

// How to reach Gitee's API (ingest gitee, and assess of a Gitee repository).
struct GiteeOptions {
  std::string api_url = "https://gitee.com/api/v5";
  std::string token_env;  // "" = GITEE_TOKEN, which may be unset
  bool no_wait = false;
};

// How to reach the GitHub API (ingest github, and assess of a GitHub repository); `gitee` for
// assess of a Gitee repository (its --no-wait is this one's).
struct GitHubOptions {
  std::string api_url = "https://api.github.com";
  std::string token_env;  // "" = GITHUB_TOKEN, which may be unset
  bool no_wait = false;
  GiteeOptions gitee;
  int profiles = 100;  // with a token: the public profiles of this many most active logins
};

struct IngestGitHubOptions {
  std::vector<std::string> repos;  // OWNER/REPO or https://github.com/OWNER/REPO
  std::string community;
};

struct IngestPackagesOptions {
  std::vector<std::string> communities;
  std::string landscape;              // a landscape file: its communities and their `packages`
  std::vector<std::string> packages;  // --package ECOSYSTEM:NAME
  bool no_discover = false;
  std::string since;                  // first day of npm history, YYYY-MM-DD
  bool refresh = false;               // fetch even what was fetched within --max-age-hours
  double max_age_hours = 24;
  bool no_wait = false;
  std::vector<std::string> registry_urls;  // NAME=URL
  std::string contact;                // added to the User-Agent, as crates.io asks of crawlers
};

struct AssessOptions {
  std::vector<std::string> targets;
  std::optional<std::string> as_of;  // as given; checked by ReadEvaluationOptions
  std::string format = "table";
  std::string github;  // OWNER/REPO whose GitHub data is fetched too (default: from a github.com URL)
  std::string gitee;   // OWNER/REPO whose Gitee data is fetched too (default: from a gitee.com URL)
  std::string model;   // a model file; "" for the built-in default
  std::string lang = "en";
};

struct LandscapeOptions {
  std::string file;
  bool update = false;  // also fetch/walk repositories already in the store
};

struct ReportOptions {
  LandscapeOptions landscape;  // file empty: the communities named in AssessOptions::targets
  std::string out;             // directory for index.html (a chart: the file, .svg, .png or .pdf)
};

struct ChartOptions {
  std::string kind;  // quadrant, timeline, series, flywheel, rings, funnel, radar, scores
  std::string metric = "contributors_active";  // for series
  std::string size;   // --size: 16:9, 4:3, 1:1 or WxH; "" = the chart's own
  std::string title;  // --title; "" = the chart's own
  ReportOptions report;
};

// Writes `text` to `out` (stdout or stderr) with control characters escaped (EscapeControls), so
// that names from data never reach the terminal raw; newlines stay, and with `styles` (colour
// output) so do oscm's own bold and reset. Every terminal output of the CLI goes through it.
void Print(std::FILE* out, std::string_view text, bool styles = false);
// Print of printf-style formatting.
void Printf(std::FILE* out, const char* format, ...) __attribute__((format(printf, 2, 3)));

// Prints the error chain and returns the exit code for it (1, or 130 when interrupted).
int Fail(const Status& s);

// The model named by --model, or the built-in default; FailModel prints a model error and returns
// 3 for an invalid model (1 when the file cannot be read).
Result<model::ModelSpec> LoadModelOption(const std::string& path);
int FailModel(const Status& s);
// --as-of and --model of an evaluating command: 0, or the exit code after printing the error
// (2 for a malformed date, 3 for an invalid model).
int ReadEvaluationOptions(const AssessOptions& o, std::optional<int64_t>* as_of, std::optional<model::ModelSpec>* model);
report::Lang TableLang(const AssessOptions& o);
// Colour only on a terminal, and never with NO_COLOR set.
bool ColorOutput();
// The width tables must fit: $COLUMNS, else the terminal's; 0 (no limit) when not a terminal.
size_t TerminalColumns();

void AddIdentityFlags(CLI::App* cmd, IdentityOptions* o);
Status LoadIdentityConfig(const IdentityOptions& o, ingest::BotList* bots, ingest::AffiliationResolver* aff);

// Ingests one location and prints a one-line summary (unless quiet).
Result<ingest::GitIngestResult> RunIngestGit(store::Store& store, const std::string& location,
                                             const IngestGitOptions& o, const ingest::BotList& bots,
                                             const ingest::AffiliationResolver& aff, bool quiet);

void AddGitHubFlags(CLI::App* cmd, GitHubOptions* o);

// Fetches the GitHub data of `repos` for `community` ("" = each repository's own, see
// IngestGitHub) and prints a summary per repository (unless quiet).
Result<std::vector<ingest::GitHubRepoResult>> RunIngestGitHub(store::Store& store,
                                                              const std::vector<std::string>& repos,
                                                              const std::string& community,
                                                              const GitHubOptions& o, const ingest::BotList& bots,
                                                              bool quiet);

int CmdIngestGit(const GlobalOptions& g, const IngestGitOptions& o, const IdentityOptions& io);
int CmdIngestGhArchive(const GlobalOptions& g, const IngestGhArchiveOptions& o, const IdentityOptions& io);
int CmdIngestProfile(const GlobalOptions& g, const std::vector<std::string>& files);
// Fetches the Gitee data of `repos` ("owner/name") for `community` ("" = each repository's own)
// and prints a summary per repository (unless quiet).
Result<std::vector<ingest::GiteeRepoResult>> RunIngestGitee(store::Store& store, const std::vector<std::string>& repos,
                                                            const std::string& community, const GiteeOptions& o,
                                                            const ingest::BotList& bots, bool quiet);
int CmdIngestGitee(const GlobalOptions& g, const std::vector<std::string>& repos, const std::string& community,
                   const GiteeOptions& o, const IdentityOptions& io);
int CmdIngestPackages(const GlobalOptions& g, const IngestPackagesOptions& o);
int CmdIngestGitHub(const GlobalOptions& g, const IngestGitHubOptions& o, const GitHubOptions& gh,
                    const IdentityOptions& io);
int CmdAssess(const GlobalOptions& g, const AssessOptions& o, const IngestGitOptions& ingest_opts,
              const GitHubOptions& gh, const IdentityOptions& io);
// Ingest what is missing and evaluate: the communities named (or paths/URLs) in o.targets, or a
// landscape file's communities against each other.
Result<std::vector<model::CommunityEvaluation>> EvaluateTargets(const GlobalOptions& g, const AssessOptions& o,
                                                                const IngestGitOptions& ingest_opts, const GitHubOptions& gh,
                                                                const IdentityOptions& io, const model::ModelSpec& model,
                                                                std::optional<int64_t> as_of);
Result<model::LandscapeEvaluation> EvaluateLandscapeFile(const GlobalOptions& g, const LandscapeOptions& lo,
                                                         const IngestGitOptions& ingest_opts, const IdentityOptions& io,
                                                         const model::ModelSpec& model, std::optional<int64_t> as_of);

struct CalibrateOptions {
  std::string verdicts;   // the CSV of verdicts
  std::string model;      // "" for the built-in one
  std::string format = "table";
  std::string fit;        // OUT.toml: propose thresholds, with k-fold held-out figures
  int folds = 5;
  int resamples = 1000;
  std::string subset = "all";  // all, train (70% of repositories), test (the other 30%)
  std::vector<std::string> foundations;
  std::vector<std::string> exclude;  // repositories left out (monorepos, moved projects)
  std::string clone_root;  // where clones of missing repositories are (owner+name/repo, owner/name)
  bool clone = false;      // clone missing repositories from GitHub
  bool skip_missing = false;
  std::string samples;  // write every row's evaluation (stage, scores, metrics) to this CSV
};

// Checks a model against foundations' dated verdicts (see model/calibration.h).
int CmdModelCalibrate(const GlobalOptions& g, const CalibrateOptions& o, const IdentityOptions& io);

// Keeps what each evaluation said in the store's assessment history (store/assessment_runs.h);
// `landscape` is the landscape's name, "" for communities assessed alone. A record that cannot be
// written is a warning: the assessment stands.
void KeepAssessments(store::Store& store, const model::ModelSpec& model,
                     const std::vector<const model::CommunityEvaluation*>& evaluations, const std::string& landscape);
// The kept assessments of a community (--format table, json or csv).
int CmdHistory(const GlobalOptions& g, const std::string& community, const std::string& format);

// The organisations of a community with the rules that decided them (--as-of, --format).
int CmdOrgs(const GlobalOptions& g, const std::string& community, const AssessOptions& o);
int CmdLandscape(const GlobalOptions& g, const LandscapeOptions& lo, const AssessOptions& o,
                 const IngestGitOptions& ingest_opts, const IdentityOptions& io);
int CmdReport(const GlobalOptions& g, const ReportOptions& ro, const AssessOptions& o, const IngestGitOptions& ingest_opts,
              const GitHubOptions& gh, const IdentityOptions& io);
int CmdChart(const GlobalOptions& g, const ChartOptions& co, const AssessOptions& o, const IngestGitOptions& ingest_opts,
             const GitHubOptions& gh, const IdentityOptions& io);
int CmdModelCheck(const std::vector<std::string>& files);
// Prints models/default.toml as built in, comments and all: `oscm model check` accepts it.
int CmdModelShow();
int CmdMetrics(const std::string& format);
int CmdCommunities(const GlobalOptions& g);
int CmdRenameCommunity(const GlobalOptions& g, const std::string& from, const std::string& to);
int CmdRemoveCommunity(const GlobalOptions& g, const std::string& name);

}  // namespace oscm::cli
