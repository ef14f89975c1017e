// Recorded-shape GitHub REST API responses for one small repository, acme/widget (GitHub id
// 4242), served with per_page=2, and the routes that replay them. Field names and layouts are
// those of api.github.com (2022-11-28 version); only fields oscm reads, plus a few it must skip,
// are kept.
#pragma once

#include <cctype>
#include <string>

#include "support/replay_server.h"

namespace oscm::testing {

inline constexpr char kWidgetRepo[] = R"({"id":4242,"node_id":"R_kgDOAAAQkg","name":"widget","full_name":"acme/widget",
"private":false,"owner":{"login":"acme","id":1,"type":"Organization"},"html_url":"https://github.com/acme/widget",
"fork":false,"created_at":"2020-01-15T08:00:00Z","updated_at":"2024-05-01T00:00:00Z","pushed_at":"2024-04-30T12:00:00Z",
"stargazers_count":3,"watchers_count":3,"forks_count":2,"open_issues_count":1,
"license":{"key":"apache-2.0","name":"Apache License 2.0","spdx_id":"Apache-2.0"},"topics":["database","rust"],
"archived":false,"disabled":false,"default_branch":"main","subscribers_count":5,"network_count":2})";

inline constexpr char kStarsPage1[] = R"([
{"starred_at":"2024-01-10T10:00:00Z","user":{"login":"alice","id":11,"type":"User","site_admin":false}},
{"starred_at":"2024-02-01T00:00:00Z","user":{"login":"bob","id":12,"type":"User","site_admin":false}}])";
inline constexpr char kStarsPage2[] = R"([
{"starred_at":"2024-03-05T00:00:00Z","user":{"login":"carol","id":13,"type":"User","site_admin":false}}])";

// #1 an issue closed after two days, #2 a pull request merged after 36 hours.
inline constexpr char kIssuesPage1[] = R"([
{"id":9001,"number":1,"title":"Crash on start","user":{"login":"dave","id":14,"type":"User"},
 "labels":[{"id":1,"name":"bug","color":"d73a4a"}],"state":"closed","comments":2,
 "created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-03T00:00:00Z","closed_at":"2024-01-03T00:00:00Z",
 "author_association":"NONE","body":"It crashes."},
{"id":9002,"number":2,"title":"Fix the crash","user":{"login":"erin","id":15,"type":"User"},"labels":[],
 "state":"closed","comments":0,"created_at":"2024-01-05T00:00:00Z","updated_at":"2024-01-06T12:00:00Z",
 "closed_at":"2024-01-06T12:00:00Z","author_association":"CONTRIBUTOR",
 "pull_request":{"url":"https://api.github.com/repos/acme/widget/pulls/2","html_url":"https://github.com/acme/widget/pull/2",
  "merged_at":"2024-01-06T12:00:00Z"},"body":null}])";
// #3 an open issue.
inline constexpr char kIssuesPage2[] = R"([
{"id":9003,"number":3,"title":"Docs in Chinese?","user":{"login":"frank","id":16,"type":"User"},"labels":[],
 "state":"open","comments":0,"created_at":"2024-02-01T00:00:00Z","updated_at":"2024-02-02T00:00:00Z",
 "closed_at":null,"author_association":"NONE","body":""}])";

// dave answers himself after an hour; alice responds after six.
inline constexpr char kComments[] = R"([
{"id":501,"issue_url":"https://api.github.com/repos/acme/widget/issues/1","user":{"login":"dave","id":14,"type":"User"},
 "created_at":"2024-01-01T01:00:00Z","updated_at":"2024-01-01T01:00:00Z","author_association":"NONE","body":"More info"},
{"id":502,"issue_url":"https://api.github.com/repos/acme/widget/issues/1","user":{"login":"alice","id":11,"type":"User"},
 "created_at":"2024-01-01T06:00:00Z","updated_at":"2024-01-01T06:00:00Z","author_association":"MEMBER","body":"Thanks"}])";

inline constexpr char kReviewComments[] = R"([
{"id":601,"pull_request_review_id":77,"pull_request_url":"https://api.github.com/repos/acme/widget/pulls/2",
 "user":{"login":"gina","id":17,"type":"User"},"path":"src/main.rs","body":"nit",
 "created_at":"2024-01-06T00:00:00Z","updated_at":"2024-01-06T00:00:00Z"}])";

