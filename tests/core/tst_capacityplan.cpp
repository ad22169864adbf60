#include "core/capacity/capacityplan.h"
#include "core/capacity/erlangc.h"
#include "core/model/scenarioio.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace headroom;
using capacity::CapacityPlan;
using capacity::planCapacity;

namespace {

const QDate start(2026, 1, 1);

model::Tier &tier(model::Scenario &s, const char16_t *id)
{
    return *s.tier(QStringView(id));
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCapacityPlan : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void golden_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<int>("days");
        // tests/data/capacity-webtools/expected.csv: `headroom-cli plan --days 30 --start 2026-01-01` of the
        // embedded WebTools Pro, generated once and reviewed by hand (peak 1.5, buffer 20 % -> x1.8):
        //  day 0: users 100000. web 100000 x 1.8 / 1000 = 180 required, planned 50 (maxReplicas);
        //         api 100000 x 0.1 = 10000 req/s x 1.8 / 500 = 36; processing 100000 x 0.001 jobs/s x 10 s
        //         = 1000 in flight x 1.8 / 50 = 36; db 10000 x 2 / 100 = 200; cache 100000 x 500 KB = 50 GB;
        //         storage 100000 x 200 MB = 20 TB.
        //  day 1: users 100000 x 1.005 = 100500. web 180.9 -> 181; api 10050 x 1.8 / 500 = 36.18 -> 37;
        //         processing 1005 x 1.8 / 50 = 36.18 -> 37; db 201; cache 50.25 -> 51 GB; storage 20.1 -> 21 TB.
        //  day 29: users 100000 x 1.005^29 = 115562.197. web 208.01 -> 209; api 11556.22 x 1.8 / 500 = 41.6 -> 42;
        //         db 231.12 -> 232; cache 57.78 -> 58 GB; storage 23.11 -> 24 TB.
        QTest::addRow("WebTools Pro, 30 days") << QStringLiteral("capacity-webtools") << 30;
        // tests/data/capacity-queueing: the same scenario with the API tier sized by queueing for P95 <= 200 ms
        // (each replica M/M/32, mu = 20/s). Checked with `headroom-cli queue --service-rate 20 --servers 32`:
        //  day 0: design rate 100000 x 0.1 x 1.8 = 18000 req/s. 29 replicas (620.7 req/s each, rho 0.970)
        //         give P95 0.2307 s > 0.2; 30 replicas (600 req/s, rho 0.9375) give 0.1736 s -> api_required 30.
        //  day 29: 115562.197 x 0.18 = 20801.2 req/s. 33 replicas: P95 0.3666 s; 34: 0.1938 s -> 34.
        QTest::addRow("API by queueing, 30 days") << QStringLiteral("capacity-queueing") << 30;
    }
    void golden()
    {
        QFETCH(QString, folder);
        QFETCH(int, days);
        const QString dir = QStringLiteral(HEADROOM_TEST_DATA "/") + folder;
        const QByteArray expected = readFile(dir + QStringLiteral("/expected.csv"));
        QVERIFY(!expected.isEmpty());
        const QString scenarioFile = dir + QStringLiteral("/scenario.yaml");
        const bool custom = QFile::exists(scenarioFile);
        model::Scenario scenario = model::defaultScenario();
        if (custom) {
            auto loaded = model::loadScenario(scenarioFile);
            QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
            scenario = loaded.value();
        }
        QCOMPARE(capacity::planToCsv(planCapacity(scenario, days, start)), expected);

        // The CLI writes the same file.
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("plan.csv"));
        QStringList args{QStringLiteral("plan"), QStringLiteral("--days"), QString::number(days),
                         QStringLiteral("--start"), start.toString(Qt::ISODate), QStringLiteral("--out"), out};
        if (custom)
            args << scenarioFile;
        QProcess cli;
        cli.start(QStringLiteral(HEADROOM_CLI), args);
        QVERIFY(cli.waitForFinished(30'000));
        QCOMPARE(cli.exitCode(), 0);
        QCOMPARE(readFile(out), expected);
    }

    void webtoolsShape()
    {
        const CapacityPlan plan = planCapacity(model::defaultScenario(), 180, start);
        QCOMPARE(plan.days, 180);
        QCOMPARE(plan.users.size(), size_t(180));
        QCOMPARE(plan.tiers.size(), size_t(3));
        QCOMPARE(plan.tiers[0].tierId, QStringLiteral("web"));
        QCOMPARE(plan.tiers[2].tierId, QStringLiteral("processing"));
        QCOMPARE(plan.date(179), QDate(2026, 6, 29));
        QVERIFY(plan.warnings.isEmpty());
        const capacity::TierPlan *web = plan.tier(u"web");
        QVERIFY(web && web->sizing == model::SizingMethod::CapacityUnits);
        QVERIFY(web->p95ResponseSeconds.empty());
        // users/1000 x 1.5 x 1.2 at day 179: 100000 x 1.005^179 = 244,240 -> 439.6 -> 440
        QCOMPARE(web->requiredReplicas[179], 440);
        QCOMPARE(web->plannedReplicas[179], 50);
        for (size_t d = 1; d < plan.users.size(); ++d)
            QVERIFY(plan.users[d] > plan.users[d - 1]);
        QCOMPARE(plan.tier(u"nope"), nullptr);
    }

    void shortfallIsAFinding()
    {
        // The web tier needs 100 x 1.5 x 1.2 = 180 replicas at 100K users but maxReplicas is 50.
        const CapacityPlan plan = planCapacity(model::defaultScenario(), 30, start);
        const auto found = capacity::shortfalls(plan);
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found[0].tierId, QStringLiteral("web"));
        QCOMPARE(found[0].firstDay, 0);
        QCOMPARE(found[0].lastDay, 29);
        QCOMPARE(found[0].maxReplicas, 50);
        QCOMPARE(found[0].peakRequired, 209);
    }

