// Port of the table tests of kubernetes/kubernetes pkg/controller/podautoscaler/replica_calculator_test.go
// (TestReplicaCalc*, TestGroupPods) as data-driven cases against ReplicaCalculator. Test settings as
// upstream's: tolerance 0.1, CPU initialization period 2 min, initial readiness delay 10 s.
#include "core/autoscale/replicacalculator.h"

#include <QTest>

using namespace headroom::autoscale;

namespace {

constexpr std::int64_t Now = 1'767'225'600'000; // 2026-01-01T00:00:00Z
constexpr std::int64_t Minute = 60'000;

ControllerSettings testSettings()
{
    ControllerSettings s;
    s.tolerance = 0.1;
    s.cpuInitializationPeriod = std::chrono::minutes(2);
    s.initialReadinessDelay = std::chrono::seconds(10);
    return s;
}

/// Pod codes: R ready, U never-ready, H ready but sampled too soon after start (CPU), h hot and unready,
/// F failed, D deleting, P pending, X a metric sample of a pod the selector does not list.
struct Fixture {
    std::vector<PodState> pods;
    PodMetricsInfo metrics;
};

Fixture makeFixture(const QString &codes, const QList<QList<qint64>> &levels, const QList<qint64> &requests,
                    const QString &container)
{
    Fixture f;
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const QChar c = codes[i];
        const QString name = QStringLiteral("pod-%1").arg(i);
        const bool hot = c == u'H' || c == u'h';
        PodState p;
        p.name = name;
        p.startTimeMs = hot ? Now - Minute : Now - 10 * Minute;
        p.ready = c == u'R' || c == u'H' || c == u'D';
        p.readyTransitionMs = hot ? Now - Minute / 2 : *p.startTimeMs;
        p.phase = c == u'F' ? PodPhase::Failed : c == u'P' ? PodPhase::Pending : PodPhase::Running;
        p.deleting = c == u'D';
        const qint64 request = requests.isEmpty() ? -1 : requests.value(i, requests.constLast());
        auto addContainer = [&](const QString &cname) {
            ContainerRequests cr{cname, {}};
            if (request >= 0)
                cr.requestsMilli.insert(QStringLiteral("cpu"), request);
            p.containers.push_back(cr);
        };
        if (container.isEmpty()) {
            addContainer(QStringLiteral("app"));
        } else {
            addContainer(QStringLiteral("container1"));
            addContainer(QStringLiteral("container2"));
        }
        if (c != u'X')
            f.pods.push_back(p);
        if (i < levels.size()) {
            const QList<qint64> &lv = levels[i];
            std::int64_t value = 0;
            if (container.isEmpty())
                value = lv.value(0);
            else if (lv.size() < 2)
                continue; // no sample for the named container
            else
                value = lv[container == u"container1" ? 0 : 1];
            const std::int64_t window = hot ? Minute : Minute / 2;
            f.metrics.insert(name, PodMetric{value, Now, window});
        }
    }
    return f;
}

} // namespace

class TestHpaReplicaCalculator : public QObject {
    Q_OBJECT
private slots:
    void replicas_data();
    void replicas();
    void tolerances_data();
    void tolerances();
    void groupPods_data();
    void groupPods();
};

