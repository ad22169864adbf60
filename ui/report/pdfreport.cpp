#include "ui/report/pdfreport.h"

#include "ui/charts/chartbuilders.h"
#include "ui/report/pdfcomposer.h"
#include "ui/report/reporttables.h"
#include "ui/report/topologyfigure.h"

#include "core/model/csv.h"
#include "core/model/scenarioschema.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPdfWriter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace headroom::report {

namespace {

constexpr int kSections = 8;

QColor verdictColor(const QString &cell)
{
    if (cell == u"PASS")
        return QColor(0, 120, 0);
    if (cell == u"FAIL")
        return QColor(190, 0, 0);
    return Qt::black;
}

QString money(double usd)
{
    return u"$"_s + QString::number(usd, 'f', usd >= 100 ? 0 : 2);
}

/// Draws one traffic scenario's alert periods as bars on a time line.
void drawAlertTimeline(QPainter &p, const QRectF &area, const analysis::TrafficOutcome &o)
{
    const qint64 start = o.simulation.startMs;
    const qint64 end = start + qint64{std::max(o.simulation.ticks, 1)} * o.simulation.stepMs;
    QStringList names;
    for (const alerting::AlertPeriod &period : o.alerts.periods)
        if (!names.contains(period.alert))
            names.append(period.alert);
    const double labelWidth = 130;
    const double rowH = names.isEmpty() ? 0 : std::min(14.0, (area.height() - 14) / static_cast<double>(names.size()));
    QFont f = p.font();
    f.setPointSizeF(6.5);
    p.setFont(f);
    const QRectF plot(area.left() + labelWidth, area.top(), area.width() - labelWidth, area.height() - 14);
    p.setPen(QPen(QColor(150, 150, 150), 0.5));
    p.drawRect(plot);
    auto xOf = [&](qint64 ms) {
        return plot.left() + plot.width() * static_cast<double>(std::clamp(ms, start, end) - start) / static_cast<double>(end - start);
    };
    for (int h = 0; h <= 4; ++h) {
        const qint64 t = start + (end - start) * h / 4;
        p.setPen(Qt::black);
        p.drawText(QRectF(xOf(t) - 40, plot.bottom() + 1, 80, 12), Qt::AlignCenter,
                   QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(u"MM-dd HH:mm"_s));
    }
    for (qsizetype i = 0; i < names.size(); ++i) {
        const double y = plot.top() + static_cast<double>(i) * rowH;
        p.setPen(Qt::black);
        p.drawText(QRectF(area.left(), y, labelWidth - 4, rowH), Qt::AlignRight | Qt::AlignVCenter,
                   QFontMetricsF(f).elidedText(names[i], Qt::ElideRight, labelWidth - 6));
        for (const alerting::AlertPeriod &period : o.alerts.periods) {
            if (period.alert != names[i])
                continue;
            const double x0 = xOf(period.startMs), x1 = std::max(xOf(period.endMs >= 0 ? period.endMs : end), x0 + 1);
            p.fillRect(QRectF(x0, y + 2, x1 - x0, rowH - 4),
                       period.state == alerting::AlertState::Firing ? QColor(210, 40, 40) : QColor(240, 180, 60));
        }
    }
    if (names.isEmpty()) {
        p.setPen(QColor(60, 60, 60));
        p.drawText(plot, Qt::AlignCenter, u"No alert rule was pending or firing."_s);
    }
}

void titlePage(PdfComposer &c, const analysis::ScenarioAnalysis &a, const model::Scenario &s, const ReportOptions &o)
{
    c.skip(120);
    c.paragraph(u"Capacity plan report"_s, 26, true, QColor(0x1f, 0x3a, 0x5f));
    c.paragraph(s.metadata.name.isEmpty() ? a.scenarioName : s.metadata.name, 18, true);
    if (!s.metadata.description.isEmpty())
        c.paragraph(s.metadata.description, 10.5);
    c.skip(20);
    c.paragraph(u"Generated %1 by Headroom %2"_s.arg(o.generatedAt.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s),
                                                        QCoreApplication::applicationVersion()),
                10);
    c.paragraph(u"Scenario: %1"_s.arg(o.sourceFile.isEmpty() ? u"the embedded WebTools Pro template"_s : o.sourceFile), 10);
    c.paragraph(u"Plan horizon: %1 days from %2; each traffic scenario simulated for %3 h in steps of %4 s."_s
                    .arg(a.plan.days)
                    .arg(a.plan.startDate.toString(Qt::ISODate))
                    .arg(static_cast<double>(a.options.simulationDuration.count()) / 3'600'000.0, 0, 'g', 4)
                    .arg(static_cast<double>(a.options.step.count()) / 1000.0, 0, 'g', 4),
                10);
    c.skip(10);
    c.paragraph(u"Data sources"_s, 11, true);
    if (s.spec.dataSources.isEmpty()) {
        c.paragraph(u"None: every figure follows from the values stated in the scenario file (see Assumptions)."_s, 10);
    } else {
        for (const model::DataSource &d : s.spec.dataSources)
            c.paragraph(u"• %1 (%2): %3"_s.arg(d.name, model::enumToString(d.kind), d.endpoint), 10);
    }
}

