#include "core/cost/thresholds.h"

#include <algorithm>

namespace headroom::cost {

namespace {

template <typename ValueOf>
ThresholdCrossing scan(const QString &name, double limit, int days, ValueOf &&valueOf)
{
    ThresholdCrossing c;
    c.name = name;
    c.limit = limit;
    if (limit <= 0)
        return c;
    for (int d = 0; d < days; ++d) {
        const double v = valueOf(d);
        c.maxValue = std::max(c.maxValue, v);
        if (c.firstDay < 0 && v > limit) {
            c.firstDay = d;
            c.valueOnFirstDay = v;
        }
    }
    return c;
}

} // namespace

ThresholdReport checkThresholds(const CostBreakdown &b, double warningDaily, double criticalDaily,
                                double perUserTarget)
{
    const int days = static_cast<int>(b.dailyCost.size());
    const auto daily = [&](int d) { return b.dailyCost[d]; };
    ThresholdReport r;
    r.warning = scan(QStringLiteral("warning"), warningDaily, days, daily);
    r.critical = scan(QStringLiteral("critical"), criticalDaily, days, daily);
    const int userDays = b.dailyActiveUsers.empty() ? 0 : days;
    r.costPerUser = scan(QStringLiteral("costPerUser"), perUserTarget, userDays,
                         [&](int d) { return b.costPerUserMonth(d); });
    return r;
}

} // namespace headroom::cost
