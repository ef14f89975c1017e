// Community files: which governance and documentation files a repository has.
//
// Looked for at the root, in .github/ and in docs/ (case-insensitive names, any extension):
//   license            LICENSE, LICENCE, COPYING, UNLICENSE (SPDX id from the text, see DetectSpdx)
//   readme             README
//   readme_translation README.zh-CN.md, README_CN.md, README-ja.md ... (language tag normalised)
//   docs_translation   docs/zh, docs/zh-CN, docs/cn, docs/ja ... (directories)
//   contributing, code_of_conduct, governance, security, changelog (CHANGELOG, CHANGES, HISTORY,
//   NEWS, RELEASE_NOTES), maintainers (MAINTAINERS, OWNERS, OWNERS_ALIASES, CODEOWNERS,
//   COMMITTERS), adopters (ADOPTERS, USERS), issue_template, pr_template (files or directories).
// Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oscm::ingest {

struct FileClass {
  std::string kind;
  std::string language;  // translations only
};

// `path` is relative to the repository root ("docs/zh", ".github/SECURITY.md").
std::optional<FileClass> ClassifyCommunityPath(std::string_view path, bool is_directory);

// The SPDX identifier of a licence text, or "" when not recognised.
std::string DetectSpdx(std::string_view license_text);

// The organisations an ADOPTERS/USERS file lists. Such files are Markdown in one of three shapes:
// a table (first column), a heading per adopter, or a list ("- [Name](url) - what they do");
// the shape that yields the most names wins. Items that are "*Key*: value" details of a heading
// are not names. At most 2000 names, each cut to 100 bytes.
std::vector<std::string> ParseAdopters(std::string_view markdown);

}  // namespace oscm::ingest
