#include "core/autoscale/traffic.h"
#include "core/model/scenarioio.h"

#include <QTest>

using namespace headroom::autoscale;

namespace {
constexpr std::int64_t Monday = 1'767'571'200'000; // 2026-01-05T00:00:00Z
constexpr double Hour = 3600;
} // namespace

class TestTraffic : public QObject {
    Q_OBJECT
private slots:
    void multiplier_data();
    void multiplier();
    void errors_data();
    void errors();
    void scenarioNames();
    void regionLossShare();
    void drawnPoints();
};

void TestTraffic::multiplier_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<double>("hours");
    QTest::addColumn<double>("expected");
    QTest::newRow("baseline") << QStringLiteral("baseline") << 5.0 << 1.0;
    QTest::newRow("constant") << QStringLiteral("2 * baseline") << 5.0 << 2.0;
    QTest::newRow("constant with x") << QStringLiteral("baseline*1.5x") << 0.0 << 1.5;
    QTest::newRow("diurnal at peak") << QStringLiteral("baseline * diurnal(peak=14h, amplitude=0.4)") << 14.0 << 1.4;
    QTest::newRow("diurnal at trough") << QStringLiteral("diurnal(peak=14h, amplitude=0.4)") << 2.0 << 0.6;
    QTest::newRow("diurnal quarter") << QStringLiteral("diurnal(peak=12h, amplitude=0.5)") << 6.0 << 1.0;
    QTest::newRow("weekday") << QStringLiteral("weekly(weekend=0.7)") << 30.0 << 1.0;
    QTest::newRow("saturday") << QStringLiteral("weekly(weekend=0.7)") << 5 * 24.0 + 3 << 0.7;
    QTest::newRow("sunday") << QStringLiteral("weekly(weekend=70%)") << 6 * 24.0 + 23 << 0.7;
    QTest::newRow("next monday") << QStringLiteral("weekly(weekend=0.7)") << 7 * 24.0 + 1 << 1.0;
    QTest::newRow("growth one month") << QStringLiteral("growth(rate=0.15)") << 30 * 24.0 << std::pow(1.005, 30);
    QTest::newRow("spike before") << QStringLiteral("spike(factor=10, at=1h, ramp=1m, hold=30m, decay=15m)") << 0.5 << 1.0;
    QTest::newRow("spike mid ramp") << QStringLiteral("spike(factor=10, at=1h, ramp=2m, hold=30m, decay=15m)")
                                    << 1 + 1.0 / 60 << 5.5;
    QTest::newRow("spike held") << QStringLiteral("spike(factor=10, at=1h, ramp=1m, hold=30m, decay=15m)") << 1.25 << 10.0;
    QTest::newRow("spike decaying") << QStringLiteral("spike(factor=10, at=1h, ramp=0s, hold=30m, decay=30m)")
                                    << 1.75 << 5.5;
    QTest::newRow("spike over") << QStringLiteral("spike(factor=10, at=1h, ramp=1m, hold=30m, decay=15m)") << 2.0 << 1.0;
    QTest::newRow("retry storm") << QStringLiteral("baseline * retrystorm(factor=3, at=2h, duration=10m)") << 2.1 << 3.0;
    QTest::newRow("retry storm over") << QStringLiteral("retrystorm(factor=3, at=2h, duration=10m, decay=0s)") << 2.2 << 1.0;
    QTest::newRow("region loss keeps demand") << QStringLiteral("regionloss(region=eu-west-1, at=1h, duration=2h)")
                                              << 1.5 << 1.0;
    QTest::newRow("product") << QStringLiteral("2 * diurnal(peak=14h, amplitude=0.5) * weekly(weekend=0.5)")
                             << 5 * 24.0 + 14 << 1.5;
    QTest::newRow("case and spaces") << QStringLiteral("  BaseLine*SPIKE( factor = 4 , at = 0s , ramp=0s ) ") << 0.1 << 4.0;
}

void TestTraffic::multiplier()
{
    QFETCH(QString, spec);
    QFETCH(double, hours);
    QFETCH(double, expected);
    const auto parsed = parseTrafficSpec(spec);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QVERIFY(std::abs(parsed->multiplier(hours * Hour, Monday) - expected) < 1e-9);
}

