#include "core/capacity/growthmodel.h"
#include "core/model/scenarioio.h"

#include <QStandardPaths>
#include <QTest>

#include <cmath>

using namespace headroom;
using capacity::GrowthModel;
using capacity::GrowthMode;

Q_DECLARE_METATYPE(std::vector<double>)

class TestGrowthModel : public QObject {
    Q_OBJECT

private:
    static model::GrowthPhase phase(int start, std::optional<int> end, double from, double to)
    {
        return model::GrowthPhase{QStringLiteral("p%1").arg(start), start, end, from, to};
    }
    /// The plan's four phases: 10K -> 100K (months 0-6), -> 1M (6-18), -> 10M (18-36), 10M+ (36+).
    static GrowthModel planPhases()
    {
        return GrowthModel(100'000, 0.15, 1.0,
                           {phase(0, 6, 1e4, 1e5), phase(6, 18, 1e5, 1e6), phase(18, 36, 1e6, 1e7),
                            phase(36, std::nullopt, 1e7, 1e7)});
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void compound_data()
    {
        QTest::addColumn<double>("current");
        QTest::addColumn<double>("rate");
        QTest::addColumn<double>("trend");
        QTest::addColumn<double>("day");
        QTest::addColumn<double>("expected");
        // expected = current x (1 + rate/30)^day x trend, worked by hand
        QTest::addRow("day 0 is today") << 100'000.0 << 0.15 << 1.0 << 0.0 << 100'000.0;
        QTest::addRow("one day: x1.005") << 100'000.0 << 0.15 << 1.0 << 1.0 << 100'500.0;
        QTest::addRow("30 days: 1.005^30 = 1.161400") << 100'000.0 << 0.15 << 1.0 << 30.0 << 116'140.0;
        QTest::addRow("trend x1.1") << 100'000.0 << 0.15 << 1.1 << 1.0 << 110'550.0;
        QTest::addRow("no growth") << 5'000.0 << 0.0 << 1.0 << 365.0 << 5'000.0;
        QTest::addRow("decline 30 pct a month, 10 days") << 1000.0 << -0.3 << 1.0 << 10.0 << 1000 * std::pow(0.99, 10);
    }
    void compound()
    {
        QFETCH(double, current);
        QFETCH(double, rate);
        QFETCH(double, trend);
        QFETCH(double, day);
        QFETCH(double, expected);
        const GrowthModel g(current, rate, trend);
        QVERIFY2(std::abs(g.compoundUsers(day) - expected) <= 0.5, qPrintable(QString::number(g.compoundUsers(day))));
        QCOMPARE(g.users(day, GrowthMode::Compound), g.compoundUsers(day));
    }

    void phases_data()
    {
        QTest::addColumn<double>("day");
        QTest::addColumn<double>("expected");
        QTest::addRow("start of phase 1") << 0.0 << 1e4;
        QTest::addRow("month 3 = geometric mid of 10K..100K") << 90.0 << 1e4 * std::sqrt(10.0);
        QTest::addRow("month 6 starts phase 2") << 180.0 << 1e5;
        QTest::addRow("month 12 = mid of 100K..1M") << 360.0 << 1e5 * std::sqrt(10.0);
        QTest::addRow("month 18 starts phase 3") << 540.0 << 1e6;
        QTest::addRow("month 27 = mid of 1M..10M") << 810.0 << 1e6 * std::sqrt(10.0);
        QTest::addRow("month 36 open-ended holds 10M") << 1080.0 << 1e7;
        QTest::addRow("month 100 still 10M") << 3000.0 << 1e7;
        QTest::addRow("before the first phase") << -30.0 << 1e4;
    }
    void phases()
    {
        QFETCH(double, day);
        QFETCH(double, expected);
        const GrowthModel g = planPhases();
        QVERIFY2(std::abs(g.phaseUsers(day) - expected) <= 1e-6 * expected, qPrintable(QString::number(g.phaseUsers(day))));
        QCOMPARE(g.users(day, GrowthMode::Phases), g.phaseUsers(day));
    }

    void phasesAreContinuousAndGrowing()
    {
        const GrowthModel g = planPhases();
        double previous = 0;
        for (int day = 0; day <= 1200; ++day) {
            const double u = g.phaseUsers(day);
            QVERIFY2(u >= previous, qPrintable(QStringLiteral("day %1").arg(day)));
            if (day > 0) // a day's step never exceeds phase 1's daily factor 10^(1/180)
                QVERIFY(u / previous <= std::pow(10.0, 1.0 / 180) + 1e-12);
            previous = u;
        }
    }

    void gapsUnsortedAndLinear()
    {
        // Given out of order, with a gap (months 6-12) and a phase starting from 0 users.
        const GrowthModel g(0, 0.1, 1.0, {phase(12, 24, 2e5, 4e5), phase(0, 6, 0, 1e5)});
        QCOMPARE(g.phaseUsers(90), 5e4);         // linear: from is 0
        QCOMPARE(g.phaseUsers(270), 1e5);        // in the gap: the previous phase's toUsers
        QCOMPARE(g.phaseUsers(24 * 30 + 1), 4e5); // after the last closed phase
        QCOMPARE(g.phaseAt(270), nullptr);
        QVERIFY(g.phaseAt(400) && g.phaseAt(400)->startMonth == 12);
    }

    void noPhasesFallsBackToCompound()
    {
        const GrowthModel g(1000, 0.3, 1.0);
        QCOMPARE(g.phaseUsers(10), g.compoundUsers(10));
    }

    void trendFromHistory_data()
    {
        QTest::addColumn<std::vector<double>>("history");
        QTest::addColumn<double>("expected");
        std::vector<double> assumed, faster, flat, withGaps;
        for (int d = 0; d < 30; ++d) {
            assumed.push_back(1e5 * std::pow(1.005, d));
            faster.push_back(1e5 * std::pow(1 + 0.30 / 30, d));
            flat.push_back(5e4);
            withGaps.push_back(d % 7 == 3 ? 0.0 : 1e5 * std::pow(1.005, d)); // missing days read as 0
        }
        QTest::addRow("grew at the assumed 15 pct a month") << assumed << 1.0;
        // 30 pct a month over 29 days against 15 pct: (1.01 / 1.005)^29 = 1.15510
        QTest::addRow("grew twice as fast") << faster << std::pow(1.01 / 1.005, 29);
        QTest::addRow("flat: 1.005^-29") << flat << std::pow(1.005, -29);
        QTest::addRow("gaps skipped") << withGaps << 1.0;
    }
    void trendFromHistory()
    {
        QFETCH(std::vector<double>, history);
        QFETCH(double, expected);
        const auto m = GrowthModel::trendMultiplierFromHistory(history, 0.15);
        QVERIFY2(m.ok(), qPrintable(m.errorString()));
        QVERIFY2(std::abs(m.value() - expected) < 1e-9, qPrintable(QString::number(m.value(), 'g', 12)));
    }

    void trendNeedsTwoDays()
    {
        const auto m = GrowthModel::trendMultiplierFromHistory({0.0, 120.0, -1.0}, 0.15);
        QVERIFY(!m.ok());
        QVERIFY2(m.errorString().contains(QStringLiteral("history: a trend needs at least 2 days")),
                 qPrintable(m.errorString()));
    }

    void fromScenario()
    {
        const model::Scenario s = model::defaultScenario();
        const GrowthModel g = GrowthModel::fromScenario(s, 1.2);
        QCOMPARE(g.currentUsers(), 100'000.0);
        QCOMPARE(g.monthlyGrowthRate(), 0.15);
        QCOMPARE(g.trendMultiplier(), 1.2);
        QCOMPARE(g.phases().size(), 4);
        QCOMPARE(g.phaseUsers(180), 1e5);
    }
};

QTEST_GUILESS_MAIN(TestGrowthModel)
#include "tst_growthmodel.moc"
