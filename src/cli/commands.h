// The oscm commands: option structs filled by the flag parser in main.cc, and one function per
// command. Only src/cli prints or chooses exit codes.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "ingest/git/git_ingest.h"
#include "ingest/identity/affiliation.h"
#include "ingest/identity/bots.h"
#include "oscm/status.h"
#include "store/store.h"

namespace CLI {
class App;
}  // namespace CLI

namespace oscm::cli {

// Set by the SIGINT/SIGTERM handler; long-running work polls it and rolls back.
extern std::atomic<bool> g_interrupted;

std::string DefaultDbPath();    // $OSCM_DB, else $XDG_DATA_HOME/oscm/oscm.db
std::string DefaultCacheDir();  // $XDG_CACHE_HOME/oscm/repos, for cloned URLs

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

struct IngestGhArchiveOptions {
  std::vector<std::string> paths;        // files or directories
  std::vector<std::string> communities;  // "name=owner/repo,owner/repo"
  std::string landscape;                 // a landscape file whose communities are tracked
  int64_t max_bad_lines = -1;
  bool all_repos = false;  // every repository's monthly aggregates
  bool mpi = false;        // one rank of `mpirun -np N oscm ... --mpi`
};

struct AssessOptions {
  std::vector<std::string> targets;
  std::string as_of;
  std::string format = "table";
};

// Prints the error chain and returns the exit code for it (1, or 130 when interrupted).
int Fail(const Status& s);

void AddIdentityFlags(CLI::App* cmd, IdentityOptions* o);
Status LoadIdentityConfig(const IdentityOptions& o, ingest::BotList* bots, ingest::AffiliationResolver* aff);

// Ingests one location and prints a one-line summary (unless quiet).
Result<ingest::GitIngestResult> RunIngestGit(store::Store& store, const std::string& location,
                                             const IngestGitOptions& o, const ingest::BotList& bots,
                                             const ingest::AffiliationResolver& aff, bool quiet);

int CmdIngestGit(const GlobalOptions& g, const IngestGitOptions& o, const IdentityOptions& io);
int CmdIngestGhArchive(const GlobalOptions& g, const IngestGhArchiveOptions& o, const IdentityOptions& io);
int CmdAssess(const GlobalOptions& g, const AssessOptions& o, const IngestGitOptions& ingest_opts,
              const IdentityOptions& io);
int CmdMetrics(const std::string& format);
int CmdCommunities(const GlobalOptions& g);

}  // namespace oscm::cli
