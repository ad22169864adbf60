#pragma once

#include "core/cost/costmodel.h"

/// The plan's cost limits checked day by day over a costed horizon.
namespace headroom::cost {

/// One limit: the first day (0-based, -1 = never) the value exceeds it.
struct ThresholdCrossing {
    QString name;        ///< "warning", "critical", "costPerUser"
    double limit = 0;    ///< USD per day, or USD per active user per month
    int firstDay = -1;
    double valueOnFirstDay = 0;
    double maxValue = 0; ///< over the horizon
    bool crossed() const { return firstDay >= 0; }
};

struct ThresholdReport {
    ThresholdCrossing warning;
    ThresholdCrossing critical;
    ThresholdCrossing costPerUser; ///< skipped (limit <= 0 or no users) leaves firstDay -1
};

/// Daily cost against `warningDaily`/`criticalDaily` (exceeded when strictly above), and cost per
/// active user per month against `perUserTarget`. A limit <= 0 is not checked.
ThresholdReport checkThresholds(const CostBreakdown &breakdown, double warningDaily, double criticalDaily,
                                double perUserTarget);

} // namespace headroom::cost
