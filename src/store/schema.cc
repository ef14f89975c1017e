#include "store/schema.h"

#include "store/gh_coverage.h"

#include <fmt/format.h>

#include <array>

namespace oscm::store {
namespace {

// Times are UTC Unix seconds; offsets are minutes east of UTC.
constexpr std::array<const char*, 9> kMigrations = {
    R"sql(
CREATE TABLE communities (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE repositories (
  id INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  location TEXT NOT NULL UNIQUE,     -- canonical path or URL the user gave
  branch TEXT,                       -- NULL: HEAD
  all_branches INTEGER NOT NULL DEFAULT 0,
  identity_config TEXT NOT NULL DEFAULT ''  -- digest of bots + affiliations used for its rows
);
CREATE TABLE repo_refs (             -- tips already walked, hidden on the next incremental walk
  repo_id INTEGER NOT NULL REFERENCES repositories(id),
  ref TEXT NOT NULL,
  oid TEXT NOT NULL,
  PRIMARY KEY (repo_id, ref)
);
CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL                 -- 'company', 'independent', 'unknown'
);
CREATE TABLE identities (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,          -- case-folded email, or 'github:<login>' for noreply addresses
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  login TEXT,
  is_bot INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE identity_aliases (      -- every raw (name, email) seen, and the identity it resolved to
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  identity_id INTEGER NOT NULL REFERENCES identities(id),
  PRIMARY KEY (name, email)
) WITHOUT ROWID;
CREATE TABLE commits (               -- ids grow in ingest order, so child tables append
  id INTEGER PRIMARY KEY,
  repo_id INTEGER NOT NULL REFERENCES repositories(id),
  oid TEXT NOT NULL,
  author_id INTEGER NOT NULL REFERENCES identities(id),
  committer_id INTEGER NOT NULL REFERENCES identities(id),
  author_time INTEGER NOT NULL,
  author_offset INTEGER NOT NULL,
  committer_time INTEGER NOT NULL,
  committer_offset INTEGER NOT NULL,
  parents TEXT NOT NULL,             -- space-separated oids
  parent_count INTEGER NOT NULL,
  org_id INTEGER NOT NULL REFERENCES organisations(id),  -- the author's at author_time
  UNIQUE (repo_id, oid)
);
CREATE TABLE commit_contributors (
  commit_id INTEGER NOT NULL REFERENCES commits(id),
  identity_id INTEGER NOT NULL REFERENCES identities(id),
  role TEXT NOT NULL,                -- 'author', 'coauthor', 'signoff'
  org_id INTEGER NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (commit_id, identity_id, role)
) WITHOUT ROWID;
CREATE TABLE commit_files (
  commit_id INTEGER NOT NULL REFERENCES commits(id),
  path TEXT NOT NULL,
  added INTEGER,                     -- -1: binary; NULL: unknown (blob absent, partial clone)
  deleted INTEGER,
  PRIMARY KEY (commit_id, path)
) WITHOUT ROWID;
CREATE TABLE numstat_done (          -- commits whose file changes were computed (possibly none)
  commit_id INTEGER PRIMARY KEY REFERENCES commits(id)
);
CREATE TABLE releases (
  repo_id INTEGER NOT NULL REFERENCES repositories(id),
  tag TEXT NOT NULL,
  target_oid TEXT NOT NULL,
  released_at INTEGER NOT NULL,
  annotated INTEGER NOT NULL,
  major INTEGER, minor INTEGER, patch INTEGER, prerelease_label TEXT,
  is_prerelease INTEGER NOT NULL,
  PRIMARY KEY (repo_id, tag)
) WITHOUT ROWID;
CREATE TABLE community_files (
  repo_id INTEGER NOT NULL REFERENCES repositories(id),
  path TEXT NOT NULL,
  kind TEXT NOT NULL,
  spdx TEXT,
  language TEXT,
  first_seen INTEGER NOT NULL,
  first_oid TEXT NOT NULL,
  PRIMARY KEY (repo_id, path)
) WITHOUT ROWID;
CREATE TABLE ingest_log (
  id INTEGER PRIMARY KEY,
  repo_id INTEGER NOT NULL REFERENCES repositories(id),
  source TEXT NOT NULL,              -- 'git'
  head TEXT NOT NULL,                -- what was walked, e.g. 'refs/heads/main 1a2b...'
  commits_added INTEGER NOT NULL,
  releases INTEGER NOT NULL,
  bad_records INTEGER NOT NULL,
  detail TEXT NOT NULL               -- first samples of bad records, one per line
);
)sql",
    // 2: GH Archive events of tracked repositories.
    R"sql(
CREATE TABLE gh_repos (               -- a repository tracked in GH Archive, for one community
  id INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  name TEXT NOT NULL UNIQUE,          -- lower-case "owner/name" as the user named it
  gh_id INTEGER                       -- GitHub's numeric id, once an event showed it
);
CREATE TABLE gh_repo_names (          -- every lower-case name a tracked repository was seen under
  name TEXT PRIMARY KEY,
  repo_id INTEGER NOT NULL REFERENCES gh_repos(id)
) WITHOUT ROWID;
CREATE TABLE gh_events (
  id TEXT PRIMARY KEY,                -- the event id, or "h..." derived from an id-less line
  repo_id INTEGER NOT NULL REFERENCES gh_repos(id),
  type TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  actor_is_bot INTEGER NOT NULL,
  action TEXT NOT NULL,
  number INTEGER NOT NULL,
  subject_author TEXT NOT NULL,
  subject_created_at INTEGER NOT NULL,
  on_pull_request INTEGER NOT NULL,
  merged INTEGER NOT NULL,
  merged_at INTEGER NOT NULL,
  ref_type TEXT NOT NULL,
  push_size INTEGER NOT NULL,
  push_distinct INTEGER NOT NULL,
  release_tag TEXT NOT NULL,
  prerelease INTEGER NOT NULL,
  labels TEXT NOT NULL,               -- issue labels, one per line
  member TEXT NOT NULL                -- MemberEvent: the member's login
) WITHOUT ROWID;
CREATE INDEX gh_events_by_repo_time ON gh_events(repo_id, created_at);
-- GH Archive actors who are also git identities: the same GitHub login (git identities learn
-- logins from noreply addresses). Case-insensitive, as GitHub logins are.
CREATE VIEW gh_actor_identities AS
  SELECT DISTINCT e.actor AS actor, i.id AS identity_id
  FROM gh_events e JOIN identities i ON i.login IS NOT NULL AND lower(i.login) = lower(e.actor);
CREATE TABLE gh_files (               -- GH Archive files read completely; a rerun skips them
  path TEXT NOT NULL,
  size INTEGER NOT NULL,
  checksum TEXT NOT NULL,             -- CRC-32 of the file's bytes
  lines INTEGER NOT NULL,
  events_stored INTEGER NOT NULL,
  bad_lines INTEGER NOT NULL,
  detail TEXT NOT NULL,               -- first bad lines: "line N: reason"
  PRIMARY KEY (path, size, checksum)
) WITHOUT ROWID;
)sql",
    // 3: titles of opened issues and pull requests (for the languages people write in).
    R"sql(
ALTER TABLE gh_events ADD COLUMN title TEXT NOT NULL DEFAULT '';
)sql",
    // 4: facts a community declares in its profile, and adopters listed in its repositories.
    R"sql(
CREATE TABLE profile_facts (
  community_id INTEGER NOT NULL REFERENCES communities(id),
  origin TEXT NOT NULL,              -- 'profile', or 'repo:<location>:<path>' for an ADOPTERS file
  seq INTEGER NOT NULL,              -- order within the origin
  kind TEXT NOT NULL,                -- vendor, foundation, licence, business_model, offering, ...
  name TEXT NOT NULL,
  detail TEXT NOT NULL,
  since INTEGER NOT NULL,            -- Unix seconds; 0 when not declared
  source TEXT NOT NULL,              -- where the fact comes from (URL, text, or file:line)
  as_of INTEGER NOT NULL,            -- when it was known to be true
  PRIMARY KEY (community_id, origin, seq)
) WITHOUT ROWID;
)sql",
    // 5: the GitHub API source: repository snapshots, and where each listing stopped.
    R"sql(