    void shortfallStretches()
    {
        // Users fall then rise: api (max 100) is short only while required > 100.
        model::Scenario s = model::defaultScenario();
        s.spec.demand.concurrentUsers = 300'000; // api: 300000 x 0.1 x 1.8 / 500 = 108
        s.spec.capacityPlanner.growthRate = -0.3; // -1 % a day
        const CapacityPlan plan = planCapacity(s, 20, start);
        const auto found = capacity::shortfalls(plan);
        auto api = std::find_if(found.begin(), found.end(), [](const auto &f) { return f.tierId == u"api"; });
        QVERIFY(api != found.end());
        QCOMPARE(api->firstDay, 0);
        QCOMPARE(api->peakRequired, 108);
        // 108 x 0.99^d <= 100 from d = 8 (0.99^8 = 0.9227 -> 99.65)
        QCOMPARE(api->lastDay, 7);
    }

    void clampsToMinReplicas()
    {
        model::Scenario s = model::defaultScenario();
        s.spec.demand.concurrentUsers = 1000; // web: 1000 x 1.8 / 1000 = 1.8 -> 2, min 3
        const CapacityPlan plan = planCapacity(s, 1, start);
        QCOMPARE(plan.tiers[0].requiredReplicas[0], 2);
        QCOMPARE(plan.tiers[0].plannedReplicas[0], 3);
        QVERIFY(capacity::shortfalls(plan).empty());
    }

    void demandShare()
    {
        model::Scenario s = model::defaultScenario();
        tier(s, u"api").workload.demandShare = 0.5;
        const CapacityPlan plan = planCapacity(s, 1, start);
        QCOMPARE(plan.tier(u"api")->demand[0], 5000.0);
        QCOMPARE(plan.tier(u"api")->requiredReplicas[0], 18);
    }

    void queueingSizing_data()
    {
        QTest::addColumn<int>("sloMs");
        QTest::addRow("SLO 2 s: stability bound") << 2000;
        QTest::addRow("SLO 200 ms") << 200;
        QTest::addRow("SLO 160 ms: tight") << 160;
    }
    void queueingSizing()
    {
        QFETCH(int, sloMs);
        model::Scenario s = model::defaultScenario();
        model::Tier &api = tier(s, u"api");
        api.sizing = model::SizingMethod::Queueing;
        api.p95Slo = model::Milliseconds(sloMs);
        api.autoscaling.maxReplicas = 1000;
        const CapacityPlan plan = planCapacity(s, 3, start);
        QVERIFY(plan.warnings.isEmpty());
        const capacity::TierPlan *t = plan.tier(u"api");
        QCOMPARE(t->sizing, model::SizingMethod::Queueing);
        for (size_t d = 0; d < 3; ++d) {
            // Each replica: M/M/32 with mu = 20/s; the design rate is users x 0.1 x 1.8 req/s.
            const double rate = plan.users[d] * 0.1 * 1.8;
            const int r = t->requiredReplicas[d];
            QVERIFY(r >= std::ceil(rate / 640));
            const capacity::MmcQueue at{rate / r, 20, 32};
            QVERIFY(capacity::responseTimePercentile(at, 0.95).value() <= sloMs / 1000.0);
            const capacity::MmcQueue fewer{rate / (r - 1), 20, 32};
            QVERIFY(!fewer.isStable() || capacity::responseTimePercentile(fewer, 0.95).value() > sloMs / 1000.0);
            QVERIFY(t->p95ResponseSeconds[d] <= sloMs / 1000.0);
        }
    }

