#include "ingest/packages/package_ref.h"

#include <gtest/gtest.h>

#include "support/test_util.h"

namespace oscm::ingest {
namespace {

TEST(PackageRefTest, SpecsAreNormalisedAsTheirRegistriesCompareNames) {
  struct Case {
    const char* spec;
    const char* formatted;
  };
  const Case cases[] = {
      {"npm:Express", "npm:express"},
      {"npm:@Babel/core", "npm:@babel/core"},
      {"pypi:Foo_Bar.baz", "pypi:foo-bar-baz"},
      {"pypi:zope.interface", "pypi:zope-interface"},
      {"cargo:serde_json", "cargo:serde_json"},
      {"crates:tokio", "cargo:tokio"},
      {"docker:nginx", "docker:library/nginx"},
      {"docker:PingCAP/TiDB", "docker:pingcap/tidb"},
      {"go:go.etcd.io/etcd/client/v3", "go:go.etcd.io/etcd/client/v3"},
      {"maven:org.apache.zookeeper:zookeeper", "maven:org.apache.zookeeper:zookeeper"},
      {" npm : left-pad ", "npm:left-pad"},
  };
  for (const Case& c : cases) {
    auto ref = ParsePackageSpec(c.spec);
    ASSERT_TRUE(ref.has_value()) << c.spec;
    EXPECT_EQ(FormatPackageRef(*ref), c.formatted) << c.spec;
  }
}

TEST(PackageRefErrorTest, MalformedSpecsNameTheProblem) {
  for (const char* spec : {"express", "rubygems:rails", "npm:", "npm:@scope", "pypi:a b", "docker:a/b/c",
                           "go:nodomain", "maven:no-colon", "npm:../etc"}) {
    auto ref = ParsePackageSpec(spec);
    EXPECT_FALSE(ref) << spec;
    if (!ref) {
      EXPECT_EQ(ref.error().code(), StatusCode::kInvalidArgument) << spec;
    }
  }
  EXPECT_NE(ParsePackageSpec("rubygems:rails").error().message().find("unknown package ecosystem 'rubygems'"),
            std::string::npos);
}

}  // namespace
}  // namespace oscm::ingest