CREATE TABLE gh_repo_snapshots (      -- a tracked repository as the GitHub API last described it
  repo_id INTEGER PRIMARY KEY REFERENCES gh_repos(id),
  fetched_at INTEGER NOT NULL,
  full_name TEXT NOT NULL,            -- "owner/name" as GitHub spells it now
  stars INTEGER NOT NULL,
  forks INTEGER NOT NULL,
  watchers INTEGER NOT NULL,          -- subscribers
  open_issues INTEGER NOT NULL,       -- issues and pull requests
  license TEXT NOT NULL,              -- SPDX id; '' when none
  topics TEXT NOT NULL,               -- one per line
  archived INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  default_branch TEXT NOT NULL,
  pushed_at INTEGER NOT NULL
);
CREATE TABLE gh_sync (                -- per repository and API listing: where the next run starts
  repo_id INTEGER NOT NULL REFERENCES gh_repos(id),
  resource TEXT NOT NULL,             -- 'repo', 'stargazers', 'issues', 'issue_comments', ...
  url TEXT NOT NULL,                  -- the page to start from; '' = the listing's first page
  since TEXT NOT NULL,                -- latest updated_at stored (listings that take `since`)
  etag TEXT NOT NULL,                 -- of `url`'s last answer, for a conditional request
  PRIMARY KEY (repo_id, resource)
) WITHOUT ROWID;
)sql",
    // 6: every repository's monthly activity (oscm ingest gharchive --all-repos), for percentiles
    // against all of GitHub.
    R"sql(
