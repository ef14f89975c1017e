#include "ingest/git/trailers.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace oscm::ingest {
namespace {

using People = std::vector<std::pair<std::string, std::string>>;

People Flatten(const std::vector<PersonRef>& v) {
  People out;
  for (const PersonRef& p : v) out.emplace_back(p.name, p.email);
  return out;
}

TEST(TrailersTest, EmptyAndPlainMessages) {
  EXPECT_TRUE(ParseTrailers("").coauthors.empty());
  EXPECT_TRUE(ParseTrailers("").signoffs.empty());
  const Trailers t = ParseTrailers("Fix the thing\n\nIt was broken: badly.\nSee https://x.org/a\n");
  EXPECT_TRUE(t.coauthors.empty());
  EXPECT_TRUE(t.signoffs.empty());
}

TEST(TrailersTest, CoAuthoredAndSignedOff) {
  const Trailers t = ParseTrailers(
      "Add feature\n"
      "\n"
      "Body text.\n"
      "\n"
      "Co-authored-by: Bob Smith <bob@example.com>\n"
      "Signed-off-by: Alice <alice@example.com>\n");
  EXPECT_EQ(Flatten(t.coauthors), (People{{"Bob Smith", "bob@example.com"}}));
  EXPECT_EQ(Flatten(t.signoffs), (People{{"Alice", "alice@example.com"}}));
}

TEST(TrailersTest, KeysAreCaseInsensitive) {
  const Trailers t = ParseTrailers(
      "x\n\n"
      "co-authored-by: A <a@example.com>\n"
      "CO-AUTHORED-BY: B <b@example.com>\n"
      "signed-OFF-by: C <c@example.com>\n"
      "Co-authored-by : D <d@example.com>\n");
  EXPECT_EQ(Flatten(t.coauthors),
            (People{{"A", "a@example.com"}, {"B", "b@example.com"}, {"D", "d@example.com"}}));
  EXPECT_EQ(Flatten(t.signoffs), (People{{"C", "c@example.com"}}));
}

TEST(TrailersTest, MultipleCoauthorsKeepOrderAndDropDuplicateEmails) {
  const Trailers t = ParseTrailers(
      "Squashed\n\n"
      "Co-authored-by: Carol <carol@example.com>\n"
      "Co-authored-by: Dave <dave@example.com>\n"
      "Co-authored-by: Carol C. <CAROL@Example.com>\n"
      "Co-authored-by: Erin <erin@example.com>\n"
      "Signed-off-by: Dave <dave@example.com>\n"
      "Signed-off-by: Dave <dave@example.com>\n");
  EXPECT_EQ(Flatten(t.coauthors), (People{{"Carol", "carol@example.com"},
                                          {"Dave", "dave@example.com"},
                                          {"Erin", "erin@example.com"}}));
  // The lists are independent: a co-author can also sign off, once.
  EXPECT_EQ(Flatten(t.signoffs), (People{{"Dave", "dave@example.com"}}));
}

TEST(TrailersTest, LinesWithoutEmailAreIgnored) {
  const Trailers t = ParseTrailers(
      "x\n\n"
      "Co-authored-by: Frank\n"
      "Co-authored-by: Grace <>\n"
      "Co-authored-by: Heidi >heidi@example.com<\n"
      "Signed-off-by:\n"
      "Reviewed-by: Ivan <ivan@example.com>\n"
      "Acked-by: Judy <judy@example.com>\n"
      "See also Co-authored-by: Mallory <mallory@example.com>\n"
      "Co-authored-by: Oscar <oscar@example.com>\n");
  EXPECT_EQ(Flatten(t.coauthors), (People{{"Oscar", "oscar@example.com"}}));
  EXPECT_TRUE(t.signoffs.empty());
}

TEST(TrailersTest, CrlfAndIndentedTrailers) {
  const Trailers t = ParseTrailers(
      "Title\r\n\r\n"
      "* squashed commit\r\n"
      "    Co-authored-by: Peggy Lee <peggy@example.com>\r\n"
      "\r\n"
      "Signed-off-by: Trent <trent@example.com>\r\n");
  EXPECT_EQ(Flatten(t.coauthors), (People{{"Peggy Lee", "peggy@example.com"}}));
  EXPECT_EQ(Flatten(t.signoffs), (People{{"Trent", "trent@example.com"}}));
}

TEST(TrailersTest, NameAndEmailAreTrimmed) {
  const Trailers t = ParseTrailers(
      "Co-authored-by:Dana<dana@example.com>\n"
      "Co-authored-by:   Walter   White   <  walter@example.com  >  \n"
      "Co-authored-by: <anon@example.com>\n");
  EXPECT_EQ(Flatten(t.coauthors), (People{{"Dana", "dana@example.com"},
                                          {"Walter   White", "walter@example.com"},
                                          {"", "anon@example.com"}}));
}

}  // namespace
}  // namespace oscm::ingest
