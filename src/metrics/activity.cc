#include "metrics/activity.h"

#include <algorithm>
#include <climits>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "base/strings.h"

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
      "e.repo_id, e.number, e.subject_author, e.subject_created_at, e.merged_at, e.release_tag, e.title FROM gh_events e "
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
    a->gh_events.push_back(e);
  }
  a->has_gh = !a->gh_events.empty();
  OSCM_ASSIGN_OR_RETURN(auto archived, db.Prepare(
      "SELECT count(*), coalesce(sum(s.archived), 0) FROM gh_repo_snapshots s JOIN gh_repos r ON r.id = s.repo_id "
      "WHERE r.community_id = ?"));
  archived.Bind(1, community_id);
  OSCM_ASSIGN_OR_RETURN(const bool row, archived.Step());
  a->archived = row && archived.ColumnInt(0) > 0 && archived.ColumnInt(0) == archived.ColumnInt(1);
  return Status::Ok();
}

}  // namespace

Result<CommunityActivity> LoadCommunityActivity(store::SqliteDb& db, const std::string& name) {
  CommunityActivity a;
  a.name = name;
  OSCM_ASSIGN_OR_RETURN(auto community, db.Prepare("SELECT id FROM communities WHERE name = ?"));
  community.Bind(1, std::string_view(name));
  OSCM_ASSIGN_OR_RETURN(const bool found, community.Step());
  if (!found) return NotFoundError(fmt::format("unknown community '{}'", name));
  const int64_t community_id = community.ColumnInt(0);

  OSCM_ASSIGN_OR_RETURN(auto repos, db.Prepare("SELECT location FROM repositories WHERE community_id = ? ORDER BY location"));
  repos.Bind(1, community_id);
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, repos.Step());
    if (!row) break;
    a.repositories.push_back(repos.ColumnText(0));
  }

  // Organisation ids map to dense indexes; independent and unknown map to -1.
  std::unordered_map<int64_t, int32_t> org_index;
  std::unordered_map<int64_t, Affiliation> non_org;
  OSCM_ASSIGN_OR_RETURN(auto orgs, db.Prepare("SELECT id, name, kind FROM organisations ORDER BY name"));
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, orgs.Step());
    if (!row) break;
    const std::string kind = orgs.ColumnText(2);
    if (kind != "company") {
      non_org[orgs.ColumnInt(0)] = kind == "independent" ? Affiliation::kIndependent : Affiliation::kUnknown;
      continue;
    }
    org_index[orgs.ColumnInt(0)] = static_cast<int32_t>(a.orgs.size());
    a.orgs.push_back(orgs.ColumnText(1));
  }
  auto org_of = [&](int64_t id) {
    auto it = org_index.find(id);
    return it == org_index.end() ? -1 : it->second;
  };
  auto affiliation_of = [&](int64_t id) {
    if (org_index.count(id) > 0) return Affiliation::kOrganisation;
    auto it = non_org.find(id);
    return it == non_org.end() ? Affiliation::kUnknown : it->second;
  };

  // MIN(...) aggregates make the row chosen for a commit stored in two repositories deterministic.
  OSCM_ASSIGN_OR_RETURN(auto commits, db.Prepare(
      "SELECT c.oid, MIN(c.author_time), MIN(c.author_offset), MIN(c.parent_count), MIN(c.org_id), MAX(i.is_bot) "
      "FROM commits c JOIN repositories r ON r.id = c.repo_id JOIN identities i ON i.id = c.author_id "
      "WHERE r.community_id = ? GROUP BY c.oid ORDER BY 2, 1"));
  commits.Bind(1, community_id);
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, commits.Step());
    if (!row) break;
    const int64_t t = commits.ColumnInt(1);
    if (a.first_commit == 0 || t < a.first_commit) a.first_commit = t;
    a.last_commit = std::max(a.last_commit, t);
    if (commits.ColumnInt(3) > 1 || commits.ColumnInt(5) != 0) continue;
    const int64_t org_id = commits.ColumnInt(4);
    a.commits.push_back(CommitFact{t, static_cast<int32_t>(commits.ColumnInt(2)), org_of(org_id), affiliation_of(org_id)});
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
    const int64_t org_id = contribs.ColumnInt(2);
    a.contributions.push_back(ContributionFact{t, it->second, org_of(org_id), affiliation_of(org_id)});
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
