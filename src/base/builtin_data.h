// The data files under data/ and models/, compiled into the binary so that oscm runs from anywhere.
// Generated definitions live in the build tree (see CMakeLists.txt, oscm_embed_data).
#pragma once

#include <string_view>

namespace oscm {

std::string_view BuiltinBots();            // data/bots.txt
std::string_view BuiltinWebmailDomains();  // data/webmail_domains.txt
std::string_view BuiltinOrgDomains();      // data/org_domains.txt
std::string_view BuiltinFoundationDomains();  // data/foundation_domains.txt
std::string_view BuiltinAcademicDomains();    // data/academic_domains.txt
std::string_view BuiltinDefaultModel();    // models/default.toml

}  // namespace oscm