    void unreachableSloFallsBack()
    {
        model::Scenario s = model::defaultScenario();
        model::Tier &api = tier(s, u"api");
        api.sizing = model::SizingMethod::Queueing;
        api.p95Slo = model::Milliseconds(100); // 50 ms exponential service alone has P95 = 0.05 ln 20 = 150 ms
        const CapacityPlan plan = planCapacity(s, 1, start);
        QCOMPARE(plan.warnings.size(), 1);
        const QString w = plan.warnings.first().toString();
        QVERIFY2(w.contains(QStringLiteral("spec.tiers[1].sizing")) && w.contains(QStringLiteral("unreachable")),
                 qPrintable(w));
        QCOMPARE(plan.tier(u"api")->sizing, model::SizingMethod::CapacityUnits);
        QCOMPARE(plan.tier(u"api")->requiredReplicas[0], 36);
    }

    void phasesMode()
    {
        capacity::PlanOptions options;
        options.growthMode = capacity::GrowthMode::Phases;
        const CapacityPlan plan = planCapacity(model::defaultScenario(), 181, start, options);
        QCOMPARE(plan.users[0], 10'000.0);
        QVERIFY(std::abs(plan.users[90] - 10'000 * std::sqrt(10.0)) < 1e-6);
        QVERIFY(std::abs(plan.users[180] - 100'000) < 1e-6);
        QCOMPARE(plan.tiers[0].requiredReplicas[0], 18); // 10000 x 1.8 / 1000
    }

    void trendMultiplier()
    {
        capacity::PlanOptions options;
        options.trendMultiplier = 1.1;
        const CapacityPlan plan = planCapacity(model::defaultScenario(), 1, start, options);
        QVERIFY(std::abs(plan.users[0] - 110'000) < 1e-6);
    }

    void uslPeak()
    {
        // A fit whose peak is at N* = sqrt((1 - 0.2) / 0.0005) = 40 replicas; api plans 41 from day 22.
        capacity::UslFit fit;
        fit.coefficients = {0.2, 0.0005, 100};
        QCOMPARE(fit.peakN(), 40.0);
        const CapacityPlan plan = planCapacity(model::defaultScenario(), 30, start);
        QCOMPARE(capacity::firstDayPastUslPeak(*plan.tier(u"api"), fit), 22);
        fit.coefficients.kappa = 0; // no retrograde region
        QCOMPARE(capacity::firstDayPastUslPeak(*plan.tier(u"api"), fit), -1);
    }

    void degenerateInputs()
    {
        QCOMPARE(planCapacity(model::defaultScenario(), 0, start).users.size(), size_t(0));
        QCOMPARE(planCapacity(model::defaultScenario(), -5, start).days, 0);
        model::Scenario s = model::defaultScenario();
        tier(s, u"web").workload.capacityPerReplica = 0; // nothing to divide by: min replicas
        s.spec.capacityPlanner.queriesPerConnection = 0;
        const CapacityPlan plan = planCapacity(s, 2, start);
        QCOMPARE(plan.tiers[0].plannedReplicas[1], 3);
        QCOMPARE(plan.databaseConnections[1], 0.0);
        const QByteArray csv = capacity::planToCsv(plan);
        QVERIFY(csv.startsWith("date,day,users,web_demand,web_required,web_planned,api_demand"));
        QVERIFY(csv.contains(",db_connections,cache_gb,storage_tb\n"));
    }
};

QTEST_GUILESS_MAIN(TestCapacityPlan)
#include "tst_capacityplan.moc"