void TestHpaReplicaCalculator::replicas_data()
{
    QTest::addColumn<int>("current");
    QTest::addColumn<QString>("pods");
    QTest::addColumn<QList<QList<qint64>>>("levels");
    QTest::addColumn<QList<qint64>>("requests");
    QTest::addColumn<QString>("kind"); // cpu, cpu-avg, pods, object, object-avg, external, external-avg
    QTest::addColumn<QString>("container");
    QTest::addColumn<qint64>("target");
    QTest::addColumn<int>("expected");    // -1: an error
    QTest::addColumn<qint64>("observed"); // utilization percent or usage; -1: not checked
    QTest::addColumn<QString>("error");

    using L = QList<QList<qint64>>;
    const QList<qint64> k1{1000};
    const QString none;
    auto row = [&](const char *name, int cur, const char *pods, L lv, QList<qint64> req, const char *kind,
                   QString container, qint64 target, int expected, qint64 observed, QString error = {}) {
        QTest::newRow(name) << cur << QString::fromLatin1(pods) << lv << req << QString::fromLatin1(kind) << container
                            << target << expected << observed << error;
    };
    const QString c2 = QStringLiteral("container2");
    row("ScaleUp", 3, "RRR", {{300}, {500}, {700}}, k1, "cpu", none, 30, 5, 50);
    row("ContainerScaleUp", 3, "RRR", {{1000, 300}, {1000, 500}, {1000, 700}}, k1, "cpu", c2, 30, 5, 50);
    row("ScaleUpUnreadyLessScale", 3, "URR", {{300}, {500}, {700}}, k1, "cpu", none, 30, 4, 60);
    row("ScaleUpContainerHotCpuLessScale", 3, "HRR", {{0, 300}, {0, 500}, {0, 700}}, k1, "cpu", c2, 30, 4, 60);
    row("ScaleUpHotCpuLessScale", 3, "HRR", {{300}, {500}, {700}}, k1, "cpu", none, 30, 4, 60);
    row("ScaleUpUnreadyNoScale", 3, "RUU", {{400}, {500}, {700}}, k1, "cpu", none, 30, 3, 40);
    row("ScaleHotCpuNoScale", 3, "Rhh", {{400}, {500}, {700}}, k1, "cpu", none, 30, 3, 40);
    row("ScaleUpIgnoresFailedPods", 2, "RRFF", {{500}, {700}}, k1, "cpu", none, 30, 4, 60);
    row("MissingContainerMetricScaleUpIgnoresFailedPods", 2, "RRFF", {{1000, 500}, {9000, 700}, {1000}, {9000}}, k1,
        "cpu", c2, 30, 4, 60);
    row("ScaleUpContainerIgnoresFailedPods", 2, "RRFF", {{1000, 500}, {9000, 700}}, k1, "cpu", c2, 30, 4, 60);
    row("ScaleUpIgnoresDeletionPods", 2, "RRDD", {{500}, {700}}, k1, "cpu", none, 30, 4, 60);
    row("ScaleUpCM", 3, "RRR", {{20000}, {10000}, {30000}}, {}, "pods", none, 15000, 4, 20000);
    row("ScaleUpCMUnreadyHotCpuNoLessScale", 3, "RRh", {{50000}, {10000}, {30000}}, {}, "pods", none, 15000, 6, 30000);
    row("ScaleUpCMUnreadyHotCpuScaleWouldScaleDown", 3, "hRh", {{50000}, {15000}, {30000}}, {}, "pods", none, 15000, 7,
        31666);
    row("ScaleUpCMObject", 3, "RRR", {{20000}}, {}, "object", none, 15000, 4, 20000);
    row("ScaleUpCMPerPodObject", 3, "RRR", {{20000}}, {}, "object-avg", none, 5000, 4, 6667);
    row("ScaleUpCMObjectIgnoresUnreadyPods", 3, "URU", {{50000}}, {}, "object", none, 10000, 5, 50000);
    row("ScaleUpCMExternal", 1, "R", {{8600}}, {}, "pods", none, 4400, 2, 8600);
    row("ScaleUpCMExternalIgnoresUnreadyPods", 3, "URU", {{8600}}, {}, "external", none, 4400, 2, 8600);
    row("ScaleUpCMExternalNoLabels", 1, "R", {{8600}}, {}, "pods", none, 4400, 2, 8600);
    row("ScaleUpPerPodCMExternal", 3, "RRR", {{8600}}, {}, "external-avg", none, 2150, 4, 2867);
    row("ScaleDown", 5, "RRRRR", {{100}, {300}, {500}, {250}, {250}}, k1, "cpu", none, 50, 3, 28);
    row("ContainerScaleDown", 5, "RRRRR", {{1000, 100}, {1000, 300}, {1000, 500}, {1000, 250}, {1000, 250}}, k1, "cpu",
        c2, 50, 3, 28);
    row("ScaleDownCM", 5, "RRRRR", {{12000}, {12000}, {12000}, {12000}, {12000}}, {}, "pods", none, 20000, 3, 12000);
    row("ScaleDownPerPodCMObject", 5, "RRRRR", {{6000}}, {}, "object-avg", none, 2000, 3, 1200);
    row("ScaleDownCMObject", 5, "RRRRR", {{12000}}, {}, "object", none, 20000, 3, 12000);
    row("ScaleDownCMExternal", 5, "RRRRR", {{8600}}, {}, "external", none, 14334, 3, 8600);
    row("ScaleDownPerPodCMExternal", 5, "RRRRR", {{8600}}, {}, "external-avg", none, 2867, 3, 1720);
    row("ScaleDownExcludeUnreadyPods", 5, "RRRUU", {{100}, {300}, {500}, {250}, {250}}, k1, "cpu", none, 50, 2, 30);
    row("ScaleDownContainerExcludeUnreadyPods", 5, "RRRUU",
        {{1000, 100}, {1000, 300}, {1000, 500}, {1000, 250}, {1000, 250}}, k1, "cpu", c2, 50, 2, 30);
    row("ScaleDownExcludeUnscheduledPods", 5, "RPPPP", {{100}}, k1, "cpu", none, 50, 1, 10);
    row("ScaleDownContainerExcludeUnscheduledPods", 5, "RPPPP",
        {{1000, 100}, {1000, 300}, {1000, 500}, {1000, 250}, {1000, 250}}, k1, "cpu", c2, 50, 1, 10);
    row("ScaleDownIgnoreHotCpuPods", 5, "RRRHH", {{100}, {300}, {500}, {250}, {250}}, k1, "cpu", none, 50, 2, 30);
    row("ScaleDownContainerIgnoreHotCpuPods", 5, "RRRHH",
        {{1000, 100}, {1000, 300}, {1000, 500}, {1000, 1000}, {1000, 1000}}, k1, "cpu", c2, 50, 2, 30);
    row("ScaleDownIgnoresFailedPods", 5, "RRRRRFF", {{100}, {300}, {500}, {250}, {250}}, k1, "cpu", none, 50, 3, 28);
    row("ScaleDownContainerIgnoresFailedPods", 5, "RRRRRFF",
        {{1000, 100}, {1000, 300}, {1000, 500}, {1000, 250}, {1000, 250}}, k1, "cpu", c2, 50, 3, 28);
    row("ScaleDownIgnoresDeletionPods", 5, "RRRRRDD", {{100}, {300}, {500}, {250}, {250}}, k1, "cpu", none, 50, 3, 28);
    row("ScaleDownIgnoresDeletionPods_StillRunning", 5, "RRRRRDD",
        {{1000, 100}, {1000, 300}, {1000, 500}, {1000, 250}, {1000, 250}}, k1, "cpu", c2, 50, 3, 28);
    row("Tolerance", 3, "RRR", {{1010}, {1030}, {1020}}, {900, 1000, 1100}, "cpu", none, 100, 3, 102);
    row("ToleranceCM", 3, "RRR", {{20000}, {21000}, {21000}}, {}, "pods", none, 20000, 3, 20666);
    row("ToleranceCMObject", 3, "RRR", {{20666}}, {}, "object", none, 20000, 3, 20666);
    row("TolerancePerPodCMObject", 4, "RRRR", {{20166}}, {}, "object-avg", none, 5000, 4, 5042);
    row("ToleranceCMExternal", 3, "RRR", {{8600}}, {}, "external", none, 8888, 3, 8600);
    row("TolerancePerPodCMExternal", 3, "RRR", {{8600}}, {}, "external-avg", none, 2900, 3, 2867);
    row("SuperfluousMetrics", 4, "RRRRXX", {{4000}, {9500}, {3000}, {7000}, {3200}, {2000}}, k1, "cpu", none, 100, 24,
        587);
    row("MissingMetrics", 4, "RRRR", {{400}, {95}}, k1, "cpu", none, 100, 3, 24);
    row("EmptyCPURequest", 1, "R", {{200}}, {}, "cpu", none, 100, -1, -1, QStringLiteral("missing request for"));
    row("NoMetricsMatchedKnownPods", 1, "XR", {{100}}, k1, "cpu", none, 100, -1, -1,
        QStringLiteral("no metrics returned matched known pods"));
    row("AllPodsUnready", 3, "UUU", {{100}, {100}, {100}}, k1, "cpu", none, 50, -1, -1,
        QStringLiteral("did not receive metrics for targeted pods"));
    row("PlainMetricMissingMetricsNoChangeEq", 5, "RRRRR", {{20000}, {19000}, {21000}}, {}, "pods", none, 20000, 5, 20000);
    row("MissingMetricsNoChangeEq", 2, "RR", {{1000}}, k1, "cpu", none, 100, 2, 100);
    row("MissingMetricsNoChangeGt", 2, "RR", {{1900}}, k1, "cpu", none, 100, 2, 190);
    row("MissingMetricsNoChangeLt", 2, "RR", {{600}}, k1, "cpu", none, 100, 2, 60);
    row("MissingMetricsUnreadyChange", 3, "URR", {{100}, {450}}, k1, "cpu", none, 50, 3, 45);
    row("MissingMetricsHotCpuNoChange", 3, "HRR", {{100}, {450}}, k1, "cpu", none, 50, 3, 45);
    row("MissingMetricsUnreadyScaleUp", 3, "URR", {{100}, {2000}}, k1, "cpu", none, 50, 4, 200);
    row("MissingMetricsHotCpuScaleUp", 3, "hRR", {{100}, {2000}}, k1, "cpu", none, 50, 4, 200);
    row("MissingMetricsUnreadyScaleDown", 4, "URRR", {{100}, {100}, {100}}, k1, "cpu", none, 50, 3, 10);
    row("MissingMetricsScaleDownTargetOver100", 4, "URRR", {{200}, {100}, {100}}, {1000, 1000, 2000, 2000}, "cpu", none,
        300, 2, 6);
    row("DuringRollingUpdateWithMaxSurge", 2, "RRR", {{100}, {100}}, k1, "cpu", none, 50, 2, 10);
    row("DuringRollingUpdateWithMaxSurgeCM", 2, "RRR", {{10000}, {10000}}, {}, "pods", none, 17000, 2, 10000);
    const L tenPods{{150}, {150}, {150}, {150}, {150}, {150}, {150}, {150}, {150}, {150}};
    const QList<qint64> jitter{400, 200, 310, 290, 302, 298, 301, 299, 300, 300};
    row("ComputedToleranceAlgImplementation", 10, "RRRRRRRRRR", tenPods, jitter, "cpu", none, 56, 9, 50);
    row("ComputedToleranceAlgImplementation/unscaling", 10, "RRRRRRRRRR", tenPods, jitter, "cpu", none, 55, 10, 50);
    row("RawResourceAverageValueScaleUp", 3, "RRR", {{300}, {500}, {700}}, k1, "cpu-avg", none, 300, 5, 500);
    row("RawResourceAverageValueHotCpu", 3, "HRR", {{300}, {500}, {700}}, k1, "cpu-avg", none, 300, 4, 600);
}

