// Behavior, stabilization and legacy normalization cases after kubernetes/kubernetes
// pkg/controller/podautoscaler/horizontal_test.go (TestScalingWithRules, TestNormalizeDesiredReplicas*,
// TestStoreScaleEvents, TestConvertDesiredReplicasWithRules), written as data-driven cases.
#include "core/autoscale/hpabehavior.h"
#include "core/autoscale/hpacontroller.h"

#include <QTest>

using namespace headroom::autoscale;
using headroom::model::HpaScalingPolicy;
using headroom::model::ScalingPolicyType;
using headroom::model::SelectPolicy;

namespace {
constexpr std::int64_t Now = 1'767'225'600'000;
constexpr std::int64_t Sec = 1000;

ScalingRules rules(QList<HpaScalingPolicy> policies, SelectPolicy select = SelectPolicy::Max, int window = 0)
{
    ScalingRules r;
    r.policies = std::move(policies);
    r.selectPolicy = select;
    r.stabilizationWindowSeconds = window;
    return r;
}
HpaScalingPolicy pods(int v, int period = 15) { return {ScalingPolicyType::Pods, v, period}; }
HpaScalingPolicy pct(int v, int period = 15) { return {ScalingPolicyType::Percent, v, period}; }

/// "+2@30" = 2 pods added 30 s ago; "-3@10" = 3 removed 10 s ago.
ControllerMemory events(const QStringList &list)
{
    ControllerMemory m;
    for (const QString &e : list) {
        const auto parts = e.mid(1).split(u'@');
        const ScaleEvent ev{parts[0].toInt(), Now - parts[1].toInt() * Sec, false};
        (e.startsWith(u'+') ? m.scaleUpEvents : m.scaleDownEvents).push_back(ev);
    }
    return m;
}

/// "10@60" = recommendation of 10 replicas made 60 s ago.
std::vector<Recommendation> recs(const QStringList &list)
{
    std::vector<Recommendation> out;
    for (const QString &r : list) {
        const auto parts = r.split(u'@');
        out.push_back(Recommendation{parts[0].toInt(), Now - parts[1].toInt() * Sec});
    }
    return out;
}
} // namespace

Q_DECLARE_METATYPE(ScalingRules)

class TestHpaBehavior : public QObject {
    Q_OBJECT
private slots:
    void limits_data();
    void limits();
    void normalizeWithBehavior_data();
    void normalizeWithBehavior();
    void normalizeLegacy_data();
    void normalizeLegacy();
    void storeScaleEvents();
    void noEventsWithoutBehavior();
    void defaults();
};

