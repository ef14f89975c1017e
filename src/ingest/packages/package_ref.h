// PackageRef: a package on one registry, named as users name it: "npm:@babel/core",
// "pypi:requests", "cargo:serde", "docker:pingcap/tidb", "go:go.etcd.io/etcd/client/v3",
// "maven:org.apache.zookeeper:zookeeper".
//
// Names are normalised the way their registry compares them: PyPI's PEP 503 form (lower case, runs
// of "-", "_" and "." as one "-"), npm and Docker Hub in lower case, an official Docker image as
// "library/NAME". Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "oscm/status.h"

namespace oscm::ingest {

enum class Ecosystem { kNpm, kPypi, kCargo, kDocker, kGo, kMaven };

struct PackageRef {
  Ecosystem ecosystem = Ecosystem::kNpm;
  std::string name;
  bool operator==(const PackageRef&) const = default;
  bool operator<(const PackageRef& o) const {
    return ecosystem != o.ecosystem ? ecosystem < o.ecosystem : name < o.name;
  }
};

std::string_view EcosystemName(Ecosystem e);  // "npm", "pypi", "cargo", "docker", "go", "maven"
Result<Ecosystem> ParseEcosystem(std::string_view name);

// `name` as the registry compares names; kInvalidArgument when it cannot be one of its names.
Result<std::string> NormalizePackageName(Ecosystem e, std::string_view name);

// "ecosystem:name", normalised; kInvalidArgument naming the spec otherwise.
Result<PackageRef> ParsePackageSpec(std::string_view spec);
std::string FormatPackageRef(const PackageRef& ref);  // "npm:express"

}  // namespace oscm::ingest
