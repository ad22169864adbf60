#include "ui/charts/chartbuilders.h"

#include "ui/charts/chartcommon.h"
#include "ui/charts/lttb.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace headroom::charts {

std::vector<BreachInterval> sloBreaches(const autoscale::SimulationResult &result, std::size_t tier, double sloMs)
{
    std::vector<BreachInterval> out;
    if (tier >= result.tiers.size() || !(sloMs > 0))
        return out;
    const auto &p95 = result.tiers[tier].p95LatencyMs;
    const std::size_t n = std::min(p95.size(), static_cast<std::size_t>(std::max(result.ticks, 0)));
    for (std::size_t i = 0; i < n; ++i) {
        // A non-finite P95 is an overloaded queue: a breach.
        if (!(p95[i] <= sloMs)) {
            const qint64 t = result.startMs + static_cast<qint64>(i) * result.stepMs;
            if (!out.empty() && out.back().endMs == t)
                out.back().endMs = t + result.stepMs;
            else
                out.push_back({t, t + result.stepMs});
        }
    }
    return out;
}

namespace {

std::vector<double> toDoubles(const autoscale::TickSeries<int> &v)
{
    return {v.begin(), v.end()};
}

} // namespace

std::optional<ChartSpec> trafficSpec(const analysis::ScenarioAnalysis &analysis, const model::Scenario &scenario,
                                     int trafficIndex, std::size_t pointBudget)
{
    if (trafficIndex < 0 || trafficIndex >= static_cast<int>(analysis.traffic.size()))
        return std::nullopt;
    const analysis::TrafficOutcome &outcome = analysis.traffic[static_cast<std::size_t>(trafficIndex)];
    const autoscale::SimulationResult &sim = outcome.simulation;
    ChartSpec spec;
    spec.title = QCoreApplication::translate("Charts", "Simulation: %1").arg(outcome.name);
    const bool multiDay = qint64{sim.ticks} * sim.stepMs > 2 * 86'400'000LL;
    const int x = spec.addTimeAxis(multiDay ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm"));
    const int y = spec.addValueAxis(QCoreApplication::translate("Charts", "Replicas"));
    const int demandAxis =
        spec.addValueAxis(QCoreApplication::translate("Charts", "Demand (req/s, jobs/s)"), Qt::AlignRight);

    const auto x0 = static_cast<double>(sim.startMs);
    const auto dx = static_cast<double>(sim.stepMs);
    double top = 0, topDemand = 0;
    for (const autoscale::TierTimeline &t : sim.tiers) {
        for (int r : t.readyReplicas)
            top = std::max(top, static_cast<double>(r));
        for (int r : t.desiredReplicas)
            top = std::max(top, static_cast<double>(r));
        for (double d : t.demand)
            if (std::isfinite(d))
                topDemand = std::max(topDemand, d);
    }
    top = std::max(top * 1.08, 1.0);

    // Long series are drawn with solid pens: a dashed pen over 2,000 points costs ~20x more to stroke.
    // SLO breaches are shaded with rectangles behind the lines, placed from the axes whenever the plot
    // area changes (an area series with full-height steps costs ~80 ms to fill); a legend entry per tier.
    for (std::size_t i = 0; i < sim.tiers.size(); ++i) {
        const model::Tier *tier = scenario.tier(sim.tiers[i].tierId);
        if (!tier || !tier->p95Slo)
            continue;
        const auto breaches = sloBreaches(sim, i, static_cast<double>(tier->p95Slo->count()));
        if (breaches.empty())
            continue;
        QColor fill = seriesColor(static_cast<int>(i));
        fill.setAlpha(40);
        // Gaps narrower than 1/400 of the chart are invisible: merge them.
        const qint64 minGap = qint64{sim.ticks} * sim.stepMs / 400;
        for (std::size_t k = 0; k < breaches.size(); ++k) {
            const qint64 begin = breaches[k].startMs;
            while (k + 1 < breaches.size() && breaches[k + 1].startMs - breaches[k].endMs < minGap)
                ++k;
            spec.shades.push_back({begin, breaches[k].endMs, fill});
        }
        // The legend entry: an empty area in the shade's colour.
        spec.addArea(QCoreApplication::translate("Charts", "%1 P95 over SLO").arg(sim.tiers[i].tierId), {}, {}, y, fill);
    }
    for (std::size_t i = 0; i < sim.tiers.size(); ++i) {
        const autoscale::TierTimeline &t = sim.tiers[i];
        const std::vector<double> ready = toDoubles(t.readyReplicas), desired = toDoubles(t.desiredReplicas);
        const QColor c = seriesColor(static_cast<int>(i));
        spec.addLine(QCoreApplication::translate("Charts", "%1 ready").arg(t.tierId),
                     lttbUniform(x0, dx, ready, pointBudget), y, c, Qt::SolidLine, 1.8);
        spec.addLine(QCoreApplication::translate("Charts", "%1 desired").arg(t.tierId),
                     lttbUniform(x0, dx, desired, pointBudget), y, c.lighter(150), Qt::SolidLine, 1.0);
        spec.addLine(QCoreApplication::translate("Charts", "%1 demand (right)").arg(t.tierId),
                     lttbUniform(x0, dx, t.demand.toVector(), pointBudget), demandAxis, c.darker(160), Qt::SolidLine, 0.8);
    }
    spec.setRange(y, 0, top, true);
    spec.fitFromZero(demandAxis, topDemand);
    spec.setRange(x, x0, x0 + dx * std::max(sim.ticks - 1, 1));
    spec.toolTip = (QCoreApplication::translate(
                          "Charts", "Autoscaling simulation of '%1' (%2): ready and desired replicas per tier, the "
                                    "demand reaching each tier, and shaded where the tier's simulated P95 exceeded "
                                    "its p95Slo. Series longer than %3 points are downsampled (LTTB).")
                          .arg(outcome.name, outcome.spec)
                          .arg(pointBudget));
    return spec;
}

std::unique_ptr<QChart> trafficChart(const analysis::ScenarioAnalysis &analysis, const model::Scenario &scenario,
                                     int trafficIndex, std::size_t pointBudget)
{
    std::optional<ChartSpec> spec = trafficSpec(analysis, scenario, trafficIndex, pointBudget);
    return spec ? makeChart(*spec) : nullptr;
}

} // namespace headroom::charts
