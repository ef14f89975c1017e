#include "ingest/github/github_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "support/recording_waiter.h"
#include "support/replay_server.h"
#include "support/test_util.h"

namespace oscm::ingest {
namespace {

using oscm::testing::ReplayResponse;
using oscm::testing::ReplayServer;

using oscm::testing::RecordingWaiter;

class GitHubClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto t = NewCurlTransport({});
    ASSERT_OK(t);
    transport_ = std::move(t).value();
  }
  GitHubClient Client(std::string api_url, std::string token = "", int max_retries = 4) {
    GitHubClientOptions o;
    o.api_url = std::move(api_url);
    o.token = std::move(token);
    o.max_retries = max_retries;
    return GitHubClient(o, *transport_, waiter_, clock_);
  }
  ReplayServer server_;
  RecordingWaiter waiter_;
  FixedClock clock_{1700000000};
  std::unique_ptr<HttpTransport> transport_;
};

TEST_F(GitHubClientTest, SendsTheTokenAndConditionalRequests) {
  server_.Route("/repos/a/b", ReplayResponse{200, {{"ETag", "W/\"abc\""}}, "{}"});
  auto client = Client(server_.base_url() + "/", "sekrit-token");
  auto first = client.Get("/repos/a/b");
  ASSERT_OK(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(first->Header("etag"), "W/\"abc\"");
  auto second = client.Get("/repos/a/b", first->Header("etag"));
  ASSERT_OK(second);
  EXPECT_EQ(second->status, 304);
  const auto reqs = server_.requests();
  ASSERT_EQ(reqs.size(), 2u);
  EXPECT_EQ(reqs[0].Header("authorization"), "Bearer sekrit-token");
  EXPECT_EQ(reqs[0].Header("accept"), "application/vnd.github+json");
  EXPECT_FALSE(reqs[0].Header("user-agent").empty());
  EXPECT_EQ(reqs[1].Header("if-none-match"), "W/\"abc\"");
  EXPECT_EQ(client.stats().not_modified, 1);
}

TEST_F(GitHubClientTest, AnonymousWithoutToken) {
  server_.Route("/x", ReplayResponse{200, {}, "[]"});
  auto client = Client(server_.base_url());
  ASSERT_OK(client.Get("/x"));
  EXPECT_EQ(server_.requests()[0].Header("authorization"), "");
}

TEST_F(GitHubClientTest, TokenIsNotSentToAnotherHostNorShownInErrors) {
  ReplayServer other;
  other.Route("/elsewhere", ReplayResponse{200, {}, "[]"});
  server_.Route("/moved", ReplayResponse{301, {{"Location", other.base_url() + "/elsewhere"}}, ""});
  server_.Route("/denied", ReplayResponse{401, {}, R"({"message":"Bad credentials"})"});
  auto client = Client(server_.base_url(), "sekrit-token");
  ASSERT_OK(client.Get("/moved"));
  ASSERT_EQ(other.requests().size(), 1u);
  EXPECT_EQ(other.requests()[0].Header("authorization"), "");
  auto denied = client.Get("/denied");
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(denied.error().message().find("sekrit"), std::string::npos);
}

TEST_F(GitHubClientTest, ServerErrorsAreRetriedWithBackoffThenFail) {
  server_.Route("/flaky", ReplayResponse{502, {}, "<html>Bad Gateway</html>"});
  auto client = Client(server_.base_url(), "", 3);
  auto r = client.Get("/flaky");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kIoError);
  EXPECT_EQ(waiter_.waits, (std::vector<int64_t>{1, 2, 4}));
  EXPECT_EQ(server_.requests().size(), 4u);
}

TEST_F(GitHubClientTest, NetworkErrorsAreRetried) {
  // A port nothing listens on: bind one, note it, close it.
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(addr);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  close(fd);
  auto client = Client("http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)), "", 2);
  auto r = client.Get("/x");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kIoError);
  EXPECT_EQ(waiter_.waits, (std::vector<int64_t>{1, 2}));
}

