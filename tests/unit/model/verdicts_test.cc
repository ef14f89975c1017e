#include "model/verdicts.h"

#include <gtest/gtest.h>

#include "base/time.h"
#include "support/test_util.h"

namespace oscm::model {
namespace {

TEST(VerdictsTest, ParsesQuotedFieldsAndAnyColumnOrder) {
  const auto rows = ParseVerdicts(
      "rank,repository,foundation,date,verdict,meaning\n"
      "1,etcd-io/etcd,cncf,2018-12-11,incubating,\"moved to CNCF incubation, as \"\"etcd\"\"\"\n"
      "\n"
      "0,apache/incubator-x,apache-incubator,2020-02-15,retired,\"two\nlines\"\n"
      "3,a/b,cncf,2024-01-01,graduated,\r\n",
      "v.csv");
  ASSERT_OK(rows);
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].repository, "etcd-io/etcd");
  EXPECT_EQ((*rows)[0].rank, 1);
  EXPECT_EQ((*rows)[0].meaning, "moved to CNCF incubation, as \"etcd\"");
  EXPECT_EQ(FormatDate((*rows)[0].date), "2018-12-11");
  EXPECT_EQ((*rows)[1].meaning, "two\nlines");
  EXPECT_EQ((*rows)[1].line, 4);
  EXPECT_EQ((*rows)[2].line, 6);
  EXPECT_EQ((*rows)[2].verdict, "graduated");
}

TEST(VerdictsErrorTest, NameFileAndLine) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"repository,foundation,date,verdict\n", "v.csv:1: the header has no 'rank' column"},
      {"repository,foundation,date,verdict,rank\nnoslash,cncf,2020-01-01,sandbox,1\n", "v.csv:2: repository 'noslash' is not owner/name"},
      {"repository,foundation,date,verdict,rank\na/b,cncf,2020-02-30,sandbox,1\n", "v.csv:2:"},
      {"repository,foundation,date,verdict,rank\na/b,cncf,2020-02-01,sandbox,one\n", "v.csv:2: rank 'one' is not an integer"},
      {"repository,foundation,date,verdict,rank\na/b,cncf,2020-02-01,\"sandbox,1\n", "v.csv:2: unterminated quoted field"},
      {"repository,foundation,date,verdict,rank\n", "v.csv: no verdict rows"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const auto r = ParseVerdicts(c.text, "v.csv");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.error().message().find(c.message), std::string::npos) << r.error().message();
  }
}

}  // namespace
}  // namespace oscm::model
