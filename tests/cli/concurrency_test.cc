// End-to-end: several oscm processes on one store, and signals.
#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "cli/cli_fixture.h"
#include "support/test_util.h"

namespace oscm {
namespace {

using oscm::testing::CommandResult;
using oscm::testing::OtherWriter;

using ConcurrencyTest = CliFixture;

// While another process writes the store, oscm waits (saying so), and when --wait runs out it
// names that process.
TEST_F(ConcurrencyTest, WaitGivesUpNamingTheWriter) {
  ASSERT_EQ(Oscm({"communities"}).exit_code, 0);
  OtherWriter other(tmp_.Sub("oscm.db"), std::chrono::seconds(60));
  ASSERT_TRUE(other.ready());
  auto r = Oscm({"--wait", "2", "ingest", "git", repo_->path(), "--community", "tiny"});
  EXPECT_EQ(r.exit_code, 1);
  // The writer is a child of this test, under the test's name (as the kernel cuts it).
  std::string name = oscm::testing::ReadFile("/proc/self/comm");
  name.pop_back();
  const std::string writer = fmt::format("another process (pid {}, {})", other.pid(), name);
  EXPECT_NE(r.err.find(fmt::format("oscm: waiting for the store {}: it is being written by {}\n",
                                   tmp_.Sub("oscm.db"), writer)), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(fmt::format("error: ingest: the store {} is being written by {}; gave up waiting after 2 s\n",
                                   tmp_.Sub("oscm.db"), writer)), std::string::npos) << r.err;
  EXPECT_EQ(other.Release(), 0);
  EXPECT_EQ(Oscm({"communities"}).out, "other\n");
}

// Ctrl-C ends a wait for the store at once.
TEST_F(ConcurrencyTest, InterruptEndsAWait) {
  ASSERT_EQ(Oscm({"communities"}).exit_code, 0);
  OtherWriter other(tmp_.Sub("oscm.db"), std::chrono::seconds(60));
  ASSERT_TRUE(other.ready());
  oscm::testing::ChildProcess oscm({oscm::testing::OscmBinary(), "--db", tmp_.Sub("oscm.db"), "ingest", "git",
                                    repo_->path()});
  // Until it says it waits.
  for (int i = 0; i < 200 && oscm.Err().find("waiting for the store") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  oscm.Signal(SIGINT);
  auto r = oscm.WaitFor(std::chrono::seconds(5));
  ASSERT_TRUE(r.has_value()) << "oscm went on waiting after Ctrl-C";
  EXPECT_EQ(r->exit_code, 130) << r->err;
  EXPECT_EQ(other.Release(), 0);
}

}  // namespace
}  // namespace oscm
