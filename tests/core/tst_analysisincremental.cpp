// The incremental analysis: after every lever of the what-if dock it equals a full analysis of the
// changed scenario field for field, and it takes over exactly the stages whose inputs did not change.
#include "core/analysis/scenarioanalysis.h"
#include "core/analysis/stageinputs.h"
#include "core/model/scenarioio.h"
#include "tests/core/analysisdump.h"

#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using namespace headroom;
using testing::AnalysisDump;

namespace {

using Change = std::function<void(model::Scenario &, analysis::AnalysisOptions &)>;

/// Expected reuse: 1 taken over, 0 computed again, -1 either (depends on the figures).
struct Lever {
    const char *name;
    Change change;
    int plan, cost, topology;
    QStringList simulated;   ///< traffic scenarios whose simulation must be computed again (the rest are reused)
    int alertsOfOthers;      ///< alerts of the reused simulations
};

const QString spike = u"spike-10x"_s;
const QString regionLoss = u"baseline * regionloss(region=eu-west-1, at=1h, duration=2h)"_s;

model::Tier &apiTier(model::Scenario &s)
{
    return *s.tier(u"api");
}

void setSpikeArgument(model::Scenario &s, const QString &argument, const QString &value)
{
    for (model::TrafficScenario &t : s.spec.traffic)
        if (t.name == spike)
            t.spec.replace(QRegularExpression(argument + u"=[^,)]*"_s), argument + u'=' + value);
}

const std::vector<Lever> &levers()
{
    static const std::vector<Lever> table{
        {"nothing", [](model::Scenario &, analysis::AnalysisOptions &) {}, 1, 1, 1, {}, 1},
        {"growth", [](model::Scenario &s, analysis::AnalysisOptions &) { s.spec.capacityPlanner.growthRate = 0.30; },
         0, 0, 1, {}, -1},
        {"spike factor", [](model::Scenario &s, analysis::AnalysisOptions &) { setSpikeArgument(s, u"factor"_s, u"6"_s); },
         1, 0, 1, {spike}, -1},
        {"spike hold", [](model::Scenario &s, analysis::AnalysisOptions &) { setSpikeArgument(s, u"hold"_s, u"45m"_s); },
         1, 0, 1, {spike}, -1},
        {"min replicas",
         [](model::Scenario &s, analysis::AnalysisOptions &) {
             model::Tier &t = apiTier(s);
             t.autoscaling.minReplicas += 3;
             t.autoscaling.maxReplicas = std::max(t.autoscaling.maxReplicas, t.autoscaling.minReplicas);
             if (t.hpa) {
                 t.hpa->minReplicas = t.autoscaling.minReplicas;
                 t.hpa->maxReplicas = std::max(t.hpa->maxReplicas, t.autoscaling.minReplicas);
             }
         },
         0, 0, 1, {u"steady"_s, spike}, -1},
        {"max replicas",
         [](model::Scenario &s, analysis::AnalysisOptions &) {
             model::Tier &t = apiTier(s);
             t.autoscaling.maxReplicas += 10;
             if (t.hpa)
                 t.hpa->maxReplicas = t.autoscaling.maxReplicas;
         },
         0, 0, 0, {u"steady"_s, spike}, -1},
        {"cpu target",
         [](model::Scenario &s, analysis::AnalysisOptions &) {
             model::Tier &t = apiTier(s);
             t.autoscaling.targetCPUUtilization = 55;
             if (t.hpa)
                 for (model::MetricSpec &m : t.hpa->metrics)
                     if (m.type == model::MetricSourceType::Resource && m.resourceName == u"cpu" && m.target.averageUtilization)
                         m.target.averageUtilization = 55;
         },
         0, 0, 1, {u"steady"_s, spike}, -1},
        {"spot ratio", [](model::Scenario &, analysis::AnalysisOptions &o) { o.spotRatio = 0.35; }, 1, 0, 1, {}, -1},
        {"redis shards", [](model::Scenario &s, analysis::AnalysisOptions &) { s.spec.redisCluster.shards += 3; },
         1, 1, 0, {}, 1},
        {"cache hit ratio",
         [](model::Scenario &s, analysis::AnalysisOptions &) {
             // the dock's lever: the first level with a fixed hit ratio, else the first level
             auto level = std::find_if(s.spec.cacheHierarchy.begin(), s.spec.cacheHierarchy.end(),
                                       [](const model::CacheLevel &c) { return c.hitRatio.has_value(); });
             if (level == s.spec.cacheHierarchy.end())
                 level = s.spec.cacheHierarchy.begin();
             level->hitRatio = level->hitRatio.value_or(80) - 15;
         },
         1, 1, 0, {}, 1},
        {"region loss", [](model::Scenario &, analysis::AnalysisOptions &o) { o.traffic.append(regionLoss); },
         1, 1, 1, {regionLoss}, 1},
        {"alert rule",
         [](model::Scenario &s, analysis::AnalysisOptions &) {
             model::AlertRule &r = s.spec.alertRules.first().rules.first();
             r.forDuration = std::chrono::milliseconds(r.forDuration.value_or(std::chrono::milliseconds(0)).count() + 60'000);
         },
         1, 1, 1, {}, 0},
    };
    return table;
}

analysis::AnalysisOptions quick()
{
    analysis::AnalysisOptions o;
    o.planDays = 45;
    o.simulationDuration = std::chrono::hours(2);
    o.traffic = QStringList{u"steady"_s, spike};
    return o;
}

} // namespace

class TestAnalysisIncremental : public QObject
{
    Q_OBJECT

private:
    static void requireIdentical(const analysis::ScenarioAnalysis &incremental, const analysis::ScenarioAnalysis &full)
    {
        QCOMPARE(AnalysisDump::plan(incremental), AnalysisDump::plan(full));
        QCOMPARE(AnalysisDump::cost(incremental), AnalysisDump::cost(full));
        QCOMPARE(AnalysisDump::topology(incremental), AnalysisDump::topology(full));
        QCOMPARE(incremental.traffic.size(), full.traffic.size());
        for (size_t i = 0; i < full.traffic.size(); ++i)
            QCOMPARE(AnalysisDump::outcome(incremental.traffic[i]), AnalysisDump::outcome(full.traffic[i]));
        QCOMPARE(AnalysisDump::whole(incremental), AnalysisDump::whole(full));
    }