CREATE TABLE gh_repo_months (
  month TEXT NOT NULL,                -- "2024-03" (UTC)
  repo_id INTEGER NOT NULL,           -- GitHub's repository id (events without one are not counted)
  name TEXT NOT NULL,                 -- lower-case; the last name seen
  stars INTEGER NOT NULL,
  forks INTEGER NOT NULL,
  issues_opened INTEGER NOT NULL,     -- by people (not bots)
  prs_opened INTEGER NOT NULL,        -- by people
  prs_merged INTEGER NOT NULL,
  pushes INTEGER NOT NULL,
  actors INTEGER NOT NULL,            -- distinct people with any event: exact up to 128, then estimated
  actors_sketch BLOB NOT NULL,        -- the mergeable sketch behind `actors` (base/distinct_sketch.h)
  PRIMARY KEY (month, repo_id)
) WITHOUT ROWID;
-- 1: the file's aggregates are in gh_repo_months (a file read without --all-repos is read again
-- by a run with it).
ALTER TABLE gh_files ADD COLUMN all_repos INTEGER NOT NULL DEFAULT 0;
)sql",
    // 7: the evidence behind organisations and the GH Archive hours each repository was read for.
    R"sql(
CREATE TABLE identity_orgs (          -- every organisation an identity resolved to, and the rule that decided it
  identity_id INTEGER NOT NULL REFERENCES identities(id),
  org_id INTEGER NOT NULL REFERENCES organisations(id),
  rule TEXT NOT NULL,                 -- affiliation-file, domain-map, builtin-map, email-domain, webmail, ...
  source TEXT NOT NULL,               -- the file (with its line) or the domain that matched
  PRIMARY KEY (identity_id, org_id)
) WITHOUT ROWID;
CREATE TABLE gh_profiles (            -- public GitHub profiles of contributors (oscm ingest github --profiles)
  login TEXT PRIMARY KEY,             -- lower-case
  company TEXT NOT NULL,              -- as the profile states it; '' when none
  fetched_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE gh_coverage (            -- GH Archive hours read while a repository was tracked
  repo_id INTEGER NOT NULL REFERENCES gh_repos(id),
  begin INTEGER NOT NULL,             -- [begin, end) in Unix seconds; adjacent ranges are merged
  end INTEGER NOT NULL,
  PRIMARY KEY (repo_id, begin)
) WITHOUT ROWID;
-- Organisations now have kinds (foundation, academic) and rules (personal domains); rows stored
-- under the old rules are re-resolved on the next ingest of their repository.
UPDATE repositories SET identity_config = 'rules 1' WHERE identity_config != '';
)sql",
    // 8: users and influence: the packages a community publishes with their registries' figures;
    // the contributors a forge lists (Gitee); OpenRank over GH Archive (--all-repos).
    R"sql(
