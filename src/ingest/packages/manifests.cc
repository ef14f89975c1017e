#include "ingest/packages/manifests.h"

#include <simdjson.h>

#include <cctype>
#include <set>
#include <string>

#include "base/strings.h"
#include "base/toml_util.h"

namespace oscm::ingest {
namespace {

void Add(Ecosystem e, std::string_view name, std::vector<PackageRef>* out) {
  auto normal = NormalizePackageName(e, name);
  if (normal) out->push_back(PackageRef{e, std::move(normal).value()});
}

void FromPackageJson(std::string_view text, std::vector<PackageRef>* out) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(text.data(), text.size()).get(doc) != simdjson::SUCCESS || !doc.is_object()) return;
  bool is_private = false;
  if (doc["private"].get(is_private) == simdjson::SUCCESS && is_private) return;
  std::string_view name;
  if (doc["name"].get(name) == simdjson::SUCCESS) Add(Ecosystem::kNpm, name, out);
}

void FromToml(std::string_view text, bool cargo, std::vector<PackageRef>* out) {
  auto parsed = ParseToml(text, "manifest");
  if (!parsed) return;
  const toml::table& t = *parsed;
  if (cargo) {
    if (const auto publish = t["package"]["publish"].value<bool>(); publish && !*publish) return;
    if (const auto name = t["package"]["name"].value<std::string>()) Add(Ecosystem::kCargo, *name, out);
    return;
  }
  if (const auto name = t["project"]["name"].value<std::string>()) {
    Add(Ecosystem::kPypi, *name, out);
  } else if (const auto poetry = t["tool"]["poetry"]["name"].value<std::string>()) {
    Add(Ecosystem::kPypi, *poetry, out);
  }
}

void FromSetupCfg(std::string_view text, std::vector<PackageRef>* out) {
  bool metadata = false;
  for (std::string_view line : SplitLines(text)) {
    line = Trim(line);
    if (StartsWith(line, "[")) {
      metadata = line == "[metadata]";
      continue;
    }
    if (!metadata || !StartsWith(line, "name")) continue;
    const size_t eq = line.find_first_of("=:");
    if (eq == std::string_view::npos || Trim(line.substr(0, eq)) != "name") continue;
    Add(Ecosystem::kPypi, Trim(line.substr(eq + 1)), out);
    return;
  }
}

void FromGoMod(std::string_view text, std::vector<PackageRef>* out) {
  for (std::string_view line : SplitLines(text)) {
    line = Trim(line);
    if (!StartsWith(line, "module ") && !StartsWith(line, "module\t")) continue;
    std::string_view path = Trim(line.substr(6));
    if (const size_t comment = path.find("//"); comment != std::string_view::npos) path = Trim(path.substr(0, comment));
    if (path.size() >= 2 && path.front() == '"' && path.back() == '"') path = path.substr(1, path.size() - 2);
    Add(Ecosystem::kGo, path, out);
    return;
  }
}

// The text of the first <tag>...</tag> in `xml`, trimmed.
std::string XmlValue(std::string_view xml, std::string_view tag) {
  const std::string open = "<" + std::string(tag) + ">";
  const std::string close = "</" + std::string(tag) + ">";
  const size_t a = xml.find(open);
  if (a == std::string_view::npos) return {};
  const size_t b = xml.find(close, a);
  if (b == std::string_view::npos) return {};
  return std::string(Trim(xml.substr(a + open.size(), b - a - open.size())));
}

// `xml` without the elements named `tag` (and their contents).
std::string WithoutElements(std::string_view xml, std::string_view tag) {
  std::string out;
  const std::string open = "<" + std::string(tag);
  const std::string close = "</" + std::string(tag) + ">";
  size_t pos = 0;
  while (true) {
    size_t a = xml.find(open, pos);
    // "<dependencyManagement" must not match "<dependency"
    while (a != std::string_view::npos && a + open.size() < xml.size() && xml[a + open.size()] != '>' &&
           xml[a + open.size()] != ' ') {
      a = xml.find(open, a + 1);
    }
    if (a == std::string_view::npos) break;
    out.append(xml.substr(pos, a - pos));
    const size_t b = xml.find(close, a);
    if (b == std::string_view::npos) return out;
    pos = b + close.size();
  }
  out.append(xml.substr(pos));
  return out;
}

