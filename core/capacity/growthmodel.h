#pragma once

#include "core/model/result.h"
#include "core/model/scenario.h"

#include <QList>

#include <vector>

/// User growth over time, the two ways the plan describes it.
namespace headroom::capacity {

/// Which curve answers "how many users on day N".
enum class GrowthMode {
    /// The plan's CapacityPlanner.calculatePredictedUsers: current x (1 + growthRate/30)^days x trend.
    /// This is what planCapacity() uses by default.
    Compound,
    /// The plan's growth phases (10K -> 100K in months 0-6, ...), interpolated geometrically
    /// within a phase. A month is 30 days, as in the compound rule.
    Phases,
};

/// Users as a function of the day (day 0 = today). Pure value type; all users are concurrent users.
class GrowthModel {
public:
    GrowthModel() = default;
    /// currentUsers >= 0; monthlyGrowthRate is a fraction (0.15 = 15 % a month), > -30;
    /// trendMultiplier scales the compound curve (the plan's TrendAnalysis.multiplier), > 0.
    GrowthModel(double currentUsers, double monthlyGrowthRate, double trendMultiplier = 1.0,
                QList<model::GrowthPhase> phases = {});
    /// From spec.demand.concurrentUsers, spec.capacityPlanner.growthRate and spec.growthPhases.
    static GrowthModel fromScenario(const model::Scenario &scenario, double trendMultiplier = 1.0);

    /// current x (1 + rate/30)^day x trend. `day` may be fractional; negative days run the curve back.
    double compoundUsers(double day) const;
    /// The phase curve at `day`: within a closed phase [startMonth, endMonth) users grow geometrically
    /// from fromUsers to toUsers (linearly if fromUsers is 0); an open-ended phase holds toUsers;
    /// before the first phase its fromUsers, in a gap between phases the previous toUsers.
    /// Without phases this falls back to compoundUsers().
    double phaseUsers(double day) const;
    double users(double day, GrowthMode mode) const;
    /// The phase whose months contain `day`, or nullptr.
    const model::GrowthPhase *phaseAt(double day) const;

    /// The plan's TrendAnalysis.multiplier from history: daily concurrent users, oldest first (the plan
    /// looks at the last 30 days; non-positive or non-finite values are skipped). ln(users) is fitted by
    /// least squares against the day, and the fitted growth over the span is divided by the growth that
    /// `monthlyGrowthRate` (compounded daily) assumes over the same span: 1 when history grew at the assumed
    /// rate, above 1 when faster. Error with fewer than 2 usable days.
    static model::Result<double> trendMultiplierFromHistory(const std::vector<double> &dailyUsers,
                                                            double monthlyGrowthRate);

    double currentUsers() const { return m_currentUsers; }
    double monthlyGrowthRate() const { return m_monthlyRate; }
    double trendMultiplier() const { return m_trend; }
    const QList<model::GrowthPhase> &phases() const { return m_phases; }

    static constexpr double daysPerMonth = 30.0;

private:
    double m_currentUsers = 0;
    double m_monthlyRate = 0;
    double m_trend = 1;
    QList<model::GrowthPhase> m_phases; ///< sorted by startMonth
};

} // namespace headroom::capacity
