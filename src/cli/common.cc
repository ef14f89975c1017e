// Shared by the commands: default paths, error printing, identity flags.
#include <cstdio>
#include <cstdlib>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.h"

namespace oscm::cli {

std::atomic<bool> g_interrupted{false};

namespace {

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::string(v) : fallback;
}

}  // namespace

std::string DefaultDbPath() {
  const std::string home = EnvOr("HOME", ".");
  const std::string data = EnvOr("XDG_DATA_HOME", home + "/.local/share");
  return EnvOr("OSCM_DB", data + "/oscm/oscm.db");
}

std::string DefaultCacheDir() {
  const std::string home = EnvOr("HOME", ".");
  return EnvOr("XDG_CACHE_HOME", home + "/.cache") + "/oscm/repos";
}

Result<store::Store> OpenStore(const GlobalOptions& g) {
  store::WaitOptions wait;
  wait.timeout_ms = g.wait_seconds * 1000;
  wait.cancel = &g_interrupted;
  if (!g.quiet) wait.on_wait = [](const std::string& message) { Printf(stderr, "oscm: %s\n", message.c_str()); };
  return store::Store::Open(g.db, wait);
}

int Fail(const Status& s) {
  if (s.code() == StatusCode::kCancelled) {
    Printf(stderr, "%s\n", kInterruptedMessage);
    return 130;
  }
  Printf(stderr, "error: %s\n", s.message().c_str());
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

}  // namespace oscm::cli