inline constexpr char kReleases[] = R"([
{"id":701,"tag_name":"v1.0.0","name":"1.0","draft":false,"prerelease":false,"author":{"login":"henry","id":18,"type":"User"},
 "created_at":"2024-02-28T00:00:00Z","published_at":"2024-03-01T00:00:00Z"},
{"id":702,"tag_name":"v1.1.0","name":"1.1","draft":true,"prerelease":false,"author":{"login":"henry","id":18,"type":"User"},
 "created_at":"2024-04-01T00:00:00Z","published_at":null}])";

// The request targets oscm makes for acme/widget with per_page=2.
inline const std::string kStars = "/repos/acme/widget/stargazers?per_page=2";
inline const std::string kStars2 = "/repos/acme/widget/stargazers?per_page=2&page=2";
inline const std::string kIssues = "/repos/acme/widget/issues?per_page=2&state=all&sort=updated&direction=asc";
inline const std::string kIssues2 = kIssues + "&page=2";
inline const std::string kIssuesSince = kIssues + "&since=2024-02-02T00:00:00Z";
inline const std::string kCommentsPath = "/repos/acme/widget/issues/comments?per_page=2&sort=updated&direction=asc";
inline const std::string kCommentsSince = kCommentsPath + "&since=2024-01-01T06:00:00Z";
inline const std::string kReviewPath = "/repos/acme/widget/pulls/comments?per_page=2&sort=updated&direction=asc";
inline const std::string kReviewSince = kReviewPath + "&since=2024-01-06T00:00:00Z";
inline const std::string kReleasesPath = "/repos/acme/widget/releases?per_page=2";

inline ReplayResponse Json(std::string body, std::string etag = "", std::string link = "") {
  ReplayResponse r{200, {}, std::move(body)};
  if (!etag.empty()) r.headers.emplace_back("ETag", etag);
  if (!link.empty()) r.headers.emplace_back("Link", link);
  return r;
}

// `t` (targets and Link headers written for per_page=2) for another page size.
inline std::string PerPage(const std::string& t, int per_page) {
  const std::string with = "per_page=" + std::to_string(per_page);
  std::string out;
  for (size_t i = 0; i < t.size();) {
    const bool match = t.compare(i, 10, "per_page=2") == 0 && (i + 10 == t.size() || !std::isdigit(t[i + 10]));
    out += match ? with : t.substr(i, 1);
    i += match ? 10 : 1;
  }
  return out;
}

// Every route of acme/widget: a first run stores 12 events (3 stars; issues #1 opened and
// closed, #3 opened; pull request #2 opened and merged; 2 comments; 1 review comment; 1
// release: the draft is skipped). A later run finds the listings unchanged (ETags, and the
// `since` listings answer with their last item again).
inline void RouteWidget(ReplayServer& s, int per_page = 2) {
  auto route = [&](const std::string& target, ReplayResponse r) {
    for (auto& [name, value] : r.headers) {
      if (name == "Link") value = PerPage(value, per_page);
    }
    s.Route(PerPage(target, per_page), std::move(r));
  };
  const std::string comment502 = std::string(kComments).substr(std::string(kComments).find("{\"id\":502"));
  route("/repos/acme/widget", Json(kWidgetRepo, "\"r1\""));
  route(kStars, Json(kStarsPage1, "\"s1\"", "<{base}" + kStars2 + ">; rel=\"next\", <{base}" + kStars2 + ">; rel=\"last\""));
  route(kStars2, Json(kStarsPage2, "\"s2\"", "<{base}" + kStars + ">; rel=\"prev\", <{base}" + kStars + ">; rel=\"first\""));
  route(kIssues, Json(kIssuesPage1, "\"i1\"", "<{base}" + kIssues2 + ">; rel=\"next\", <{base}" + kIssues2 + ">; rel=\"last\""));
  route(kIssues2, Json(kIssuesPage2, "\"i2\""));
  route(kIssuesSince, Json(kIssuesPage2, "\"i3\""));
  route(kCommentsPath, Json(kComments, "\"c1\""));
  route(kCommentsSince, Json("[" + comment502, "\"c2\""));
  route(kReviewPath, Json(kReviewComments, "\"v1\""));
  route(kReviewSince, Json(kReviewComments, "\"v2\""));
  route(kReleasesPath, Json(kReleases, "\"l1\""));
}

}  // namespace oscm::testing