void contents(PdfComposer &c, const std::vector<TocEntry> &toc)
{
    c.paragraph(u"Contents"_s, 16, true, QColor(0x1f, 0x3a, 0x5f));
    c.skip(6);
    QPainter *p = c.painter();
    const double line = toc.size() > 40 ? 11 : 15;
    for (const TocEntry &e : toc) {
        if (p) {
            const QFont f = PdfComposer::font(e.level == 1 ? 10 : 8.5, e.level == 1);
            p->setFont(f);
            p->setPen(Qt::black);
            const double indent = e.level == 1 ? 0 : 16;
            const QRectF r(c.left() + indent, c.y(), c.width() - indent, line);
            p->drawText(r, Qt::AlignLeft | Qt::AlignVCenter, e.title);
            p->drawText(r, Qt::AlignRight | Qt::AlignVCenter, QString::number(e.page));
            const double textEnd = r.left() + QFontMetricsF(f).horizontalAdvance(e.title) + 6;
            const double numberStart = r.right() - QFontMetricsF(f).horizontalAdvance(QString::number(e.page)) - 6;
            p->setPen(QPen(QColor(160, 160, 160), 0.5, Qt::DotLine));
            if (numberStart > textEnd)
                p->drawLine(QPointF(textEnd, r.center().y() + 3), QPointF(numberStart, r.center().y() + 3));
        }
        c.skip(line);
    }
}