CREATE TABLE packages (               -- a package a community publishes, on one registry
  id INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  ecosystem TEXT NOT NULL,            -- 'npm', 'pypi', 'cargo', 'docker', 'go', 'maven'
  name TEXT NOT NULL,                 -- as declared or discovered (PyPI names normalised)
  canonical TEXT NOT NULL,            -- as the registry names it now ('' until fetched)
  origin TEXT NOT NULL,               -- 'profile', 'landscape', 'flag', or 'repo:<location>:<path>'
  UNIQUE (ecosystem, name)
);
CREATE TABLE package_downloads (      -- downloads per package and UTC day, as the registry counts them
  package_id INTEGER NOT NULL REFERENCES packages(id),
  day INTEGER NOT NULL,               -- Unix seconds at 00:00 UTC
  downloads INTEGER NOT NULL,
  PRIMARY KEY (package_id, day)
) WITHOUT ROWID;
CREATE TABLE package_snapshots (      -- figures a registry gives as of a date
  package_id INTEGER NOT NULL REFERENCES packages(id),
  metric TEXT NOT NULL,               -- 'dependents', 'dependent_repos', 'pulls_total'
  fetched_at INTEGER NOT NULL,        -- Unix seconds
  source TEXT NOT NULL,               -- 'deps.dev', 'crates.io', 'ecosyste.ms', 'docker hub'
  value INTEGER NOT NULL,
  PRIMARY KEY (package_id, metric, fetched_at)
) WITHOUT ROWID;
CREATE TABLE package_sync (           -- per package and source: when it was fetched, where to resume
  package_id INTEGER NOT NULL REFERENCES packages(id),
  source TEXT NOT NULL,
  fetched_at INTEGER NOT NULL,
  state TEXT NOT NULL,                -- downloads: the last complete day stored (YYYY-MM-DD)
  PRIMARY KEY (package_id, source)
) WITHOUT ROWID;
CREATE TABLE gh_repo_contributors (   -- the contributors a forge's API lists for a repository
  repo_id INTEGER NOT NULL REFERENCES gh_repos(id),
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  contributions INTEGER NOT NULL,
  PRIMARY KEY (repo_id, name, email)
) WITHOUT ROWID;
CREATE TABLE gh_activity (            -- OpenRank's input: each person's activity on a repository in a month
  month TEXT NOT NULL,                -- "2024-03" (UTC)
  repo_id INTEGER NOT NULL,           -- GitHub's repository id
  actor_id INTEGER NOT NULL,          -- GitHub's user id (negative: derived from the login, for id-less layouts)
  issues_opened INTEGER NOT NULL,
  issue_comments INTEGER NOT NULL,
  issues_closed INTEGER NOT NULL,
  review_comments INTEGER NOT NULL,
  prs_opened INTEGER NOT NULL,
  pushes INTEGER NOT NULL,
  PRIMARY KEY (month, repo_id, actor_id)
) WITHOUT ROWID;
CREATE TABLE gh_openrank (            -- OpenRank of repositories and people per month
  month TEXT NOT NULL,
  kind TEXT NOT NULL,                 -- 'repo' or 'user'
  id INTEGER NOT NULL,                -- repo_id or actor_id of gh_activity
  value REAL NOT NULL,
  legacy INTEGER NOT NULL,            -- 1: inactive that month, last month's value attenuated
  PRIMARY KEY (month, kind, id)
) WITHOUT ROWID;
CREATE TABLE gh_openrank_months (     -- months of gh_activity and whether their OpenRank is current
  month TEXT PRIMARY KEY,
  dirty INTEGER NOT NULL,             -- 1: activity changed since it was computed
  nodes INTEGER NOT NULL,
  edges INTEGER NOT NULL,
  iterations INTEGER NOT NULL
) WITHOUT ROWID;
)sql",
    // 9: the remote a git repository was cloned from, and every assessment's outcome (oscm history).
    R"sql(
