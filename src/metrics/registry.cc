#include "metrics/registry.h"

#include <algorithm>

#include "metrics/gharchive_metrics.h"
#include "metrics/git_metrics.h"
#include "metrics/profile_metrics.h"
#include "metrics/timezone_metrics.h"
#include "metrics/usage_metrics.h"

namespace oscm::metrics {

const std::vector<MetricDef>& Registry() {
  static const std::vector<MetricDef> kMetrics = [] {
    std::vector<MetricDef> m = {
        {"age_months", "months", "git",
         "Whole months from the community's first commit to its last one by the end of the window: "
         "a community ages only while it is active, so a dormant one gains nothing by waiting.", AgeMonths},
        {"bus_factor", "count", "git",
         "Fewest people whose contributions (authored or co-authored commits) make up half of all "
         "contributions in the window; 0 in a window without any (nobody carries the work).", BusFactor},
        {"commits", "count", "git",
         "Non-merge commits by people (not bots) authored in the window.", Commits},
        {"community_files", "count", "git",
         "How many kinds of community file (licence, readme, translations, contributing, code of "
         "conduct, governance, maintainers, security, adopters, changelog, issue and PR templates) "
         "the repository has, counting those present by the end of the window.", CommunityFiles},
        {"contributors_active", "count", "git",
         "Distinct people who authored or co-authored a commit in the window.", ContributorsActive},
        {"contributors_new", "count", "git",
         "Active contributors whose first contribution ever falls in the window.", ContributorsNew},
        {"contributors_retained", "count", "git",
         "Active contributors who also contributed in the 12 months before the window.",
         ContributorsRetained},
        {"elephant_factor", "count", "git",
         "Fewest companies whose commits make up half of the company-affiliated commits in the "
         "window (foundations, universities, independent and unknown authors excluded); 0 when no "
         "company committed.", ElephantFactor},
        {"orgs_active", "count", "git",
         "Distinct companies with a contribution in the window (see `oscm orgs`: a domain in no map "
         "counts as a company only when two people use it or a GitHub profile names it).",
         OrgsActive},
        {"releases", "count", "git",
         "Distinct versions released in the window: a final version dated by its first tag (the "
         "annotated tag's date, else the tagged commit's) or GitHub release, module tags of one "
         "version (api/v3.6.1, server/v3.6.1) counting once; a version tagged only as release "
         "candidates (apache-x-2.0.0-rc3, as Apache projects release) counts once, dated by its "
         "last candidate, when no final tag of it exists; alpha, beta and other pre-releases do "
         "not count.", Releases},
        {"top_org_share", "share", "git",
         "Share of the window's commits authored by the company with the most commits.",
         TopOrgShare},
        {"tz_entropy", "bits", "git",
         "Shannon entropy of the authors' UTC offsets over the window's commits.", TzEntropy},
        {"tz_regions", "count", "git",
         "How many of the three regions (Americas, Europe-Africa, Asia-Pacific, by the author's "
         "UTC offset) hold at least 10% of the window's commits.", TzRegions},
        {"release_months", "count", "git",
         "Months of the window in which at least one release (as counted by `releases`) was first "
         "tagged: how regular releases are.", ReleaseMonths},
        {"contributor_retention", "share", "git",
         "Share of the previous 12 months' contributors who contributed again in the window.",
         ContributorRetention},
        {"org_commit_share", "share", "git",
         "Share of the window's commits authored by people working for a company (measured "
         "enterprise investment; foundation and university addresses do not count).", OrgCommitShare},
        {"active_months", "count", "git",
         "Months of the window with at least one commit; a window ending mid-month counts its partial "
         "first and last months as one, so a 12-month window never counts 13.", ActiveMonths},
        {"doc_languages", "count", "git",
         "Languages the documentation is translated into (README.<lang> and docs/<lang>/), counting "
         "translations present by the end of the window.", DocLanguages},
        {"outside_contributors", "count", "git",
         "Active contributors who made none of their window's contributions for the primary vendor "
         "(declared in the profile) or, without a declared vendor, for the company with the most "
         "commits in the window, or without any company, other than the most active contributor.",
         OutsideContributors},
        {"vendor_share", "share", "profile",
         "Share of the window's commits authored for the primary vendor declared in the profile "
         "(its `organisations`, matched by name or domain: Synadia matches synadia.com); unavailable "
         "when no declared organisation matches any of the history's, which is warned about.", VendorShare},
        {"working_hours_share", "share", "git",
         "Share of the window's commits made Monday to Friday, 09:00-18:00 in the author's local "
         "time (a proxy for paid development).", WorkingHoursShare},
        // GitHub events: unavailable (null) over a window less than 90% covered by GH Archive
        // hours read or, for what it lists, the GitHub API (gharchive_metrics.h).
        {"active_actors", "count", "gharchive",
         "Distinct people (not bots) with any GH Archive event on the tracked repositories in the "
         "window (null unless 90% of the window's hours were read).", ActiveActors},
        {"forks", "count", "gharchive", "Forks (ForkEvent) in the window.", Forks},
        {"issue_authors", "count", "gharchive",
         "Distinct people who opened an issue (not a pull request) in the window: the user ring.",
         IssueAuthors},
        {"issue_close_hours", "hours", "gharchive",
         "Median hours from an issue's opening to its closing, over issues closed in the window.",
         IssueCloseHours},
        {"issue_first_response_hours", "hours", "gharchive",
         "Median hours from an issue's opening to the first comment by another person, over issues "
         "opened in the window that got one by the window's end.", IssueFirstResponseHours},
        {"issues_closed", "count", "gharchive", "Issues (not pull requests) closed in the window.",
         IssuesClosed},
        {"issues_opened", "count", "gharchive",
         "Issues (not pull requests) opened by people in the window.", IssuesOpened},
        {"new_actors", "count", "gharchive",
         "Active actors whose first event on the tracked repositories falls in the window.",
         NewActors},
        {"pr_authors", "count", "gharchive", "Distinct people who opened a pull request in the window.",
         PrAuthors},
        {"pr_merge_hours", "hours", "gharchive",
         "Median hours from a pull request's creation to its merge, over pull requests merged in "
         "the window.", PrMergeHours},
        {"prs_merged", "count", "gharchive", "Pull requests closed with a merge in the window.",
         PrsMerged},
        {"prs_opened", "count", "gharchive", "Pull requests opened by people in the window.",
         PrsOpened},
        {"releases_published", "count", "gharchive", "Releases published (ReleaseEvent) in the window.",
         ReleasesPublished},
        {"reviewers", "count", "gharchive",
         "Distinct people who reviewed or commented on a pull request's diff in the window.",
         Reviewers},
        {"stars", "count", "gharchive", "Stars (WatchEvent) in the window.", Stars},
        {"title_languages", "count", "gharchive",
         "How many languages (Chinese, English, other, told by script) hold at least 10% of the "
         "titles of issues and pull requests opened in the window.", TitleLanguages},
        {"stars_total", "count", "gharchive",
         "Stars from the repository's creation to the end of the window: only the GitHub API's "
         "stargazer listing covers that, so null without it.", StarsTotal},
        // Package registries and OpenRank: unavailable (null) without their data.
        {"dependent_repos", "count", "packages",
         "Repositories that depend on the community's packages (ecosyste.ms), as last fetched before "
         "the end of the window, summed over its packages.", DependentRepos},
        {"dependents", "count", "packages",
         "Packages that depend on the community's packages (deps.dev; crates.io for Rust crates), as "
         "last fetched before the end of the window, summed over its packages.", Dependents},
        {"downloads", "count/month", "packages",
         "Downloads per month of the community's packages (npm, PyPI without mirrors, crates.io, "
         "Docker Hub pulls): each package's mean daily downloads over the days of the window its "
         "registry covers, summed, times 30.4375.", Downloads},
        {"openrank", "score", "gharchive",
         "Mean monthly OpenRank (OpenDigger's global OpenRank, computed from GH Archive with "
         "--all-repos) of the community's GitHub repositories, over the window's months that have one.",
         OpenRank},
        // Profile: unavailable (null) for a community without an ingested profile.
        {"adopters", "count", "profile",
         "Organisations using the project in production by the end of the window: declared in the "
         "profile or listed in a repository's ADOPTERS/USERS file.", Adopters},
        {"adopter_industries", "count", "profile",
         "Distinct industries of the declared adopters by the end of the window.", AdopterIndustries},
        {"business_models", "count", "profile",
         "Distinct business models (open core, cloud service, support subscriptions, dual "
         "licensing, ...) declared by the end of the window.", BusinessModels},
        {"commercial_offerings", "count", "profile",
         "Commercial products and services built on the project, available by the end of the window.",
         CommercialOfferings},
        {"commercial_vendors", "count", "profile",
         "Distinct companies offering a commercial solution built on the project by the end of the "
         "window (the primary vendor included when it has an offering).", CommercialVendors},
        {"events_held", "count", "profile", "Conferences, meetups and hackathons held in the window.",
         EventsHeld},
        {"foundation_level", "level", "profile",
         "Standing in a neutral foundation at the end of the window: 0 none, 1 sandbox, 2 "
         "incubating, 3 graduated or top-level.", FoundationLevelMetric},
        {"roadmap_published", "flag", "profile", "1 when a public roadmap is declared, else 0.",
         RoadmapPublished},
        {"vendor_age_years", "years", "profile",
         "Years from the founding of the earliest declared primary vendor to the end of the window.",
         VendorAgeYears},
    };
    std::sort(m.begin(), m.end(), [](const MetricDef& a, const MetricDef& b) { return a.id < b.id; });
    return m;
  }();
  return kMetrics;
}

const MetricDef* FindMetric(std::string_view id) {
  for (const auto& m : Registry()) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

}  // namespace oscm::metrics
