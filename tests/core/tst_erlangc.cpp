#include "core/capacity/erlangc.h"

#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <queue>
#include <random>
#include <vector>

using namespace headroom;
using capacity::MmcQueue;

namespace {

/// Erlang B by the textbook recursion from k = 0 in long double, as an independent check.
double erlangBReference(int c, double a)
{
    long double b = 1;
    for (int k = 1; k <= c; ++k)
        b = a * b / (k + a * b);
    return static_cast<double>(b);
}

/// Simpson's rule of P(T > t) over [0, upper]: the mean response time, independently of the Erlang C mean.
double integrateSurvival(const MmcQueue &q, double upper)
{
    const int n = 20'000;
    const double h = upper / n;
    double sum = capacity::responseTimeSurvival(q, 0) + capacity::responseTimeSurvival(q, upper);
    for (int i = 1; i < n; ++i)
        sum += (i % 2 ? 4 : 2) * capacity::responseTimeSurvival(q, i * h);
    return sum * h / 3;
}

/// FCFS M/M/c simulated with a fixed seed: the response time of every customer.
std::vector<double> simulate(const MmcQueue &q, int customers)
{
    std::mt19937_64 rng(20261126);
    std::exponential_distribution<double> arrival(q.arrivalRate), service(q.serviceRate);
    std::priority_queue<double, std::vector<double>, std::greater<>> freeAt;
    for (int i = 0; i < q.servers; ++i)
        freeAt.push(0);
    std::vector<double> response;
    response.reserve(customers);
    double t = 0;
    for (int i = 0; i < customers; ++i) {
        t += arrival(rng);
        const double start = std::max(t, freeAt.top());
        freeAt.pop();
        const double done = start + service(rng);
        freeAt.push(done);
        response.push_back(done - t);
    }
    return response;
}

} // namespace