void TestTraffic::errors_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << QStringLiteral("column 1: empty");
    QTest::newRow("unknown function") << QStringLiteral("baseline * spkie(factor=2)")
                                      << QStringLiteral("column 12: unknown function 'spkie'");
    QTest::newRow("did you mean") << QStringLiteral("baseline * spkie(factor=2)") << QStringLiteral("did you mean 'spike'");
    QTest::newRow("bad duration") << QStringLiteral("spike(factor=10, at=soon)") << QStringLiteral("column 21: at: expected a duration");
    QTest::newRow("bad number") << QStringLiteral("diurnal(amplitude=big)") << QStringLiteral("column 19: amplitude: expected a number");
    QTest::newRow("unknown argument") << QStringLiteral("spike(factr=10)") << QStringLiteral("column 7: spike() has no argument 'factr'");
    QTest::newRow("missing paren") << QStringLiteral("spike(factor=10") << QStringLiteral("column 16: expected ',' or ')'");
    QTest::newRow("dangling star") << QStringLiteral("baseline *") << QStringLiteral("column 11: expected a term");
    QTest::newRow("missing star") << QStringLiteral("baseline spike()") << QStringLiteral("column 10: unexpected 's'");
    QTest::newRow("no region") << QStringLiteral("regionloss(at=1h)") << QStringLiteral("needs region=ID");
    QTest::newRow("amplitude range") << QStringLiteral("diurnal(amplitude=2)") << QStringLiteral("within 0..1");
    QTest::newRow("no key") << QStringLiteral("spike(10)") << QStringLiteral("column 7: expected key=value");
}

void TestTraffic::errors()
{
    QFETCH(QString, spec);
    QFETCH(QString, message);
    const auto parsed = parseTrafficSpec(spec);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.errorString().contains(message), qPrintable(parsed.errorString()));
}

void TestTraffic::scenarioNames()
{
    const auto scenario = headroom::model::defaultScenario();
    for (const char *name : {"steady", "diurnal", "growth", "spike-10x", "region-loss"}) {
        const auto t = resolveTraffic(scenario, QString::fromLatin1(name));
        QVERIFY2(t.ok(), qPrintable(t.errorString()));
        QCOMPARE(t->name, QString::fromLatin1(name));
    }
    const auto spike = resolveTraffic(scenario, QStringLiteral("spike-10x"));
    QCOMPARE(spike->multiplier(1.25 * Hour, Monday), 10.0);
    const auto inline_ = resolveTraffic(scenario, QStringLiteral("baseline * 3"));
    QVERIFY(inline_.ok());
    QVERIFY(inline_->name.isEmpty());
    QCOMPARE(inline_->multiplier(0, Monday), 3.0);
}

void TestTraffic::regionLossShare()
{
    const auto scenario = headroom::model::defaultScenario();
    const auto t = resolveTraffic(scenario, QStringLiteral("region-loss"));
    QVERIFY(t.ok());
    QCOMPARE(t->outages.size(), std::size_t(1));
    QVERIFY(std::abs(t->outages[0].share - 0.35 * 0.45) < 1e-12); // EU group share x eu-west-1 share
    QCOMPARE(t->lostShare(0.5 * Hour), 0.0);
    QVERIFY(std::abs(t->lostShare(1.5 * Hour) - 0.1575) < 1e-12);
    QCOMPARE(t->lostShare(3 * Hour), 0.0);
    const auto unknown = resolveTraffic(scenario, QStringLiteral("regionloss(region=eu-wst-1)"));
    QVERIFY(!unknown.ok());
    QVERIFY(unknown.errorString().contains(QStringLiteral("did you mean 'eu-west-1'")));
}

void TestTraffic::drawnPoints()
{
    auto scenario = headroom::model::defaultScenario();
    headroom::model::TrafficScenario drawn;
    drawn.name = QStringLiteral("drawn");
    drawn.points = {{0, 1}, {2, 3}, {4, 1}};
    scenario.spec.traffic.append(drawn);
    const auto t = resolveTraffic(scenario, QStringLiteral("drawn"));
    QVERIFY2(t.ok(), qPrintable(t.errorString()));
    QCOMPARE(t->multiplier(1 * Hour, Monday), 2.0);
    QCOMPARE(t->multiplier(3 * Hour, Monday), 2.0);
    QCOMPARE(t->multiplier(9 * Hour, Monday), 1.0);
    scenario.spec.traffic.last().points = {{2, 1}, {1, 1}};
    QVERIFY(!resolveTraffic(scenario, QStringLiteral("drawn")).ok());
}

QTEST_GUILESS_MAIN(TestTraffic)
#include "tst_traffic.moc"
