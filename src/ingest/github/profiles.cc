#include "ingest/github/profiles.h"

#include <simdjson.h>

#include <algorithm>

#include <fmt/format.h>

namespace oscm::ingest {

Result<std::vector<std::string>> ActiveLogins(store::SqliteDb& db, const std::vector<std::string>& communities,
                                              int max_logins) {
  std::vector<std::string> out;
  for (const auto& community : communities) {
    OSCM_ASSIGN_OR_RETURN(auto q, db.Prepare(
        "SELECT lower(i.login), COUNT(DISTINCT c.oid) AS n FROM commits c JOIN repositories r ON r.id = c.repo_id "
        "JOIN communities m ON m.id = r.community_id JOIN identities i ON i.id = c.author_id "
        "WHERE m.name = ? AND i.login IS NOT NULL AND i.login != '' AND i.is_bot = 0 "
        "GROUP BY lower(i.login) ORDER BY n DESC, 1 LIMIT ?"));
    q.Bind(1, std::string_view(community)).Bind(2, int64_t{max_logins});
    while (true) {
      OSCM_ASSIGN_OR_RETURN(const bool row, q.Step());
      if (!row) break;
      std::string login = q.ColumnText(0);
      if (std::find(out.begin(), out.end(), login) == out.end()) out.push_back(std::move(login));
    }
  }
  return out;
}

Result<ProfileFetchResult> FetchContributorProfiles(store::Store& store, const std::vector<std::string>& communities,
                                                    GitHubClient& client, const Clock& clock,
                                                    const ProfileFetchOptions& options, ProgressSink& progress) {
  store::SqliteDb& db = store.db();
  OSCM_ASSIGN_OR_RETURN(const std::vector<std::string> logins, ActiveLogins(db, communities, options.max_logins));
  OSCM_ASSIGN_OR_RETURN(auto fresh, db.Prepare("SELECT fetched_at FROM gh_profiles WHERE login = ?"));
  ProfileFetchResult result;
  simdjson::dom::parser parser;
  for (size_t i = 0; i < logins.size(); ++i) {
    if (options.cancel != nullptr && options.cancel->load()) return CancelledError("interrupted");
    const std::string& login = logins[i];
    // Logins are letters, digits and hyphens; anything else (from a malformed address) is no
    // login to ask GitHub about.
    if (login.empty() || login.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) continue;
    fresh.Bind(1, std::string_view(login));
    OSCM_ASSIGN_OR_RETURN(const bool known, fresh.Step());
    const bool cached = known && clock.NowUnix() - fresh.ColumnInt(0) < options.max_age_seconds;
    fresh.Reset();
    if (cached) {
      ++result.cached;
      continue;
    }
    progress.Update("GitHub profiles", i, logins.size(), ProgressUnit::kItems);
    std::string company;
    auto response = client.Get("/users/" + login);
    if (!response) {
      if (response.error().code() != StatusCode::kNotFound) {
        return response.error().WithContext(fmt::format("GitHub profile of {}", login));
      }
    } else {
      simdjson::dom::element doc;
      if (parser.parse(response->body).get(doc) != simdjson::SUCCESS || !doc.is_object()) {
        return CorruptionError(fmt::format("GitHub profile of {}: malformed JSON", login));
      }
      std::string_view c;
      if (doc["company"].get(c) == simdjson::SUCCESS) company = std::string(c);
    }
    OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db));
    OSCM_ASSIGN_OR_RETURN(auto put, db.Prepare(
        "INSERT OR REPLACE INTO gh_profiles(login, company, fetched_at) VALUES (?, ?, ?)"));
    put.Bind(1, std::string_view(login)).Bind(2, std::string_view(company)).Bind(3, clock.NowUnix());
    OSCM_RETURN_IF_ERROR(put.Run());
    OSCM_RETURN_IF_ERROR(txn.Commit());
    ++result.fetched;
    result.companies += company.empty() ? 0 : 1;
  }
  progress.Done();
  return result;
}

}  // namespace oscm::ingest
