#include "core/alerting/ruleevaluator.h"
#include "core/alerting/simulationseries.h"
#include "core/alerting/sloreport.h"
#include "core/model/scenarioio.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace headroom;
using namespace headroom::alerting;

namespace {

// The simulation result contract of core/autoscale, reproduced so that the adapter is tested on its own.
struct TierTimeline {
    QString tierId;
    std::vector<double> demand;
    std::vector<int> desiredReplicas, readyReplicas, pendingReplicas, nodes;
    std::vector<double> cpuUtilization, memoryUtilization, queueDepth, p95LatencyMs, droppedPerSecond;
};
struct SimulationResult {
    qint64 startMs = 0;
    qint64 stepMs = 15000;
    int ticks = 0;
    std::vector<TierTimeline> tiers;
};

constexpr qint64 start = 1767225600000; // 2026-01-01T00:00:00Z
constexpr int spikeTick = 240;          // 1 h at 15 s

// Two hours of WebTools Pro under a 10x spike at 1 h: the api tier drops 8 % of requests for 2 min,
// p95 is 2.5 s for 3 min, CPU is 95 % for 4 min; replicas follow desired after 2 min up / 4 min down.
SimulationResult spikeSimulation()
{
    SimulationResult r;
    r.startMs = start;
    r.ticks = 480;
    for (const QString &id : {u"web"_s, u"api"_s}) {
        TierTimeline t;
        t.tierId = id;
        const bool api = id == u"api";
        for (int i = 0; i < r.ticks; ++i) {
            const bool spike = i >= spikeTick && i < spikeTick + 120;
            t.demand.push_back(spike ? 10000 : 1000);
            t.desiredReplicas.push_back(spike ? 40 : 10);
            t.readyReplicas.push_back((i >= spikeTick + 8 && i < spikeTick + 136) ? 40 : 10);
            t.pendingReplicas.push_back(0);
            t.nodes.push_back(5);
            t.cpuUtilization.push_back(i >= spikeTick && i < spikeTick + 16 ? 0.95 : 0.6);
            t.memoryUtilization.push_back(0.8);
            t.queueDepth.push_back(0);
            t.p95LatencyMs.push_back(api && i >= spikeTick && i < spikeTick + 12 ? 2500 : 300);
            t.droppedPerSecond.push_back(api && i >= spikeTick && i < spikeTick + 8 ? 800 : 0);
        }
        r.tiers.push_back(std::move(t));
    }
    return r;
}

const SloResult &find(const std::vector<SloResult> &slos, const QString &id)
{
    for (const SloResult &s : slos) {
        if (s.metric.id == id)
            return s;
    }
    static const SloResult none;
    return none;
}

} // namespace

class TestSloReport : public QObject {
    Q_OBJECT
private slots:
    void adapterNamesAndUnits();
    void planRulesOverSpike();
    void successMetrics();
    void nameMap();
};

void TestSloReport::adapterNamesAndUnits()
{
    SimulationSeriesOptions o;
    o.names.insert(u"cpu_utilization"_s, u"node_cpu_pct"_s);
    o.costThresholdUsd = 1000;
    const SeriesStore store = seriesFromSimulation(spikeSimulation(), o);
    const auto cpu = store.select({{u"__name__"_s, MatchOp::Equal, u"node_cpu_pct"_s, {}}, {u"tier"_s, MatchOp::Equal, u"api"_s, {}}});
    QCOMPARE(cpu.size(), size_t(1));
    QCOMPARE(cpu[0]->samples.size(), size_t(480));
    QCOMPARE(cpu[0]->samples[spikeTick].v, 95.0); // fractions become percent
    QCOMPARE(cpu[0]->samples[spikeTick].t, start + spikeTick * 15000);
    const auto errors = store.select({{u"__name__"_s, MatchOp::Equal, u"error_rate"_s, {}}, {u"tier"_s, MatchOp::Equal, u"api"_s, {}}});
    QCOMPARE(errors[0]->samples[spikeTick].v, 0.08);
    QCOMPARE(store.select({{u"__name__"_s, MatchOp::Equal, u"cost_threshold_usd"_s, {}}}).size(), size_t(1));
    QVERIFY(store.select({{u"__name__"_s, MatchOp::Equal, u"daily_cost_usd"_s, {}}}).empty()); // not given
}

