#include "core/cost/savingsplan.h"
#include "core/cost/scenariocost.h"
#include "core/model/scenarioio.h"

#include <QTest>

using namespace headroom;
using namespace headroom::cost;

namespace {

/// One tier on a plan resource tier (bundled catalog), pods of 500m / 1 GiB, one region.
CostInput planTier(const QString &nodeType, double vcpu, double memoryGB, bool spotTolerant, ReplicaSeries series)
{
    CostInput in;
    in.provider = QStringLiteral("aws");
    in.tiers = {TierNodes{series.tierId, nodeType, vcpu, memoryGB * 1e9, 500, 1024.0 * 1024 * 1024, spotTolerant}};
    in.regions = {RegionShare{QStringLiteral("us-east-1"), 1.0}};
    in.replicas = {std::move(series)};
    return in;
}

SavingsSettings quiet()
{
    SavingsSettings s;
    s.targetSpotRatio = 0;
    s.reservedSavingsThresholdUsd = 1e12;
    s.scheduleBasedScaling = false;
    return s;
}

const SavingsItem *find(const SavingsPlan &plan, const QString &type)
{
    for (const SavingsItem &i : plan.items) {
        if (i.type == type)
            return &i;
    }
    return nullptr;
}

} // namespace

class TestSavingsPlan : public QObject {
    Q_OBJECT

private slots:
    void rightSizingPicksCheapestTierUnderTarget()
    {
        // api on Performance (8 vCPU, 32 GB, $0.50/h): 64 replicas of 500m -> 16 a node -> 4 nodes.
        // At 25% CPU and memory, same node count: Standard 25% x 8/4 = 50% CPU (target 60%) and
        // 25% x 32/16 = 50% memory (target 75%) -> fits; Starter 25% x 8/2 = 100% -> does not.
        // Saving 4 nodes x (0.50 - 0.20) x 730 h = $876/month; 50% < 0.9 x 60% -> low risk.
        const CostInput in = planTier(QStringLiteral("Performance"), 8, 32, false,
                                      ReplicaSeries{QStringLiteral("api"), {0}, {64}, 24});
        SavingsSettings s = quiet();
        s.utilization[QStringLiteral("api")] = TierUtilization{0.25, 0.25};
        s.targetCpu[QStringLiteral("api")] = 0.60;
        s.targetMemory[QStringLiteral("api")] = 0.75;
        const model::Scenario scenario = model::defaultScenario();
        s.candidates = savingsSettings(scenario).candidates;
        QCOMPARE(s.candidates.size(), 4);
        const auto plan = planSavings(in, defaultCatalog(), CostOptions{}, s);
        QVERIFY2(plan, qPrintable(plan.errorString()));
        const SavingsItem *item = find(plan.value(), QStringLiteral("right_sizing"));
        QVERIFY(item);
        QVERIFY(qFuzzyCompare(item->monthlySavingUsd, 876.0));
        QCOMPARE(item->risk, Risk::Low);
        QVERIFY(item->implementation.contains(QStringLiteral("from Performance to Standard")));
        QVERIFY(item->inputs.join(u'\n').contains(QStringLiteral("plan/Performance 0.5/h -> plan/Standard 0.2/h")));
        QVERIFY(qFuzzyCompare(plan->totalMonthlySavingUsd, 876.0));
    }

    void rightSizingNeedsHeadroom()
    {
        // At 40% CPU, Standard would run at 80% > 60% target: nothing cheaper fits, no item.
        const CostInput in = planTier(QStringLiteral("Performance"), 8, 32, false,
                                      ReplicaSeries{QStringLiteral("api"), {0}, {64}, 24});
        SavingsSettings s = quiet();
        s.utilization[QStringLiteral("api")] = TierUtilization{0.40, 0.25};
        s.targetCpu[QStringLiteral("api")] = 0.60;
        s.candidates = savingsSettings(model::defaultScenario()).candidates;
        const auto plan = planSavings(in, defaultCatalog(), CostOptions{}, s);
        QVERIFY(plan);
        QVERIFY(!find(plan.value(), QStringLiteral("right_sizing")));
    }

