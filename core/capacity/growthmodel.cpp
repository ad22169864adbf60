#include "core/capacity/growthmodel.h"

#include <algorithm>
#include <cmath>

namespace headroom::capacity {

GrowthModel::GrowthModel(double currentUsers, double monthlyGrowthRate, double trendMultiplier,
                         QList<model::GrowthPhase> phases)
    : m_currentUsers(currentUsers), m_monthlyRate(monthlyGrowthRate), m_trend(trendMultiplier),
      m_phases(std::move(phases))
{
    std::stable_sort(m_phases.begin(), m_phases.end(),
                     [](const model::GrowthPhase &a, const model::GrowthPhase &b) { return a.startMonth < b.startMonth; });
}

GrowthModel GrowthModel::fromScenario(const model::Scenario &scenario, double trendMultiplier)
{
    const model::ScenarioSpec &spec = scenario.spec;
    return GrowthModel(spec.demand.concurrentUsers, spec.capacityPlanner.growthRate, trendMultiplier,
                       spec.growthPhases);
}

double GrowthModel::compoundUsers(double day) const
{
    return m_currentUsers * std::pow(1.0 + m_monthlyRate / daysPerMonth, day) * m_trend;
}

const model::GrowthPhase *GrowthModel::phaseAt(double day) const
{
    const double month = day / daysPerMonth;
    for (const model::GrowthPhase &p : m_phases) {
        if (month >= p.startMonth && (!p.endMonth || month < *p.endMonth))
            return &p;
    }
    return nullptr;
}

double GrowthModel::phaseUsers(double day) const
{
    if (m_phases.isEmpty())
        return compoundUsers(day);
    const double month = day / daysPerMonth;
    if (month < m_phases.first().startMonth)
        return m_phases.first().fromUsers;
    if (const model::GrowthPhase *p = phaseAt(day)) {
        if (!p->endMonth || *p->endMonth <= p->startMonth)
            return p->toUsers;
        const double f = (month - p->startMonth) / (*p->endMonth - p->startMonth);
        if (p->fromUsers <= 0 || p->toUsers <= 0)
            return p->fromUsers + f * (p->toUsers - p->fromUsers);
        return p->fromUsers * std::pow(p->toUsers / p->fromUsers, f);
    }
    // In a gap or after the last closed phase: hold the latest phase that has ended.
    double users = m_phases.first().fromUsers;
    for (const model::GrowthPhase &p : m_phases) {
        if (p.startMonth <= month)
            users = p.toUsers;
    }
    return users;
}

model::Result<double> GrowthModel::trendMultiplierFromHistory(const std::vector<double> &dailyUsers,
                                                             double monthlyGrowthRate)
{
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0, first = 0, last = 0;
    for (size_t i = 0; i < dailyUsers.size(); ++i) {
        const double u = dailyUsers[i];
        if (!(u > 0) || !std::isfinite(u))
            continue;
        const double x = static_cast<double>(i);
        const double y = std::log(u);
        first = n == 0 ? x : first;
        last = x;
        n += 1;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    if (n < 2)
        return model::makeError(QStringLiteral("a trend needs at least 2 days with users > 0, got %1").arg(n),
                                QStringLiteral("history"));
    const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx); // ln users per day
    const double span = last - first;
    return std::exp(slope * span - span * std::log1p(monthlyGrowthRate / daysPerMonth));
}

double GrowthModel::users(double day, GrowthMode mode) const
{
    return mode == GrowthMode::Phases ? phaseUsers(day) : compoundUsers(day);
}

} // namespace headroom::capacity