    static void requireReuse(int expected, bool actual, const char *stage)
    {
        if (expected >= 0)
            QVERIFY2(actual == (expected == 1), stage);
    }

private slots:
    void leverMatchesFullAnalysis_data()
    {
        QTest::addColumn<int>("row");
        for (size_t i = 0; i < levers().size(); ++i)
            QTest::newRow(levers()[i].name) << int(i);
    }

    void leverMatchesFullAnalysis()
    {
        QFETCH(int, row);
        const Lever &lever = levers()[size_t(row)];
        model::Scenario scenario = model::defaultScenario();
        analysis::AnalysisOptions options = quick();
        const analysis::ScenarioAnalysis before = analysis::analyze(scenario, options);
        const model::Scenario original = scenario;
        const analysis::AnalysisOptions originalOptions = options;
        lever.change(scenario, options);
        QVERIFY(row == 0 || !(scenario == original) || options.traffic != originalOptions.traffic
                || options.spotRatio != originalOptions.spotRatio);

        const analysis::ScenarioAnalysis incremental = analysis::analyze(scenario, options, {}, &before);
        const analysis::ScenarioAnalysis full = analysis::analyze(scenario, options);
        requireIdentical(incremental, full);
        QVERIFY(!full.reused.plan && !full.reused.cost && !full.reused.topology);

        requireReuse(lever.plan, incremental.reused.plan, "plan");
        requireReuse(lever.cost, incremental.reused.cost, "cost");
        requireReuse(lever.topology, incremental.reused.topology, "topology");
        // a stage taken over keeps the origin of its computation; one computed has the new serial
        QVERIFY(before.serial != 0 && incremental.serial != before.serial && full.serial != incremental.serial);
        QCOMPARE(before.origins.plan, before.serial);
        QCOMPARE(before.origins.cost, before.serial);
        QCOMPARE(before.origins.topology, before.serial);
        QCOMPARE(incremental.origins.plan, incremental.reused.plan ? before.serial : incremental.serial);
        QCOMPARE(incremental.origins.cost, incremental.reused.cost ? before.serial : incremental.serial);
        QCOMPARE(incremental.origins.topology, incremental.reused.topology ? before.serial : incremental.serial);
        for (const analysis::TrafficOutcome &o : incremental.traffic) {
            const bool again = lever.simulated.contains(o.name);
            QVERIFY2(o.simulationReused == !again, qPrintable(o.name));
            if (again)
                QVERIFY2(!o.alertsReused && !o.slosReused, qPrintable(o.name));
            else
                requireReuse(lever.alertsOfOthers, o.alertsReused, qPrintable(o.name + u" alerts"_s));
            // the success metrics read no cost series: a reused simulation keeps them even when the bill moved
            // (unless the rules changed: then they are measured again along with the alerts)
            if (!again && !o.alertsReused && scenario.spec.alertRules == original.spec.alertRules
                && scenario.spec.successMetrics == original.spec.successMetrics)
                QVERIFY2(o.slosReused, qPrintable(o.name + u" success metrics"_s));
        }
        // and back: the second step reuses from an incremental result just as well
        const analysis::ScenarioAnalysis back = analysis::analyze(original, originalOptions, {}, &incremental);
        requireIdentical(back, before);
        // ... whose origins lead to the computation that produced each stage, two steps back
        if (incremental.reused.plan && back.reused.plan)
            QCOMPARE(back.origins.plan, before.serial);
    }

