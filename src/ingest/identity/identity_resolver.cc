#include "ingest/identity/identity_resolver.h"

#include <fmt/format.h>

#include "ingest/identity/person.h"

namespace oscm::ingest {

Result<ResolvedIds> IdentityResolver::Resolve(const PersonRef& person, int64_t time) {
  std::string key;
  key.reserve(person.name.size() + person.email.size() + 1);
  key.append(person.name).push_back('\0');
  key.append(person.email);
  if (auto it = cache_.find(key); it != cache_.end()) {
    ResolvedIds ids = it->second.ids;
    if (it->second.static_org) {
      ids.org_id = *it->second.static_org;
    } else {
      OSCM_ASSIGN_OR_RETURN(ids.org_id, OrganisationOf(ids.identity_id, it->second.email, time));
    }
    return ids;
  }
  const ResolvedPerson p = ResolvePerson(person);
  store::IdentityRow row;
  row.key = p.key;
  row.name = p.name;
  row.email = p.email;
  row.login = p.login;
  row.is_bot = bots_.IsBot(p.name, p.email, p.login.value_or(""));
  ResolvedIds ids;
  ids.is_bot = row.is_bot;
  ids.malformed = p.malformed;
  OSCM_ASSIGN_OR_RETURN(ids.identity_id, writer_.IdentityId(row, person.name, person.email));
  OSCM_ASSIGN_OR_RETURN(ids.org_id, OrganisationOf(ids.identity_id, p.email, time));
  Cached cached{ids, p.email, std::nullopt};
  if (!affiliations_.HasDatedPeriods(p.email)) cached.static_org = ids.org_id;
  cache_.emplace(std::move(key), std::move(cached));
  return ids;
}

Result<int64_t> IdentityResolver::OrganisationOf(int64_t identity_id, const std::string& email, int64_t time) {
  const OrgRef org = affiliations_.Resolve(email, time);
  OSCM_ASSIGN_OR_RETURN(const int64_t org_id, writer_.OrganisationId(org.name, OrgKindName(org.kind)));
  OSCM_RETURN_IF_ERROR(writer_.RecordIdentityOrg(identity_id, org_id, OrgRuleName(org.rule), org.source));
  return org_id;
}

std::string IdentityResolver::Digest() const {
  // FNV-1a, 64 bit: stable across platforms and releases, unlike std::hash.
  uint64_t h = 1469598103934665603ull;
  for (const std::string& part : {bots_.Fingerprint(), affiliations_.Fingerprint()}) {
    for (unsigned char c : part) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  }
  return fmt::format("{:016x}", h);
}

Status IdentityResolver::Reresolve(store::SqliteDb& db, int64_t repo_id) {
  OSCM_ASSIGN_OR_RETURN(auto select, db.Prepare(
      "SELECT cc.commit_id, cc.identity_id, cc.role, i.name, i.email, i.login, c.author_time "
      "FROM commit_contributors cc JOIN identities i ON i.id = cc.identity_id "
      "JOIN commits c ON c.id = cc.commit_id WHERE c.repo_id = ?"));
  OSCM_ASSIGN_OR_RETURN(auto update_cc, db.Prepare(
      "UPDATE commit_contributors SET org_id = ? WHERE commit_id = ? AND identity_id = ? AND role = ?"));
  OSCM_ASSIGN_OR_RETURN(auto update_commit, db.Prepare("UPDATE commits SET org_id = ? WHERE id = ?"));
  OSCM_ASSIGN_OR_RETURN(auto update_bot, db.Prepare("UPDATE identities SET is_bot = ? WHERE id = ?"));
  // The rules recorded for these identities are recorded again below, under the new configuration.
  OSCM_ASSIGN_OR_RETURN(auto forget, db.Prepare(
      "DELETE FROM identity_orgs WHERE identity_id IN (SELECT cc.identity_id FROM commit_contributors cc "
      "JOIN commits c ON c.id = cc.commit_id WHERE c.repo_id = ?)"));
  forget.Bind(1, repo_id);
  OSCM_RETURN_IF_ERROR(forget.Run());
  writer_.ForgetIdentityOrgs();
  select.Bind(1, repo_id);
  struct Row {
    int64_t commit_id;
    int64_t identity_id;
    std::string role;
    int64_t org_id;
    bool is_bot;
  };
  std::vector<Row> rows;
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool has, select.Step());
    if (!has) break;
    Row r;
    r.commit_id = select.ColumnInt(0);
    r.identity_id = select.ColumnInt(1);
    r.role = select.ColumnText(2);
    const std::string name = select.ColumnText(3);
    const std::string email = select.ColumnText(4);
    const std::string login = select.ColumnText(5);
    OSCM_ASSIGN_OR_RETURN(r.org_id, OrganisationOf(r.identity_id, email, select.ColumnInt(6)));
    r.is_bot = bots_.IsBot(name, email, login);
    rows.push_back(std::move(r));
  }
  for (const Row& r : rows) {
    update_cc.Bind(1, r.org_id).Bind(2, r.commit_id).Bind(3, r.identity_id).Bind(4, std::string_view(r.role));
    OSCM_RETURN_IF_ERROR(update_cc.Run());
    if (r.role == "author") {
      update_commit.Bind(1, r.org_id).Bind(2, r.commit_id);
      OSCM_RETURN_IF_ERROR(update_commit.Run());
    }
    update_bot.Bind(1, int64_t{r.is_bot}).Bind(2, r.identity_id);
    OSCM_RETURN_IF_ERROR(update_bot.Run());
  }
  return Status::Ok();
}

}  // namespace oscm::ingest