void TestHpaBehavior::limits_data()
{
    QTest::addColumn<bool>("up");
    QTest::addColumn<int>("current");
    QTest::addColumn<ScalingRules>("rules");
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<int>("expected");
    const QList<HpaScalingPolicy> defUp{pods(4), pct(100)};
    QTest::newRow("scaleUp default behavior") << true << 5 << rules(defUp) << QStringList{} << 10;
    QTest::newRow("scaleUp default, from 2") << true << 2 << rules(defUp) << QStringList{} << 6;
    QTest::newRow("scaleUp with recent scale-up events") << true << 5 << rules({pods(4, 60), pct(100, 60)})
                                                         << QStringList{QStringLiteral("+2@30")} << 7;
    QTest::newRow("scaleUp event exactly one period old is out") << true << 5 << rules({pods(4, 60), pct(100, 60)})
                                                                 << QStringList{QStringLiteral("+2@60")} << 10;
    QTest::newRow("scaleUp Min select") << true << 5 << rules(defUp, SelectPolicy::Min) << QStringList{} << 9;
    QTest::newRow("scaleUp Disabled") << true << 5 << rules(defUp, SelectPolicy::Disabled) << QStringList{} << 5;
    QTest::newRow("scaleUp counts scale-down events in period") << true << 5 << rules(defUp)
                                                                << QStringList{QStringLiteral("-3@10")} << 16;
    QTest::newRow("scaleUp percent rounds up") << true << 1 << rules({pct(10)}) << QStringList{} << 2;
    QTest::newRow("scaleUp events older than the policy period") << true << 10 << rules({pods(2, 30)})
                                                                 << QStringList{QStringLiteral("+5@45")} << 12;
    QTest::newRow("scaleUp several events in period") << true << 10 << rules({pods(6, 120)})
                                                      << QStringList{QStringLiteral("+2@100"), QStringLiteral("+3@20")}
                                                      << 11;
    QTest::newRow("scaleDown default behavior") << false << 10 << rules({pct(100)}) << QStringList{} << 0;
    QTest::newRow("scaleDown Max select takes the larger change") << false << 10 << rules({pods(2), pct(50)})
                                                                  << QStringList{} << 5;
    QTest::newRow("scaleDown Min select") << false << 10 << rules({pods(2), pct(50)}, SelectPolicy::Min)
                                          << QStringList{} << 8;
    QTest::newRow("scaleDown percent truncates") << false << 3 << rules({pct(50)}) << QStringList{} << 1;
    QTest::newRow("scaleDown with recent scale-down events") << false << 6 << rules({pct(50, 60)})
                                                             << QStringList{QStringLiteral("-4@10")} << 5;
    QTest::newRow("scaleDown counts scale-up events") << false << 8 << rules({pods(1, 60)})
                                                      << QStringList{QStringLiteral("+4@10")} << 3;
    QTest::newRow("scaleDown Disabled") << false << 10 << rules({pct(100)}, SelectPolicy::Disabled) << QStringList{}
                                        << 10;
}

void TestHpaBehavior::limits()
{
    QFETCH(bool, up);
    QFETCH(int, current);
    QFETCH(ScalingRules, rules);
    QFETCH(QStringList, events);
    QFETCH(int, expected);
    const ControllerMemory m = ::events(events);
    QCOMPARE(up ? scaleUpLimit(current, m, rules, Now) : scaleDownLimit(current, m, rules, Now), expected);
}