/// Lays out (paint false) or paints the whole report.
void compose(PdfComposer &c, const analysis::ScenarioAnalysis &a, const model::Scenario &s, const ReportOptions &o,
             const std::vector<TocEntry> &toc, const std::function<void(int, int)> &progress)
{
    auto step = [&](int done) {
        if (progress)
            progress(done, kSections);
    };
    titlePage(c, a, s, o);
    c.newPage();
    contents(c, toc);
    step(1);

    // Executive summary.
    c.heading(u"Executive summary"_s);
    const int peak = planPeakReplicas(a.plan);
    QString headline = u"Over %1 days the plan peaks at %2 replicas across %3 tiers"_s.arg(a.plan.days).arg(peak).arg(a.plan.tiers.size());
    if (a.cost)
        headline.append(u"; the plan's bill is %1 per month (%2 per active user per month)"_s
                            .arg(money(a.cost->monthlyCost()), u"$"_s + QString::number(a.cost->costPerUserMonth(), 'f', 4)));
    headline.append(u'.');
    c.paragraph(headline, 10.5);
    for (const analysis::TrafficOutcome &t : a.traffic) {
        const analysis::OutcomeFigures &f = t.figures;
        QString absorbed = f.spikeAbsorbedSeconds ? u"absorbed the traffic event in %1 s"_s.arg(*f.spikeAbsorbedSeconds, 0, 'f', 0)
                           : f.spikeNeverAbsorbed ? u"never absorbed its traffic event"_s
                                                  : u"had no traffic event"_s;
        c.paragraph(u"• %1: peak %2 replicas, P95 up to %3 ms, %4 min over SLO; %5."_s.arg(t.name)
                        .arg(f.peakReplicas)
                        .arg(f.peakP95Ms, 0, 'f', 0)
                        .arg(f.minutesOverSlo, 0, 'f', 1)
                        .arg(absorbed),
                    9.5);
    }
    c.heading(u"Headline figures"_s, 2);
    c.table(summaryTable(a));
    c.heading(u"Success metrics"_s, 2);
    c.table(successMetricsTable(a), -1, [](int, int column, const QString &cell) {
        return column == 2 ? verdictColor(cell) : QColor(Qt::black);
    });
    if (!a.warnings.isEmpty())
        c.paragraph(u"%1 warning(s) degraded the result; they are listed under Assumptions and inputs."_s.arg(a.warnings.size()),
                    8.5, false, QColor(150, 80, 0));
    step(2);

    // Capacity.
    c.heading(u"Capacity per tier"_s);
    if (auto chart = charts::demandChart(a, s)) {
        c.chart(*chart, 230);
        c.paragraph(chart->toolTip(), 7.5, false, QColor(70, 70, 70));
    }
    if (auto chart = charts::replicasChart(a))
        c.chart(*chart, 230);
    c.heading(u"Replicas by month"_s, 2);
    c.table(capacityMonthlyTable(a));
    step(3);

    // Simulations.
    c.heading(u"Simulation outcomes"_s);
    c.table(outcomesTable(a));
    for (std::size_t i = 0; i < a.traffic.size(); ++i) {
        const analysis::TrafficOutcome &t = a.traffic[i];
        c.heading(u"Traffic: %1"_s.arg(t.name), 2);
        c.paragraph(t.description.isEmpty() ? t.spec : t.description + u" (" + t.spec + u')', 8.5);
        if (auto chart = charts::trafficChart(a, s, static_cast<int>(i)))
            c.chart(*chart, 250);
        model::CsvTable tiers;
        tiers.header = {u"tier"_s, u"peak_replicas"_s, u"peak_needed"_s, u"peak_nodes"_s, u"minutes_over_slo"_s, u"absorbed_s"_s};
        for (const autoscale::TierSummary &ts : t.simulation.summaries)
            tiers.rows.append({ts.tierId, QString::number(ts.peakReplicas), QString::number(ts.peakNeededReplicas),
                               QString::number(ts.peakNodes), model::csvFixed(ts.minutesOverSlo, 1),
                               ts.spikeAbsorbedAfterSeconds ? model::csvFixed(*ts.spikeAbsorbedAfterSeconds, 0)
                               : ts.eventAtSeconds     ? u"never"_s
                                                       : u"-"_s});
        c.table(tiers);
    }
    step(4);

    // Cost.
    c.heading(u"Cost and savings"_s);
    if (auto chart = charts::costChart(a))
        c.chart(*chart, 250);
    if (a.cost) {
        c.heading(u"Breakdown"_s, 2);
        c.table(costBreakdownTable(a));
        c.heading(u"Thresholds"_s, 2);
        c.table(thresholdsTable(a));
    } else {
        c.paragraph(u"The plan could not be priced; see the warnings under Assumptions and inputs."_s);
    }
    if (a.savings) {
        c.heading(u"Savings plan"_s, 2);
        c.paragraph(u"Current %1 per month; the plan saves %2, leaving %3."_s.arg(money(a.savings->currentMonthlyUsd),
                                                                                 money(a.savings->totalMonthlySavingUsd),
                                                                                 money(a.savings->optimizedMonthlyUsd)));
        c.table(savingsTable(a));
    }
    step(5);

    // Topology.
    c.heading(u"Topology"_s);
    c.figure(260, [&](QPainter &p, const QRectF &r) { drawTopology(p, r, a, s); });
    c.table(topologyTable(a));
    step(6);

    // Alerts.
    c.heading(u"Alert timeline"_s);
    for (const analysis::TrafficOutcome &t : a.traffic) {
        c.heading(u"Alerts: %1"_s.arg(t.name), 2);
        QStringList names;
        for (const alerting::AlertPeriod &period : t.alerts.periods)
            if (!names.contains(period.alert))
                names.append(period.alert);
        c.figure(std::max<double>(40, 14.0 * static_cast<double>(names.size()) + 20),
                 [&](QPainter &p, const QRectF &r) { drawAlertTimeline(p, r, t); });
        c.table(alertsTable(t), 40);
    }
    step(7);

    // Assumptions.
    c.heading(u"Assumptions and inputs"_s);
    c.paragraph(u"Every scenario field and analysis option that produced the figures of this report. \"assumption\": a "
                u"planning figure stated in the scenario (demand, growth, workload, cost settings, traffic); \"input\": "
                u"the shape of the system; \"option\": how the analysis ran; \"model\": the engine's own assumptions."_s,
                8.5);
    c.table(assumptionsTable(s, a), -1, [](int, int column, const QString &cell) {
        return column == 2 && cell == u"assumption" ? QColor(150, 80, 0) : QColor(Qt::black);
    });
    step(8);
}

