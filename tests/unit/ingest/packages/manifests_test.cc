#include "ingest/packages/manifests.h"

#include <gtest/gtest.h>

namespace oscm::ingest {
namespace {

std::string Names(const std::vector<PackageRef>& refs) {
  std::string out;
  for (const auto& r : refs) out += (out.empty() ? "" : " ") + FormatPackageRef(r);
  return out;
}

TEST(ManifestsTest, EachManifestNamesWhatItPublishes) {
  struct Case {
    const char* file;
    const char* text;
    bool dockerfile;
    const char* expected;
  };
  const Case cases[] = {
      {"package.json", R"({"name":"@tidb/client","version":"1.0.0"})", false, "npm:@tidb/client"},
      {"package.json", R"({"name":"site","private":true})", false, ""},
      {"package.json", R"({"name":)", false, ""},  // broken: no package, no failure
      {"Cargo.toml", "[package]\nname = \"tikv-client\"\nversion = \"0.3.0\"\n", false, "cargo:tikv-client"},
      {"Cargo.toml", "[package]\nname = \"internal\"\npublish = false\n", false, ""},
      {"Cargo.toml", "[workspace]\nmembers = [\"a\"]\n", false, ""},
      {"pyproject.toml", "[project]\nname = \"Py_TiDB\"\n", false, "pypi:py-tidb"},
      {"pyproject.toml", "[tool.poetry]\nname = \"poetry-pkg\"\n", false, "pypi:poetry-pkg"},
      {"setup.cfg", "[options]\nname = nope\n[metadata]\nname = cfg.pkg\nversion = 1\n", false, "pypi:cfg-pkg"},
      {"go.mod", "// comment\nmodule go.etcd.io/etcd/v3 // the module\n\ngo 1.21\n", false, "go:go.etcd.io/etcd/v3"},
      {"pom.xml",
       "<project><parent><groupId>org.apache</groupId><artifactId>apache</artifactId></parent>"
       "<artifactId>zookeeper</artifactId><dependencies><dependency><groupId>x</groupId>"
       "<artifactId>y</artifactId></dependency></dependencies></project>",
       false, "maven:org.apache:zookeeper"},
      {"pom.xml", "<project><groupId>org.a</groupId><artifactId>parent</artifactId><packaging>pom</packaging></project>",
       false, ""},
      {"pom.xml", "<project><groupId>${g}</groupId><artifactId>x</artifactId></project>", false, ""},
      {"README.md", "Run `docker pull pingcap/tidb:v7.5.0` or see https://hub.docker.com/r/pingcap/tikv.\n"
                    "docker pull --platform linux/amd64 pingcap/pd\ndocker pull ghcr.io/x/y\n",
       true, "docker:pingcap/tidb docker:pingcap/pd docker:pingcap/tikv"},
      {"README.md", "docker pull postgres", false, ""},  // no Dockerfile: an image it uses
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Names(PackagesInManifest(c.file, c.text, c.dockerfile)), c.expected) << c.file << ": " << c.text;
  }
  EXPECT_TRUE(IsManifestName("README.rst"));
  EXPECT_FALSE(IsManifestName("package-lock.json"));
}

}  // namespace
}  // namespace oscm::ingest
