#include "metrics/activity.h"

#include <algorithm>
#include <climits>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "base/strings.h"
#include "ingest/git/semver.h"
#include "ingest/identity/org_evidence.h"
#include "store/gh_coverage.h"

namespace oscm::metrics {

namespace {

template <typename T>
std::span<const T> Slice(const std::vector<T>& v, const TimeWindow& w) {
  auto lo = std::lower_bound(v.begin(), v.end(), w.begin, [](const T& x, int64_t t) { return x.time < t; });
  auto hi = std::lower_bound(lo, v.end(), w.end, [](const T& x, int64_t t) { return x.time < t; });
  return std::span<const T>(&*v.begin() + (lo - v.begin()), static_cast<size_t>(hi - lo));
}

}  // namespace

std::span<const CommitFact> CommunityActivity::CommitsIn(const TimeWindow& w) const {
  if (commits.empty()) return {};
  return Slice(commits, w);
}

std::span<const ContributionFact> CommunityActivity::ContributionsIn(const TimeWindow& w) const {
  if (contributions.empty()) return {};
  return Slice(contributions, w);
}

std::span<const GhEventFact> CommunityActivity::GhEventsIn(const TimeWindow& w) const {
  if (gh_events.empty()) return {};
  return Slice(gh_events, w);
}

namespace {

std::string VersionText(const SemVer& v) {
  std::string s = fmt::format("{}.{}.{}", v.major, v.minor, v.patch);
  if (!v.prerelease.empty()) s += "-" + v.prerelease;
  return s;
}

// Events that record the same fact, whichever source stored them (GH Archive, the GitHub API)
// and however often: one star per actor, one opening, closing and merge per issue or pull
// request, one release per tag. "" for events that are never duplicates.
std::string FactKey(GhKind kind, int64_t repo_id, const std::string& actor, int64_t number, const std::string& tag) {
  switch (kind) {
    case GhKind::kStar:
      return actor.empty() ? "" : fmt::format("{} {} {}", static_cast<int>(kind), repo_id, AsciiLower(actor));
    case GhKind::kIssueOpened:
    case GhKind::kIssueClosed:
    case GhKind::kPrOpened:
    case GhKind::kPrMerged:
      return number == 0 ? "" : fmt::format("{} {} {}", static_cast<int>(kind), repo_id, number);
    case GhKind::kRelease:
      return tag.empty() ? "" : fmt::format("{} {} {}", static_cast<int>(kind), repo_id, tag);
    default:
      return "";
  }
}

Status LoadGhEvents(store::SqliteDb& db, int64_t community_id, CommunityActivity* a) {
  OSCM_ASSIGN_OR_RETURN(auto repos, db.Prepare("SELECT id, name FROM gh_repos WHERE community_id = ? ORDER BY name"));
  repos.Bind(1, community_id);
  std::unordered_map<int64_t, int32_t> repo_index;
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, repos.Step());
    if (!row) break;
    repo_index[repos.ColumnInt(0)] = static_cast<int32_t>(a->gh_repos.size());
    a->gh_repos.push_back(repos.ColumnText(1));
  }
  if (a->gh_repos.empty()) return Status::Ok();
  OSCM_ASSIGN_OR_RETURN(auto events, db.Prepare(
      "SELECT e.created_at, e.type, e.action, e.on_pull_request, e.merged, e.actor, e.actor_is_bot, "
      "e.repo_id, e.number, e.subject_author, e.subject_created_at, e.merged_at, e.release_tag, e.title, e.prerelease FROM gh_events e "
      "JOIN gh_repos r ON r.id = e.repo_id WHERE r.community_id = ? ORDER BY e.created_at, e.id"));
  events.Bind(1, community_id);
  std::unordered_map<std::string, int32_t> actor_index;
  std::unordered_set<std::string> facts;
  auto actor_of = [&](const std::string& login, int64_t time) -> int32_t {
    if (login.empty()) return -1;
    auto [it, inserted] = actor_index.emplace(AsciiLower(login), static_cast<int32_t>(a->gh_actors.size()));
    if (inserted) {
      a->gh_actors.push_back(login);
      a->gh_first_seen.push_back(time);
    } else if (a->gh_first_seen[static_cast<size_t>(it->second)] == INT64_MAX) {
      a->gh_first_seen[static_cast<size_t>(it->second)] = time;  // seen before only as an author
    }
    return it->second;
  };
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, events.Step());
    if (!row) break;
    GhEventFact e;
    e.time = events.ColumnInt(0);
    e.kind = GhKindOf(events.ColumnText(1), events.ColumnText(2), events.ColumnInt(3) != 0, events.ColumnInt(4) != 0);
    // Rows come in time order, so the earliest record of a fact is the one kept.
    const std::string fact = FactKey(e.kind, events.ColumnInt(7), events.ColumnText(5), events.ColumnInt(8), events.ColumnText(12));
    if (!fact.empty() && !facts.insert(fact).second) continue;
    if (events.ColumnInt(6) == 0) e.actor = actor_of(events.ColumnText(5), e.time);
    e.repo = repo_index[events.ColumnInt(7)];
    e.number = events.ColumnInt(8);
    const std::string subject_author = events.ColumnText(9);
    if (!subject_author.empty()) {
      auto it = actor_index.find(AsciiLower(subject_author));
      // An author seen only as a subject is not an active actor; keep -1 unless already known.
      e.subject_author = it == actor_index.end() ? -1 : it->second;
      if (e.subject_author < 0) {
        e.subject_author = static_cast<int32_t>(a->gh_actors.size());
        actor_index.emplace(AsciiLower(subject_author), e.subject_author);
        a->gh_actors.push_back(subject_author);
        a->gh_first_seen.push_back(INT64_MAX);  // first seen acting later, if ever
      }
    }
    e.subject_created_at = events.ColumnInt(10);
    e.merged_at = events.ColumnInt(11);
    if (e.kind == GhKind::kIssueOpened || e.kind == GhKind::kPrOpened) e.title_language = LanguageOfText(events.ColumnText(13));
    if (e.kind == GhKind::kRelease) {
      // GitHub releases name versions too, for repositories that are not cloned or do not tag.
      ReleaseFact r{e.time, events.ColumnText(12), "", events.ColumnInt(14) != 0, /*github=*/true};
      if (auto v = ingest::ParseVersionTag(r.tag)) {
        r.version = VersionText(*v);
        r.prerelease = r.prerelease || !v->prerelease.empty();
      }
      a->releases.push_back(std::move(r));
    }
    a->gh_events.push_back(e);
  }
  OSCM_ASSIGN_OR_RETURN(a->gh_archive_hours, store::CommunityGhCoverage(db, community_id));
  // The API lists stars, issues, pull requests, comments and releases from the repository's
  // creation to its snapshot; the community is covered where all its repositories are.
  OSCM_ASSIGN_OR_RETURN(auto api, db.Prepare(
      "SELECT s.created_at, s.fetched_at, (SELECT count(DISTINCT g.resource) FROM gh_sync g WHERE g.repo_id = r.id "
      "AND g.resource IN ('stargazers', 'issues', 'issue_comments', 'review_comments', 'releases')) "
      "FROM gh_repos r LEFT JOIN gh_repo_snapshots s ON s.repo_id = r.id WHERE r.community_id = ?"));
  api.Bind(1, community_id);
  TimeWindow listed{INT64_MIN, INT64_MAX};
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, api.Step());
    if (!row) break;
    if (api.ColumnIsNull(0) || api.ColumnInt(2) < 5) {
      listed = TimeWindow{0, 0};
      break;
    }
    listed.begin = std::max(listed.begin, api.ColumnInt(0));
    listed.end = std::min(listed.end, api.ColumnInt(1));
  }
  if (listed.begin < listed.end) a->gh_api_covered.push_back(listed);
  OSCM_ASSIGN_OR_RETURN(auto archived, db.Prepare(
      "SELECT count(*), coalesce(sum(s.archived), 0) FROM gh_repo_snapshots s JOIN gh_repos r ON r.id = s.repo_id "
      "WHERE r.community_id = ?"));
  archived.Bind(1, community_id);
  OSCM_ASSIGN_OR_RETURN(const bool row, archived.Step());
  a->archived = row && archived.ColumnInt(0) > 0 && archived.ColumnInt(0) == archived.ColumnInt(1);
  return Status::Ok();
}