    void spotLeverKeepsSuccessMetrics()
    {
        // a spot ratio changes the bill and so the cost series the alert rules read, not the
        // simulation: the rules run again, the success metrics (no cost series) are taken over
        const auto before = analysis::analyze(model::defaultScenario(), quick());
        analysis::AnalysisOptions spot = quick();
        spot.spotRatio = 0.3;
        const auto after = analysis::analyze(model::defaultScenario(), spot, {}, &before);
        QVERIFY(!after.traffic.empty());
        for (const analysis::TrafficOutcome &o : after.traffic) {
            QVERIFY2(o.simulationReused && !o.alertsReused && o.slosReused, qPrintable(o.name));
            QVERIFY(!o.measuredSlos.empty());
        }
        requireIdentical(after, analysis::analyze(model::defaultScenario(), spot));
    }

    void unchangedSpotKeepsAlertsWhenOnlyTopologyMoves()
    {
        // the common case of a topology lever: nothing but the topology is computed
        model::Scenario s = model::defaultScenario();
        const auto before = analysis::analyze(s, quick());
        s.spec.redisCluster.shards = 12;
        const auto after = analysis::analyze(s, quick(), {}, &before);
        for (const analysis::TrafficOutcome &o : after.traffic)
            QVERIFY(o.simulationReused && o.alertsReused);
        QVERIFY(after.reused.plan && after.reused.cost && !after.reused.topology);
        QCOMPARE(after.topology->redisLayout.masterCount(), 12);
    }

    // Guard for stageinputs.h: changing a field a stage is said not to read leaves that stage's
    // result unchanged. Fails when an engine starts reading a field without the list following.
    void unreadFieldsDoNotMatter_data()
    {
        QTest::addColumn<int>("row");
        QTest::newRow("resource tiers") << 0;
        QTest::newRow("regions") << 1;
        QTest::newRow("database") << 2;
        QTest::newRow("caches") << 3;
        QTest::newRow("redis") << 4;
        QTest::newRow("cost optimization") << 5;
        QTest::newRow("other traffic") << 6;
        QTest::newRow("simulation settings") << 7;
        QTest::newRow("growth rate") << 8;
        QTest::newRow("growth phases") << 9;
        QTest::newRow("tier workload") << 10;
        QTest::newRow("tier min replicas and targets") << 11;
        QTest::newRow("load balancing") << 12;
        QTest::newRow("data sources") << 13;
    }

