#include "ingest/http/rest_client.h"

#include <gtest/gtest.h>

#include "support/recording_waiter.h"
#include "support/replay_server.h"
#include "support/test_util.h"

namespace oscm::ingest {
namespace {

using oscm::testing::ReplayResponse;
using oscm::testing::ReplayServer;

constexpr int64_t kNow = 1700000000;  // 2023-11-14T22:13:20Z

using oscm::testing::RecordingWaiter;

class RestClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto t = NewCurlTransport({});
    ASSERT_OK(t);
    transport_ = std::move(t).value();
  }
  RestClient Client(RestClientOptions o) {
    if (o.base_url.empty()) o.base_url = server_.base_url();
    return RestClient(std::move(o), *transport_, waiter_, clock_);
  }
  ReplayServer server_;
  RecordingWaiter waiter_;
  FixedClock clock_{kNow};
  std::unique_ptr<HttpTransport> transport_;
};

TEST_F(RestClientTest, QueryCredentialGoesToTheApiOnlyAndNeverIntoMessages) {
  ReplayServer other;
  other.Route("/there", ReplayResponse{200, {}, "[]"});
  server_.Route("/api/v5/repos/a/b?access_token=sekrit", ReplayResponse{200, {}, "{}"});
  server_.Route("/api/v5/repos/a/c?page=2&access_token=sekrit",
                ReplayResponse{301, {{"Location", other.base_url() + "/there"}}, ""});
  server_.Route("/api/v5/nope?access_token=sekrit", ReplayResponse{403, {}, R"({"message":"Forbidden"})"});
  RestClientOptions o;
  o.service = "Gitee API";
  o.base_url = server_.base_url() + "/api/v5";
  o.auth_query = "access_token=sekrit";
  o.headers = {"User-Agent: oscm-test (contact)"};
  auto client = Client(o);
  ASSERT_OK(client.Get("/repos/a/b"));
  EXPECT_EQ(server_.requests()[0].Header("user-agent"), "oscm-test (contact)");
  EXPECT_EQ(server_.requests()[0].Header("accept"), "application/json");
  ASSERT_OK(client.Get("/repos/a/c?page=2"));
  ASSERT_EQ(other.requests().size(), 1u);
  EXPECT_EQ(other.requests()[0].target, "/there");  // no credential for another host
  auto denied = client.Get("/nope");
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().message().find("sekrit"), std::string::npos) << denied.error().message();
  EXPECT_NE(denied.error().message().find("/api/v5/nope: HTTP 403: Forbidden"), std::string::npos)
      << denied.error().message();
  EXPECT_EQ(client.Redact("https://x/y?a=1&access_token=sekrit&b=2"), "https://x/y?a=1&b=2");
  EXPECT_EQ(client.Redact("https://x/y?access_token=sekrit"), "https://x/y");
}

TEST_F(RestClientTest, RateLimitsOfEveryShape) {
  // A reset given as seconds from now (small), as a Unix time, and a 429 with Retry-After.
  server_.Route("/a", {ReplayResponse{429, {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", "30"}}, ""},
                       ReplayResponse{403, {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", std::to_string(kNow + 100)}}, ""},
                       ReplayResponse{429, {{"Retry-After", "5"}}, "Too Many Requests"},
                       ReplayResponse{429, {}, "slow down"},
                       ReplayResponse{200, {}, "{}"}});
  auto client = Client({});
  ASSERT_OK(client.Get("/a"));
  EXPECT_EQ(waiter_.waits, (std::vector<int64_t>{31, 101, 5, 60}));

  RestClientOptions no_wait;
  no_wait.service = "npm";
  no_wait.wait_for_reset = false;
  no_wait.token_hint = ", or with a token";
  server_.Route("/b", ReplayResponse{429, {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", "30"}}, ""});
  auto stop = Client(no_wait).Get("/b");
  ASSERT_FALSE(stop);
  EXPECT_EQ(stop.error().code(), StatusCode::kIoError);
  EXPECT_NE(stop.error().message().find("npm rate limit exhausted until 2023-11-14T22:13:50Z (31 s); run again then, "
                                        "or with a token"),
            std::string::npos)
      << stop.error().message();
}

TEST_F(RestClientTest, ErrorMessagesOfEachRegistryShape) {
  server_.Route("/npm", ReplayResponse{400, {}, R"({"error":"end date > start date"})"});
  server_.Route("/crates", ReplayResponse{400, {}, R"({"errors":[{"detail":"invalid crate name"}]})"});
  server_.Route("/hub", ReplayResponse{400, {}, R"({"detail":"bad namespace"})"});
  server_.Route("/html", ReplayResponse{400, {}, "<html>oops</html>"});
  server_.Route("/gone", ReplayResponse{404, {}, R"({"error":"package foo not found"})"});
  RestClientOptions o;
  o.min_interval_ms = 1;  // paced: every request still goes out
  auto client = Client(o);
  for (const auto& [path, text] : std::vector<std::pair<std::string, std::string>>{
           {"/npm", "HTTP 400: end date > start date"}, {"/crates", "HTTP 400: invalid crate name"},
           {"/hub", "HTTP 400: bad namespace"}, {"/html", "HTTP 400: <html>oops</html>"},
           {"/gone", "HTTP 404 package foo not found"}}) {
    auto r = client.Get(path);
    ASSERT_FALSE(r) << path;
    EXPECT_NE(r.error().message().find(text), std::string::npos) << r.error().message();
  }
  EXPECT_EQ(client.Get("/gone").error().code(), StatusCode::kNotFound);
  EXPECT_EQ(client.stats().requests, 6);
}

TEST(PercentEncodeTest, KeepsUnreservedCharactersOnly) {
  EXPECT_EQ(PercentEncode("@babel/core"), "%40babel%2Fcore");
  EXPECT_EQ(PercentEncode("github.com/etcd-io/etcd"), "github.com%2Fetcd-io%2Fetcd");
  EXPECT_EQ(PercentEncode("a_b~c-1.2"), "a_b~c-1.2");
  EXPECT_EQ(PercentEncode("org.apache:zk"), "org.apache%3Azk");
}

TEST(UrlOriginTest, SchemeHostAndPort) {
  EXPECT_EQ(UrlOrigin("https://gitee.com/api/v5/repos"), "https://gitee.com");
  EXPECT_EQ(UrlOrigin("http://127.0.0.1:8080?x=1"), "http://127.0.0.1:8080");
  EXPECT_EQ(UrlOrigin("/relative"), "");
}

}  // namespace
}  // namespace oscm::ingest