void TestHpaBehavior::normalizeWithBehavior_data()
{
    QTest::addColumn<ScalingRules>("up");
    QTest::addColumn<ScalingRules>("down");
    QTest::addColumn<QStringList>("history");
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("proposal");
    QTest::addColumn<int>("minReplicas");
    QTest::addColumn<int>("maxReplicas");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("decidedBy");
    const ScalingRules defUp = rules({pods(4), pct(100)});
    const ScalingRules defDown = rules({pct(100)}, SelectPolicy::Max, 300);
    const ScalingRules fastDown = rules({pct(100)});
    QTest::newRow("scale-down held by a higher recent recommendation")
        << defUp << defDown << QStringList{QStringLiteral("10@60"), QStringLiteral("8@30")} << QStringList{} << 10 << 5
        << 1 << 20 << 10 << QStringLiteral("stabilizationWindow");
    QTest::newRow("scale-down to the highest recommendation in the window")
        << defUp << defDown << QStringList{QStringLiteral("12@400"), QStringLiteral("8@30")} << QStringList{} << 10 << 5
        << 1 << 20 << 8 << QStringLiteral("stabilizationWindow");
    QTest::newRow("recommendation exactly one window old is out")
        << defUp << defDown << QStringList{QStringLiteral("10@300")} << QStringList{} << 10 << 5 << 1 << 20 << 5
        << QStringLiteral("metrics");
    QTest::newRow("scale-up stabilization takes the lowest recent recommendation")
        << rules({pods(4), pct(100)}, SelectPolicy::Max, 60) << defDown << QStringList{QStringLiteral("4@30")}
        << QStringList{} << 4 << 10 << 1 << 20 << 4 << QStringLiteral("stabilizationWindow");
    QTest::newRow("scale-up stabilization partial")
        << rules({pods(4), pct(100)}, SelectPolicy::Max, 60) << defDown
        << QStringList{QStringLiteral("6@30"), QStringLiteral("3@90")} << QStringList{} << 4 << 10 << 1 << 20 << 6
        << QStringLiteral("stabilizationWindow");
    QTest::newRow("scale-up limited by policy") << defUp << defDown << QStringList{} << QStringList{} << 2 << 20 << 1
                                                << 20 << 6 << QStringLiteral("scaleUpPolicy");
    QTest::newRow("scale-up capped by maxReplicas") << defUp << defDown << QStringList{} << QStringList{} << 10 << 100
                                                    << 1 << 15 << 15 << QStringLiteral("maxReplicas");
    QTest::newRow("scale-up policy with recent events")
        << rules({pods(4, 60)}) << defDown << QStringList{} << QStringList{QStringLiteral("+4@20")} << 8 << 20 << 1 << 30
        << 8 << QStringLiteral("scaleUpPolicy");
    QTest::newRow("scale-down to minReplicas") << defUp << fastDown << QStringList{} << QStringList{} << 10 << 1 << 3
                                               << 20 << 3 << QStringLiteral("minReplicas");
    QTest::newRow("scale-down limited by policy") << defUp << rules({pods(2, 60)}) << QStringList{} << QStringList{}
                                                  << 10 << 1 << 1 << 20 << 8 << QStringLiteral("scaleDownPolicy");
    QTest::newRow("scale-up disabled") << rules({pods(4)}, SelectPolicy::Disabled) << defDown << QStringList{}
                                       << QStringList{} << 3 << 9 << 1 << 20 << 3 << QStringLiteral("scalingDisabled");
    QTest::newRow("scale-down disabled") << defUp << rules({pct(100)}, SelectPolicy::Disabled) << QStringList{}
                                         << QStringList{} << 9 << 3 << 1 << 20 << 9 << QStringLiteral("scalingDisabled");
    QTest::newRow("within range") << defUp << defDown << QStringList{} << QStringList{} << 5 << 7 << 1 << 20 << 7
                                  << QStringLiteral("metrics");
}

void TestHpaBehavior::normalizeWithBehavior()
{
    QFETCH(ScalingRules, up);
    QFETCH(ScalingRules, down);
    QFETCH(QStringList, history);
    QFETCH(QStringList, events);
    QFETCH(int, current);
    QFETCH(int, proposal);
    QFETCH(int, minReplicas);
    QFETCH(int, maxReplicas);
    QFETCH(int, expected);
    QFETCH(QString, decidedBy);
    ControllerMemory m = ::events(events);
    m.recommendations = recs(history);
    const auto before = m.recommendations->size();
    const Normalized n = normalizeReplicas(ResolvedBehavior{up, down}, ControllerSettings{}, m, current, proposal,
                                           minReplicas, maxReplicas, Now);
    QCOMPARE(n.desired, expected);
    QCOMPARE(decidedByName(n.limitedBy), decidedBy);
    // the new recommendation is recorded, replacing one older than both windows if there is one
    QVERIFY(m.recommendations->size() == before || m.recommendations->size() == before + 1);
    bool recorded = false;
    for (const Recommendation &r : *m.recommendations)
        recorded = recorded || (r.replicas == proposal && r.timeMs == Now);
    QVERIFY(recorded);
}