    void unreadFieldsDoNotMatter()
    {
        QFETCH(int, row);
        const model::Scenario base = model::defaultScenario();
        model::Scenario s = base;
        switch (row) {
        case 0:
            for (model::ResourceTier &r : s.spec.resourceTiers) {
                r.costPerHour.amount *= 1.7;
                r.cpu += 2;
            }
            break;
        case 1:
            s.spec.regions.groups.first().trafficShare -= 10;
            s.spec.regions.groups.last().trafficShare += 10;
            break;
        case 2:
            s.spec.database.writeFraction = 0.35;
            s.spec.database.proxy.maxClientConnections /= 2;
            break;
        case 3:
            for (model::CacheLevel &c : s.spec.cacheHierarchy)
                c.capacityBytes *= 3;
            break;
        case 4:
            s.spec.redisCluster.shards = 9;
            s.spec.redisCluster.maxMemoryPerShardBytes *= 2;
            break;
        case 5:
            s.spec.costOptimization.spotInstanceRatio = 60;
            s.spec.costOptimization.costThresholds.critical.amount *= 2;
            break;
        case 6:
            for (model::TrafficScenario &t : s.spec.traffic)
                if (t.name != spike && t.name != u"steady")
                    t.spec = u"baseline * 3"_s;
            break;
        case 7:
            s.spec.simulation.nodeProvisioningDelay = std::chrono::milliseconds(200'000);
            s.spec.simulation.maxNodes = 40;
            break;
        case 8:
            s.spec.capacityPlanner.growthRate = 0.4;
            s.spec.capacityPlanner.peakMultiplier = 2.5;
            break;
        case 9:
            for (model::GrowthPhase &p : s.spec.growthPhases)
                p.toUsers *= 2;
            break;
        case 10:
            for (model::Tier &t : s.spec.tiers) {
                t.workload.serviceTime = std::chrono::milliseconds(t.workload.serviceTime.count() * 2);
                t.requests.cpuMillicores *= 2;
                t.spotTolerant = !t.spotTolerant;
            }
            break;
        case 11:
            for (model::Tier &t : s.spec.tiers) {
                t.autoscaling.minReplicas = std::min(t.autoscaling.maxReplicas, t.autoscaling.minReplicas + 2);
                t.autoscaling.targetCPUUtilization = 50;
                t.hpa.reset();
            }
            break;
        case 12:
            for (model::LoadBalancingStrategy &l : s.spec.loadBalancing)
                l.healthCheckInterval = std::chrono::milliseconds(l.healthCheckInterval.count() * 3);
            break;
        case 13:
            s.spec.dataSources.clear();
            break;
        }
        QVERIFY(!(s == base) || row == 13);
        analysis::AnalysisOptions o = quick();
        const auto a = analysis::analyze(base, o);
        const auto b = analysis::analyze(s, o);
        int claims = 0;
        if (analysis::planInputs(base) == analysis::planInputs(s)) {
            ++claims;
            QCOMPARE(AnalysisDump::plan(b), AnalysisDump::plan(a));
            if (analysis::costInputs(base) == analysis::costInputs(s))
                QCOMPARE(AnalysisDump::cost(b), AnalysisDump::cost(a));
        }
        if (analysis::topologyInputs(base) == analysis::topologyInputs(s)) {
            ++claims;
            QCOMPARE(AnalysisDump::topology(b), AnalysisDump::topology(a));
        }
        for (size_t i = 0; i < a.traffic.size(); ++i) {
            if (analysis::simulationInputs(base, a.traffic[i].name) == analysis::simulationInputs(s, a.traffic[i].name)) {
                ++claims;
                QCOMPARE(AnalysisDump::of(b.traffic[i].simulation), AnalysisDump::of(a.traffic[i].simulation));
            }
        }
        QVERIFY2(claims > 0, "the change should leave some stage's inputs alone");
    }

    void everyTrafficScenarioReusedByName()
    {
        // a different list of traffic scenarios reuses the ones both lists share
        const model::Scenario s = model::defaultScenario();
        analysis::AnalysisOptions o = quick();
        const auto before = analysis::analyze(s, o);
        o.traffic = QStringList{spike, u"diurnal"_s};
        const auto after = analysis::analyze(s, o, {}, &before);
        QCOMPARE(after.traffic.size(), size_t(2));
        QVERIFY(after.traffic[0].simulationReused && after.traffic[0].alertsReused);
        QVERIFY(!after.traffic[1].simulationReused);
        requireIdentical(after, analysis::analyze(s, o));
    }

    void changedRunSettingsComputeEverySimulation_data()
    {
        QTest::addColumn<int>("row");
        QTest::newRow("duration") << 0;
        QTest::newRow("step") << 1;
        QTest::newRow("start date") << 2;
        QTest::newRow("policy") << 3;
        QTest::newRow("alerts off") << 4;
    }

    void changedRunSettingsComputeEverySimulation()
    {
        QFETCH(int, row);
        const model::Scenario s = model::defaultScenario();
        analysis::AnalysisOptions o = quick();
        const auto before = analysis::analyze(s, o);
        switch (row) {
        case 0: o.simulationDuration = std::chrono::hours(1); break;
        case 1: o.step = std::chrono::seconds(30); break;
        case 2: o.startDate = o.startDate.addDays(7); break;
        case 3: o.policy = autoscale::ScalingPolicyKind::Custom; break;
        case 4: o.evaluateAlerts = false; break;
        }
        const auto after = analysis::analyze(s, o, {}, &before);
        requireIdentical(after, analysis::analyze(s, o));
        for (const analysis::TrafficOutcome &t : after.traffic)
            QCOMPARE(t.simulationReused, row == 4);
        QCOMPARE(after.reused.topology, true);
        // alerts back on after an analysis without them: computed, not taken from nothing
        if (row == 4) {
            const auto again = analysis::analyze(s, quick(), {}, &after);
            requireIdentical(again, before);
            for (const analysis::TrafficOutcome &t : again.traffic)
                QVERIFY(t.simulationReused && !t.alertsReused);
        }
    }

    void cancelledPreviousIsIgnored()
    {
        const model::Scenario s = model::defaultScenario();
        const auto cancelled = analysis::analyze(s, quick(), [](int done, int) { return done < 1; });
        QVERIFY(cancelled.cancelled);
        const auto after = analysis::analyze(s, quick(), {}, &cancelled);
        QVERIFY(!after.reused.plan && !after.reused.cost && !after.reused.topology);
        requireIdentical(after, analysis::analyze(s, quick()));
    }

    void topologyOffThenOn()
    {
        const model::Scenario s = model::defaultScenario();
        analysis::AnalysisOptions o = quick();
        o.topology = false;
        const auto without = analysis::analyze(s, o);
        const auto with = analysis::analyze(s, quick(), {}, &without);
        QVERIFY(!with.reused.topology);
        QVERIFY(with.topology.has_value());
        requireIdentical(with, analysis::analyze(s, quick()));
    }

    // The views' preview prices the plan without its savings plan: the same bill, no savings; an
    // analysis that wants the savings plan does not take that bill over, one that does not may
    // take a complete one.
    void billWithoutSavingsPlan()
    {
        const model::Scenario s = model::defaultScenario();
        analysis::AnalysisOptions o = quick();
        o.savingsPlan = false;
        const auto bare = analysis::analyze(s, o);
        const auto full = analysis::analyze(s, quick());
        QVERIFY(bare.cost && !bare.savings && full.savings);
        QCOMPARE(AnalysisDump::of(bare.cost), AnalysisDump::of(full.cost));
        QCOMPARE(AnalysisDump::of(bare.thresholds), AnalysisDump::of(full.thresholds));
        const auto after = analysis::analyze(s, quick(), {}, &bare);
        QVERIFY(after.reused.plan && !after.reused.cost);
        requireIdentical(after, full);
        const auto bareAgain = analysis::analyze(s, o, {}, &full);
        QVERIFY(bareAgain.reused.cost);
        QCOMPARE(AnalysisDump::of(bareAgain.cost), AnalysisDump::of(full.cost));
        QVERIFY(!bareAgain.savings); // as a fresh analysis without one
    }

    // The bill alone reads no traffic spec (only the savings plan does): an analysis without a
    // savings plan (the console's preview) keeps the bill and its origin across a traffic edit.
    void billWithoutSavingsPlanIgnoresTraffic()
    {
        const model::Scenario s = model::defaultScenario();
        const auto full = analysis::analyze(s, quick());
        model::Scenario spiked = s;
        setSpikeArgument(spiked, u"factor"_s, u"6"_s);
        QVERIFY(!(spiked == s));
        analysis::AnalysisOptions o = quick();
        o.savingsPlan = false;
        const auto preview = analysis::analyze(spiked, o, {}, &full);
        QVERIFY(preview.reused.plan && preview.reused.cost && !preview.savings);
        QCOMPARE(preview.origins.cost, full.serial);
        const auto fresh = analysis::analyze(spiked, o);
        QCOMPARE(AnalysisDump::of(preview.cost), AnalysisDump::of(fresh.cost));
        QCOMPARE(AnalysisDump::of(preview.thresholds), AnalysisDump::of(fresh.thresholds));
        // with its savings plan, which reads the traffic, the bill is priced again
        const auto complete = analysis::analyze(spiked, quick(), {}, &preview);
        QVERIFY(complete.reused.plan && !complete.reused.cost && complete.savings);
        requireIdentical(complete, analysis::analyze(spiked, quick()));
    }
};

QTEST_GUILESS_MAIN(TestAnalysisIncremental)
#include "tst_analysisincremental.moc"
