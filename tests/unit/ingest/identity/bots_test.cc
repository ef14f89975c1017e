#include "ingest/identity/bots.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_util.h"

namespace oscm::ingest {
namespace {

struct BotCase {
  std::string name;
  std::string email;
  std::string login;
  bool bot;
};

TEST(BotListTest, Builtin) {
  const BotList list = BotList::Builtin();
  const std::vector<BotCase> cases = {
      // "[bot]" suffix on name or login, without being listed.
      {"dependabot[bot]", "", "", true},
      {"renovate[bot]", "", "", true},
      {"Renovate[BOT]", "", "", true},
      {"Some App", "", "some-app[bot]", true},
      {"my-custom-app[bot]", "x@example.com", "", true},
      // Listed names, logins and emails.
      {"k8s-ci-robot", "", "", true},
      {"ti-chi-bot", "", "", true},
      {"TI-CHI-BOT", "", "", true},
      {"  ti-chi-bot  ", "", "", true},
      {"Codecov Helper", "", "codecov", true},
      {"Dependabot", "49699333+dependabot[bot]@users.noreply.github.com", "", true},
      {"GitHub", "noreply@github.com", "", true},
      {"Renovate Bot", "Bot@RenovateApp.com", "", true},
      // A noreply address whose login ends in [bot].
      {"An App", "12345+an-app[bot]@users.noreply.github.com", "", true},
      // Humans.
      {"Alice", "alice@example.com", "alice", false},
      {"Alice", "", "", false},
      {"", "", "", false},
      {"k8s-ci-robot-fan", "", "", false},  // no substring matching
      {"Bob", "12345+bob@users.noreply.github.com", "bob", false},
      {"robot", "", "", false},
  };
  for (const BotCase& c : cases) {
    SCOPED_TRACE(c.name + " <" + c.email + "> " + c.login);
    EXPECT_EQ(list.IsBot(c.name, c.email, c.login), c.bot);
  }
}

TEST(BotListTest, AddTextAddsAndOverrides) {
  BotList list = BotList::Builtin();
  ASSERT_TRUE(list.IsBot("ti-chi-bot", "", ""));
  ASSERT_FALSE(list.IsBot("my-ci", "", ""));
  list.AddText("# a comment line\n\n  my-ci  \r\n!ti-chi-bot\n! Dependabot \n");
  EXPECT_TRUE(list.IsBot("MY-CI", "", ""));
  EXPECT_FALSE(list.IsBot("# a comment line", "", ""));
  // "!name" says the identity is a person, by name, login or email.
  EXPECT_FALSE(list.IsBot("ti-chi-bot", "", ""));
  EXPECT_FALSE(list.IsBot("Someone", "", "ti-chi-bot"));
  EXPECT_FALSE(list.IsBot("Dependabot", "", ""));
  // The override names exactly that identity; others stay bots.
  EXPECT_TRUE(list.IsBot("dependabot[bot]", "", ""));
  EXPECT_TRUE(list.IsBot("ti-srebot", "", ""));
}

// An event actor known by login alone is judged as IsBot(login, "", login) judges it.
TEST(BotListTest, IsBotLoginIsIsBotOnTheLogin) {
  BotList list = BotList::Builtin();
  list.AddText("my-ci\n!ti-chi-bot\n!human[bot]\n");
  size_t bots = 0;
  for (const char* login : {"dependabot[bot]", "Dependabot[BOT]", "my-ci", "MY-CI", " my-ci ", "ti-chi-bot",
                            "ti-srebot", "human[bot]", "other[bot]", "alice", "", "codecov-io"}) {
    EXPECT_EQ(list.IsBotLogin(login), list.IsBot(login, "", login)) << login;
    bots += list.IsBotLogin(login) ? 1 : 0;
  }
  EXPECT_GE(bots, 5u);  // the list above is not all people
}

TEST(BotListTest, OverrideBeatsSuffix) {
  BotList list = BotList::Builtin();
  list.AddText("!human[bot]\n");
  EXPECT_FALSE(list.IsBot("human[bot]", "", ""));
  EXPECT_TRUE(list.IsBot("other[bot]", "", ""));
}

TEST(BotListTest, LoadFileMissingNamesPath) {
  testing::TempDir tmp;
  const std::string path = tmp.Sub("no-such-bots.txt");
  BotList list = BotList::Builtin();
  const Status s = list.LoadFile(path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find(path), std::string::npos) << s.message();
}

TEST(BotListTest, LoadFileInvalidUtf8NamesPath) {
  testing::TempDir tmp;
  const std::string path = tmp.Sub("bots.txt");
  testing::WriteFile(path, "good-bot\nbad\xFF" "bot\n");
  BotList list;
  const Status s = list.LoadFile(path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find(path), std::string::npos) << s.message();
  // Nothing from the rejected file was added.
  EXPECT_FALSE(list.IsBot("good-bot", "", ""));
}

TEST(BotListTest, LoadFileAddsEntries) {
  testing::TempDir tmp;
  const std::string path = tmp.Sub("bots.txt");
  testing::WriteFile(path, "# ours\ncustom-bot\nci@example.com\n!k8s-ci-robot\n");
  BotList list = BotList::Builtin();
  ASSERT_OK(list.LoadFile(path));
  EXPECT_TRUE(list.IsBot("Custom-Bot", "", ""));
  EXPECT_TRUE(list.IsBot("CI", "CI@example.com", ""));
  EXPECT_FALSE(list.IsBot("k8s-ci-robot", "", ""));
  EXPECT_TRUE(list.IsBot("dependabot", "", ""));
}

TEST(BotListTest, EmptyListOnlyKnowsSuffix) {
  const BotList list;
  EXPECT_TRUE(list.IsBot("x[bot]", "", ""));
  EXPECT_FALSE(list.IsBot("dependabot", "", ""));
  EXPECT_EQ(list.Fingerprint(), "");
}

TEST(BotListTest, Fingerprint) {
  const BotList builtin = BotList::Builtin();
  const std::string base = builtin.Fingerprint();
  EXPECT_NE(base.find("+dependabot\n"), std::string::npos);
  EXPECT_EQ(BotList::Builtin().Fingerprint(), base);  // stable

  BotList more = BotList::Builtin();
  more.AddText("dependabot\n");  // already listed
  EXPECT_EQ(more.Fingerprint(), base);
  more.AddText("new-bot\n");
  const std::string with_bot = more.Fingerprint();
  EXPECT_NE(with_bot, base);
  EXPECT_NE(with_bot.find("+new-bot\n"), std::string::npos);
  more.AddText("!alice\n");
  EXPECT_NE(more.Fingerprint(), with_bot);
  EXPECT_NE(more.Fingerprint().find("!alice\n"), std::string::npos);

  // Independent of insertion order.
  BotList a;
  a.AddText("x\ny\n!z\n");
  BotList b;
  b.AddText("!z\ny\nx\n");
  EXPECT_EQ(a.Fingerprint(), b.Fingerprint());
  EXPECT_EQ(a.Fingerprint(), "!z\n+x\n+y\n");
}

}  // namespace
}  // namespace oscm::ingest
