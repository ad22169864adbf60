#include "ui/charts/chartbuilders.h"

#include "ui/charts/chartcommon.h"
#include "ui/charts/lttb.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <map>

namespace headroom::charts {

namespace {

/// `points` downsampled (LTTB) to at most `budget` points.
QList<QPointF> thin(const QList<QPointF> &points, std::size_t budget)
{
    if (static_cast<std::size_t>(points.size()) <= budget)
        return points;
    std::vector<double> x, y;
    x.reserve(static_cast<std::size_t>(points.size()));
    y.reserve(static_cast<std::size_t>(points.size()));
    for (const QPointF &p : points) {
        x.push_back(p.x());
        y.push_back(p.y());
    }
    return lttb(x, y, budget);
}

} // namespace

ChartSpec demandSpec(const analysis::ScenarioAnalysis &analysis, const model::Scenario &scenario, std::size_t pointBudget)
{
    const capacity::CapacityPlan &plan = analysis.plan;
    ChartSpec spec;
    spec.title = QCoreApplication::translate("Charts", "Demand over the plan horizon");
    const int x = spec.addTimeAxis(QStringLiteral("yyyy-MM-dd"));
    const int y = spec.addValueAxis(QCoreApplication::translate("Charts", "Concurrent users"));

    const double g = scenario.spec.capacityPlanner.growthRate;
    const double sigma = std::abs(g) / 4.0;
    const double mid = 1 + g / 30.0;
    const double lowRate = (1 + (g - 1.96 * sigma) / 30.0) / mid;
    const double highRate = (1 + (g + 1.96 * sigma) / 30.0) / mid;
    QList<QPointF> users, low, high;
    double top = 0;
    const int days = static_cast<int>(plan.users.size());
    for (int d = 0; d < days; ++d) {
        const auto t = static_cast<double>(dayMs(plan.startDate, d));
        const double u = plan.users[static_cast<std::size_t>(d)];
        users.append({t, u});
        low.append({t, u * std::pow(lowRate, d)});
        high.append({t, u * std::pow(highRate, d)});
        top = std::max(top, high.back().y());
    }
    top = std::max(top * 1.08, 1.0);

    // Growth phases (months of 30 days, as the growth model counts them) as shaded columns.
    int phaseIndex = 0;
    for (const model::GrowthPhase &phase : scenario.spec.growthPhases) {
        const int first = std::clamp(phase.startMonth * 30, 0, days);
        const int last = std::clamp(phase.endMonth ? *phase.endMonth * 30 : days, 0, days);
        if (last <= first || days == 0)
            continue;
        const auto t0 = static_cast<double>(dayMs(plan.startDate, first));
        const auto t1 = static_cast<double>(dayMs(plan.startDate, last - 1));
        QColor fill = seriesColor(4 + phaseIndex++);
        fill.setAlpha(28);
        spec.addArea(QCoreApplication::translate("Charts", "Phase: %1").arg(phase.name), {{t0, top}, {t1, top}}, {}, y,
                     fill);
    }

    QColor band = seriesColor(0);
    band.setAlpha(60);
    spec.addArea(QCoreApplication::translate("Charts", "95% band (growth-rate uncertainty)"), thin(high, pointBudget),
                 thin(low, pointBudget), y, band);
    spec.addLine(QCoreApplication::translate("Charts", "Concurrent users"), thin(users, pointBudget), y, seriesColor(0),
                 Qt::SolidLine, 2);
    spec.setRange(y, 0, top, true);
    spec.setRange(x, double(dayMs(plan.startDate, 0)), double(dayMs(plan.startDate, std::max(days - 1, 1))));
    spec.toolTip = (QCoreApplication::translate(
                          "Charts", "Concurrent users per day from the growth model (monthly growth %1%). The scenario "
                                    "has no measured history, so the 95% band is not a forecast interval: it takes "
                                    "the growth rate as uncertain with a standard deviation of a quarter of itself "
                                    "(an assumption), %2% to %3% a month.")
                          .arg(g * 100, 0, 'f', 1)
                          .arg((g - 1.96 * sigma) * 100, 0, 'f', 1)
                          .arg((g + 1.96 * sigma) * 100, 0, 'f', 1));
    return spec;
}

ChartSpec replicasSpec(const analysis::ScenarioAnalysis &analysis, std::size_t pointBudget)
{
    const capacity::CapacityPlan &plan = analysis.plan;
    ChartSpec spec;
    spec.title = QCoreApplication::translate("Charts", "Replicas per tier over the horizon");
    const int x = spec.addTimeAxis(QStringLiteral("yyyy-MM-dd"));
    const int y = spec.addValueAxis(QCoreApplication::translate("Charts", "Replicas"));
    double top = 0;
    int i = 0;
    for (const capacity::TierPlan &tier : plan.tiers) {
        QList<QPointF> required, planned;
        for (std::size_t d = 0; d < tier.requiredReplicas.size(); ++d) {
            const auto t = static_cast<double>(dayMs(plan.startDate, static_cast<int>(d)));
            required.append({t, static_cast<double>(tier.requiredReplicas[d])});
            planned.append({t, static_cast<double>(tier.plannedReplicas[d])});
            top = std::max({top, required.back().y(), planned.back().y()});
        }
        spec.addLine(QCoreApplication::translate("Charts", "%1 required").arg(tier.tierId), thin(required, pointBudget), y,
                     seriesColor(i));
        spec.addLine(QCoreApplication::translate("Charts", "%1 planned (min..max)").arg(tier.tierId),
                     thin(planned, pointBudget), y, seriesColor(i), Qt::DashLine);
        ++i;
    }
    spec.fitFromZero(y, top);
    spec.setRange(x, double(dayMs(plan.startDate, 0)), double(dayMs(plan.startDate, std::max(plan.days - 1, 1))));
    spec.toolTip = (QCoreApplication::translate(
        "Charts", "Replicas the day's demand needs with the peak multiplier and capacity buffer (required), and the "
                  "same clamped to each tier's minReplicas..maxReplicas (planned). Where planned is below required "
                  "the tier's maximum is too low."));
    return spec;
}

ChartSpec costSpec(const analysis::ScenarioAnalysis &analysis, std::size_t pointBudget)
{
    ChartSpec spec;
    spec.title = QCoreApplication::translate("Charts", "Cost per day by tier and purchase option");
    if (!analysis.cost) {
        spec.title = QCoreApplication::translate("Charts", "Cost per day: the plan could not be priced");
        return spec;
    }
    const cost::CostBreakdown &bill = *analysis.cost;
    const int x = spec.addTimeAxis(QStringLiteral("yyyy-MM-dd"));
    const int y = spec.addValueAxis(QCoreApplication::translate("Charts", "USD per day"));
    const int perUser = spec.addValueAxis(QCoreApplication::translate("Charts", "USD per user-month"), Qt::AlignRight);
    const int days = bill.days;
    // (tier, option) -> USD per day, in first-seen order of the bill's lines.
    std::vector<std::pair<QString, std::vector<double>>> stacks;
    // The bill has a line per day and layer: look layers up by (tier, option), naming each once.
    std::map<std::pair<QString, int>, std::size_t> index;
    for (const cost::CostLine &line : bill.lines) {
        if (line.day < 0 || line.day >= days)
            continue;
        const int option = line.perGb ? -1 : static_cast<int>(line.option);
        auto [it, inserted] = index.try_emplace({line.tierId, option}, stacks.size());
        if (inserted)
            stacks.emplace_back(line.perGb ? line.tierId
                                           : QString(line.tierId + u" · " + cost::purchaseOptionName(line.option)),
                                std::vector<double>(static_cast<std::size_t>(days), 0.0));
        stacks[it->second].second[static_cast<std::size_t>(line.day)] += line.costUsd;
    }
    std::vector<double> base(static_cast<std::size_t>(days), 0.0);
    double top = 0;
    int i = 0;
    for (const auto &[key, values] : stacks) {
        QList<QPointF> lower, upper;
        for (int d = 0; d < days; ++d) {
            const auto t = static_cast<double>(dayMs(bill.startDate, d));
            const auto k = static_cast<std::size_t>(d);
            lower.append({t, base[k]});
            base[k] += values[k];
            upper.append({t, base[k]});
            top = std::max(top, base[k]);
        }
        QColor fill = seriesColor(i++);
        fill.setAlpha(150);
        spec.addArea(key, thin(upper, pointBudget), thin(lower, pointBudget), y, fill);
    }
    const auto t0 = static_cast<double>(dayMs(bill.startDate, 0));
    const auto t1 = static_cast<double>(dayMs(bill.startDate, std::max(days - 1, 0)));
    for (const cost::ThresholdCrossing *limit : {&analysis.thresholds.warning, &analysis.thresholds.critical}) {
        if (limit->limit <= 0)
            continue;
        const bool warning = limit == &analysis.thresholds.warning;
        spec.addLine(warning ? QCoreApplication::translate("Charts", "Warning %1 USD/day").arg(limit->limit, 0, 'f', 0)
                             : QCoreApplication::translate("Charts", "Critical %1 USD/day").arg(limit->limit, 0, 'f', 0),
                     {{t0, limit->limit}, {t1, limit->limit}}, y,
                     warning ? QColor(0xe6, 0x9f, 0x00) : QColor(0xc0, 0, 0), Qt::DashLine, 1.4);
        top = std::max(top, limit->limit);
    }
    QList<QPointF> cpu;
    double topPerUser = 0;
    for (int d = 0; d < days; ++d) {
        cpu.append({static_cast<double>(dayMs(bill.startDate, d)), bill.costPerUserMonth(d)});
        topPerUser = std::max(topPerUser, cpu.back().y());
    }
    spec.addLine(QCoreApplication::translate("Charts", "Cost per user-month (right)"), thin(cpu, pointBudget), perUser,
                 QColor(0x20, 0x20, 0x20), Qt::DotLine, 2);
    spec.fitFromZero(y, top);
    spec.fitFromZero(perUser, topPerUser);
    spec.axes[std::size_t(perUser)].format = QStringLiteral("%.3f");
    spec.setRange(x, t0, std::max(t1, t0 + 86'400'000.0));
    spec.toolTip = (QCoreApplication::translate(
        "Charts", "The capacity plan's bill per day from the pricing catalog, stacked by tier and purchase option "
                  "(storage and cache as their own layers), against the scenario's daily cost thresholds; the dotted "
                  "line is the day's cost per monthly active user, extrapolated to a month."));
    return spec;
}

std::unique_ptr<QChart> demandChart(const analysis::ScenarioAnalysis &analysis, const model::Scenario &scenario,
                                    std::size_t pointBudget)
{
    return makeChart(demandSpec(analysis, scenario, pointBudget));
}

std::unique_ptr<QChart> replicasChart(const analysis::ScenarioAnalysis &analysis, std::size_t pointBudget)
{
    return makeChart(replicasSpec(analysis, pointBudget));
}

std::unique_ptr<QChart> costChart(const analysis::ScenarioAnalysis &analysis, std::size_t pointBudget)
{
    return makeChart(costSpec(analysis, pointBudget));
}

} // namespace headroom::charts