    void reservedOnlyAboveThreshold_data()
    {
        QTest::addColumn<double>("threshold");
        QTest::addColumn<bool>("expectItem");
        // 10 Standard nodes all the time ($0.20/h; aws 1y -37% = $0.126/h):
        // 10 x (0.20 - 0.126) x 730 = $540.20 per month.
        QTest::addRow("plan threshold $1000") << 1000.0 << false;
        QTest::addRow("threshold $500") << 500.0 << true;
    }
    void reservedOnlyAboveThreshold()
    {
        QFETCH(double, threshold);
        QFETCH(bool, expectItem);
        const CostInput in = planTier(QStringLiteral("Standard"), 4, 16, false,
                                      ReplicaSeries{QStringLiteral("web"), {0, 24}, {80, 80}, 24});
        SavingsSettings s = quiet();
        s.reservedSavingsThresholdUsd = threshold;
        const auto plan = planSavings(in, defaultCatalog(), CostOptions{}, s);
        QVERIFY(plan);
        const SavingsItem *item = find(plan.value(), QStringLiteral("reserved_instance_purchase"));
        QCOMPARE(item != nullptr, expectItem);
        if (item) {
            QVERIFY(qFuzzyCompare(item->monthlySavingUsd, 540.2));
            QCOMPARE(item->risk, Risk::Low);
            QVERIFY(item->inputs.join(u'\n').contains(QStringLiteral("10 x plan/Standard 0.126/h vs on-demand 0.2/h, used 100%, break-even after 7.6 of 12 months")));
            QVERIFY(plan->optimizedOptions.reservedTerm.has_value());
        } else {
            QVERIFY(plan->notes.join(u'\n').contains(QStringLiteral("$540.20/month, not above the $1000.00 threshold")));
            QVERIFY(!plan->optimizedOptions.reservedTerm.has_value());
        }
    }

    void spotThenReservedAddUp()
    {
        // 10 Standard nodes on a spot-tolerant tier, target 40%, 5% interruption:
        //   spot: round(4) = 4 -> ceil(4 / 0.95) = 5 spot nodes at 0.20 x 0.35 = $0.07/h, 6 on-demand.
        //   before 10 x 0.20 = 2.00/h; after 6 x 0.20 + 5 x 0.07 = 1.55/h -> 0.45 x 730 = $328.50/month.
        //   reserved on the 6 non-spot nodes: 6 x (0.20 - 0.126) x 730 = $324.12/month (> $300).
        // Total 652.62 = current - optimized bill.
        const CostInput in = planTier(QStringLiteral("Standard"), 4, 16, true,
                                      ReplicaSeries{QStringLiteral("web"), {0, 24}, {80, 80}, 24});
        SavingsSettings s = quiet();
        s.targetSpotRatio = 0.4;
        s.reservedSavingsThresholdUsd = 300;
        CostOptions current;
        current.spotInterruptionRate = 0.05;
        const auto plan = planSavings(in, defaultCatalog(), current, s);
        QVERIFY2(plan, qPrintable(plan.errorString()));
        QCOMPARE(plan->items.size(), size_t(2));
        QCOMPARE(plan->items[0].type, QStringLiteral("spot_instance_increase"));
        QCOMPARE(plan->items[0].risk, Risk::Medium);
        QVERIFY(qFuzzyCompare(plan->items[0].monthlySavingUsd, 328.5));
        QVERIFY(qFuzzyCompare(plan->items[1].monthlySavingUsd, 324.12));
        QVERIFY(qFuzzyCompare(plan->totalMonthlySavingUsd, 652.62));
        const auto optimized = computeCost(in, defaultCatalog(), plan->optimizedOptions);
        QVERIFY(optimized);
        QVERIFY(qFuzzyCompare(optimized->monthlyCost(), plan->currentMonthlyUsd - plan->totalMonthlySavingUsd));
        QVERIFY(qFuzzyCompare(plan->optimizedMonthlyUsd, optimized->monthlyCost()));
    }

