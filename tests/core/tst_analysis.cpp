// The end-to-end analysis of a scenario: every stage present, consistent with the engines it
// calls, degrading to warnings on bad parts, cancellable.
#include "core/analysis/scenarioanalysis.h"
#include "core/model/scenarioio.h"

#include <QTest>

#include <numeric>

using namespace Qt::StringLiterals;
using namespace headroom;

class TestAnalysis : public QObject
{
    Q_OBJECT

private:
    static analysis::AnalysisOptions quick(QStringList traffic)
    {
        analysis::AnalysisOptions o;
        o.planDays = 30;
        o.simulationDuration = std::chrono::hours(4);
        o.traffic = std::move(traffic);
        return o;
    }

private slots:
    void everyTrafficScenarioByDefault()
    {
        const model::Scenario s = model::defaultScenario();
        analysis::AnalysisOptions o;
        o.simulationDuration = std::chrono::hours(3);
        const analysis::ScenarioAnalysis a = analysis::analyze(s, o);
        QCOMPARE(a.scenarioName, s.metadata.name);
        QCOMPARE(a.plan.days, 180);
        QCOMPARE(qsizetype(a.traffic.size()), s.spec.traffic.size());
        for (qsizetype i = 0; i < s.spec.traffic.size(); ++i) {
            QCOMPARE(a.traffic[size_t(i)].name, s.spec.traffic[i].name);
            QCOMPARE(a.traffic[size_t(i)].description, s.spec.traffic[i].description);
            QCOMPARE(a.traffic[size_t(i)].simulation.ticks, 3 * 240);
            QCOMPARE(a.traffic[size_t(i)].dailyCostUsd.size(), size_t(3 * 240));
        }
        QVERIFY(a.cost.has_value());
        QVERIFY(a.savings.has_value());
        QVERIFY(a.topology.has_value());
        QVERIFY(!a.cancelled);
        QVERIFY(a.outcome(u"spike-10x") != nullptr);
        QVERIFY(a.outcome(u"no-such") == nullptr);
    }

    void spikeNeedsMoreThanSteady()
    {
        const auto a = analysis::analyze(model::defaultScenario(), quick({u"steady"_s, u"spike-10x"_s}));
        const auto &steady = a.outcome(u"steady")->figures;
        const auto &spike = a.outcome(u"spike-10x")->figures;
        QVERIFY2(spike.peakReplicas > steady.peakReplicas,
                 qPrintable(u"spike %1 vs steady %2"_s.arg(spike.peakReplicas).arg(steady.peakReplicas)));
        QVERIFY(spike.peakP95Ms >= steady.peakP95Ms);
        QVERIFY(spike.monthlyCostUsd > steady.monthlyCostUsd);
        // steady traffic has no event: nothing to absorb
        QVERIFY(!steady.spikeAbsorbedSeconds.has_value());
        QVERIFY(!steady.spikeNeverAbsorbed);
        // the spike is an event: absorbed after some time, or flagged as never absorbed
        QVERIFY(spike.spikeAbsorbedSeconds.has_value() != spike.spikeNeverAbsorbed);
    }

    void dailyCostFollowsNodes()
    {
        const auto a = analysis::analyze(model::defaultScenario(), quick({u"spike-10x"_s}));
        const analysis::TrafficOutcome &o = a.traffic.front();
        // the cost rate rises with the node count: compare the first tick with the tick of most nodes
        std::vector<int> nodes(size_t(o.simulation.ticks), 0);
        for (const auto &tl : o.simulation.tiers)
            for (size_t i = 0; i < nodes.size(); ++i)
                nodes[i] += tl.nodes[i];
        const size_t peak = size_t(std::max_element(nodes.begin(), nodes.end()) - nodes.begin());
        QVERIFY(nodes[peak] > nodes[0]);
        QVERIFY(o.dailyCostUsd[peak] > o.dailyCostUsd[0]);
        QVERIFY(o.dailyCostUsd[0] > 0);
        const double mean = std::accumulate(o.dailyCostUsd.begin(), o.dailyCostUsd.end(), 0.0) / double(o.dailyCostUsd.size());
        QVERIFY(qAbs(o.figures.monthlyCostUsd - mean / 24 * 730) < 1e-6 * mean);
    }