Affiliation AffiliationOf(ingest::OrgKind kind) {
  switch (kind) {
    case ingest::OrgKind::kCompany: return Affiliation::kCompany;
    case ingest::OrgKind::kFoundation: return Affiliation::kFoundation;
    case ingest::OrgKind::kAcademic: return Affiliation::kAcademic;
    case ingest::OrgKind::kIndependent: return Affiliation::kIndependent;
    case ingest::OrgKind::kUnknown: return Affiliation::kUnknown;
  }
  return Affiliation::kUnknown;
}

// What each (identity, stored organisation) pair of a community counts as, after the evidence
// rules of ingest/identity/org_evidence.h.
class OrgDecisions {
 public:
  struct Counted {
    int32_t org = -1;
    Affiliation affiliation = Affiliation::kUnknown;
    int32_t link = -1;
  };
  Counted Of(int64_t identity_id, int64_t org_id) const {
    auto it = counted_.find({identity_id, org_id});
    return it == counted_.end() ? Counted{} : it->second;
  }
  std::map<std::pair<int64_t, int64_t>, Counted> counted_;
};

Result<OrgDecisions> DecideCommunityOrgs(store::SqliteDb& db, int64_t community_id, CommunityActivity* a) {
  ingest::OrgEvidence ev;
  // Every (identity, organisation) pair of the community's commits, with the rule recorded for it.
  OSCM_ASSIGN_OR_RETURN(auto links, db.Prepare(
      "SELECT DISTINCT cc.identity_id, cc.org_id, COALESCE(io.rule, ''), COALESCE(io.source, ''), "
      "o.name, o.kind, i.name, COALESCE(i.login, ''), COALESCE(p.company, '') "
      "FROM commit_contributors cc JOIN commits c ON c.id = cc.commit_id JOIN repositories r ON r.id = c.repo_id "
      "JOIN organisations o ON o.id = cc.org_id JOIN identities i ON i.id = cc.identity_id "
      "LEFT JOIN identity_orgs io ON io.identity_id = cc.identity_id AND io.org_id = cc.org_id "
      "LEFT JOIN gh_profiles p ON i.login IS NOT NULL AND p.login = lower(i.login) "
      "WHERE r.community_id = ? AND cc.role IN ('author', 'coauthor') AND i.is_bot = 0 ORDER BY 1, 2"));
  links.Bind(1, community_id);
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, links.Step());
    if (!row) break;
    const int64_t identity = links.ColumnInt(0), org = links.ColumnInt(1);
    ev.links.push_back(ingest::OrgLink{identity, org, links.ColumnText(2), links.ColumnText(3)});
    ev.orgs[org] = ingest::StoredOrg{links.ColumnText(4), ingest::OrgKindFromName(links.ColumnText(5))};
    ev.people[identity] = ingest::OrgPerson{links.ColumnText(6), AsciiLower(links.ColumnText(7)), links.ColumnText(8)};
  }
  const auto decided = ingest::DecideOrganisations(ev);
  // Organisation indexes in name order, so that they do not depend on the store's row ids.
  std::map<std::string, int32_t> names;
  for (const auto& [key, d] : decided) {
    if (d.kind == ingest::OrgKind::kCompany || d.kind == ingest::OrgKind::kFoundation ||
        d.kind == ingest::OrgKind::kAcademic) {
      names.emplace(d.name, 0);
    }
  }
  for (auto& [name, index] : names) {
    index = static_cast<int32_t>(a->orgs.size());
    a->orgs.push_back(name);
  }
  OrgDecisions out;
  for (const auto& [key, d] : decided) {
    OrgDecisions::Counted c;
    c.affiliation = AffiliationOf(d.kind);
    if (auto it = names.find(d.name); it != names.end()) c.org = it->second;
    c.link = static_cast<int32_t>(a->org_links.size());
    a->org_links.push_back(OrgLinkFact{ev.orgs[key.second].name, d.name, c.affiliation, d.rule, d.evidence});
    out.counted_.emplace(key, c);
  }
  return out;
}

}  // namespace

