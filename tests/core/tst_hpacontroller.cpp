// Whole-sync cases after kubernetes/kubernetes horizontal_test.go (TestScaleUp*, TestScaleDown*,
// TestMinReplicas*, TestMaxReplicas*, TestZeroReplicas, TestTooFewReplicas, TestTooManyReplicas,
// TestConditionFailedGetMetrics, TestScaleUpOneMetricInvalid, TestScaleDownOneMetricInvalid, ...).
#include "core/autoscale/hpacontroller.h"

#include <QTest>

using namespace headroom::autoscale;
using namespace headroom::model;

namespace {
constexpr std::int64_t Now = 1'767'225'600'000;

/// `n` ready pods, each with a 1-core CPU request and `cpuMilli` usage (negative: no sample).
ClusterState cluster(int replicas, const QList<qint64> &cpuMilli)
{
    ClusterState c;
    c.specReplicas = c.statusReplicas = replicas;
    c.podMetrics.emplace();
    for (qsizetype i = 0; i < cpuMilli.size(); ++i) {
        PodState p;
        p.name = QStringLiteral("p%1").arg(i);
        p.ready = true;
        p.startTimeMs = Now - 3'600'000;
        p.readyTransitionMs = Now - 3'590'000;
        p.containers.push_back(ContainerRequests{QStringLiteral("app"), {{QStringLiteral("cpu"), 1000}}});
        c.pods.push_back(p);
        if (cpuMilli[i] >= 0)
            c.podMetrics->insert(p.name, PodUsage{Now - 5000, 30'000,
                                                  {ContainerRequests{QStringLiteral("app"), {{QStringLiteral("cpu"), cpuMilli[i]}}}}});
    }
    return c;
}

MetricSpec cpuTarget(int percent)
{
    MetricSpec m;
    m.resourceName = QStringLiteral("cpu");
    m.target.averageUtilization = percent;
    return m;
}

MetricSpec podsMetric(const QString &name, qint64 averageMilli)
{
    MetricSpec m;
    m.type = MetricSourceType::Pods;
    m.metric.name = name;
    m.target.type = MetricTargetType::AverageValue;
    m.target.averageValue = Quantity::fromMilli(averageMilli);
    return m;
}

MetricSpec external(const QString &name, qint64 milli, bool average)
{
    MetricSpec m;
    m.type = MetricSourceType::External;
    m.metric.name = name;
    m.target.type = average ? MetricTargetType::AverageValue : MetricTargetType::Value;
    (average ? m.target.averageValue : m.target.value) = Quantity::fromMilli(milli);
    return m;
}

HpaUnderTest hpa(int minReplicas, int maxReplicas, QList<MetricSpec> metrics, bool behavior = true)
{
    HpaUnderTest h;
    h.spec.minReplicas = minReplicas;
    h.spec.maxReplicas = maxReplicas;
    h.spec.metrics = std::move(metrics);
    if (behavior)
        h.spec.behavior = HpaBehavior{};
    return h;
}

ControllerMemory synced() // a controller that synced before and remembers nothing
{
    ControllerMemory m;
    m.recommendations.emplace();
    return m;
}
} // namespace

class TestHpaController : public QObject {
    Q_OBJECT
private slots:
    void scaleUp();
    void scaleDownHeldByFirstSyncRecommendation();
    void scaleDownAfterWindow();
    void zeroReplicasDisablesScaling();
    void tooFewAndTooMany();
    void defaultMetricIsCpu80();
    void maxOverMetrics();
    void allMetricsFail();
    void partialFailureScalesUp();
    void partialFailureNeverScalesDown();
    void unknownTypeFailsOnlyThatMetric();
    void externalMetrics();
    void toleranceDecides();
    void perDirectionTolerance();
    void legacyPath();
    void missingRequestIsMetricError();
};

void TestHpaController::scaleUp()
{
    const auto r = syncHpa(hpa(2, 20, {cpuTarget(30)}), cluster(3, {300, 500, 700}), {}, synced(), Now);
    QCOMPARE(r.desiredReplicas, 5);
    QCOMPARE(r.metrics.size(), std::size_t(1));
    QCOMPARE(r.metrics[0].utilization.value_or(-1), 50);
    QCOMPARE(r.metrics[0].readyPods, 3);
    QCOMPARE(decidedByName(r.decidedBy), QStringLiteral("metrics"));
    QCOMPARE(r.memory.scaleUpEvents.size(), std::size_t(1));
    QCOMPARE(r.memory.scaleUpEvents[0].replicaChange, 2);
}

