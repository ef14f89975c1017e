// IdentityResolver: turns a raw person seen at a time into store ids — the identity (with its
// bot flag) and the organisation it belonged to then.
//
// Combines person keys (person.h), the bot list and the affiliation resolver, and writes through
// an ActivityWriter. Digest() identifies the bot list and affiliation data in force, so rows
// written under another configuration can be re-resolved (Reresolve). Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "ingest/identity/affiliation.h"
#include "ingest/identity/bots.h"
#include "oscm/records.h"
#include "store/activity_writer.h"

namespace oscm::ingest {

struct ResolvedIds {
  int64_t identity_id = 0;
  int64_t org_id = 0;
  bool is_bot = false;
  bool malformed = false;
};

class IdentityResolver {
 public:
  IdentityResolver(const BotList& bots, const AffiliationResolver& affiliations,
                   store::ActivityWriter& writer)
      : bots_(bots), affiliations_(affiliations), writer_(writer) {}

  Result<ResolvedIds> Resolve(const PersonRef& person, int64_t time);

  // Hex digest of the bot list and affiliation data.
  std::string Digest() const;

  // Recomputes the organisation of every contributor row and commit of `repo_id`, and the bot
  // flag of their identities, under the current configuration.
  Status Reresolve(store::SqliteDb& db, int64_t repo_id);

 private:
  // The organisation of `email` at `time`, recording the rule that decided it for the identity.
  Result<int64_t> OrganisationOf(int64_t identity_id, const std::string& email, int64_t time);

  const BotList& bots_;
  const AffiliationResolver& affiliations_;
  store::ActivityWriter& writer_;

  // Per raw "name\0email": the resolved identity, and its organisation when that does not depend
  // on the date (no dated affiliation periods). A history repeats the same few thousand people,
  // so this turns most resolutions into one hash lookup.
  struct Cached {
    ResolvedIds ids;
    std::string email;
    std::optional<int64_t> static_org;
  };
  std::unordered_map<std::string, Cached> cache_;
};

}  // namespace oscm::ingest