void TestHpaReplicaCalculator::replicas()
{
    QFETCH(int, current);
    QFETCH(QString, pods);
    QFETCH(QList<QList<qint64>>, levels);
    QFETCH(QList<qint64>, requests);
    QFETCH(QString, kind);
    QFETCH(QString, container);
    QFETCH(qint64, target);
    QFETCH(int, expected);
    QFETCH(qint64, observed);
    QFETCH(QString, error);

    const bool perPod = kind == u"cpu" || kind == u"cpu-avg" || kind == u"pods";
    const Fixture f = makeFixture(pods, perPod ? levels : QList<QList<qint64>>{}, requests, container);
    const ReplicaCalculator calc(f.pods, Now, testSettings());
    const Tolerances tol{0.1, 0.1};
    const QString cpu = QStringLiteral("cpu");
    MetricResult r;
    if (kind == u"cpu")
        r = calc.resourceUtilization(current, int(target), cpu, container, f.metrics, tol);
    else if (kind == u"cpu-avg")
        r = calc.plainMetric(current, target, cpu, f.metrics, tol);
    else if (kind == u"pods")
        r = calc.plainMetric(current, target, {}, f.metrics, tol);
    else if (kind == u"object")
        r = calc.objectValue(current, levels[0][0], target, tol);
    else if (kind == u"object-avg" || kind == u"external-avg")
        r = calc.perPodTotal(current, levels[0][0], target, tol);
    else if (kind == u"external")
        r = calc.externalValue(current, {levels[0][0]}, target, tol);

    if (expected < 0) {
        QVERIFY(!r.replicas);
        QVERIFY2(r.error.contains(error), qPrintable(r.error));
        return;
    }
    QVERIFY2(r.replicas.has_value(), qPrintable(r.error));
    QCOMPARE(*r.replicas, expected);
    if (observed >= 0) {
        if (kind == u"cpu")
            QCOMPARE(r.utilization.value_or(-1), int(observed));
        else
            QCOMPARE(r.valueMilli.value_or(-1), observed);
    }
}

