#include "store/gh_event_writer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/store.h"
#include "support/test_util.h"

namespace oscm::store {
namespace {

// InsertAll stores rows 32 to a statement and the rest one by one: every row lands with its
// values, and events already stored (earlier, or twice in one call) are not counted again.
TEST(GhEventWriterTest, InsertAllStoresEveryRowOnceWhateverTheStatement) {
  oscm::testing::TempDir tmp;
  auto store = Store::Open(tmp.Sub("oscm.db"));
  ASSERT_OK(store);
  SqliteDb& db = store->db();
  auto community = store->EnsureCommunity("acme");
  ASSERT_OK(community);
  ASSERT_OK(db.Exec("INSERT INTO gh_repos(id, community_id, name) VALUES (7, " + std::to_string(*community) +
                    ", 'acme/tool')"));
  std::vector<GhEvent> events(75);
  for (size_t i = 0; i < events.size(); ++i) {
    GhEvent& e = events[i];
    e.id = "e" + std::to_string(i % 70);  // the last 5 repeat ids of this same call
    e.type = i % 2 == 0 ? "IssuesEvent" : "WatchEvent";
    e.created_at = 1700000000 + static_cast<int64_t>(i);
    e.actor = "user" + std::to_string(i);
    e.number = static_cast<int64_t>(i);
    e.labels = {"bug", "l" + std::to_string(i)};
    e.title = "title " + std::to_string(i);
  }
  auto writer = GhEventWriter::Create(db);
  ASSERT_OK(writer);
  std::vector<GhEventWriter::Row> rows;
  for (const GhEvent& e : events) rows.push_back({7, &e, e.actor == "user3"});
  auto txn = Transaction::Begin(db);
  ASSERT_OK(txn);
  ASSERT_OK(writer->Insert(7, events[0], false));  // already stored before the call
  auto added = writer->InsertAll(rows);
  ASSERT_OK(added);
  ASSERT_OK(txn->Commit());
  EXPECT_EQ(*added, 69);  // 70 distinct ids, one of them stored before
  EXPECT_EQ(oscm::testing::QueryInt(db, "SELECT COUNT(*) FROM gh_events"), 70);
  // A row from a 32-row statement, one from the one-by-one rest, keep their own values.
  for (const int i : {33, 66}) {
    SCOPED_TRACE(i);
    auto row = db.Prepare("SELECT type, created_at, actor, actor_is_bot, number, labels, title FROM gh_events "
                          "WHERE id = 'e" + std::to_string(i) + "'");
    ASSERT_OK(row);
    auto found = row->Step();
    ASSERT_OK(found);
    ASSERT_TRUE(*found);
    EXPECT_EQ(row->ColumnText(0), i % 2 == 0 ? "IssuesEvent" : "WatchEvent");
    EXPECT_EQ(row->ColumnInt(1), 1700000000 + i);
    EXPECT_EQ(row->ColumnText(2), "user" + std::to_string(i));
    EXPECT_EQ(row->ColumnInt(3), 0);
    EXPECT_EQ(row->ColumnInt(4), i);
    EXPECT_EQ(row->ColumnText(5), "bug\nl" + std::to_string(i) + "\n");
    EXPECT_EQ(row->ColumnText(6), "title " + std::to_string(i));
  }
  EXPECT_EQ(oscm::testing::QueryInt(db, "SELECT actor_is_bot FROM gh_events WHERE id = 'e3'"), 1);
}

}  // namespace
}  // namespace oscm::store