void FromPom(std::string_view text, std::vector<PackageRef>* out) {
  std::string project(text);
  for (std::string_view tag : {"dependencies", "dependencyManagement", "build", "profiles", "plugins",
                               "reporting", "modules", "exclusions"}) {
    project = WithoutElements(project, tag);
  }
  const std::string parent = XmlValue(project, "parent");
  const std::string own = WithoutElements(project, "parent");
  std::string group = XmlValue(own, "groupId");
  if (group.empty()) group = XmlValue(parent, "groupId");
  const std::string artifact = XmlValue(own, "artifactId");
  if (XmlValue(own, "packaging") == "pom") return;  // an aggregator, not something users depend on
  if (group.empty() || artifact.empty() || group.find("${") != std::string::npos ||
      artifact.find("${") != std::string::npos) {
    return;
  }
  Add(Ecosystem::kMaven, group + ":" + artifact, out);
}

// "docker pull NAME[:tag]" commands and hub.docker.com/r/NAME links.
void FromReadme(std::string_view text, std::vector<PackageRef>* out) {
  std::set<std::string> seen;
  auto take = [&](std::string_view rest) {
    size_t end = 0;
    while (end < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[end])) != 0 ||
                                 rest[end] == '/' || rest[end] == '-' || rest[end] == '_' || rest[end] == '.')) {
      ++end;
    }
    std::string name(rest.substr(0, end));
    while (!name.empty() && (name.back() == '.' || name.back() == '/')) name.pop_back();
    // Images on other registries (ghcr.io/..., quay.io/...) are not on Docker Hub.
    const size_t slash = name.find('/');
    if (slash != std::string::npos && name.substr(0, slash).find('.') != std::string::npos) return;
    if (!name.empty() && seen.insert(name).second) Add(Ecosystem::kDocker, name, out);
  };
  for (const std::string_view marker : {"docker pull ", "hub.docker.com/r/"}) {
    for (size_t at = text.find(marker); at != std::string_view::npos; at = text.find(marker, at + 1)) {
      std::string_view rest = text.substr(at + marker.size());
      while (StartsWith(rest, "-")) {  // options such as -q, or --platform linux/amd64
        const bool takes_value = StartsWith(rest, "--platform ");
        for (int skip = takes_value ? 2 : 1; skip > 0 && !rest.empty(); --skip) {
          const size_t space = rest.find(' ');
          rest = space == std::string_view::npos ? std::string_view() : Trim(rest.substr(space + 1));
        }
      }
      take(rest);
    }
  }
}

}  // namespace

bool IsManifestName(std::string_view f) {
  const std::string lower = AsciiLower(f);
  return f == "package.json" || f == "Cargo.toml" || f == "pyproject.toml" || f == "setup.cfg" || f == "go.mod" ||
         f == "pom.xml" || StartsWith(lower, "readme");
}

std::vector<PackageRef> PackagesInManifest(std::string_view f, std::string_view text, bool has_dockerfile) {
  std::vector<PackageRef> out;
  if (f == "package.json") {
    FromPackageJson(text, &out);
  } else if (f == "Cargo.toml") {
    FromToml(text, /*cargo=*/true, &out);
  } else if (f == "pyproject.toml") {
    FromToml(text, /*cargo=*/false, &out);
  } else if (f == "setup.cfg") {
    FromSetupCfg(text, &out);
  } else if (f == "go.mod") {
    FromGoMod(text, &out);
  } else if (f == "pom.xml") {
    FromPom(text, &out);
  } else if (has_dockerfile && StartsWith(AsciiLower(f), "readme")) {
    FromReadme(text, &out);
  }
  return out;
}

}  // namespace oscm::ingest