void TestHpaController::scaleDownHeldByFirstSyncRecommendation()
{
    // first sync: the current size (5) is recorded and holds a scale-down for the 300 s window
    const auto r = syncHpa(hpa(2, 20, {cpuTarget(50)}), cluster(5, {100, 300, 500, 250, 250}), {}, {}, Now);
    QCOMPARE(r.desiredReplicas, 5);
    QCOMPARE(decidedByName(r.decidedBy), QStringLiteral("stabilizationWindow"));
    QVERIFY(r.memory.recommendations);
    QCOMPARE(r.memory.recommendations->size(), std::size_t(2));
}

void TestHpaController::scaleDownAfterWindow()
{
    ControllerMemory m;
    m.recommendations = std::vector<Recommendation>{{5, Now - 301'000}};
    const auto r = syncHpa(hpa(2, 20, {cpuTarget(50)}), cluster(5, {100, 300, 500, 250, 250}), {}, m, Now);
    QCOMPARE(r.desiredReplicas, 3);
    QCOMPARE(r.memory.scaleDownEvents.size(), std::size_t(1));
    QCOMPARE(r.memory.recommendations->size(), std::size_t(1)); // the old sample was replaced
}

void TestHpaController::zeroReplicasDisablesScaling()
{
    const auto r = syncHpa(hpa(1, 5, {cpuTarget(50)}), cluster(0, {}), {}, synced(), Now);
    QCOMPARE(r.desiredReplicas, 0);
    QCOMPARE(decidedByName(r.decidedBy), QStringLiteral("scalingDisabled"));
}

void TestHpaController::tooFewAndTooMany()
{
    auto r = syncHpa(hpa(3, 5, {cpuTarget(50)}), cluster(1, {10}), {}, synced(), Now);
    QCOMPARE(r.desiredReplicas, 3);
    QCOMPARE(decidedByName(r.decidedBy), QStringLiteral("minReplicas"));
    r = syncHpa(hpa(1, 5, {cpuTarget(50)}), cluster(8, {900, 900, 900, 900, 900, 900, 900, 900}), {}, synced(), Now);
    QCOMPARE(r.desiredReplicas, 5);
    QCOMPARE(decidedByName(r.decidedBy), QStringLiteral("maxReplicas"));
}

void TestHpaController::defaultMetricIsCpu80()
{
    const auto r = syncHpa(hpa(1, 10, {}), cluster(2, {1600, 1600}), {}, synced(), Now);
    QCOMPARE(r.metrics.size(), std::size_t(1));
    QCOMPARE(r.metrics[0].type, QStringLiteral("Resource"));
    QCOMPARE(r.metrics[0].name, QStringLiteral("cpu"));
    QCOMPARE(r.metrics[0].replicas.value_or(-1), 4); // 160 % against 80 %
}

void TestHpaController::maxOverMetrics()
{
    ClusterState c = cluster(4, {500, 500, 500, 500});
    c.customMetrics.emplace();
    for (int i = 0; i < 4; ++i)
        c.customMetrics->push_back(CustomMetricSample{QStringLiteral("rps"), QStringLiteral("Pod"),
                                                      QStringLiteral("p%1").arg(i), 300'000, Now, 60'000});
    const auto r = syncHpa(hpa(1, 50, {cpuTarget(50), podsMetric(QStringLiteral("rps"), 100'000)}), c, {}, synced(), Now);
    QCOMPARE(r.metrics[0].replicas.value_or(-1), 4);  // cpu at target, within tolerance
    QCOMPARE(r.metrics[1].replicas.value_or(-1), 12); // 300 rps per pod against 100
    QCOMPARE(r.metrics[1].valueMilli.value_or(-1), 300'000);
    QCOMPARE(r.desiredReplicas, 8);                   // scale-up policy: max(4 + 4, 4 * 2)
    QCOMPARE(decidedByName(r.decidedBy), QStringLiteral("scaleUpPolicy"));
}

void TestHpaController::allMetricsFail()
{
    ClusterState c = cluster(3, {100, 100, 100});
    c.podMetrics.reset();
    const auto r = syncHpa(hpa(1, 10, {cpuTarget(50)}), c, {}, synced(), Now);
    QCOMPARE(r.desiredReplicas, 3);
    QCOMPARE(decidedByName(r.decidedBy), QStringLiteral("noUsableMetric"));
    QVERIFY(!r.metrics[0].replicas);
    QVERIFY(r.metrics[0].error.contains(QStringLiteral("unable to get metrics for resource cpu")));
}

void TestHpaController::partialFailureScalesUp()
{
    const auto r = syncHpa(hpa(1, 10, {cpuTarget(50), podsMetric(QStringLiteral("rps"), 1000)}),
                           cluster(2, {1000, 1000}), {}, synced(), Now);
    QVERIFY(!r.metrics[1].replicas);
    QVERIFY(!r.metrics[1].error.isEmpty());
    QCOMPARE(r.desiredReplicas, 4);
}

void TestHpaController::partialFailureNeverScalesDown()
{
    const auto r = syncHpa(hpa(1, 10, {cpuTarget(50), podsMetric(QStringLiteral("rps"), 1000)}),
                           cluster(4, {100, 100, 100, 100}), {}, synced(), Now);
    QCOMPARE(r.desiredReplicas, 4);
    QCOMPARE(decidedByName(r.decidedBy), QStringLiteral("noUsableMetric"));
    QCOMPARE(r.metrics[0].replicas.value_or(-1), 1); // the working metric's own proposal is still reported
}

void TestHpaController::unknownTypeFailsOnlyThatMetric()
{
    HpaUnderTest h = hpa(1, 10, {cpuTarget(50), MetricSpec{}});
    h.unknownMetricTypes = {QString(), QStringLiteral("Quantum")};
    const auto r = syncHpa(h, cluster(2, {1000, 1000}), {}, synced(), Now);
    QCOMPARE(r.metrics[1].type, QStringLiteral("Quantum"));
    QVERIFY(r.metrics[1].error.contains(QStringLiteral("unknown metric source type")));
    QCOMPARE(r.desiredReplicas, 4);
}

void TestHpaController::externalMetrics()
{
    ClusterState c = cluster(3, {100, 100, 100});
    c.externalMetrics.insert(QStringLiteral("queue"), {4000'000, 2000'000});
    auto r = syncHpa(hpa(1, 100, {external(QStringLiteral("queue"), 1000'000, true)}), c, {}, synced(), Now);
    QCOMPARE(r.metrics[0].replicas.value_or(-1), 6); // 6000 total / 1000 per pod
    QCOMPARE(r.metrics[0].valueMilli.value_or(-1), 2000'000);
    r = syncHpa(hpa(1, 100, {external(QStringLiteral("queue"), 3000'000, false)}), c, {}, synced(), Now);
    QCOMPARE(r.metrics[0].replicas.value_or(-1), 6); // ratio 2 x 3 ready pods
    r = syncHpa(hpa(1, 100, {external(QStringLiteral("missing"), 1000, false)}), c, {}, synced(), Now);
    QCOMPARE(decidedByName(r.decidedBy), QStringLiteral("noUsableMetric"));
}

void TestHpaController::toleranceDecides()
{
    const auto r = syncHpa(hpa(1, 10, {cpuTarget(50)}), cluster(3, {520, 540, 530}), {}, synced(), Now);
    QCOMPARE(r.desiredReplicas, 3);
    QCOMPARE(decidedByName(r.decidedBy), QStringLiteral("tolerance"));
    QVERIFY(r.explanation.contains(QStringLiteral("tolerance")));
}

void TestHpaController::perDirectionTolerance()
{
    HpaUnderTest h = hpa(1, 10, {cpuTarget(50)});
    h.spec.behavior->scaleUp = HpaScalingRules{};
    h.spec.behavior->scaleUp->tolerance = Quantity::fromMilli(500); // 50 %
    auto r = syncHpa(h, cluster(3, {700, 700, 700}), {}, synced(), Now); // 140 %: within the scale-up band
    QCOMPARE(r.desiredReplicas, 3);
    QCOMPARE(decidedByName(r.decidedBy), QStringLiteral("tolerance"));
    r = syncHpa(h, cluster(3, {800, 800, 800}), {}, synced(), Now); // 160 %
    QCOMPARE(r.desiredReplicas, 5);
}

void TestHpaController::legacyPath()
{
    const auto r = syncHpa(hpa(1, 20, {cpuTarget(10)}, false), cluster(2, {1000, 1000}), {}, synced(), Now);
    QCOMPARE(r.metrics[0].replicas.value_or(-1), 20);
    QCOMPARE(r.desiredReplicas, 4);
    QCOMPARE(decidedByName(r.decidedBy), QStringLiteral("legacyScaleUpLimit"));
    QVERIFY(r.memory.scaleUpEvents.empty()); // no events without a behavior
}

void TestHpaController::missingRequestIsMetricError()
{
    ClusterState c = cluster(2, {500, 500});
    c.pods[1].containers[0].requestsMilli.clear();
    const auto r = syncHpa(hpa(1, 10, {cpuTarget(50)}), c, {}, synced(), Now);
    QVERIFY(r.metrics[0].error.contains(QStringLiteral("missing request for cpu")));
    QCOMPARE(decidedByName(r.decidedBy), QStringLiteral("noUsableMetric"));
}

QTEST_GUILESS_MAIN(TestHpaController)
#include "tst_hpacontroller.moc"