void TestHpaBehavior::normalizeLegacy_data()
{
    QTest::addColumn<QStringList>("history");
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("proposal");
    QTest::addColumn<int>("minReplicas");
    QTest::addColumn<int>("maxReplicas");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("decidedBy");
    QTest::newRow("scale-up limit doubles") << QStringList{} << 3 << 10 << 1 << 20 << 6 << QStringLiteral("legacyScaleUpLimit");
    QTest::newRow("scale-up limit minimum 4") << QStringList{} << 1 << 10 << 1 << 20 << 4 << QStringLiteral("legacyScaleUpLimit");
    QTest::newRow("maxReplicas below the limit") << QStringList{} << 10 << 30 << 1 << 15 << 15 << QStringLiteral("maxReplicas");
    QTest::newRow("downscale stabilization") << QStringList{QStringLiteral("8@100")} << 8 << 4 << 1 << 20 << 8
                                             << QStringLiteral("stabilizationWindow");
    QTest::newRow("recommendation exactly at the cutoff still counts")
        << QStringList{QStringLiteral("8@300")} << 8 << 4 << 1 << 20 << 8 << QStringLiteral("stabilizationWindow");
    QTest::newRow("old recommendation ignored") << QStringList{QStringLiteral("8@301")} << 8 << 4 << 1 << 20 << 4
                                                << QStringLiteral("metrics");
    QTest::newRow("minReplicas") << QStringList{} << 3 << 1 << 2 << 20 << 2 << QStringLiteral("minReplicas");
    QTest::newRow("within range") << QStringList{} << 4 << 7 << 1 << 20 << 7 << QStringLiteral("metrics");
}

void TestHpaBehavior::normalizeLegacy()
{
    QFETCH(QStringList, history);
    QFETCH(int, current);
    QFETCH(int, proposal);
    QFETCH(int, minReplicas);
    QFETCH(int, maxReplicas);
    QFETCH(int, expected);
    QFETCH(QString, decidedBy);
    ControllerMemory m;
    m.recommendations = recs(history);
    const Normalized n = normalizeReplicas(std::nullopt, ControllerSettings{}, m, current, proposal, minReplicas,
                                           maxReplicas, Now);
    QCOMPARE(n.desired, expected);
    QCOMPARE(decidedByName(n.limitedBy), decidedBy);
}

void TestHpaBehavior::storeScaleEvents()
{
    const ResolvedBehavior b{rules({pods(4, 60)}), rules({pct(100, 30)})};
    ControllerMemory m = events({QStringLiteral("+1@120"), QStringLiteral("+2@30"), QStringLiteral("-1@10")});
    storeScaleEvent(b, m, 5, 8, Now);
    QCOMPARE(m.scaleUpEvents.size(), std::size_t(2)); // the 120 s old event was reused
    QCOMPARE(m.scaleUpEvents[0].replicaChange, 3);
    QCOMPARE(m.scaleUpEvents[0].timeMs, Now);
    QCOMPARE(m.scaleUpEvents[1].replicaChange, 2);
    storeScaleEvent(b, m, 8, 6, Now);
    QCOMPARE(m.scaleDownEvents.size(), std::size_t(2)); // the 10 s old one is still in its period
    QCOMPARE(m.scaleDownEvents[1].replicaChange, 2);
}

void TestHpaBehavior::noEventsWithoutBehavior()
{
    ControllerMemory m;
    storeScaleEvent(std::nullopt, m, 2, 6, Now);
    QVERIFY(m.scaleUpEvents.empty());
}

void TestHpaBehavior::defaults()
{
    headroom::model::HpaSpec spec;
    QVERIFY(!resolveBehavior(spec, ControllerSettings{}));
    spec.behavior = headroom::model::HpaBehavior{};
    ControllerSettings s;
    s.downscaleStabilizationWindow = std::chrono::minutes(7);
    const auto b = resolveBehavior(spec, s);
    QVERIFY(b);
    QCOMPARE(b->scaleUp.stabilizationWindowSeconds, 0);
    QCOMPARE(b->scaleUp.policies.size(), 2);
    QCOMPARE(b->scaleUp.policies[0], pods(4));
    QCOMPARE(b->scaleUp.policies[1], pct(100));
    QCOMPARE(b->scaleDown.stabilizationWindowSeconds, 420);
    QCOMPARE(b->scaleDown.policies.size(), 1);
    QCOMPARE(b->scaleDown.policies[0], pct(100));
    QCOMPARE(b->scaleDown.selectPolicy, SelectPolicy::Max);
    QCOMPARE(b->scaleUp.tolerance, 0.1);
}

QTEST_GUILESS_MAIN(TestHpaBehavior)
#include "tst_hpabehavior.moc"
