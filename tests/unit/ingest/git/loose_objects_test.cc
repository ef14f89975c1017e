#include "ingest/git/loose_objects.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <zlib.h>

#include <filesystem>

#include "support/git_fixture.h"
#include "support/test_util.h"

namespace oscm::ingest {
namespace {

using oscm::testing::GitFixture;
using oscm::testing::TempDir;

class LooseObjectsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_ = std::make_unique<GitFixture>(tmp_.Sub("repo"));
    for (int i = 0; i < 3; ++i) {
      oscm::testing::FixtureCommit c;
      c.date = "2024-01-1" + std::to_string(i) + "T10:00:00";
      c.files["f" + std::to_string(i)] = std::string(1000 + i, 'x');
      repo_->Commit(c);
    }
  }
  std::string Objects() const { return repo_->path() + "/.git/objects"; }
  std::string ObjectFile(const std::string& oid) const { return Objects() + "/" + oid.substr(0, 2) + "/" + oid.substr(2); }
  // `bytes` deflated, as a loose object file holds them.
  static std::string Deflate(const std::string& bytes) {
    uLongf size = compressBound(bytes.size());
    std::string out(size, '\0');
    EXPECT_EQ(compress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(bytes.data()),
                       bytes.size()), Z_OK);
    out.resize(size);
    return out;
  }
  TempDir tmp_;
  std::unique_ptr<GitFixture> repo_;
};

TEST_F(LooseObjectsTest, WholeObjectsPass) { EXPECT_OK(CheckLooseObjects(Objects())); }

// Any cut of a loose object's stream is found (libgit2 1.5.1 hangs on all of them but the
// shortest and the longest), and the error names the object.
TEST_F(LooseObjectsTest, TruncatedObjectIsNamed) {
  const std::string oid = repo_->Oid(1);
  const std::string file = ObjectFile(oid);
  const std::string whole = oscm::testing::ReadFile(file);
  for (size_t size : {size_t{0}, size_t{1}, size_t{2}, size_t{20}, whole.size() / 2, whole.size() - 1}) {
    SCOPED_TRACE(size);
    std::filesystem::permissions(file, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
    oscm::testing::WriteFile(file, whole.substr(0, size));
    const Status s = CheckLooseObjects(Objects());
    EXPECT_EQ(s.code(), StatusCode::kCorruption);
    EXPECT_NE(s.message().find("loose object " + oid), std::string::npos) << s.message();
  }
  oscm::testing::WriteFile(file, whole);
  EXPECT_OK(CheckLooseObjects(Objects()));
}

TEST_F(LooseObjectsTest, CorruptStreamAndWrongSizeAreNamed) {
  const std::string file = ObjectFile(repo_->Oid(2));
  std::filesystem::permissions(file, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
  oscm::testing::WriteFile(file, "not a zlib stream at all");
  EXPECT_NE(CheckLooseObjects(Objects()).message().find("corrupt"), std::string::npos);
  oscm::testing::WriteFile(file, Deflate(std::string("blob 10") + '\0' + "short"));
  EXPECT_NE(CheckLooseObjects(Objects()).message().find("its header says 10 bytes, it holds 5"), std::string::npos)
      << CheckLooseObjects(Objects()).message();
  oscm::testing::WriteFile(file, Deflate(std::string("thing 5") + '\0' + "short"));
  EXPECT_NE(CheckLooseObjects(Objects()).message().find("header"), std::string::npos);
}

// Objects borrowed from another repository (objects/info/alternates) are read too.
TEST_F(LooseObjectsTest, AlternatesAreChecked) {
  GitFixture borrower(tmp_.Sub("borrower"));
  const std::string objects = borrower.path() + "/.git/objects";
  oscm::testing::WriteFile(objects + "/info/alternates", Objects() + "\n");
  EXPECT_OK(CheckLooseObjects(objects));
  const std::string file = ObjectFile(repo_->Oid(0));
  std::filesystem::permissions(file, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
  oscm::testing::WriteFile(file, oscm::testing::ReadFile(file).substr(0, 20));
  EXPECT_EQ(CheckLooseObjects(objects).code(), StatusCode::kCorruption);
}

// Reading a FIFO would block: what is not a regular file is left to libgit2.
TEST_F(LooseObjectsTest, FifoIsNotRead) {
  const std::string file = ObjectFile(repo_->Oid(2));
  std::filesystem::remove(file);
  ASSERT_EQ(mkfifo(file.c_str(), 0600), 0);
  EXPECT_OK(CheckLooseObjects(Objects()));
}

}  // namespace
}  // namespace oscm::ingest