ALTER TABLE repositories ADD COLUMN remote TEXT;  -- origin's URL, credentials removed (NULL: none)
CREATE TABLE assessment_runs (        -- what an assessment said: one row per distinct outcome
  id INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  as_of INTEGER NOT NULL,             -- the evaluation date (Unix seconds)
  model TEXT NOT NULL,                -- the model's name
  model_version TEXT NOT NULL,
  landscape TEXT NOT NULL,            -- the landscape it was placed in ('' when assessed alone)
  recorded_at INTEGER NOT NULL,       -- when the assessment ran (Unix seconds)
  stage TEXT,                         -- NULL: no history at as_of
  quadrant TEXT,                      -- NULL: not placed (alone, or a score unavailable)
  quadrant_possible TEXT NOT NULL     -- the quadrants the score ranges reach, comma-separated
);
CREATE INDEX assessment_runs_by_community ON assessment_runs(community_id, as_of);
CREATE TABLE assessment_scores (      -- the dimension scores of a run
  run_id INTEGER NOT NULL REFERENCES assessment_runs(id),
  dimension TEXT NOT NULL,
  value REAL,                         -- NULL: unavailable (coverage below the model's minimum)
  low REAL NOT NULL,
  high REAL NOT NULL,
  coverage REAL NOT NULL,
  PRIMARY KEY (run_id, dimension)     -- (with a rowid: read back in the model's order)
);
)sql",
};

}  // namespace

int CurrentSchemaVersion() { return static_cast<int>(kMigrations.size()); }

Status Migrate(SqliteDb& db) {
  auto user_version = [&]() -> Result<int> {
    // Read to the end, so that no read transaction stays open: a connection that holds one
    // cannot take the write lock after another process has written (SQLite reports the store
    // busy at once, without waiting).
    OSCM_ASSIGN_OR_RETURN(auto stmt, db.Prepare("PRAGMA user_version"));
    OSCM_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    const int version = has_row ? static_cast<int>(stmt.ColumnInt(0)) : 0;
    stmt.Reset();
    return version;
  };
  auto newer = [&](int version) {
    return UnsupportedError(fmt::format(
        "{}: store schema version {} is newer than this oscm supports ({}); upgrade oscm",
        db.path(), version, CurrentSchemaVersion()));
  };
  OSCM_ASSIGN_OR_RETURN(int version, user_version());
  if (version == CurrentSchemaVersion()) return Status::Ok();
  if (version > CurrentSchemaVersion()) return newer(version);
  // Another process may be migrating the same store: read the version again under the write lock.
  OSCM_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db));
  OSCM_ASSIGN_OR_RETURN(version, user_version());
  if (version > CurrentSchemaVersion()) return newer(version);
  for (int v = version; v < CurrentSchemaVersion(); ++v) {
    OSCM_RETURN_IF_ERROR(db.Exec(kMigrations[static_cast<size_t>(v)]).WithContext(fmt::format("migration {}", v + 1)));
    if (v + 1 == 7) OSCM_RETURN_IF_ERROR(BackfillGhCoverage(db).WithContext("migration 7"));
  }
  OSCM_RETURN_IF_ERROR(db.Exec(fmt::format("PRAGMA user_version = {}", CurrentSchemaVersion())));
  return txn.Commit();
}

}  // namespace oscm::store
