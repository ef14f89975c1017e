// A profile for the tiny community (see community_fixture.h), with every kind of fact, used by
// the profile, metrics, golden and CLI tests. Expected metric values are worked out by hand in
// tests/unit/ingest/profile/profile_test.cc.
#pragma once

namespace oscm::testing {

inline constexpr const char* kTinyProfile = R"(community = "tiny"

[[vendor]]
name = "PingCAP"
founded = 2015-04-01
source = "https://example.com/about"
as_of = 2025-01-01

[foundation]
name = "CNCF"
level = "incubating"
since = 2024-10-01
source = "https://example.com/cncf"
as_of = 2025-01-01

[licence]
strategy = "permissive"
spdx = "MIT"
source = "LICENSE"
as_of = 2025-01-01

[[business_model]]
kind = "open_core"
source = "https://example.com/pricing"
as_of = 2025-01-01

[[business_model]]
kind = "cloud_service"
source = "https://example.com/cloud"
as_of = 2025-08-01

[[offering]]
name = "Tiny Cloud"
vendor = "PingCAP"
kind = "cloud"
since = 2024-11-01
source = "https://example.com/cloud"
as_of = 2025-01-01

[[commercial_vendor]]
name = "Acme Hosting"
offering = "Managed Tiny"
since = 2025-02-01
source = "https://acme.example/tiny"
as_of = 2025-03-01

[[adopter]]
name = "Bank of Somewhere"
industry = "finance"
since = 2024-09-01
source = "https://example.com/case/bank"
as_of = 2025-01-01

[[adopter]]
name = "ShopCo"
industry = "retail"
source = "https://example.com/case/shop"
as_of = 2025-05-01

[[adopter]]
name = "<script>alert(1)</script>"
industry = "finance"
source = "https://example.com/case/x"
as_of = 2026-01-01

[[event]]
name = "TinyConf 2024"
kind = "conference"
date = 2024-11-20
source = "https://example.com/conf"
as_of = 2025-01-01

[[event]]
name = "Tiny meetup"
kind = "meetup"
date = 2023-05-01
source = "https://example.com/meetup"
as_of = 2025-01-01

[roadmap]
url = "https://example.com/roadmap"
source = "https://example.com/roadmap"
as_of = 2025-01-01
)";

}  // namespace oscm::testing
