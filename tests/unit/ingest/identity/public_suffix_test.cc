#include "ingest/identity/public_suffix.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oscm::ingest {
namespace {

TEST(PublicSuffixTest, RegistrableDomain) {
  struct Case {
    const char* in;
    const char* out;
  };
  const std::vector<Case> cases = {
      {"dev.acme.co.uk", "acme.co.uk"},
      {"acme.co.uk", "acme.co.uk"},
      {"mail.pingcap.com", "pingcap.com"},
      {"a.b.c.acme.com", "acme.com"},
      {"www.acme.com.cn", "acme.com.cn"},
      {"x.foo.ac.jp", "foo.ac.jp"},
      {"cs.tsinghua.edu.cn", "tsinghua.edu.cn"},
      {"sub.acme.io", "acme.io"},
      {"user.github.io", "user.github.io"},  // github.io is a (private) public suffix
      // Nothing anyone registers.
      {"co.uk", ""},
      {"github.io", ""},
      {"localhost", ""},
      {"build-box", ""},
      {"box.local", ""},
      {"router.lan", ""},
      {"host.localdomain", ""},
      {"ci.internal", ""},
      {"a.b.notarealtld", ""},
      {"192.168.1.10", ""},
      {"::1", ""},
      {"x.example", ""},
      {"example.com", ""},
      {"mail.example.org", ""},
      {"a.test", ""},
      {"x.invalid", ""},
      {"a_b.com", ""},
      {".acme.com", ""},
      {"acme.com.", ""},
      {"acme..com", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(RegistrableDomain(c.in), c.out);
  }
}

TEST(PublicSuffixTest, PublicSuffixOf) {
  EXPECT_EQ(PublicSuffixOf("tsinghua.edu.cn"), "edu.cn");
  EXPECT_EQ(PublicSuffixOf("ox.ac.uk"), "ac.uk");
  EXPECT_EQ(PublicSuffixOf("mit.edu"), "edu");
  EXPECT_EQ(PublicSuffixOf("pingcap.com"), "com");
  EXPECT_EQ(PublicSuffixOf("mail.pingcap.com"), "");  // not itself registrable
  EXPECT_EQ(PublicSuffixOf("localhost"), "");
}

}  // namespace
}  // namespace oscm::ingest