void configure(QPdfWriter &writer, const model::Scenario &s, const ReportOptions &o)
{
    writer.setResolution(72);
    writer.setPageSize(QPageSize(o.pageSize == QPageSize::Letter ? QPageSize::Letter : QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(u"Capacity plan report: %1"_s.arg(s.metadata.name));
    writer.setCreator(u"Headroom"_s);
}

} // namespace

model::Result<QByteArray> renderPdfReport(const analysis::ScenarioAnalysis &analysis, const model::Scenario &scenario,
                                          const ReportOptions &options, ReportInfo *info,
                                          const std::function<void(int, int)> &progress)
{
    const QString footer = u"Headroom · %1 · %2"_s.arg(scenario.metadata.name,
                                                      options.generatedAt.toUTC().toString(u"yyyy-MM-dd"_s));
    // Pass 1: layout only, to learn the pages of the headings and the page count.
    QBuffer scratch;
    scratch.open(QIODevice::WriteOnly);
    QPdfWriter measure(&scratch);
    configure(measure, scenario, options);
    PdfComposer layout(measure, false, footer, 0);
    compose(layout, analysis, scenario, options, {}, {});
    layout.finish();
    // The contents page lists the headings found; it is one page in both passes.
    std::vector<TocEntry> toc = layout.toc();

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        configure(writer, scenario, options);
        PdfComposer paint(writer, true, footer, layout.page());
        compose(paint, analysis, scenario, options, toc, progress);
        paint.finish();
        if (info) {
            info->pages = paint.page();
            info->sections.clear();
            for (const TocEntry &e : paint.toc())
                if (e.level == 1)
                    info->sections.push_back(e.title);
        }
    }
    if (buffer.data().isEmpty())
        return model::Diagnostic{model::Severity::Error, {}, {}, u"the PDF writer produced no output"_s};
    return buffer.data();
}

model::Result<ReportInfo> writePdfReport(const QString &path, const analysis::ScenarioAnalysis &analysis,
                                         const model::Scenario &scenario, const ReportOptions &options,
                                         const std::function<void(int, int)> &progress)
{
    ReportInfo info;
    auto pdf = renderPdfReport(analysis, scenario, options, &info, progress);
    if (!pdf)
        return pdf.errors();
    if (auto written = model::writeFileAtomically(path, pdf.value()); !written)
        return written.errors();
    return info;
}

} // namespace headroom::report