    void scheduleScalingForDailyPlans()
    {
        // Daily samples, 10 Standard nodes (80 replicas, 8 a node). Night: 8 h at 50% ->
        // max(ceil(5), ceil(3 / 8) = 1) = 5 nodes; saving 5 x 8 h x 0.20 = $8/day = 8 x 730/24 = $243.33/month.
        const CostInput in = planTier(QStringLiteral("Standard"), 4, 16, false,
                                      ReplicaSeries{QStringLiteral("web"), {0, 24}, {80, 80}, 24});
        SavingsSettings s = quiet();
        s.scheduleBasedScaling = true;
        s.nightDemandFraction = 0.5;
        s.minReplicas[QStringLiteral("web")] = 3;
        const auto plan = planSavings(in, defaultCatalog(), CostOptions{}, s);
        QVERIFY(plan);
        const SavingsItem *item = find(plan.value(), QStringLiteral("schedule_based_scaling"));
        QVERIFY(item);
        QVERIFY(qFuzzyCompare(item->monthlySavingUsd, 8.0 * 730.0 / 24.0));

        // The floor holds: min 60 replicas -> 8 nodes at night -> 2 x 8 x 0.20 = $3.20/day.
        s.minReplicas[QStringLiteral("web")] = 60;
        const auto floored = planSavings(in, defaultCatalog(), CostOptions{}, s);
        QVERIFY(qFuzzyCompare(find(floored.value(), QStringLiteral("schedule_based_scaling"))->monthlySavingUsd,
                              3.2 * 730.0 / 24.0));
    }

    void noScheduleItemForSimulatedSeries()
    {
        std::vector<double> hours, replicas;
        for (int h = 0; h < 48; ++h) {
            hours.push_back(h);
            replicas.push_back(80);
        }
        const CostInput in = planTier(QStringLiteral("Standard"), 4, 16, false,
                                      ReplicaSeries{QStringLiteral("web"), hours, replicas, 1});
        SavingsSettings s = quiet();
        s.scheduleBasedScaling = true;
        const auto plan = planSavings(in, defaultCatalog(), CostOptions{}, s);
        QVERIFY(plan);
        QVERIFY(!find(plan.value(), QStringLiteral("schedule_based_scaling")));
        QVERIFY(plan->notes.join(u'\n').contains(QStringLiteral("already follows the daily cycle")));
    }

    void nightFraction_data()
    {
        QTest::addColumn<double>("amplitude");
        QTest::addColumn<double>("fraction");
        QTest::addRow("flat") << 0.0 << 1.0;
        // (1 - 0.8270 x 0.4) / 1.4 = 0.4777
        QTest::addRow("plan diurnal 0.4") << 0.4 << (1.0 - 0.826993343 * 0.4) / 1.4;
    }
    void nightFraction()
    {
        QFETCH(double, amplitude);
        QFETCH(double, fraction);
        QVERIFY(qAbs(nightDemandFraction(amplitude) - fraction) < 1e-6);
    }

    void scenarioSettings()
    {
        const model::Scenario s = model::defaultScenario();
        const SavingsSettings settings = savingsSettings(s);
        QCOMPARE(settings.targetSpotRatio, 0.4);
        QCOMPARE(settings.reservedSavingsThresholdUsd, 1000.0);
        QCOMPARE(settings.reservedTerm, PurchaseOption::Reserved1y); // reservedInstancePlanning: 12
        QCOMPARE(settings.targetCpu.value(QStringLiteral("api")), 0.6);
        QCOMPARE(settings.minReplicas.value(QStringLiteral("processing")), 2);
        QVERIFY(qAbs(settings.nightDemandFraction - nightDemandFraction(0.4)) < 1e-12);
        const QList<RegionShare> regions = regionShares(s);
        QCOMPARE(regions.size(), 9);
        QVERIFY(qFuzzyCompare(regions.first().share, 0.45 * 0.50)); // na 45% x us-east-1 50%
        double sum = 0;
        for (const RegionShare &r : regions)
            sum += r.share;
        QVERIFY(qFuzzyCompare(sum, 1.0));
        const auto input = costInputFromScenario(s, defaultCatalog());
        QVERIFY(input);
        QCOMPARE(input->tiers.size(), 3);
        QCOMPARE(input->tiers[1].nodeType, QStringLiteral("Performance"));
        QCOMPARE(input->tiers[1].podsPerNode(), 8); // 8 vCPU / 1000m; 32 GB / 2 GiB = 14.9
        QVERIFY(input->tiers[0].spotTolerant);
    }
};

QTEST_GUILESS_MAIN(TestSavingsPlan)
#include "tst_savingsplan.moc"
