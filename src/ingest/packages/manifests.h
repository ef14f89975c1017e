// The packages a repository's manifests say it publishes.
//
//   package.json     npm: "name", unless "private": true
//   Cargo.toml       cargo: [package] name, unless publish = false
//   pyproject.toml   pypi: [project] name, else [tool.poetry] name
//   setup.cfg        pypi: [metadata] name
//   go.mod           go: the module path
//   pom.xml          maven: the project's groupId (or its parent's) and artifactId
//   README*          docker: images in "docker pull NAME" commands and hub.docker.com/r/NAME
//                    links, counted only when the repository has a Dockerfile (a README also
//                    names images it merely uses)
//
// A manifest that cannot be read (broken JSON or TOML, a template with placeholders) names no
// package: discovery must not fail a community because of one odd file. Pure functions;
// thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/packages/package_ref.h"

namespace oscm::ingest {

// Whether `file_name` (no directory) is a manifest PackagesInManifest reads.
bool IsManifestName(std::string_view file_name);

// The packages `text`, the contents of a file named `file_name`, declares. `has_dockerfile`
// says whether the repository builds a container image (for README files).
std::vector<PackageRef> PackagesInManifest(std::string_view file_name, std::string_view text,
                                           bool has_dockerfile);

}  // namespace oscm::ingest
