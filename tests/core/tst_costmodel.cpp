#include "core/cost/costmodel.h"
#include "core/cost/thresholds.h"
#include "costfixture.h"

#include <QTest>

using namespace headroom;
using namespace headroom::cost;
using namespace headroom::cost::testing;

class TestCostModel : public QObject {
    Q_OBJECT

private slots:
    void mixedPurchaseOptions()
    {
        // 40 replicas for hours 0-11, 80 for 12-23; 4 pods per node -> 10 then 20 nodes.
        // Spot 40%: round(4) = 4 and round(8) = 8 nodes of capacity; interruption 20% ->
        // ceil(4 / 0.8) = 5 and ceil(8 / 0.8) = 10 spot nodes bought. Non-spot: 6 then 12.
        // Reserved 1y on the minimum non-spot count: 6 nodes, paid all 24 h. On-demand: 0 then 6.
        //   spot      (5 x 12 + 10 x 12) x 0.30 = 54.00
        //   reserved   6 x 24 x 0.60           = 86.40
        //   on-demand  6 x 12 x 1.00           = 72.00   total 212.40
        std::vector<double> replicas(24, 40.0);
        std::fill(replicas.begin() + 12, replicas.end(), 80.0);
        CostOptions o;
        o.spotRatio = 0.4;
        o.spotInterruptionRate = 0.2;
        o.reservedTerm = PurchaseOption::Reserved1y;
        const auto b = computeCost(oneRegion({tierOnN4(QStringLiteral("web"), true)}, {hourly(QStringLiteral("web"), replicas)}),
                                   roundCatalog(), o);
        QVERIFY2(b, qPrintable(b.errorString()));
        QCOMPARE(b->days, 1);
        QVERIFY(qFuzzyCompare(sumCost(b.value(), PurchaseOption::Spot), 54.0));
        QVERIFY(qFuzzyCompare(sumCost(b.value(), PurchaseOption::Reserved1y), 86.4));
        QVERIFY(qFuzzyCompare(sumCost(b.value(), PurchaseOption::OnDemand), 72.0));
        QVERIFY(qFuzzyCompare(b->totalUsd, 212.4));
        QVERIFY(qFuzzyCompare(b->dailyCost[0], 212.4));
        QVERIFY(qFuzzyCompare(b->byOption.value(QStringLiteral("spot")), 54.0));
        // spot share of node-hours: 180 / (180 + 144 + 72)
        QVERIFY(qFuzzyCompare(b->spotNodeHours / b->nodeHours, 180.0 / 396.0));
        // Every line names its catalog row, source and date.
        for (const CostLine &l : b->lines) {
            QCOMPARE(l.rowId, QStringLiteral("t/*/n4"));
            QCOMPARE(l.priceSource, QStringLiteral("quote"));
            QCOMPARE(l.priceDate, QStringLiteral("2026-01-01"));
        }
        // Reservation: 6 nodes used every hour -> 100%; break-even 12 x 0.60 / 1.00 = 7.2 months;
        // saving (144 x 1.00 - 144 x 0.60) / 24 h x 730 = 1752 per month.
        QCOMPARE(b->reservations.size(), size_t(1));
        const Reservation &r = b->reservations[0];
        QCOMPARE(r.nodes, 6);
        QVERIFY(qFuzzyCompare(r.utilization, 1.0));
        QVERIFY(qFuzzyCompare(r.breakEvenMonths, 7.2));
        QVERIFY(qFuzzyCompare(r.monthlySavingUsd, 1752.0));
    }

    void spotOnlyOnTolerantTiers()
    {
        // Same 10 nodes in two tiers, spot 50%: only the tolerant one buys spot.
        // api: 10 x 1.00 x 2 h = 20 on-demand; web: 5 spot (no haircut) x 0.30 x 2 + 5 x 1.00 x 2 = 13.
        CostOptions o;
        o.spotRatio = 0.5;
        const auto b = computeCost(oneRegion({tierOnN4(QStringLiteral("api"), false), tierOnN4(QStringLiteral("web"), true)},
                                             {hourly(QStringLiteral("api"), {40, 40}), hourly(QStringLiteral("web"), {40, 40})}),
                                   roundCatalog(), o);
        QVERIFY2(b, qPrintable(b.errorString()));
        QVERIFY(qFuzzyCompare(b->byTier.value(QStringLiteral("api")), 20.0));
        QVERIFY(qFuzzyCompare(b->byTier.value(QStringLiteral("web")), 13.0));
        QCOMPARE(sumCost(b.value(), PurchaseOption::Spot, QStringLiteral("api")), 0.0);
    }

