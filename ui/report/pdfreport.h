#pragma once

#include "core/analysis/scenarioanalysis.h"
#include "core/model/result.h"
#include "core/model/scenario.h"

#include <QDateTime>
#include <QPageSize>

#include <functional>

namespace headroom::report {

struct ReportOptions {
    QPageSize::PageSizeId pageSize = QPageSize::A4; ///< A4 or Letter
    QDateTime generatedAt = QDateTime::currentDateTimeUtc();
    /// The scenario file the report is about; empty for the embedded WebTools Pro.
    QString sourceFile;
};

struct ReportInfo {
    int pages = 0;
    std::vector<QString> sections; ///< level-1 headings in order
};

/// Writes the PDF report of `analysis` (computed from `scenario`) to `path`, atomically: title
/// page, contents, executive summary, capacity per tier, simulation outcomes, cost and savings,
/// topology, alert timeline, assumptions and inputs. Charts are vector graphics, text is real
/// text. Needs a QApplication (Qt Charts); runs on the offscreen platform. `progress(done, total)`
/// is called per section.
model::Result<ReportInfo> writePdfReport(const QString &path, const analysis::ScenarioAnalysis &analysis,
                                         const model::Scenario &scenario, const ReportOptions &options = {},
                                         const std::function<void(int, int)> &progress = {});

/// The same report as bytes (for tests and benchmarks).
model::Result<QByteArray> renderPdfReport(const analysis::ScenarioAnalysis &analysis, const model::Scenario &scenario,
                                          const ReportOptions &options = {}, ReportInfo *info = nullptr,
                                          const std::function<void(int, int)> &progress = {});

} // namespace headroom::report
