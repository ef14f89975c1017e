#include "ingest/packages/package_ref.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/strings.h"

namespace oscm::ingest {
namespace {

constexpr std::string_view kNames[] = {"npm", "pypi", "cargo", "docker", "go", "maven"};

bool AllOf(std::string_view s, std::string_view extra) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           extra.find(c) != std::string_view::npos;
  });
}

}  // namespace

std::string_view EcosystemName(Ecosystem e) { return kNames[static_cast<int>(e)]; }

Result<Ecosystem> ParseEcosystem(std::string_view name) {
  const std::string lower = AsciiLower(Trim(name));
  for (size_t i = 0; i < std::size(kNames); ++i) {
    if (lower == kNames[i]) return static_cast<Ecosystem>(i);
  }
  if (lower == "crates" || lower == "crates.io") return Ecosystem::kCargo;
  if (lower == "container" || lower == "dockerhub") return Ecosystem::kDocker;
  return InvalidArgumentError(
      fmt::format("unknown package ecosystem '{}' (expected npm, pypi, cargo, docker, go or maven)", name));
}

Result<std::string> NormalizePackageName(Ecosystem e, std::string_view raw) {
  const std::string_view name = Trim(raw);
  auto bad = [&] {
    return InvalidArgumentError(fmt::format("'{}' is not a {} package name", raw, EcosystemName(e)));
  };
  switch (e) {
    case Ecosystem::kNpm: {
      // "name" or "@scope/name"
      const std::string lower = AsciiLower(name);
      const size_t slash = lower.find('/');
      const bool scoped = StartsWith(lower, "@");
      if (scoped ? (slash == std::string::npos || !AllOf(lower.substr(1, slash - 1), "-._~") ||
                    !AllOf(lower.substr(slash + 1), "-._~"))
                 : !AllOf(lower, "-._~")) {
        return bad();
      }
      return lower;
    }
    case Ecosystem::kPypi: {
      if (!AllOf(name, "-_.")) return bad();
      std::string out;
      for (char c : AsciiLower(name)) {
        const bool sep = c == '-' || c == '_' || c == '.';
        if (sep) {
          if (out.empty() || out.back() != '-') out += '-';
        } else {
          out += c;
        }
      }
      return out;
    }
    case Ecosystem::kCargo:
      if (!AllOf(name, "-_")) return bad();
      return std::string(name);
    case Ecosystem::kDocker: {
      const std::string lower = AsciiLower(name);
      const size_t slash = lower.find('/');
      if (slash == std::string::npos) {
        if (!AllOf(lower, "-._")) return bad();
        return "library/" + lower;
      }
      if (lower.find('/', slash + 1) != std::string::npos || !AllOf(lower.substr(0, slash), "-._") ||
          !AllOf(lower.substr(slash + 1), "-._")) {
        return bad();
      }
      return lower;
    }
    case Ecosystem::kGo:
      if (!AllOf(name, "-._~/") || name.find('/') == std::string_view::npos) return bad();
      return std::string(name);
    case Ecosystem::kMaven: {
      const size_t colon = name.find(':');
      if (colon == std::string_view::npos || !AllOf(name.substr(0, colon), "-._") ||
          !AllOf(name.substr(colon + 1), "-._")) {
        return bad();
      }
      return std::string(name);
    }
  }
  return bad();
}

Result<PackageRef> ParsePackageSpec(std::string_view spec) {
  const size_t colon = spec.find(':');
  if (colon == std::string_view::npos) {
    return InvalidArgumentError(fmt::format("package '{}': expected ECOSYSTEM:NAME, e.g. npm:express", spec));
  }
  PackageRef ref;
  auto ecosystem = ParseEcosystem(spec.substr(0, colon));
  if (!ecosystem) return ecosystem.error().WithContext(fmt::format("package '{}'", spec));
  ref.ecosystem = *ecosystem;
  auto name = NormalizePackageName(ref.ecosystem, spec.substr(colon + 1));
  if (!name) return name.error().WithContext(fmt::format("package '{}'", spec));
  ref.name = std::move(name).value();
  return ref;
}

std::string FormatPackageRef(const PackageRef& ref) {
  return fmt::format("{}:{}", EcosystemName(ref.ecosystem), ref.name);
}

}  // namespace oscm::ingest
