#include "ingest/git/community_files.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace oscm::ingest {
namespace {

struct PathCase {
  std::string path;
  bool is_directory;
  std::optional<std::string> kind;  // nullopt: not classified
  std::string language;
};

TEST(CommunityFilesTest, ClassifyCommunityPath) {
  const std::vector<PathCase> cases = {
      // Licences.
      {"LICENSE", false, "license", ""},
      {"LICENSE.md", false, "license", ""},
      {"license.txt", false, "license", ""},
      {"LICENCE", false, "license", ""},
      {"COPYING", false, "license", ""},
      {"COPYING.LESSER", false, "license", ""},
      {"LICENSE-APACHE", false, "license", ""},
      {"UNLICENSE", false, "license", ""},
      // Readmes and translations.
      {"README.md", false, "readme", ""},
      {"README", false, "readme", ""},
      {"readme.rst", false, "readme", ""},
      {".github/README.md", false, "readme", ""},
      {"README.zh-CN.md", false, "readme_translation", "zh-CN"},
      {"README_CN.md", false, "readme_translation", "zh-CN"},
      {"README_zh_cn.md", false, "readme_translation", "zh-CN"},
      {"README-ja.md", false, "readme_translation", "ja"},
      {"README.jp.md", false, "readme_translation", "ja"},
      {"README.zh-TW.md", false, "readme_translation", "zh-TW"},
      {"README.pt-BR.md", false, "readme_translation", "pt-BR"},
      {"README.ko.md", false, "readme_translation", "ko"},
      {"docs/README.zh-CN.md", false, "readme_translation", "zh-CN"},
      {"docs/README.md", false, std::nullopt, ""},  // an index page, not the readme
      {"doc/README.md", false, std::nullopt, ""},
      // Documentation translations are directories under docs/.
      {"docs/zh", true, "docs_translation", "zh"},
      {"docs/zh-CN", true, "docs_translation", "zh-CN"},
      {"docs/cn", true, "docs_translation", "zh-CN"},
      {"docs/ja", true, "docs_translation", "ja"},
      {"doc/ko", true, "docs_translation", "ko"},
      {"docs/zh", false, std::nullopt, ""},       // a file named zh is not a translation
      {"docs/images", true, std::nullopt, ""},
      {"zh", true, std::nullopt, ""},              // not under docs/
      {"website/docs/zh", true, std::nullopt, ""},
      // Maintainers.
      {".github/CODEOWNERS", false, "maintainers", ""},
      {"CODEOWNERS", false, "maintainers", ""},
      {"docs/CODEOWNERS", false, "maintainers", ""},
      {"OWNERS", false, "maintainers", ""},
      {"OWNERS_ALIASES", false, "maintainers", ""},
      {"MAINTAINERS.md", false, "maintainers", ""},
      {"COMMITTERS.md", false, "maintainers", ""},
      // Other governance files.
      {"CODE_OF_CONDUCT.md", false, "code_of_conduct", ""},
      {".github/code-of-conduct.md", false, "code_of_conduct", ""},
      {"CONTRIBUTING.md", false, "contributing", ""},
      {".github/CONTRIBUTING", false, "contributing", ""},
      {"GOVERNANCE.md", false, "governance", ""},
      {"SECURITY.md", false, "security", ""},
      {".github/SECURITY.md", false, "security", ""},
      {"ADOPTERS.md", false, "adopters", ""},
      {"USERS.md", false, "adopters", ""},
      {"CHANGELOG.md", false, "changelog", ""},
      {"CHANGES.rst", false, "changelog", ""},
      {"HISTORY.md", false, "changelog", ""},
      {"NEWS", false, "changelog", ""},
      {"RELEASE_NOTES.md", false, "changelog", ""},
      {"docs/release-notes.md", false, "changelog", ""},
      // Templates, as files or directories.
      {".github/ISSUE_TEMPLATE", true, "issue_template", ""},
      {".github/ISSUE_TEMPLATE.md", false, "issue_template", ""},
      {".github/issue_template", true, "issue_template", ""},
      {".github/PULL_REQUEST_TEMPLATE.md", false, "pr_template", ""},
      {".github/PULL_REQUEST_TEMPLATE", true, "pr_template", ""},
      // Not community files, or not in a searched directory.
      {"src/LICENSE", false, std::nullopt, ""},
      {"vendor/foo/README.md", false, std::nullopt, ""},
      {".github/workflows/ci.yml", false, std::nullopt, ""},
      {"main.go", false, std::nullopt, ""},
      {"Makefile", false, std::nullopt, ""},
      {"LICENSE", true, std::nullopt, ""},  // a directory named LICENSE
      {"docs", true, std::nullopt, ""},
  };
  for (const PathCase& c : cases) {
    SCOPED_TRACE(c.path + (c.is_directory ? " (dir)" : ""));
    const std::optional<FileClass> got = ClassifyCommunityPath(c.path, c.is_directory);
    ASSERT_EQ(got.has_value(), c.kind.has_value()) << (got ? got->kind : "");
    if (!got) continue;
    EXPECT_EQ(got->kind, *c.kind);
    EXPECT_EQ(got->language, c.language);
  }
}

constexpr const char* kApache =
    "\n                                 Apache License\n"
    "                           Version 2.0, January 2004\n"
    "                        http://www.apache.org/licenses/\n\n"
    "   TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION\n";

constexpr const char* kMit =
    "MIT License\n\nCopyright (c) 2024 Example\n\n"
    "Permission is hereby granted, free of charge, to any person obtaining a copy\n"
    "of this software and associated documentation files (the \"Software\"), to deal\n";

constexpr const char* kGpl2 =
    "                    GNU GENERAL PUBLIC LICENSE\n"
    "                       Version 2, June 1991\n\n"
    " Copyright (C) 1989, 1991 Free Software Foundation, Inc.,\n"
    "                            Preamble\n"
    "  When we speak of free software, we are referring to freedom, not\n"
    "price.  (Some other Free Software Foundation software is covered by\n"
    "the GNU Lesser General Public License instead.)  You can apply it to\n"
    "your programs, too.\n"
    "...\n"
    "consider it more useful to permit linking proprietary applications with the\n"
    "library.  If this is what you want to do, use the GNU Lesser General\n"
    "Public License version 3 instead of this License.\n";

constexpr const char* kGpl3 =
    "                    GNU GENERAL PUBLIC LICENSE\n"
    "                       Version 3, 29 June 2007\n\n"
    " Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>\n";

constexpr const char* kLgpl21 =
    "                  GNU LESSER GENERAL PUBLIC LICENSE\n"
    "                       Version 2.1, February 1999\n\n"
    "[This is the first released version of the Lesser GPL.  It also counts\n"
    " as the successor of the GNU Library Public License, version 2, hence\n"
    " the version number 2.1.]\n"
    "  This license, the Lesser General Public License, applies to some\n"
    "specially designated software packages--typically libraries--of the\n"
    "Free Software Foundation and other authors who decide to use it.  You\n"
    "can use it too, but we suggest you first think carefully about whether\n"
    "this license or the ordinary GNU General Public License is the better\n"
    "strategy to use in any particular case\n";

constexpr const char* kLgpl3 =
    "                   GNU LESSER GENERAL PUBLIC LICENSE\n"
    "                       Version 3, 29 June 2007\n"
    "  This version of the GNU Lesser General Public License incorporates\n"
    "the terms and conditions of version 3 of the GNU General Public\n"
    "License, supplemented by the additional permissions listed below.\n";

constexpr const char* kLgpl20 =
    "                  GNU LIBRARY GENERAL PUBLIC LICENSE\n"
    "                       Version 2, June 1991\n";

constexpr const char* kAgpl =
    "                    GNU AFFERO GENERAL PUBLIC LICENSE\n"
    "                       Version 3, 19 November 2007\n\n"
    "  The GNU Affero General Public License is a free, copyleft license for\n"
    "software and other kinds of works, specifically designed to ensure\n"
    "cooperation with the community in the case of network server software.\n"
    "  Developers that use our General Public Licenses protect your rights\n"
    "... the GNU General Public License, version 3 ...\n";

constexpr const char* kBsd3 =
    "BSD 3-Clause License\n\nCopyright (c) 2024, Example\n\n"
    "Redistribution and use in source and binary forms, with or without\n"
    "modification, are permitted provided that the following conditions are met:\n\n"
    "3. Neither the name of the copyright holder nor the names of its\n"
    "   contributors may be used to endorse or promote products derived from\n";

constexpr const char* kBsd2 =
    "BSD 2-Clause License\n\nCopyright (c) 2024, Example\n\n"
    "Redistribution and use in source and binary forms, with or without\n"
    "modification, are permitted provided that the following conditions are met:\n\n"
    "1. Redistributions of source code must retain the above copyright notice, this\n"
    "   list of conditions and the following disclaimer.\n";

constexpr const char* kMpl =
    "Mozilla Public License Version 2.0\n"
    "==================================\n\n"
    "1. Definitions\n";

constexpr const char* kIsc =
    "ISC License\n\nCopyright (c) 2024 Example\n\n"
    "Permission to use, copy, modify, and/or distribute this software for any\n"
    "purpose with or without fee is hereby granted\n";

constexpr const char* kBoost =
    "Boost Software License - Version 1.0 - August 17th, 2003\n\n"
    "Permission is hereby granted, free of charge, to any person or organization\n";

constexpr const char* kUnlicense =
    "This is free and unencumbered software released into the public domain.\n";

TEST(CommunityFilesTest, DetectSpdx) {
  struct Case {
    const char* name;
    std::string text;
    std::string spdx;
  };
  const std::vector<Case> cases = {
      {"apache", kApache, "Apache-2.0"},
      {"mit", kMit, "MIT"},
      {"gpl2 mentioning lgpl later", kGpl2, "GPL-2.0"},
      {"gpl3", kGpl3, "GPL-3.0"},
      {"lgpl2.1", kLgpl21, "LGPL-2.1"},
      {"lgpl3", kLgpl3, "LGPL-3.0"},
      {"lgpl2.0", kLgpl20, "LGPL-2.0"},
      {"agpl", kAgpl, "AGPL-3.0"},
      {"bsd3", kBsd3, "BSD-3-Clause"},
      {"bsd2", kBsd2, "BSD-2-Clause"},
      {"mpl", kMpl, "MPL-2.0"},
      {"isc", kIsc, "ISC"},
      {"boost", kBoost, "BSL-1.0"},
      {"unlicense", kUnlicense, "Unlicense"},
      // Re-wrapped and re-cased text still matches.
      {"mit rewrapped", "PERMISSION IS HEREBY\n   GRANTED,\tFREE OF\r\nCHARGE, to any person", "MIT"},
      {"apache one line", "Licensed under the Apache License, Version 2.0 (the \"License\");",
       "Apache-2.0"},
      {"unknown", "All rights reserved. Do not copy.\n", ""},
      {"empty", "", ""},
      {"apache without version", "Apache License\n", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(DetectSpdx(c.text), c.spdx);
  }
}

TEST(ParseAdoptersTest, TableHeadingsAndLists) {
  EXPECT_EQ(ParseAdopters("# Adopters\n\n| Organisation | Since | Use |\n|---|---|---|\n"
                          "| [Acme](https://acme.example) | 2021 | storage |\n| **Globex** | 2022 | cache |\n"),
            (std::vector<std::string>{"Acme", "Globex"}));
  // etcd's shape: a heading per adopter with "*Key*: value" details under it.
  EXPECT_EQ(ParseAdopters("---\ntitle: Production users\n---\n\n## discovery.etcd.io\n\n- *Application*: x\n"
                          "- *Launched*: Feb. 2014\n\n## OpenTable\n\n- *Application*: y\n\n## Yandex\n"),
            (std::vector<std::string>{"discovery.etcd.io", "OpenTable", "Yandex"}));
  EXPECT_EQ(ParseAdopters("# Users\n\n## In production\n\n- [PingCAP](https://pingcap.com) - TiDB Cloud\n"
                          "- Zhihu: metadata store\n  - nested detail\n* Shopee (since 2019)\n"),
            (std::vector<std::string>{"PingCAP", "Zhihu", "Shopee"}));
  EXPECT_TRUE(ParseAdopters("Nothing listed yet.\n").empty());
  EXPECT_TRUE(ParseAdopters("```\n- not a list item\n```\n").empty()) << "code blocks are not lists";
}

}  // namespace
}  // namespace oscm::ingest