void TestHpaReplicaCalculator::tolerances_data()
{
    QTest::addColumn<double>("down");
    QTest::addColumn<double>("up");
    QTest::addColumn<qint64>("usage");
    QTest::addColumn<int>("expected");
    // 4 pods, Pods metric target 1000 per pod
    QTest::newRow("wide scale-up tolerance keeps size") << 0.1 << 0.5 << qint64(1400) << 4;
    QTest::newRow("scale-up beyond wide tolerance") << 0.1 << 0.5 << qint64(1600) << 7;
    QTest::newRow("zero scale-down tolerance scales down") << 0.0 << 0.1 << qint64(950) << 4;
    QTest::newRow("zero scale-down tolerance, 70%") << 0.0 << 0.1 << qint64(700) << 3;
    QTest::newRow("default band, 95% stays") << 0.1 << 0.1 << qint64(950) << 4;
    QTest::newRow("default band edge 110% stays") << 0.1 << 0.1 << qint64(1100) << 4;
    QTest::newRow("just above band scales") << 0.1 << 0.1 << qint64(1101) << 5;
    QTest::newRow("down band edge 90% stays") << 0.1 << 0.1 << qint64(900) << 4;
}

void TestHpaReplicaCalculator::tolerances()
{
    QFETCH(double, down);
    QFETCH(double, up);
    QFETCH(qint64, usage);
    QFETCH(int, expected);
    const Fixture f = makeFixture(QStringLiteral("RRRR"), {{usage}, {usage}, {usage}, {usage}}, {}, {});
    const ReplicaCalculator calc(f.pods, Now, testSettings());
    const MetricResult r = calc.plainMetric(4, 1000, {}, f.metrics, Tolerances{down, up});
    QVERIFY(r.replicas);
    QCOMPARE(*r.replicas, expected);
}