std::vector<VersionRelease> ReleasedVersions(const std::vector<ReleaseFact>& releases) {
  std::map<std::string, int64_t> finals;  // version -> first date
  struct Candidates {
    int64_t last = 0;
  };
  std::map<std::string, Candidates> candidates;  // base version -> last candidate
  for (const auto& r : releases) {
    if (r.version.empty()) continue;
    const size_t dash = r.version.find('-');
    if (!r.prerelease || dash == std::string::npos) {
      finals.emplace(r.version.substr(0, dash), r.time);  // time order: the first one stays
      continue;
    }
    const std::string label = AsciiLower(r.version.substr(dash + 1));
    if (!StartsWith(label, "rc") && !StartsWith(label, "cr")) continue;
    Candidates& c = candidates[r.version.substr(0, dash)];
    c.last = std::max(c.last, r.time);
  }
  std::vector<VersionRelease> out;
  for (const auto& [version, time] : finals) out.push_back(VersionRelease{time, version, false});
  for (const auto& [version, c] : candidates) {
    if (finals.count(version) == 0) out.push_back(VersionRelease{c.last, version, true});
  }
  std::sort(out.begin(), out.end(), [](const VersionRelease& a, const VersionRelease& b) {
    return a.time != b.time ? a.time < b.time : a.version < b.version;
  });
  return out;
}

