// A small Gitee repository, acme/widget, as Gitee's API v5 answers for it: the routes of a
// replay server, for the Gitee source's unit and command-line tests.
#pragma once

#include <string>

#include "support/replay_server.h"

namespace oscm::testing {

inline constexpr char kGiteeRepo[] =
    R"({"id":5001,"full_name":"acme/widget","human_name":"acme/widget","stargazers_count":3,"forks_count":1,)"
    R"("watchers_count":4,"open_issues_count":1,"license":"Apache-2.0","created_at":"2023-01-01T10:00:00+08:00",)"
    R"("pushed_at":"2024-03-01T10:00:00+08:00","default_branch":"master"})";
inline constexpr char kGiteeStarsPage1[] =
    R"([{"id":1,"login":"ann","name":"Ann","star_at":"2024-01-02T09:00:00+08:00"},)"
    R"({"id":2,"login":"bob","name":"Bob","star_at":"2024-01-03T09:00:00+08:00"}])";
inline constexpr char kGiteeStarsPage2[] = R"([{"id":3,"login":"cat","star_at":"2024-02-01T09:00:00+08:00"}])";
inline constexpr char kGiteeForks[] =
    R"([{"id":777,"full_name":"dan/widget","owner":{"login":"dan"},"created_at":"2024-02-05T12:00:00+08:00"}])";
inline constexpr char kGiteeIssues[] =
    R"([{"id":91,"number":"I8ABCD","title":"崩溃了","state":"closed","user":{"login":"eve"},)"
    R"("labels":[{"name":"bug"}],"created_at":"2024-02-01T08:00:00+08:00","updated_at":"2024-02-03T08:00:00+08:00",)"
    R"("finished_at":"2024-02-03T08:00:00+08:00"},)"
    R"({"id":92,"number":"I8ABCE","title":"Feature","state":"open","user":{"login":"ann"},)"
    R"("created_at":"2024-02-02T08:00:00+08:00","updated_at":"2024-02-02T08:00:00+08:00","finished_at":null}])";
inline constexpr char kGiteePulls[] =
    R"([{"id":31,"number":1,"title":"Fix the crash","state":"merged","user":{"login":"bob"},)"
    R"("created_at":"2024-02-02T10:00:00+08:00","updated_at":"2024-02-04T10:00:00+08:00",)"
    R"("closed_at":"2024-02-04T10:00:00+08:00","merged_at":"2024-02-04T10:00:00+08:00"}])";
inline constexpr char kGiteeIssueComments[] =
    R"([{"id":501,"body":"看看","user":{"login":"bob"},"created_at":"2024-02-01T12:00:00+08:00",)"
    R"("updated_at":"2024-02-01T12:00:00+08:00","target":{"issue":{"id":91,"title":"崩溃了","number":"I8ABCD"}}}])";
inline constexpr char kGiteePullComments[] =
    R"([{"id":601,"body":"nit","user":{"login":"ann"},"created_at":"2024-02-03T10:00:00+08:00",)"
    R"("pull_request_url":"https://gitee.com/api/v5/repos/acme/widget/pulls/1","comment_type":"diff_comment"}])";
inline constexpr char kGiteeReleases[] =
    R"([{"id":71,"tag_name":"v1.0.0","name":"1.0","prerelease":false,"author":{"login":"bob"},)"
    R"("created_at":"2024-02-10T10:00:00+08:00"}])";
inline constexpr char kGiteeContributors[] =
    R"([{"name":"Bob","email":"bob@example.com","contributions":12},{"name":"Ann","email":"ann@example.com","contributions":3}])";

// `path` under /api/v5/repos/acme/widget with the page, per_page, the listing's parameters and,
// when given, the token Gitee reads from the query.
inline std::string GiteePath(const std::string& path, int page, int per_page, const std::string& params = "",
                             const std::string& token = "", const std::string& repo = "acme/widget") {
  std::string out = "/api/v5/repos/" + repo + path;
  if (page > 0) out += "?page=" + std::to_string(page) + "&per_page=" + std::to_string(per_page) + params;
  if (!token.empty()) out += std::string(page > 0 ? "&" : "?") + "access_token=" + token;
  return out;
}

inline void RouteGiteeWidget(ReplayServer& server, int per_page, const std::string& token = "",
                             const std::string& repo = "acme/widget") {
  auto json = [](const char* body, const char* total_page = "1") {
    return ReplayResponse{200, {{"total_page", total_page}, {"total_count", "?"}}, body};
  };
  const std::string desc = "&state=all&sort=updated&direction=desc";
  server.Route(GiteePath("", 0, 0, "", token, repo), ReplayResponse{200, {}, kGiteeRepo});
  server.Route(GiteePath("/stargazers", 1, per_page, "", token, repo), json(kGiteeStarsPage1, "2"));
  server.Route(GiteePath("/stargazers", 2, per_page, "", token, repo), json(kGiteeStarsPage2, "2"));
  server.Route(GiteePath("/forks", 1, per_page, "&sort=newest", token, repo), json(kGiteeForks));
  server.Route(GiteePath("/issues", 1, per_page, desc, token, repo), json(kGiteeIssues));
  server.Route(GiteePath("/pulls", 1, per_page, desc, token, repo), json(kGiteePulls));
  server.Route(GiteePath("/issues/comments", 1, per_page, "", token, repo), json(kGiteeIssueComments));
  server.Route(GiteePath("/pulls/comments", 1, per_page, "", token, repo), json(kGiteePullComments));
  server.Route(GiteePath("/releases", 1, per_page, "", token, repo), json(kGiteeReleases));
  server.Route(GiteePath("/contributors", 0, 0, "", token, repo), ReplayResponse{200, {}, kGiteeContributors});
}

}  // namespace oscm::testing