void TestHpaReplicaCalculator::groupPods_data()
{
    QTest::addColumn<std::optional<qint64>>("startAgo");      // ms before now; nullopt = no start time
    QTest::addColumn<std::optional<bool>>("ready");            // nullopt = no Ready condition
    QTest::addColumn<qint64>("transitionAgo");
    QTest::addColumn<qint64>("sampleAgo");
    QTest::addColumn<qint64>("window");
    QTest::addColumn<bool>("hasSample");
    QTest::addColumn<QString>("expected"); // ready, unready, missing
    const std::optional<bool> T = true, F = false, none;
    QTest::newRow("unready a pod without ready condition") << std::optional<qint64>(0) << none << qint64(0) << qint64(0)
                                                           << qint64(0) << true << QStringLiteral("unready");
    QTest::newRow("count in a ready pod with fresh metrics during initialization")
        << std::optional<qint64>(Minute) << T << qint64(30'000) << qint64(0) << qint64(30'000) << true << QStringLiteral("ready");
    QTest::newRow("unready a ready pod without fresh metrics during initialization")
        << std::optional<qint64>(Minute) << T << qint64(30'000) << qint64(0) << qint64(60'000) << true << QStringLiteral("unready");
    QTest::newRow("unready an unready pod during initialization period")
        << std::optional<qint64>(10 * Minute) << F << qint64(9 * Minute + 54'000) << qint64(0) << qint64(0) << true
        << QStringLiteral("unready");
    QTest::newRow("count in a ready pod without fresh metrics after initialization")
        << std::optional<qint64>(3 * Minute) << T << qint64(3 * Minute) << qint64(2 * Minute) << qint64(Minute) << true
        << QStringLiteral("ready");
    QTest::newRow("count in an unready pod that was ready after initialization")
        << std::optional<qint64>(10 * Minute) << F << qint64(9 * Minute) << qint64(0) << qint64(0) << true
        << QStringLiteral("ready");
    QTest::newRow("unready pod never ready after initialization, at the delay boundary")
        << std::optional<qint64>(10 * Minute) << F << qint64(9 * Minute + 50'000) << qint64(0) << qint64(0) << true
        << QStringLiteral("ready");
    QTest::newRow("a missing pod") << std::optional<qint64>(3 * Minute) << none << qint64(0) << qint64(0) << qint64(0)
                                   << false << QStringLiteral("missing");
    QTest::newRow("no start time is unready") << std::optional<qint64>() << T << qint64(0) << qint64(0) << qint64(0)
                                              << true << QStringLiteral("unready");
}

void TestHpaReplicaCalculator::groupPods()
{
    QFETCH(std::optional<qint64>, startAgo);
    QFETCH(std::optional<bool>, ready);
    QFETCH(qint64, transitionAgo);
    QFETCH(qint64, sampleAgo);
    QFETCH(qint64, window);
    QFETCH(bool, hasSample);
    QFETCH(QString, expected);
    PodState pod;
    pod.name = QStringLiteral("bentham");
    pod.phase = PodPhase::Succeeded;
    if (startAgo)
        pod.startTimeMs = Now - *startAgo;
    pod.ready = ready;
    pod.readyTransitionMs = Now - transitionAgo;
    pod.containers.push_back(ContainerRequests{QStringLiteral("app"), {{QStringLiteral("cpu"), 1000}}});
    const std::vector<PodState> pods{pod};
    PodMetricsInfo metrics;
    if (hasSample)
        metrics.insert(pod.name, PodMetric{500, Now - sampleAgo, window});
    const ReplicaCalculator calc(pods, Now, testSettings());
    const MetricResult r = calc.resourceUtilization(1, 50, QStringLiteral("cpu"), {}, metrics, Tolerances{});
    const QString got = r.readyPods == 1 ? QStringLiteral("ready")
        : r.unreadyPods == 1             ? QStringLiteral("unready")
        : r.missingPods == 1             ? QStringLiteral("missing")
                                         : QStringLiteral("?");
    QCOMPARE(got, expected);
}

QTEST_GUILESS_MAIN(TestHpaReplicaCalculator)
#include "tst_hpareplicacalculator.moc"