    void costAlertFiresOnTightBudget()
    {
        model::Scenario s = model::defaultScenario();
        s.spec.costOptimization.costThresholds.warning.amount = 1; // one dollar a day
        const auto a = analysis::analyze(s, quick({u"steady"_s}));
        bool fired = false;
        for (const auto &p : a.traffic.front().alerts.periods)
            fired |= p.alert == u"CostThresholdExceeded" && p.state == alerting::AlertState::Firing;
        QVERIFY(fired);
        const auto b = analysis::analyze(model::defaultScenario(), quick({u"steady"_s}));
        for (const auto &p : b.traffic.front().alerts.periods)
            QVERIFY(p.alert != u"CostThresholdExceeded");
    }

    void costSlosAreDecided()
    {
        const auto a = analysis::analyze(model::defaultScenario(), quick({u"steady"_s}));
        int decided = 0;
        for (const alerting::SloResult &r : a.traffic.front().slos) {
            if (r.metric.indicator == u"costPerUserMonth") {
                QVERIFY(r.value.has_value());
                QCOMPARE(*r.value, a.cost->costPerUserMonth());
                QCOMPARE(r.verdict, *r.value < r.metric.target ? alerting::SloVerdict::Pass : alerting::SloVerdict::Fail);
                ++decided;
            } else if (r.metric.indicator == u"spotRatio") {
                // no spot today: 0% fails the 40% target
                QCOMPARE(*r.value, 0.0);
                QCOMPARE(r.verdict, alerting::SloVerdict::Fail);
                ++decided;
            } else if (r.metric.indicator == u"capacityOverProvisioning") {
                QVERIFY(r.value.has_value());
                ++decided;
            }
        }
        QCOMPARE(decided, 3);
        analysis::AnalysisOptions spot = quick({u"steady"_s});
        spot.spotRatio = 0.5;
        const auto b = analysis::analyze(model::defaultScenario(), spot);
        QVERIFY(b.cost->totalUsd < a.cost->totalUsd);
        for (const alerting::SloResult &r : b.traffic.front().slos)
            if (r.metric.indicator == u"spotRatio")
                QCOMPARE(r.verdict, alerting::SloVerdict::Pass);
    }

    void badTrafficIsAWarning()
    {
        const auto a = analysis::analyze(model::defaultScenario(), quick({u"nonsense((("_s, u"steady"_s}));
        QCOMPARE(a.traffic.size(), size_t(1));
        QCOMPARE(a.traffic.front().name, u"steady"_s);
        bool named = false;
        for (const model::Diagnostic &d : a.warnings)
            named |= d.message.contains(u"traffic 'nonsense((('"_s);
        QVERIFY(named);
    }

    void cancelStopsBetweenStages()
    {
        int calls = 0;
        const auto a = analysis::analyze(model::defaultScenario(), quick({u"steady"_s, u"spike-10x"_s}),
                                         [&calls](int done, int total) {
                                             ++calls;
                                             return done < 2 && total > 0;
                                         });
        QVERIFY(a.cancelled);
        QCOMPARE(calls, 2);
        QVERIFY(a.cost.has_value());
        QVERIFY(a.traffic.empty());
        QVERIFY(!a.topology.has_value());
    }

    void outcomeTable()
    {
        const auto a = analysis::analyze(model::defaultScenario(), quick({u"steady"_s, u"spike-10x"_s}));
        const QList<QByteArray> lines = analysis::outcomesCsv(a).split('\n');
        QCOMPARE(lines.value(0), QByteArray("traffic,peak_replicas,peak_nodes,peak_p95_ms,minutes_over_slo,spike_absorbed_s,"
                                            "monthly_cost_usd,cost_per_user_month_usd,firing_alerts,slos_passed,slos_failed"));
        QVERIFY(lines.value(1).startsWith(QByteArray("steady," + QByteArray::number(a.traffic[0].figures.peakReplicas) + ',')));
        QVERIFY(lines.value(2).startsWith("spike-10x,"));
    }
};

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