    void spotHaircut_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::addColumn<double>("ratio");
        QTest::addColumn<double>("interruption");
        QTest::addColumn<double>("spotNodes");
        QTest::addColumn<double>("onDemandNodes");
        QTest::addRow("no haircut") << 10 << 0.4 << 0.0 << 4.0 << 6.0;       // round(4) = 4
        QTest::addRow("plan 5 percent") << 10 << 0.4 << 0.05 << 5.0 << 6.0;        // ceil(4 / 0.95 = 4.21) = 5
        QTest::addRow("100 nodes 5 percent") << 100 << 0.4 << 0.05 << 43.0 << 60.0; // ceil(40 / 0.95 = 42.1) = 43
        QTest::addRow("3 nodes") << 3 << 0.4 << 0.05 << 2.0 << 2.0;         // round(1.2) = 1 -> ceil(1.05) = 2
        QTest::addRow("1 node") << 1 << 0.4 << 0.05 << 0.0 << 1.0;          // round(0.4) = 0
        QTest::addRow("all spot, half reclaimed") << 10 << 1.0 << 0.5 << 20.0 << 0.0;   // 10 / 0.5 = 20
    }
    void spotHaircut()
    {
        QFETCH(int, nodes);
        QFETCH(double, ratio);
        QFETCH(double, interruption);
        QFETCH(double, spotNodes);
        QFETCH(double, onDemandNodes);
        CostOptions o;
        o.spotRatio = ratio;
        o.spotInterruptionRate = interruption;
        const auto b = computeCost(oneRegion({tierOnN4(QStringLiteral("web"), true)},
                                             {hourly(QStringLiteral("web"), {nodes * 4.0})}),
                                   roundCatalog(), o);
        QVERIFY2(b, qPrintable(b.errorString()));
        QCOMPARE(sumUnitHours(b.value(), PurchaseOption::Spot), spotNodes);
        QCOMPARE(sumUnitHours(b.value(), PurchaseOption::OnDemand), onDemandNodes);
    }

    void reservedBreakEvenWithIdleHours()
    {
        // Daily samples: day 0 needs 8 nodes, day 1 needs 4. Reserve the 75th time-weighted
        // percentile: sorted (4: 24 h), (8: 24 h); 24 h < 0.75 x 48 h -> 8 nodes.
        // 3y derived from the "half" profile: 1.00 x (1 - 50%) = 0.50; break-even 36 x 0.5 = 18 months.
        // Used 8 x 24 + 4 x 24 = 288 of 8 x 48 = 384 paid node-hours -> 75%.
        // Saving (288 x 1.00 - 384 x 0.50) / 48 h x 730 = 1460 per month. Cost 8 x 24 x 0.5 a day = 96.
        CostOptions o;
        o.reservedTerm = PurchaseOption::Reserved3y;
        o.reservedPercentile = 0.75;
        const auto b = computeCost(oneRegion({tierOnN4(QStringLiteral("api"), false)},
                                             {ReplicaSeries{QStringLiteral("api"), {0, 24}, {32, 16}, 24}}),
                                   roundCatalog(), o);
        QVERIFY2(b, qPrintable(b.errorString()));
        QCOMPARE(b->days, 2);
        QCOMPARE(b->reservations.size(), size_t(1));
        const Reservation &r = b->reservations[0];
        QCOMPARE(r.nodes, 8);
        QCOMPARE(r.reservedHourly, 0.5);
        QVERIFY(qFuzzyCompare(r.breakEvenMonths, 18.0));
        QVERIFY(qFuzzyCompare(r.utilization, 0.75));
        QVERIFY(qFuzzyCompare(r.monthlySavingUsd, 1460.0));
        QVERIFY(qFuzzyCompare(b->dailyCost[0], 96.0));
        QVERIFY(qFuzzyCompare(b->dailyCost[1], 96.0));
        QCOMPARE(sumCost(b.value(), PurchaseOption::OnDemand), 0.0);
        bool derived = false;
        for (const CostLine &l : b->lines)
            derived = derived || (l.option == PurchaseOption::Reserved3y && l.priceSource.contains(QStringLiteral("-50% (half")));
        QVERIFY(derived);
    }

    void wholeNodesPerRegion()
    {
        // 10 replicas split 75/25: ceil(7.5) = 8 pods -> 2 nodes; ceil(2.5) = 3 pods -> 1 node.
        CostInput in = oneRegion({tierOnN4(QStringLiteral("web"), false)}, {hourly(QStringLiteral("web"), {10})});
        in.regions = {RegionShare{QStringLiteral("a"), 0.75}, RegionShare{QStringLiteral("b"), 0.25}};
        const auto b = computeCost(in, roundCatalog(), {});
        QVERIFY2(b, qPrintable(b.errorString()));
        QCOMPARE(b->byRegion.value(QStringLiteral("a")), 2.0);
        QCOMPARE(b->byRegion.value(QStringLiteral("b")), 1.0);
    }

    void samplesSplitAtMidnight()
    {
        // One sample at 20:00 lasting 8 h: 4 h on day 0, 4 h on day 1; 2 nodes x 1.00.
        const auto b = computeCost(oneRegion({tierOnN4(QStringLiteral("web"), false)},
                                             {ReplicaSeries{QStringLiteral("web"), {20}, {8}, 8}}),
                                   roundCatalog(), {});
        QVERIFY2(b, qPrintable(b.errorString()));
        QCOMPARE(b->days, 2);
        QCOMPARE(b->dailyCost[0], 8.0);
        QCOMPARE(b->dailyCost[1], 8.0);
        QCOMPARE(b->monthlyCost(), 16.0 / 28.0 * 730.0); // horizon 0..28 h
    }

    void storageCacheUsersAndRequests()
    {
        // 24 h: 1 node (4 replicas) = 24.00; storage 1000 GB x 0.001/GB-h x 24 = 24.00;
        // cache 10 GB x 0.01 x 24 = 2.40. Total 50.40 a day.
        // 1000 concurrent users x 10 = 10000 active: 50.40 x 730/24 / 10000 = 0.153300 per user-month.
        // Requests 1000 x 0.1/s x 86400 = 8.64M: 50.40 / 8.64 = 5.8333 per million.
        CostInput in = oneRegion({tierOnN4(QStringLiteral("web"), false)}, {ReplicaSeries{QStringLiteral("web"), {0}, {4}, 24}});
        in.storageBytes = SampledSeries{{0}, {1000e9}, 24};
        in.cacheBytes = SampledSeries{{0}, {10e9}, 24};
        in.concurrentUsers = SampledSeries{{0}, {1000}, 24};
        in.activeToConcurrentRatio = 10;
        in.requestsPerUserPerSecond = 0.1;
        const auto b = computeCost(in, roundCatalog(), {});
        QVERIFY2(b, qPrintable(b.errorString()));
        QVERIFY(qFuzzyCompare(b->byTier.value(QStringLiteral("storage")), 24.0));
        QVERIFY(qFuzzyCompare(b->byTier.value(QStringLiteral("cache")), 2.4));
        QVERIFY(qFuzzyCompare(b->totalUsd, 50.4));
        QVERIFY(qFuzzyCompare(b->costPerUserMonth(0), 50.4 * 730.0 / 24.0 / 10000.0));
        QVERIFY(qFuzzyCompare(b->costPerUserMonth(), 50.4 * 730.0 / 24.0 / 10000.0));
        QVERIFY(qFuzzyCompare(b->costPerMillionRequests(), 50.4 / 8.64));
        const QByteArray csv = costCsv(b.value());
        QVERIFY(csv.startsWith("date,tier,region,purchase_option,instance_type,nodes,hourly_price_usd,cost_usd,"
                               "price_source,price_date,unit\n"));
        QVERIFY2(csv.contains("2026-01-01,storage,r1,on_demand,disk,1000,0.001,24.0000,quote,2026-01-01,GB"), csv.constData());
        QVERIFY2(csv.contains("2026-01-01,web,r1,on_demand,n4,1,1,24.0000,quote,2026-01-01,node"), csv.constData());
    }

    void thresholds()
    {
        // Daily cost 1 node x 24 h = 24, then 3 nodes = 72, then 5 nodes = 120.
        CostInput in = oneRegion({tierOnN4(QStringLiteral("web"), false)},
                                 {ReplicaSeries{QStringLiteral("web"), {0, 24, 48}, {4, 12, 20}, 24}});
        in.concurrentUsers = SampledSeries{{0}, {100}, 72};
        in.activeToConcurrentRatio = 10; // 1000 active; per user-month 24 x 730/24/1000 = 0.73, 2.19, 3.65
        const auto b = computeCost(in, roundCatalog(), {});
        QVERIFY2(b, qPrintable(b.errorString()));
        const ThresholdReport r = checkThresholds(b.value(), 50, 100, 2.0);
        QCOMPARE(r.warning.firstDay, 1);
        QCOMPARE(r.warning.valueOnFirstDay, 72.0);
        QCOMPARE(r.critical.firstDay, 2);
        QCOMPARE(r.critical.maxValue, 120.0);
        QCOMPARE(r.costPerUser.firstDay, 1);
        QVERIFY(qFuzzyCompare(r.costPerUser.valueOnFirstDay, 2.19));
        const ThresholdReport never = checkThresholds(b.value(), 500, 0, 0);
        QVERIFY(!never.warning.crossed());
        QCOMPARE(never.warning.maxValue, 120.0);
        QVERIFY(!never.critical.crossed());
        QVERIFY(!never.costPerUser.crossed());
    }

    void badInputIsReported_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::addRow("pod too big") << 0 << "does not fit on a n4 node";
        QTest::addRow("unknown node") << 1 << "node type 'n9' is not in the pricing catalog";
        QTest::addRow("series sizes") << 2 << "has 2 times but 1 values";
        QTest::addRow("decreasing times") << 3 << "increasing";
        QTest::addRow("no series") << 4 << "no replica series";
        QTest::addRow("spot ratio") << 5 << "spotRatio: must be in 0..1";
        QTest::addRow("missing spot price") << 6 << "has no spot price";
    }
    void badInputIsReported()
    {
        QFETCH(int, kind);
        QFETCH(QString, message);
        TierNodes tier = tierOnN4(QStringLiteral("web"), true);
        ReplicaSeries s = hourly(QStringLiteral("web"), {4, 4});
        CostOptions o;
        PricingCatalog catalog = roundCatalog();
        switch (kind) {
        case 0: tier.podCpuMillicores = 5000; break;
        case 1: tier.nodeType = QStringLiteral("n9"); break;
        case 2: s.replicas = {4}; break;
        case 3: s.hours = {1, 0}; break;
        case 4: s.tierId = QStringLiteral("other"); break;
        case 5: o.spotRatio = 1.5; break;
        case 6: catalog.instances[0].spotHourly.reset(); o.spotRatio = 0.4; break;
        }
        const auto b = computeCost(oneRegion({tier}, {s}), catalog, o);
        QVERIFY(!b);
        QVERIFY2(b.errorString().contains(message), qPrintable(b.errorString()));
    }

    void simulationTicks()
    {
        // 15 s ticks: 4 replicas for 240 ticks (1 h), 8 for 240 ticks: runs merge to 2 samples.
        // 1 node x 1 h + 2 nodes x 1 h at $1.00 = $3.00.
        std::vector<int> ready(240, 4);
        ready.insert(ready.end(), 240, 8);
        const ReplicaSeries s = replicaSeriesFromTicks(QStringLiteral("web"), 15, ready);
        QCOMPARE(s.hours, (std::vector<double>{0, 1}));
        QCOMPARE(s.replicas, (std::vector<double>{4, 8}));
        QCOMPARE(s.lastStepHours, 1.0);
        const auto b = computeCost(oneRegion({tierOnN4(QStringLiteral("web"), false)}, {s}), roundCatalog(), {});
        QVERIFY2(b, qPrintable(b.errorString()));
        QVERIFY(qFuzzyCompare(b->totalUsd, 3.0));
        QVERIFY(replicaSeriesFromTicks(QStringLiteral("web"), 0, ready).hours.empty());
    }

    void weightedPercentile()
    {
        QCOMPARE(cost::weightedPercentile({{5, 1}, {3, 1}, {9, 2}}, 0), 3.0);
        QCOMPARE(cost::weightedPercentile({{5, 1}, {3, 1}, {9, 2}}, 0.5), 5.0);
        QCOMPARE(cost::weightedPercentile({{5, 1}, {3, 1}, {9, 2}}, 0.51), 9.0);
        QCOMPARE(cost::weightedPercentile({}, 0.5), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestCostModel)
#include "tst_costmodel.moc"