class TestErlangC : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void textbook_data()
    {
        QTest::addColumn<double>("lambda");
        QTest::addColumn<double>("mu");
        QTest::addColumn<int>("servers");
        QTest::addColumn<double>("pw");
        QTest::addColumn<double>("wq");
        // Hillier & Lieberman, Introduction to Operations Research, "County Hospital" emergency room
        // (M/M/s, lambda = 2 patients/h, mu = 3/h): s = 1 gives P0 = 1/3, P(wait) = 2/3, Wq = 2/3 h;
        // s = 2 gives P0 = 1/2, Lq = 1/12 = 0.0833, Wq = 1/24 h = 0.0417 h and P(wait) = 1/6.
        QTest::addRow("County Hospital, 1 doctor") << 2.0 << 3.0 << 1 << 0.6667 << 0.6667;
        QTest::addRow("County Hospital, 2 doctors") << 2.0 << 3.0 << 2 << 0.1667 << 0.0417;
        // The call-centre worked example of "The Erlang-C formula" (Mitan): 360 calls per half hour,
        // 4-minute calls, 55 agents -> 48 Erlangs. Per minute: lambda = 12, mu = 1/4. Pw = 0.2387 and
        // Wq = 0.1364 min (ASA 8.18 s), here checked to 4 decimals against the closed form evaluated
        // in exact rational arithmetic (Python fractions): Pw = 0.23870094, Wq = 0.13640054 min.
        QTest::addRow("call centre, 48 Erlangs, 55 agents") << 12.0 << 0.25 << 55 << 0.2387 << 0.1364;
        // Math StackExchange "probability of a customer joining a queue via Erlang C": 120 customers/h,
        // 3 minutes each, 10 assistants (a = 6 Erlangs); the course answer reads "about 0.10" off the
        // Erlang C curve; exact: Pw = 0.10129924, Wq = Pw / (c mu - lambda) = 0.07597443 min.
        QTest::addRow("10 assistants, 6 Erlangs") << 2.0 << 1.0 / 3 << 10 << 0.1013 << 0.0760;
        // M/M/1 closed forms: Pw = rho, Wq = rho / (mu - lambda). rho = 0.9: Wq = 0.9 / 0.1 = 9.
        QTest::addRow("M/M/1 at 90 pct") << 0.9 << 1.0 << 1 << 0.9000 << 9.0000;
        // c mu - lambda == mu (the CDF's special case): c = 2, a = 1 -> Pw = (1/2 x 2) / (1 + 1 + 1) = 1/3.
        QTest::addRow("theta equals mu") << 1.0 << 1.0 << 2 << 0.3333 << 0.3333;
    }
    void textbook()
    {
        QFETCH(double, lambda);
        QFETCH(double, mu);
        QFETCH(int, servers);
        QFETCH(double, pw);
        QFETCH(double, wq);
        const auto m = capacity::analyze(MmcQueue{lambda, mu, servers});
        QVERIFY2(m.ok(), qPrintable(m.errorString()));
        QVERIFY2(std::abs(m->probabilityOfWaiting - pw) < 5e-5, qPrintable(QString::number(m->probabilityOfWaiting)));
        QVERIFY2(std::abs(m->meanWait - wq) < 5e-5, qPrintable(QString::number(m->meanWait)));
        QVERIFY(std::abs(m->meanResponse - (m->meanWait + 1 / mu)) < 1e-12);
        QVERIFY(std::abs(m->meanQueueLength - lambda * m->meanWait) < 1e-12);
        QCOMPARE(m->utilization, lambda / (servers * mu));
    }

    void erlangBAgreesWithRecursion_data()
    {
        QTest::addColumn<int>("servers");
        QTest::addColumn<double>("load");
        QTest::addRow("small") << 5 << 3.0;
        QTest::addRow("fewer servers than load") << 8 << 20.0;
        QTest::addRow("start shortcut, 2500 Erlangs") << 2600 << 2500.0;
        QTest::addRow("start shortcut, 1e5 Erlangs") << 100'500 << 1e5;
        QTest::addRow("far below load") << 100 << 1e5;
    }
    void erlangBAgreesWithRecursion()
    {
        QFETCH(int, servers);
        QFETCH(double, load);
        const double expected = erlangBReference(servers, load);
        QVERIFY2(std::abs(capacity::erlangB(servers, load) - expected) <= 1e-12 + 1e-9 * expected,
                 qPrintable(QStringLiteral("%1 vs %2").arg(capacity::erlangB(servers, load)).arg(expected)));
    }

    void mm1ResponseTimeIsExponential()
    {
        // M/M/1: T ~ Exp(mu - lambda), so the p-quantile is -ln(1-p) / (mu - lambda).
        const MmcQueue q{3, 5, 1};
        for (const double p : {0.5, 0.9, 0.95, 0.99, 0.999}) {
            const auto t = capacity::responseTimePercentile(q, p);
            QVERIFY(t.ok());
            QVERIFY2(std::abs(t.value() - -std::log(1 - p) / 2) < 1e-10, qPrintable(QString::number(t.value())));
            QVERIFY(std::abs(capacity::responseTimeCdf(q, t.value()) - p) < 1e-12);
        }
    }

    void cdfIntegratesToMeanResponse_data()
    {
        QTest::addColumn<double>("lambda");
        QTest::addColumn<double>("mu");
        QTest::addColumn<int>("servers");
        QTest::addRow("theta > mu") << 7.0 << 1.0 << 10;
        QTest::addRow("theta == mu") << 1.0 << 1.0 << 2;
        QTest::addRow("theta just above mu") << 1.0 - 1e-10 << 1.0 << 2;
        QTest::addRow("theta < mu, heavy load") << 15.5 << 1.0 << 16;
        QTest::addRow("api replica 32 x 50 ms") << 600.0 << 20.0 << 32;
    }
    void cdfIntegratesToMeanResponse()
    {
        QFETCH(double, lambda);
        QFETCH(double, mu);
        QFETCH(int, servers);
        const MmcQueue q{lambda, mu, servers};
        const auto m = capacity::analyze(q);
        QVERIFY(m.ok());
        const double upper = capacity::responseTimePercentile(q, 1 - 1e-13).value();
        const double mean = integrateSurvival(q, upper);
        QVERIFY2(std::abs(mean - m->meanResponse) < 1e-6 * m->meanResponse,
                 qPrintable(QStringLiteral("integral %1 vs W %2").arg(mean).arg(m->meanResponse)));
        QVERIFY(capacity::responseTimeDensity(q, upper / 3) > 0);
    }

    void thetaNearMuIsContinuous()
    {
        const MmcQueue exact{1, 1, 2};
        const MmcQueue below{1 + 1e-9, 1, 2};
        const MmcQueue above{1 - 1e-9, 1, 2};
        for (const double t : {0.1, 1.0, 5.0, 30.0}) {
            const double s = capacity::responseTimeSurvival(exact, t);
            // closed form at theta == mu: e^-t + C t e^-t with C = 1/3
            QVERIFY(std::abs(s - std::exp(-t) * (1 + t / 3)) < 1e-14);
            QVERIFY(std::abs(capacity::responseTimeSurvival(below, t) - s) < 1e-8);
            QVERIFY(std::abs(capacity::responseTimeSurvival(above, t) - s) < 1e-8);
        }
    }

    void percentilesMatchSimulation_data()
    {
        QTest::addColumn<double>("lambda");
        QTest::addColumn<double>("mu");
        QTest::addColumn<int>("servers");
        QTest::addRow("4 servers at 75 pct") << 3.0 << 1.0 << 4;
        QTest::addRow("16 servers at 90 pct") << 14.4 << 1.0 << 16;
    }
    void percentilesMatchSimulation()
    {
        QFETCH(double, lambda);
        QFETCH(double, mu);
        QFETCH(int, servers);
        const MmcQueue q{lambda, mu, servers};
        std::vector<double> r = simulate(q, 400'000);
        std::sort(r.begin(), r.end());
        for (const double p : {0.5, 0.95, 0.99}) {
            const double simulated = r[static_cast<size_t>(p * r.size())];
            const double exact = capacity::responseTimePercentile(q, p).value();
            QVERIFY2(std::abs(simulated - exact) < 0.03 * exact,
                     qPrintable(QStringLiteral("p%1: simulated %2, exact %3").arg(p).arg(simulated).arg(exact)));
        }
    }

    void minimumServers_data()
    {
        QTest::addColumn<double>("lambda");
        QTest::addColumn<double>("mu");
        QTest::addColumn<double>("target");
        QTest::addColumn<int>("expected");
        // expected from scanning c upwards with responseTimePercentile (and checked against the CLI)
        QTest::addRow("100/s at 50 ms, P95 <= 200 ms") << 100.0 << 20.0 << 0.2 << 7;
        QTest::addRow("no load needs one server") << 0.0 << 1.0 << 3.1 << 1;
        QTest::addRow("M/M/1 suffices: P95 = ln 20 / (mu - lambda)") << 1.0 << 10.0 << std::log(20.0) / 9 + 1e-9 << 1;
        QTest::addRow("M/M/1 just misses") << 1.0 << 10.0 << std::log(20.0) / 9 - 1e-9 << 2;
    }
    void minimumServers()
    {
        QFETCH(double, lambda);
        QFETCH(double, mu);
        QFETCH(double, target);
        QFETCH(int, expected);
        const auto c = capacity::minimumServers(lambda, mu, 0.95, target);
        QVERIFY2(c.ok(), qPrintable(c.errorString()));
        QCOMPARE(c.value(), expected);
    }

    void minimumServersIsMinimal()
    {
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> load(0.5, 3000), factor(1.2, 20);
        for (int i = 0; i < 200; ++i) {
            const double lambda = load(rng);
            const double mu = 1.0;
            const double target = factor(rng) * -std::log(0.05);
            const auto c = capacity::minimumServers(lambda, mu, 0.95, target);
            QVERIFY2(c.ok(), qPrintable(c.errorString()));
            const MmcQueue at{lambda, mu, c.value()};
            QVERIFY(capacity::responseTimePercentile(at, 0.95).value() <= target * (1 + 1e-9));
            const MmcQueue below{lambda, mu, c.value() - 1};
            if (below.servers >= 1 && below.isStable())
                QVERIFY(capacity::responseTimePercentile(below, 0.95).value() > target * (1 - 1e-9));
        }
    }

    void errors_data()
    {
        QTest::addColumn<double>("lambda");
        QTest::addColumn<double>("mu");
        QTest::addColumn<double>("target");
        QTest::addColumn<QString>("message");
        QTest::addRow("service alone exceeds target") << 1.0 << 1.0 << 2.9 << QStringLiteral("impossible target");
        QTest::addRow("negative arrival rate") << -1.0 << 1.0 << 10.0 << QStringLiteral("arrivalRate: arrival rate must be");
        QTest::addRow("NaN arrival rate") << std::nan("") << 1.0 << 10.0 << QStringLiteral("arrival rate must be");
        QTest::addRow("zero service rate") << 1.0 << 0.0 << 10.0 << QStringLiteral("serviceRate: service rate must be");
        QTest::addRow("zero target") << 1.0 << 1.0 << 0.0 << QStringLiteral("target must be");
    }
    void errors()
    {
        QFETCH(double, lambda);
        QFETCH(double, mu);
        QFETCH(double, target);
        QFETCH(QString, message);
        const auto c = capacity::minimumServers(lambda, mu, 0.95, target);
        QVERIFY(!c.ok());
        QVERIFY2(c.errorString().contains(message), qPrintable(c.errorString()));
    }

    void unstableAndBadPercentile()
    {
        const auto unstable = capacity::analyze(MmcQueue{10, 1, 10});
        QVERIFY(!unstable.ok());
        QVERIFY2(unstable.errorString().contains(QStringLiteral("unstable queue")), qPrintable(unstable.errorString()));
        QVERIFY(!capacity::responseTimePercentile(MmcQueue{10, 1, 10}, 0.95).ok());
        QVERIFY(!capacity::responseTimePercentile(MmcQueue{1, 1, 2}, 1.0).ok());
        QVERIFY(!capacity::responseTimePercentile(MmcQueue{1, 1, 2}, 0.0).ok());
        QVERIFY(!capacity::analyze(MmcQueue{1, 1, 0}).ok());
        QCOMPARE(capacity::erlangC(10, 12.0), 1.0);
    }
};

QTEST_GUILESS_MAIN(TestErlangC)
#include "tst_erlangc.moc"