void TestSloReport::planRulesOverSpike()
{
    const model::Scenario scenario = model::defaultScenario();
    const auto groups = compileRules(scenario.spec.alertRules);
    QVERIFY2(groups.ok(), qPrintable(groups.errorString()));
    const SeriesStore store = seriesFromSimulation(spikeSimulation());
    const RuleEvaluation r = evaluateRules(groups.value(), store, start, start + 2 * 3'600'000 - 15'000);
    QStringList got;
    for (const AlertPeriod &p : r.periods)
        got << u"%1 %2 %3 %4"_s.arg(p.alert, alertStateName(p.state), formatRfc3339(p.startMs), formatRfc3339(p.endMs));
    // error rate 0.08 > 0.05 for 2 min (for 1m); CPU avg 95 % only 4 min (for 5m) never fires;
    // p95 2.5 s stays under the rule's 3 s
    QCOMPARE(got, (QStringList{
                      u"ErrorRateSpike pending 2026-01-01T01:00:00Z 2026-01-01T01:01:00Z"_s,
                      u"HighCPUUtilization pending 2026-01-01T01:00:00Z 2026-01-01T01:04:00Z"_s,
                      u"ErrorRateSpike firing 2026-01-01T01:01:00Z 2026-01-01T01:02:00Z"_s,
                  }));
    QCOMPARE(r.periods[2].labels.value(u"tier"_s), u"api"_s);
    QCOMPARE(r.periods[2].annotations.value(u"summary"_s), u"Error Rate Spike: 0.08"_s);
}

void TestSloReport::successMetrics()
{
    const model::Scenario scenario = model::defaultScenario();
    const SeriesStore store = seriesFromSimulation(spikeSimulation());
    const qint64 end = start + 2 * 3'600'000 - 15'000;
    const auto slos = evaluateSlos(scenario.spec.successMetrics, store, start, end);
    QCOMPARE(slos.size(), size_t(scenario.spec.successMetrics.size()));

    const SloResult &p95 = find(slos, u"p95-response-time"_s);
    QCOMPARE(p95.verdict, SloVerdict::Fail);
    QCOMPARE(*p95.value, 2.5);
    QCOMPARE(p95.minutesInBreach, 3.0);
    QCOMPARE(p95.worstWindowStartMs, start + 3'480'000); // the earliest 5 min window holding all 3 min of breach

    const SloResult &availability = find(slos, u"availability"_s);
    // failed: 800 req/s x 8 ticks on api; served: all demand on both tiers, per tick
    const double failed = 800.0 * 8;
    const double total = 2 * (360 * 1000.0 + 120 * 10000.0);
    QVERIFY(qFuzzyCompare(*availability.value, 100 * (1 - failed / total)));
    QVERIFY(qFuzzyCompare(*availability.errorBudgetUsedPercent, 100 * (failed / total) / 0.001));
    QCOMPARE(availability.verdict, SloVerdict::Fail);           // 0.2 % of requests lost > 0.1 % budget
    QCOMPARE(availability.minutesInBreach, 2.0);

    // 10x demand reached 20000 req/s; the lowest served rate meanwhile is 20000 - 800 dropped
    QCOMPARE(find(slos, u"throughput"_s).verdict, SloVerdict::Pass);
    QCOMPARE(*find(slos, u"throughput"_s).value, 19200.0);
    QCOMPARE(find(slos, u"spike-absorption"_s).verdict, SloVerdict::Pass); // 3 min of p95 > 2 s
    QCOMPARE(*find(slos, u"spike-absorption"_s).value, 3.0);
    QCOMPARE(*find(slos, u"scale-up-time"_s).value, 2.0);
    QCOMPARE(find(slos, u"scale-up-time"_s).verdict, SloVerdict::Pass);
    QCOMPARE(*find(slos, u"scale-down-time"_s).value, 4.0);
    QCOMPARE(find(slos, u"memory-utilization"_s).verdict, SloVerdict::Pass); // 80 % within +-10 %
    QCOMPARE(find(slos, u"cpu-utilization"_s).verdict, SloVerdict::Fail);    // ~61 % is outside 63..77
    QCOMPARE(find(slos, u"cost-per-user"_s).verdict, SloVerdict::NotMeasurable);

    const QString report = formatSloReport(slos, {});
    QVERIFY(report.contains(u"FAIL           Response Time: P95 < 2 seconds under all load: 2.5 s, 3.0 min in breach"_s));
    QVERIFY(report.contains(u"none pending or firing"_s));
}

void TestSloReport::nameMap()
{
    QString error;
    const auto map = parseNameMap(u"cpu_utilization=node_cpu, error_rate = errors_ratio"_s, &error);
    QVERIFY(map);
    QCOMPARE(mappedName(*map, u"error_rate"_s), u"errors_ratio"_s);
    QCOMPARE(mappedName(*map, u"replicas"_s), u"replicas"_s);
    QVERIFY(!parseNameMap(u"cpu_utilization"_s, &error));
    QVERIFY(error.contains(u"canonical=name"_s));
}

QTEST_GUILESS_MAIN(TestSloReport)
#include "tst_sloreport.moc"
