#include "report/html_report.h"

#include <fmt/format.h>

#include "base/repo_names.h"
#include "metrics/registry.h"
#include "model/stages.h"
#include "report/assessment_report.h"

namespace oscm::report {
namespace {

struct Words {
  const char* en;
  const char* zh;
};

std::string T(Lang lang, const Words& w) { return lang == Lang::kZh ? w.zh : w.en; }

constexpr Words kAsOf{"as of", "评估日期"};
constexpr Words kModel{"model", "模型"};
constexpr Words kSummary{"Summary", "概览"};
constexpr Words kCharts{"Charts", "图表"};
constexpr Words kCommunity{"community", "社区"};
constexpr Words kStage{"stage", "阶段"};
constexpr Words kSince{"since", "自"};
constexpr Words kVitality{"vitality", "活力"};
constexpr Words kQuadrant{"quadrant", "象限"};
constexpr Words kCoverage{"coverage", "覆盖率"};
constexpr Words kGaps{"To reach the next stage", "进入下一阶段还需"};
constexpr Words kLastStage{"The last stage: nothing above it.", "已处于最后阶段。"};
constexpr Words kCriteria{"Stage criteria (evidence)", "阶段判据 (证据)"};
constexpr Words kCriterion{"criterion", "判据"};
constexpr Words kValue{"value", "值"};
constexpr Words kPass{"pass", "满足"};
constexpr Words kScores{"Scores", "得分"};
constexpr Words kRaw{"raw value", "原始值"};
constexpr Words kScore{"score", "得分"};
constexpr Words kWeight{"weight", "权重"};
constexpr Words kUnavailable{"unavailable", "数据不足"};
constexpr Words kNoData{"no data", "无数据"};
constexpr Words kPeople{"People", "人员"};
constexpr Words kMetrics{"Metrics (12 months)", "指标 (12 个月)"};
constexpr Words kMetric{"metric", "指标"};
constexpr Words kSource{"source", "来源"};
constexpr Words kUnit{"unit", "单位"};
constexpr Words kProfile{"Profile facts", "画像事实"};
constexpr Words kNoProfile{"No profile was ingested (oscm ingest profile FILE).", "未导入社区画像 (oscm ingest profile FILE)。"};
constexpr Words kKind{"kind", "类别"};
constexpr Words kName{"name", "名称"};
constexpr Words kDetail{"detail", "说明"};
constexpr Words kKnown{"as of", "截至"};
constexpr Words kCoverageTitle{"Data coverage", "数据覆盖"};
constexpr Words kModelTitle{"Model", "模型"};
constexpr Words kPrintedLeftOut{
    "Printed: the scores of each indicator and the {} metrics of the 12 months are in the HTML report; "
    "oscm assess {} --format csv gives them as data.",
    "打印版略去了各指标的得分与 12 个月的 {} 项指标，见 HTML 报告；oscm assess {} --format csv 可导出数据。"};
constexpr Words kAssociation{"Correlations of monthly changes are associations, not causes.", "月度变化的相关性只说明关联, 不说明因果。"};

std::string Num(const std::optional<double>& v, int decimals) {
  return v ? fmt::format("{:.{}f}", *v, decimals) : "–";
}

std::string StageLabel(const model::StageSpec& s, Lang lang) {
  return HtmlEscape(lang == Lang::kZh ? fmt::format("{} {}", s.name_zh, s.id) : fmt::format("{} {}", s.name_en, s.name_zh));
}


std::string Anchor(const std::string& community) { return "c-" + HtmlEscape(community); }

constexpr const char* kStyle = R"css(
body{font-family:"Noto Sans","Noto Sans CJK SC","Helvetica Neue",Arial,sans-serif;margin:0;color:#1f2933;background:#f7f8fa}
header{background:#1f3a5f;color:#fff;padding:24px 40px}
header h1{margin:0 0 6px;font-size:28px}
header p{margin:0;opacity:.85}
nav{padding:8px 40px;background:#e4e9f0;font-size:14px;display:flex;flex-wrap:wrap;gap:4px 14px}
nav a{color:#1f3a5f}
header h1,h2{overflow-wrap:anywhere}
.tw{overflow-x:auto;max-width:100%}
main{padding:8px 40px 40px;max-width:1200px}
section{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:16px 24px;margin:18px 0}
h2{margin:4px 0 12px;font-size:22px;color:#1f3a5f}
h3{margin:18px 0 8px;font-size:16px;color:#334e68}
table{border-collapse:collapse;font-size:13px;margin:6px 0}
th,td{border-bottom:1px solid #e4e7eb;padding:4px 10px;text-align:left;vertical-align:top}
th{background:#f0f4f8}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.pass{color:#2f855a;font-weight:bold}.fail{color:#c53030;font-weight:bold}
.verdict{font-size:16px}
.warning{background:#fff4e5;border-left:4px solid #e08a00;padding:6px 10px}
.stage{display:inline-block;padding:2px 10px;border-radius:12px;color:#fff;font-weight:bold}
.s0{background:#8d99ae}.s1{background:#4f8bc9}.s2{background:#2f9e77}.s3{background:#d9822b}
figure{margin:12px 0;display:inline-block;vertical-align:top;max-width:100%}
figure svg{max-width:100%;height:auto}
figcaption{font-size:13px;color:#52606d;margin-bottom:4px}
.muted{color:#7b8794;font-size:13px}
.print-note{display:none}
footer{padding:0 40px 30px;color:#7b8794;font-size:12px}
@media (max-width:700px){header,nav,main,footer{padding-left:12px;padding-right:12px}section{padding:12px}header h1{font-size:22px}
.tw .need{display:none}}
@media print{@page{size:A4;margin:10mm}body{background:#fff;font-size:9px;line-height:1.25}header{background:none;color:#000;padding:0 0 6px}
header h1{font-size:18px}nav{display:none}main{padding:0;max-width:none}section{box-shadow:none;padding:0;margin:0 0 8px}
h2{font-size:15px;margin:2px 0 6px}h3{font-size:11px;margin:8px 0 3px}
section.community{break-before:page}figure{break-inside:avoid;width:32.5%;margin:4px 0}figure svg{max-height:70mm}
#charts figure{width:49%}table{font-size:8.5px;margin:3px 0}th,td{padding:1px 5px}tr{break-inside:avoid}
.tw{overflow:visible}a{color:#000;text-decoration:none}.stage{padding:0 6px}
tr.ind,.detail{display:none}.print-note{display:block}.muted{font-size:8.5px}}
)css";

// A source or repository location as a link when it is a web address, else as text.
std::string LinkOrText(std::string_view text) {
  if (text.rfind("https://", 0) == 0 || text.rfind("http://", 0) == 0) {
    return fmt::format("<a href=\"{}\">{}</a>", HtmlEscape(text), HtmlEscape(text));
  }
  return HtmlEscape(text);
}

// A repository as the URL it came from, or as its folder's name: no local absolute path leaves
// the machine in a report.
std::string RepositoryName(std::string_view location, std::string_view remote) {
  if (IsRemoteUrl(remote)) return std::string(remote);
  if (IsRemoteUrl(location)) return std::string(location);
  const std::string folder = MeaningfulFolderName(UrlPath(location).value_or(location));
  return folder.empty() ? "repo" : folder;
}

void Figure(std::string* out, const HtmlChart& c) {
  *out += fmt::format("<figure id=\"{}\"><figcaption>{}</figcaption>{}</figure>\n", HtmlEscape(c.id), HtmlEscape(c.title), c.svg);
}

// A score with its range given the missing evidence and its coverage.
std::string ScoreCell(const model::DimensionScore& d, Lang lang) {
  return fmt::format("{} <span class=\"muted\">[{:.0f}–{:.0f}] ({} {:.0f}%)</span>",
                     d.value ? fmt::format("{:.1f}", *d.value) : T(lang, kUnavailable), d.low, d.high, T(lang, kCoverage),
                     100 * d.coverage);
}

std::string QuadrantLabel(const model::ModelSpec& m, model::QuadrantKind k, Lang lang) {
  const auto& labels = m.quadrant.labels[static_cast<size_t>(k)];
  return HtmlEscape(lang == Lang::kZh ? labels[1] : labels[0]);
}

std::string QuadrantCell(const model::CommunityEvaluation& e, const model::ModelSpec& m, Lang lang) {
  if (!e.quadrant) return "–";
  const auto& q = *e.quadrant;
  if (!q.kind) {
    // Not placed: what evidence would place it.
    std::string needs;
    for (const auto& n : q.needs) needs += fmt::format("<li>{}</li>", HtmlEscape(n));
    // On a narrow screen the summary table says "not placed" only; the community's section lists
    // what would place it.
    return fmt::format("{}<span class=\"need\">{}</span><ul class=\"muted need\">{}</ul>",
                       lang == Lang::kZh ? "未放置" : "not placed", lang == Lang::kZh ? "，需要：" : "; would need:", needs);
  }
  std::string out = QuadrantLabel(m, *q.kind, lang);
  if (q.possible.size() > 1) {
    std::string others;
    for (size_t i = 1; i < q.possible.size(); ++i) others += (i == 1 ? "" : ", ") + QuadrantLabel(m, q.possible[i], lang);
    out += fmt::format(" <span class=\"muted\">({} {})</span>", lang == Lang::kZh ? "不确定，也可能为" : "uncertain; could be", others);
  }
  return out;
}

std::string NoHistory(const model::CommunityEvaluation& e, Lang lang) {
  if (e.first_evidence == 0) {
    return lang == Lang::kZh ? "无历史：没有提交或 GitHub 事件" : "no history: no commit or GitHub event";
  }
  return fmt::format(fmt::runtime(lang == Lang::kZh ? "{} 之前无历史" : "no history before {}"), FormatDate(e.first_evidence));
}

void Summary(std::string* out, const HtmlReportInput& in) {
  const Lang lang = in.lang;
  const auto& m = *in.model;
  *out += fmt::format("<section id=\"summary\"><h2>{}</h2>\n<table><tr><th>{}</th><th>{}</th><th>{}</th>", T(lang, kSummary),
                      T(lang, kCommunity), T(lang, kStage), T(lang, kVitality));
  for (const auto& d : m.dimensions) *out += fmt::format("<th>{}</th>", HtmlEscape(lang == Lang::kZh ? d.name_zh : d.name_en));
  *out += fmt::format("<th>{}</th></tr>\n", T(lang, kQuadrant));
  for (const auto& c : in.communities) {
    const auto& e = *c.evaluation;
    const int stage = e.stage.stage;
    if (!e.HasHistory()) {
      *out += fmt::format("<tr><td><a href=\"#{}\">{}</a></td><td colspan=\"{}\">{}</td><td>–</td></tr>\n",
                          Anchor(e.assessment.community), HtmlEscape(e.assessment.community), 2 + e.scores.size(),
                          NoHistory(e, lang));
      continue;
    }
    *out += fmt::format("<tr><td><a href=\"#{}\">{}</a></td><td><span class=\"stage s{}\">{}</span></td><td>{}</td>",
                        Anchor(e.assessment.community), HtmlEscape(e.assessment.community), stage,
                        StageLabel(m.stages[static_cast<size_t>(stage)], lang), VitalityWord(e.vitality.state, lang));
    for (const auto& d : e.scores) *out += fmt::format("<td>{}</td>", ScoreCell(d, lang));
    *out += fmt::format("<td>{}</td></tr>\n", QuadrantCell(e, m, lang));
  }
  *out += "</table>\n";
  if (!in.split.empty()) {
    *out += fmt::format("<p class=\"muted\">{}: x = {}, y = {}; {}</p>\n", T(lang, kQuadrant), HtmlEscape(m.quadrant.x),
                        HtmlEscape(m.quadrant.y), HtmlEscape(in.split));
  }
  *out += "</section>\n";
}

void StageEvidence(std::string* out, const model::CommunityEvaluation& e, const model::ModelSpec& m, Lang lang) {
  const size_t next = static_cast<size_t>(e.stage.stage) + 1;
  *out += fmt::format("<h3>{}</h3>\n", T(lang, kGaps));
  if (next >= m.stages.size()) {
    *out += fmt::format("<p>{}</p>\n", T(lang, kLastStage));
  } else {
    const auto& c = e.stage.checks[next];
    *out += fmt::format("<p>{} <span class=\"stage s{}\">{}</span>: {}</p>\n<ul>\n", lang == Lang::kZh ? "目标" : "Next:", next,
                        StageLabel(m.stages[next], lang),
                        fmt::format(fmt::runtime(lang == Lang::kZh ? "{} 条判据中需满足 {} 条, 已满足 {} 条" : "{2} of {0} criteria pass; {1} must"),
                                    c.criteria.size(), c.needed, c.passed));
    for (const auto& g : e.stage.gaps) *out += fmt::format("<li>{}</li>\n", HtmlEscape(g));
    *out += "</ul>\n";
  }
  *out += fmt::format("<h3>{}</h3>\n<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n", T(lang, kCriteria),
                      T(lang, kStage), T(lang, kCriterion), T(lang, kValue), T(lang, kPass));
  for (size_t i = 1; i < e.stage.checks.size(); ++i) {
    const auto& check = e.stage.checks[i];
    for (size_t k = 0; k < check.criteria.size(); ++k) {
      const auto& cr = check.criteria[k];
      *out += "<tr>";
      if (k == 0) {
        *out += fmt::format("<td rowspan=\"{}\"><span class=\"stage s{}\">{}</span><br><span class=\"muted\">{}/{}</span></td>",
                            check.criteria.size(), i, StageLabel(*check.spec, lang), check.passed, check.criteria.size());
      }
      *out += fmt::format("<td><code>{}</code></td><td class=\"n\">{}</td><td class=\"{}\">{}</td></tr>\n", HtmlEscape(cr.spec->text),
                          HtmlEscape(cr.value || !cr.spec->alternatives.empty() ? model::FormatCriterionValues(cr) : T(lang, kNoData)),
                          cr.pass ? "pass" : "fail", cr.pass ? "✓" : "✗");
    }
  }
  *out += "</table>\n";
  if (!e.timeline.months.empty()) {
    *out += fmt::format("<p>{} {}: {}", lang == Lang::kZh ? "阶段时间线" : "Stage timeline", FormatMonth(e.timeline.months.front()),
                        StageLabel(m.stages[static_cast<size_t>(e.timeline.stages.front())], lang));
    for (const auto& t : e.timeline.transitions) {
      *out += fmt::format(" → {}: {}", FormatMonth(t.month), StageLabel(m.stages[static_cast<size_t>(t.to)], lang));
    }
    *out += "</p>\n";
  }
}

void Scores(std::string* out, const model::CommunityEvaluation& e, Lang lang) {
  *out += fmt::format("<h3>{}</h3>\n<table><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n", T(lang, kScores),
                      T(lang, kRaw), T(lang, kScore), T(lang, kWeight), T(lang, kCoverage));
  for (size_t i = 0; i < e.scores.size(); ++i) {
    const auto& d = e.scores[i];
    *out += fmt::format("<tr><th>{}</th><th></th><th class=\"n\">{} <span class=\"muted\">[{:.0f}–{:.0f}]</span></th><th></th><th class=\"n\">{:.0f}%</th></tr>\n",
                        HtmlEscape(lang == Lang::kZh ? d.spec->name_zh : d.spec->name_en),
                        d.value ? fmt::format("{:.1f}", *d.value) : T(lang, kUnavailable), d.low, d.high, 100 * d.coverage);
    for (const auto& f : d.factors) {
      *out += fmt::format("<tr><td>{}</td><td></td><td class=\"n\">{} <span class=\"muted\">[{:.0f}–{:.0f}]</span></td><td class=\"n\">{:g}</td><td class=\"n\">{:.0f}%</td></tr>\n",
                          HtmlEscape(lang == Lang::kZh ? f.spec->name_zh : f.spec->name_en),
                          f.value ? fmt::format("{:.1f}", *f.value) : T(lang, kUnavailable), f.low, f.high, f.spec->weight, 100 * f.coverage);
      for (const auto& is : f.indicators) {
        const metrics::MetricDef* def = metrics::FindMetric(is.spec->metric);
        *out += fmt::format("<tr class=\"ind\"><td class=\"muted\">&nbsp;&nbsp;{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:g}</td><td></td></tr>\n",
                            HtmlEscape(is.spec->id), is.raw ? HtmlEscape(FormatMetricValue(*def, *is.raw)) : T(lang, kNoData),
                            Num(is.score, 2), is.weight);
      }
    }
  }
  *out += "</table>\n";
}

void People(std::string* out, const model::CommunityEvaluation& e, Lang lang) {
  const auto& r = e.rings;
  auto opt = [](const std::optional<int64_t>& v) { return v ? fmt::format("{}", *v) : std::string("–"); };
  *out += fmt::format("<h3>{}</h3>\n<table><tr><th>core</th><th>regular</th><th>casual</th><th>users</th><th>audience</th></tr>"
                      "<tr><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr></table>\n",
                      T(lang, kPeople), r.core, r.regular, r.casual, opt(r.users), opt(r.audience));
  if (!r.core_orgs.empty()) {
    *out += "<p class=\"muted\">core: ";
    for (size_t i = 0; i < r.core_orgs.size(); ++i) {
      *out += fmt::format("{}{} {}", i == 0 ? "" : ", ", HtmlEscape(r.core_orgs[i].name), r.core_orgs[i].people);
    }
    *out += "</p>\n";
  }
  *out += "<table><tr><th>funnel</th><th>cohort</th><th>reached</th><th>rate</th></tr>\n";
  for (const auto& s : e.funnel.steps) {
    *out += fmt::format("<tr><td>{} → {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n", s.from, s.to,
                        opt(s.cohort), opt(s.reached), s.rate ? fmt::format("{:.0f}%", 100 * *s.rate) : "–");
  }
  *out += "</table>\n";
  const auto& i18n = e.i18n;
  if (i18n.region_shares) {
    *out += fmt::format("<p>{}: Americas {:.0f}%, Europe–Africa {:.0f}%, Asia–Pacific {:.0f}% (tz entropy {})</p>\n",
                        lang == Lang::kZh ? "各区域提交占比" : "Commits by region", 100 * (*i18n.region_shares)[0],
                        100 * (*i18n.region_shares)[1], 100 * (*i18n.region_shares)[2], Num(i18n.tz_entropy, 2));
  }
  if (i18n.title_shares) {
    *out += fmt::format("<p>{}: zh {:.0f}%, en {:.0f}%, other {:.0f}% ({})</p>\n", lang == Lang::kZh ? "标题语言" : "Title languages",
                        100 * (*i18n.title_shares)[0], 100 * (*i18n.title_shares)[1], 100 * (*i18n.title_shares)[2], i18n.titles);
  }
}

void Metrics(std::string* out, const model::CommunityEvaluation& e, Lang lang) {
  *out += fmt::format("<p class=\"print-note muted\">{}</p>\n",
                      HtmlEscape(fmt::format(fmt::runtime(T(lang, kPrintedLeftOut)), e.assessment.metrics.size(),
                                             e.assessment.community)));
  *out += fmt::format("<div class=\"detail\"><h3>{}</h3>\n<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n", T(lang, kMetrics),
                      T(lang, kMetric), T(lang, kSource), T(lang, kValue), T(lang, kUnit));
  for (const auto& r : e.assessment.metrics) {
    *out += fmt::format("<tr><td title=\"{}\">{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n",
                        HtmlEscape(r.def->description), HtmlEscape(r.def->id), HtmlEscape(r.def->source),
                        r.value ? HtmlEscape(FormatMetricValue(*r.def, *r.value)) : T(lang, kNoData), HtmlEscape(r.def->unit));
  }
  *out += "</table></div>\n";
}

void Profile(std::string* out, const model::CommunityEvaluation& e, Lang lang) {
  *out += fmt::format("<h3>{}</h3>\n", T(lang, kProfile));
  if (e.profile.empty()) {
    *out += fmt::format("<p class=\"muted\">{}</p>\n", T(lang, kNoProfile));
    return;
  }
  *out += fmt::format("<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n", T(lang, kKind),
                      T(lang, kName), T(lang, kDetail), T(lang, kSince), T(lang, kKnown), T(lang, kSource));
  for (const auto& f : e.profile) {
    std::string detail = f.detail;
    for (char& ch : detail) ch = ch == '\n' ? ',' : ch;
    *out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", HtmlEscape(f.kind),
                        HtmlEscape(f.name), HtmlEscape(detail), f.since != 0 ? FormatDate(f.since) : "–", FormatDate(f.as_of),
                        LinkOrText(f.source));
  }
  *out += "</table>\n";
}

void Coverage(std::string* out, const model::CommunityEvaluation& e, Lang lang) {
  const auto& a = e.assessment;
  *out += fmt::format("<h3>{}</h3>\n<ul>\n", T(lang, kCoverageTitle));
  for (size_t i = 0; i < a.repositories.size(); ++i) {
    const std::string_view remote = i < a.repository_remotes.size() ? std::string_view(a.repository_remotes[i]) : "";
    *out += fmt::format("<li>git: {}</li>\n", LinkOrText(RepositoryName(a.repositories[i], remote)));
  }
  if (a.first_commit != 0) *out += fmt::format("<li>history {} .. {}</li>\n", FormatDate(a.first_commit), FormatDate(a.last_commit));
  for (const char* source : {"git", "gharchive", "profile"}) {
    int total = 0, with_value = 0;
    for (const auto& r : a.metrics) {
      if (r.def->source != source) continue;
      ++total;
      with_value += r.value ? 1 : 0;
    }
    *out += fmt::format("<li>{}: {} / {} {}</li>\n", source, with_value, total, lang == Lang::kZh ? "项指标有数据" : "metrics with data");
  }
  if (a.gh.tracked_repositories > 0) {
    *out += fmt::format("<li>{}: {} / {} ({:.1f}%){}</li>\n",
                        lang == Lang::kZh ? "窗口内已读取的 GH Archive 小时" : "GH Archive hours of the window read",
                        a.gh.archive_hours, a.gh.window_hours, 100 * a.gh.archive_share,
                        a.gh.api_until ? fmt::format("; {} {}", lang == Lang::kZh ? "GitHub API 列表截至" : "GitHub API listings up to",
                                                     FormatDate(*a.gh.api_until))
                                       : "");
  }
  if (a.partial_month) {
    *out += fmt::format("<li>{} {}</li>\n", lang == Lang::kZh ? "未结束的月份（不与完整月份比较）：" : "month not yet over (not compared with full months):",
                        FormatMonth(*a.partial_month));
  }
  *out += "</ul>\n";
}

// The window's commits by organisation, as `oscm assess` shows them.
void Organisations(std::string* out, const model::CommunityEvaluation& e, Lang lang) {
  const auto& mix = e.assessment.org_mix;
  if (mix.empty()) return;
  *out += fmt::format("<h3>{}</h3>\n<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>\n",
                      lang == Lang::kZh ? "各组织的提交（12 个月）" : "Commits by organisation (12 months)",
                      lang == Lang::kZh ? "组织" : "organisation", lang == Lang::kZh ? "提交" : "commits", lang == Lang::kZh ? "占比" : "share");
  for (const auto& o : mix) {
    *out += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{:.1f}%</td></tr>\n", HtmlEscape(o.name), o.commits,
                        100 * o.share);
  }
  *out += "</table>\n";
}

// The community files found in the repositories (README, CONTRIBUTING, LICENSE, ...).
void CommunityFiles(std::string* out, const model::CommunityEvaluation& e, Lang lang) {
  const auto& files = e.assessment.files;
  if (files.empty()) return;
  *out += fmt::format("<h3>{}</h3>\n<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
                      lang == Lang::kZh ? "社区文件" : "Community files", T(lang, kKind), lang == Lang::kZh ? "路径" : "path",
                      lang == Lang::kZh ? "首次出现" : "first seen", "SPDX", lang == Lang::kZh ? "语言" : "language");
  for (const auto& f : files) {
    *out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", HtmlEscape(f.kind), HtmlEscape(f.path),
                        f.first_seen != 0 ? FormatDate(f.first_seen) : "–", HtmlEscape(f.spdx), HtmlEscape(f.language));
  }
  *out += "</table>\n";
}

void Community(std::string* out, const HtmlCommunity& c, const model::ModelSpec& m, Lang lang) {
  const auto& e = *c.evaluation;
  const int stage = e.stage.stage;
  *out += fmt::format("<section id=\"{}\" class=\"community\"><h2>{}</h2>\n", Anchor(e.assessment.community), HtmlEscape(e.assessment.community));
  for (const auto& w : e.warnings) {
    *out += fmt::format("<p class=\"warning\">{} {}</p>\n", lang == Lang::kZh ? "警告：" : "Warning:", HtmlEscape(w));
  }
  if (!e.HasHistory()) {
    *out += fmt::format("<p class=\"verdict\">{}</p>\n", NoHistory(e, lang));
    Coverage(out, e, lang);
    *out += "</section>\n";
    return;
  }
  std::string since;
  for (auto it = e.timeline.transitions.rbegin(); it != e.timeline.transitions.rend(); ++it) {
    if (it->to == stage) {
      since = fmt::format(" {} {}", T(lang, kSince), FormatMonth(it->month));
      break;
    }
  }
  *out += fmt::format("<p class=\"verdict\">{}: <span class=\"stage s{}\">{}</span>{} · {}: {}", T(lang, kStage), stage,
                      StageLabel(m.stages[static_cast<size_t>(stage)], lang), since, T(lang, kVitality), VitalityWord(e.vitality.state, lang));
  for (const auto& d : e.scores) {
    *out += fmt::format(" · {} {}", HtmlEscape(lang == Lang::kZh ? d.spec->name_zh : d.spec->name_en), ScoreCell(d, lang));
  }
  *out += "</p>\n";
  if (e.quadrant) *out += fmt::format("<p>{}: {}</p>\n", T(lang, kQuadrant), QuadrantCell(e, m, lang));
  StageEvidence(out, e, m, lang);
  for (const auto& chart : c.charts) Figure(out, chart);
  *out += fmt::format("<p class=\"muted\">{}</p>\n", T(lang, kAssociation));
  Scores(out, e, lang);
  People(out, e, lang);
  Metrics(out, e, lang);
  Organisations(out, e, lang);
  CommunityFiles(out, e, lang);
  Profile(out, e, lang);
  Coverage(out, e, lang);
  *out += "</section>\n";
}

void Model(std::string* out, const model::ModelSpec& m, Lang lang) {
  *out += fmt::format("<section id=\"model\"><h2>{}</h2>\n<p>{} {} <span class=\"muted\">({})</span>; {} {:.0f}%</p>\n<table>",
                      T(lang, kModelTitle), HtmlEscape(m.name), HtmlEscape(m.version), HtmlEscape(RepositoryName(m.path, "")),
                      lang == Lang::kZh ? "因子最低覆盖率" : "minimum factor coverage", 100 * m.min_factor_coverage);
  *out += fmt::format("<p>{} {:.0f}%</p>\n", lang == Lang::kZh ? "维度最低覆盖率" : "minimum dimension coverage",
                      100 * m.min_dimension_coverage);
  for (size_t i = 1; i < m.stages.size(); ++i) {
    const auto& s = m.stages[i];
    std::string criteria;
    for (const auto& c : s.criteria) criteria += (criteria.empty() ? "" : ", ") + HtmlEscape(c.text);
    *out += fmt::format("<tr><td><span class=\"stage s{}\">{}</span></td><td>{}</td><td><code>{}</code></td></tr>\n", i,
                        StageLabel(s, lang), s.min_pass >= 1 ? (lang == Lang::kZh ? "全部" : "all") : fmt::format("≥ {:.0f}%", 100 * s.min_pass),
                        criteria);
  }
  *out += "</table>\n</section>\n";
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string RenderHtmlReport(const HtmlReportInput& in) {
  const Lang lang = in.lang;
  const auto& m = *in.model;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{} · oscm</title>\n<style>{}</style></head>\n<body>\n<header><h1>{}</h1><p>{} {} · {} {} {}</p></header>\n<nav>",
      lang == Lang::kZh ? "zh-CN" : "en", HtmlEscape(in.title), kStyle, HtmlEscape(in.title), T(lang, kAsOf), FormatDate(in.as_of),
      T(lang, kModel), HtmlEscape(m.name), HtmlEscape(m.version));
  out += fmt::format("<a href=\"#summary\">{}</a>", T(lang, kSummary));
  if (!in.charts.empty()) out += fmt::format("<a href=\"#charts\">{}</a>", T(lang, kCharts));
  for (const auto& c : in.communities) {
    out += fmt::format("<a href=\"#{}\">{}</a>", Anchor(c.evaluation->assessment.community), HtmlEscape(c.evaluation->assessment.community));
  }
  out += fmt::format("<a href=\"#model\">{}</a></nav>\n<main>\n", T(lang, kModelTitle));
  Summary(&out, in);
  if (!in.charts.empty()) {
    out += fmt::format("<section id=\"charts\"><h2>{}</h2>\n", T(lang, kCharts));
    for (const auto& c : in.charts) Figure(&out, c);
    out += "</section>\n";
  }
  for (const auto& c : in.communities) Community(&out, c, m, lang);
  Model(&out, m, lang);
  out += "</main>\n<footer>oscm · Open Source Community Maturity</footer>\n</body></html>\n";
  // Every table scrolls inside its own box on a narrow screen rather than widening the page.
  std::string wrapped;
  wrapped.reserve(out.size() + 1024);
  for (size_t at = 0;;) {
    const size_t open = out.find("<table", at);
    if (open == std::string::npos) {
      wrapped += out.substr(at);
      break;
    }
    const size_t close = out.find("</table>", open);
    wrapped += out.substr(at, open - at) + "<div class=\"tw\">" + out.substr(open, close + 8 - open) + "</div>";
    at = close + 8;
  }
  return wrapped;
}

}  // namespace oscm::report
