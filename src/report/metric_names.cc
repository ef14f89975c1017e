#include "report/metric_names.h"

#include <algorithm>
#include <array>

#include "metrics/registry.h"

namespace oscm::report {
namespace {

struct MetricWords {
  std::string_view id;
  std::string_view en, zh;
  std::string_view unit_en, unit_zh;
};

// Sorted by id.
constexpr std::array kWords = std::to_array<MetricWords>({
    {"active_actors", "Active GitHub users", "GitHub 活跃用户", "people", "人"},
    {"active_months", "Months with commits", "有提交的月数", "months", "月"},
    {"adopter_industries", "Adopter industries", "采用者行业数", "industries", "个行业"},
    {"adopters", "Adopters", "采用者", "organisations", "个组织"},
    {"age_months", "Active age", "活跃时长", "months", "月"},
    {"bus_factor", "Bus factor", "巴士因子", "people", "人"},
    {"business_models", "Business models", "商业模式", "models", "种"},
    {"commercial_offerings", "Commercial offerings", "商业产品与服务", "offerings", "项"},
    {"commercial_vendors", "Commercial vendors", "商业供应商", "companies", "家"},
    {"commits", "Commits", "提交", "commits", "次提交"},
    {"community_files", "Community files", "社区文件", "kinds of file", "类文件"},
    {"contributor_retention", "Contributor retention", "贡献者留存率", "share", "比例"},
    {"contributors_active", "Active contributors", "活跃贡献者", "people", "人"},
    {"contributors_new", "New contributors", "新贡献者", "people", "人"},
    {"contributors_retained", "Retained contributors", "留存贡献者", "people", "人"},
    {"dependent_repos", "Dependent repositories", "依赖它的仓库", "repositories", "个仓库"},
    {"dependents", "Dependent packages", "依赖它的软件包", "packages", "个软件包"},
    {"doc_languages", "Documentation languages", "文档语言", "languages", "种语言"},
    {"downloads", "Downloads", "下载量", "downloads a month", "次/月"},
    {"elephant_factor", "Elephant factor", "大象因子", "companies", "家公司"},
    {"events_held", "Events held", "举办活动", "events", "场"},
    {"forks", "Forks", "复刻", "forks", "次复刻"},
    {"foundation_level", "Foundation level", "基金会级别", "level", "级"},
    {"issue_authors", "Issue authors", "议题作者", "people", "人"},
    {"issue_close_hours", "Hours to close an issue", "议题关闭时长", "hours", "小时"},
    {"issue_first_response_hours", "Hours to first response", "议题首次响应时长", "hours", "小时"},
    {"issues_closed", "Issues closed", "关闭的议题", "issues", "个议题"},
    {"issues_opened", "Issues opened", "新开议题", "issues", "个议题"},
    {"new_actors", "New GitHub users", "GitHub 新用户", "people", "人"},
    {"openrank", "OpenRank influence", "OpenRank 影响力", "score", "分"},
    {"org_commit_share", "Company commit share", "企业提交占比", "share", "比例"},
    {"orgs_active", "Active organisations", "活跃组织", "companies", "家公司"},
    {"outside_contributors", "Outside contributors", "外部贡献者", "people", "人"},
    {"pr_authors", "Pull request authors", "PR 作者", "people", "人"},
    {"pr_merge_hours", "Hours to merge a pull request", "PR 合并时长", "hours", "小时"},
    {"prs_merged", "Pull requests merged", "合并的 PR", "pull requests", "个 PR"},
    {"prs_opened", "Pull requests opened", "新开 PR", "pull requests", "个 PR"},
    {"release_months", "Months with a release", "有发布的月数", "months", "月"},
    {"releases", "Releases", "版本发布", "releases", "个版本"},
    {"releases_published", "GitHub releases", "GitHub 发布", "releases", "个版本"},
    {"reviewers", "Reviewers", "评审者", "people", "人"},
    {"roadmap_published", "Public roadmap", "公开路线图", "yes (1) or no (0)", "是 (1) 或否 (0)"},
    {"stars", "Stars", "星标", "stars", "个星标"},
    {"stars_total", "Stars in total", "累计星标", "stars", "个星标"},
    {"title_languages", "Title languages", "标题语言", "languages", "种语言"},
    {"top_org_share", "Top company's commit share", "最大企业提交占比", "share", "比例"},
    {"tz_entropy", "Time-zone entropy", "时区熵", "bits", "比特"},
    {"tz_regions", "Time-zone regions", "时区区域", "regions", "个区域"},
    {"vendor_age_years", "Vendor age", "厂商年龄", "years", "年"},
    {"vendor_share", "Vendor commit share", "厂商提交占比", "share", "比例"},
    {"working_hours_share", "Working-hours share", "工作时间提交占比", "share", "比例"},
});

const MetricWords* Find(std::string_view id) {
  const auto it = std::lower_bound(kWords.begin(), kWords.end(), id,
                                   [](const MetricWords& w, std::string_view key) { return w.id < key; });
  return it != kWords.end() && it->id == id ? &*it : nullptr;
}

}  // namespace

std::string_view MetricName(std::string_view id, Lang lang) {
  const MetricWords* w = Find(id);
  if (w == nullptr) return id;
  return lang == Lang::kZh ? w->zh : w->en;
}

std::string_view MetricUnit(std::string_view id, Lang lang) {
  const MetricWords* w = Find(id);
  if (w == nullptr) {
    const metrics::MetricDef* def = metrics::FindMetric(id);
    return def != nullptr ? def->unit : std::string_view();
  }
  return lang == Lang::kZh ? w->unit_zh : w->unit_en;
}

bool HasMetricName(std::string_view id) { return Find(id) != nullptr; }

}  // namespace oscm::report