TEST_F(GitHubClientTest, NotFoundAndOtherClientErrors) {
  server_.Route("/gone", ReplayResponse{410, {}, R"({"message":"Issues are disabled for this repo"})"});
  auto client = Client(server_.base_url());
  auto missing = client.Get("/missing");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), StatusCode::kNotFound);
  server_.Route("/blocked", ReplayResponse{403, {}, R"({"message":"Resource not accessible by integration"})"});
  auto gone = client.Get("/gone");
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code(), StatusCode::kNotFound);
  EXPECT_NE(gone.error().message().find("Issues are disabled"), std::string::npos);
  auto blocked = client.Get("/blocked");
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().code(), StatusCode::kIoError);
  EXPECT_NE(blocked.error().message().find("HTTP 403: Resource not accessible"), std::string::npos);
  EXPECT_TRUE(waiter_.waits.empty());
}

// A server (or a redirect it names) may point anywhere: only https is followed, and plain http
// only to 127.0.0.1 (the tests' replay servers). libcurl would otherwise read a file:// URL and
// the error would show the file's first bytes.
TEST_F(GitHubClientTest, OnlyHttpsIsRequestedOrFollowed) {
  server_.Route("/passwd", ReplayResponse{302, {{"Location", "file:///etc/passwd"}}, ""});
  server_.Route("/plain", ReplayResponse{301, {{"Location", "http://example.com/x"}}, ""});
  server_.Route("/userinfo", ReplayResponse{301, {{"Location", "http://127.0.0.1@example.com/x"}}, ""});
  server_.Route("/gopher", ReplayResponse{307, {{"Location", "gopher://127.0.0.1/x"}}, ""});
  auto client = Client(server_.base_url(), "sekrit-token");
  for (const char* path : {"/passwd", "/plain", "/userinfo", "/gopher"}) {
    SCOPED_TRACE(path);
    auto r = client.Get(path);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code(), StatusCode::kIoError);
    EXPECT_NE(r.error().message().find("refused: only https URLs"), std::string::npos) << r.error().message();
    EXPECT_EQ(r.error().message().find("root:"), std::string::npos) << r.error().message();
  }
  // A next-page URL from a Link header, and an API URL: the same rule.
  auto link = client.Get("file:///etc/passwd");
  ASSERT_FALSE(link);
  EXPECT_EQ(link.error().message().find("root:"), std::string::npos) << link.error().message();
  for (const char* api : {"http://example.com", "file:///etc", "ftp://127.0.0.1"}) {
    auto r = Client(api).Get("/passwd");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code(), StatusCode::kInvalidArgument) << api;
  }
  EXPECT_EQ(server_.requests().size(), 4u) << "only the four redirecting requests reached a server";
}

// What a server says reaches the user filtered: control characters escaped, the length capped,
// and the token, should the server echo it, replaced.
TEST_F(GitHubClientTest, ServerTextIsFilteredCappedAndRedacted) {
  const std::string noise(500, 'x');
  server_.Route("/json", ReplayResponse{422, {}, R"({"message":"[2Jbad sekrit-token )" + noise + R"("})"});
  server_.Route("/html", ReplayResponse{400, {}, "<h1>\x1b]0;owned\x07 sekrit-token</h1>\r\n" + noise});
  auto client = Client(server_.base_url(), "sekrit-token");
  for (const char* path : {"/json", "/html"}) {
    SCOPED_TRACE(path);
    auto r = client.Get(path);
    ASSERT_FALSE(r);
    const std::string& m = r.error().message();
    EXPECT_EQ(m.find('\x1b'), std::string::npos) << m;
    EXPECT_EQ(m.find('\r'), std::string::npos) << m;
    EXPECT_NE(m.find("\\u001b"), std::string::npos) << m;
    EXPECT_EQ(m.find("sekrit"), std::string::npos) << m;
    EXPECT_NE(m.find("[token]"), std::string::npos) << m;
    EXPECT_LT(m.size(), 300u) << m;
  }
}

TEST(NextPageUrlTest, LinkHeaders) {
  EXPECT_EQ(NextPageUrl(R"(<https://api.github.com/repositories/1/issues?page=2>; rel="next", <https://api.github.com/repositories/1/issues?page=9>; rel="last")"),
            "https://api.github.com/repositories/1/issues?page=2");
  EXPECT_EQ(NextPageUrl(R"(<https://x/?page=1>; rel="prev", <https://x/?page=3>; rel="next")"), "https://x/?page=3");
  EXPECT_EQ(NextPageUrl(R"(<https://x/?page=1>; rel="first", <https://x/?page=1>; rel="prev")"), "");
  EXPECT_EQ(NextPageUrl(""), "");
  EXPECT_EQ(NextPageUrl("garbage"), "");
}

}  // namespace
}  // namespace oscm::ingest