Result<CommunityActivity> LoadCommunityActivity(store::SqliteDb& db, const std::string& name) {
  CommunityActivity a;
  a.name = name;
  OSCM_ASSIGN_OR_RETURN(auto community, db.Prepare("SELECT id FROM communities WHERE name = ?"));
  community.Bind(1, std::string_view(name));
  OSCM_ASSIGN_OR_RETURN(const bool found, community.Step());
  if (!found) return NotFoundError(fmt::format("unknown community '{}'", name));
  const int64_t community_id = community.ColumnInt(0);

  OSCM_ASSIGN_OR_RETURN(auto repos, db.Prepare(
      "SELECT location, coalesce(remote, '') FROM repositories WHERE community_id = ? ORDER BY location"));
  repos.Bind(1, community_id);
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, repos.Step());
    if (!row) break;
    a.repositories.push_back(repos.ColumnText(0));
    a.repository_remotes.push_back(repos.ColumnText(1));
  }

  OSCM_ASSIGN_OR_RETURN(const OrgDecisions orgs, DecideCommunityOrgs(db, community_id, &a));

  // MIN(...) aggregates make the row chosen for a commit stored in two repositories deterministic.
  OSCM_ASSIGN_OR_RETURN(auto commits, db.Prepare(
      "SELECT c.oid, MIN(c.author_time), MIN(c.author_offset), MIN(c.parent_count), MIN(c.org_id), MAX(i.is_bot), "
      "MIN(c.author_id) FROM commits c JOIN repositories r ON r.id = c.repo_id JOIN identities i ON i.id = c.author_id "
      "WHERE r.community_id = ? GROUP BY c.oid ORDER BY 2, 1"));
  commits.Bind(1, community_id);
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, commits.Step());
    if (!row) break;
    const int64_t t = commits.ColumnInt(1);
    if (a.first_commit == 0 || t < a.first_commit) a.first_commit = t;
    a.last_commit = std::max(a.last_commit, t);
    if (commits.ColumnInt(3) > 1 || commits.ColumnInt(5) != 0) continue;
    const OrgDecisions::Counted org = orgs.Of(commits.ColumnInt(6), commits.ColumnInt(4));
    a.commits.push_back(CommitFact{t, static_cast<int32_t>(commits.ColumnInt(2)), org.org, org.affiliation, org.link});
  }

  std::unordered_map<int64_t, int32_t> person_index;
  OSCM_ASSIGN_OR_RETURN(auto contribs, db.Prepare(
      "SELECT c.oid, cc.identity_id, MIN(cc.org_id), MIN(c.author_time), i.name, i.email, COALESCE(i.login, '') "
      "FROM commit_contributors cc JOIN commits c ON c.id = cc.commit_id "
      "JOIN repositories r ON r.id = c.repo_id JOIN identities i ON i.id = cc.identity_id "
      "WHERE r.community_id = ? AND cc.role IN ('author', 'coauthor') AND i.is_bot = 0 AND c.parent_count <= 1 "
      "GROUP BY c.oid, cc.identity_id ORDER BY 4, 1, 2"));
  contribs.Bind(1, community_id);
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, contribs.Step());
    if (!row) break;
    const int64_t identity = contribs.ColumnInt(1);
    auto [it, inserted] = person_index.emplace(identity, static_cast<int32_t>(a.people.size()));
    const int64_t t = contribs.ColumnInt(3);
    if (inserted) {
      a.people.push_back(fmt::format("{} <{}>", contribs.ColumnText(4), contribs.ColumnText(5)));
      a.first_contribution.push_back(t);  // rows come in time order
      a.people_login.push_back(AsciiLower(contribs.ColumnText(6)));
    }
    const OrgDecisions::Counted org = orgs.Of(identity, contribs.ColumnInt(2));
    a.contributions.push_back(ContributionFact{t, it->second, org.org, org.affiliation, org.link});
  }

  OSCM_ASSIGN_OR_RETURN(auto releases, db.Prepare(
      "SELECT rel.released_at, rel.tag, rel.is_prerelease, "
      "CASE WHEN rel.major IS NULL THEN '' ELSE rel.major || '.' || rel.minor || '.' || rel.patch || "
      "CASE WHEN rel.prerelease_label = '' THEN '' ELSE '-' || rel.prerelease_label END END "
      "FROM releases rel JOIN repositories r ON r.id = rel.repo_id WHERE r.community_id = ? ORDER BY 1, 2"));
  releases.Bind(1, community_id);
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, releases.Step());
    if (!row) break;
    a.releases.push_back(ReleaseFact{releases.ColumnInt(0), releases.ColumnText(1),
                                     releases.ColumnText(3), releases.ColumnInt(2) != 0});
  }

  OSCM_RETURN_IF_ERROR(LoadGhEvents(db, community_id, &a));
  OSCM_ASSIGN_OR_RETURN(a.usage, LoadUsageFacts(db, community_id));
  std::stable_sort(a.releases.begin(), a.releases.end(),
                   [](const ReleaseFact& x, const ReleaseFact& y) { return x.time < y.time; });
  a.versions = ReleasedVersions(a.releases);

  OSCM_ASSIGN_OR_RETURN(auto facts, db.Prepare(
      "SELECT kind, name, detail, since, source, as_of, origin FROM profile_facts WHERE community_id = ? "
      "ORDER BY kind, origin, seq"));
  facts.Bind(1, community_id);
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, facts.Step());
    if (!row) break;
    a.has_profile = a.has_profile || facts.ColumnText(6) == "profile";
    a.profile.push_back(ProfileFactRow{facts.ColumnText(0), facts.ColumnText(1), facts.ColumnText(2),
                                       facts.ColumnInt(3), facts.ColumnText(4), facts.ColumnInt(5)});
  }

  OSCM_ASSIGN_OR_RETURN(auto files, db.Prepare(
      "SELECT f.kind, f.path, COALESCE(f.spdx, ''), COALESCE(f.language, ''), MIN(f.first_seen) FROM community_files f "
      "JOIN repositories r ON r.id = f.repo_id WHERE r.community_id = ? GROUP BY f.kind, f.path ORDER BY 1, 2"));
  files.Bind(1, community_id);
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, files.Step());
    if (!row) break;
    a.files.push_back(FileFact{files.ColumnText(0), files.ColumnText(1), files.ColumnText(2),
                               files.ColumnText(3), files.ColumnInt(4)});
  }
  return a;
}

}  // namespace oscm::metrics
