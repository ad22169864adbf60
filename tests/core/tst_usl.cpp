#include "core/capacity/usl.h"
#include "core/model/csv.h"

#include <QStandardPaths>
#include <QTest>

#include <cmath>

using namespace headroom;
using capacity::UslPoint;

Q_DECLARE_METATYPE(std::vector<UslPoint>)

namespace {

/// The R `usl` package's `specsdm91` dataset (Sun SPARCcenter 2000, SPEC SDM91, Gunther 2007):
/// load and throughput in scripts per hour. Cross-checked: the package's fitted() + residuals()
/// outputs (tests/fitted.Rout.save, tests/residuals.Rout.save) add up to these values.
std::vector<UslPoint> specsdm91()
{
    return {{1, 64.9}, {18, 995.9}, {36, 1652.4}, {72, 1853.2}, {108, 1828.9}, {144, 1775.0}, {216, 1702.2}};
}

bool near(double value, double expected, double relative)
{
    return std::abs(value - expected) <= relative * std::abs(expected);
}

} // namespace

class TestUsl : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void specsdm91Reference()
    {
        // R usl 2.0 (smoeding/usl tests/summary.Rout.save): usl(throughput ~ load, specsdm91)
        //   alpha (sigma) 2.773e-02 (Std. Error 9.122e-03), beta (kappa) 1.044e-04 (1.988e-05),
        //   gamma (lambda) 9.000e+01 (1.421e+01); residual standard error 82.85 on 4 degrees of freedom;
        //   multiple R-squared 0.9896. tests/peak-scalability.Rout.save: signif(peak.scalability(u), 2) = 97.
        const auto fit = capacity::fitUsl(specsdm91());
        QVERIFY2(fit.ok(), qPrintable(fit.errorString()));
        const capacity::UslCoefficients &c = fit->coefficients;
        QVERIFY2(near(c.sigma, 2.773e-02, 5e-4), qPrintable(QString::number(c.sigma)));
        QVERIFY2(near(c.kappa, 1.044e-04, 5e-4), qPrintable(QString::number(c.kappa)));
        QVERIFY2(near(c.lambda, 90.00, 5e-4), qPrintable(QString::number(c.lambda)));
        QVERIFY2(near(fit->standardErrors.sigma, 9.122e-03, 5e-4), qPrintable(QString::number(fit->standardErrors.sigma)));
        QVERIFY2(near(fit->standardErrors.kappa, 1.988e-05, 5e-4), qPrintable(QString::number(fit->standardErrors.kappa)));
        QVERIFY2(near(fit->standardErrors.lambda, 14.21, 5e-4), qPrintable(QString::number(fit->standardErrors.lambda)));
        QVERIFY(near(fit->residualStandardError, 82.85, 5e-4));
        QCOMPARE(fit->degreesOfFreedom, 4);
        QVERIFY(near(fit->rSquared, 0.9896, 1e-4));
        QCOMPARE(std::round(fit->peakN()), 97.0); // sqrt((1 - 0.02773) / 1.044e-4) = 96.5
        QVERIFY(near(fit->peakThroughput(), fit->throughput(fit->peakN()), 1e-15));
        QVERIFY(fit->throughput(fit->peakN()) > fit->throughput(fit->peakN() * 0.9));
        QVERIFY(fit->throughput(fit->peakN()) > fit->throughput(fit->peakN() * 1.1));
    }

    void specsdm91Fitted_data()
    {
        // R: fitted(u) with options(digits=3) (tests/fitted.Rout.save): 90 1078 1541 1850 1879 1822 1646
        QTest::addColumn<double>("n");
        QTest::addColumn<double>("expected");
        QTest::addRow("1") << 1.0 << 90.0;
        QTest::addRow("18") << 18.0 << 1078.0;
        QTest::addRow("36") << 36.0 << 1541.0;
        QTest::addRow("72") << 72.0 << 1850.0;
        QTest::addRow("108") << 108.0 << 1879.0;
        QTest::addRow("144") << 144.0 << 1822.0;
        QTest::addRow("216") << 216.0 << 1646.0;
    }
    void specsdm91Fitted()
    {
        QFETCH(double, n);
        QFETCH(double, expected);
        const auto fit = capacity::fitUsl(specsdm91());
        QVERIFY(fit.ok());
        QVERIFY2(std::abs(fit->throughput(n) - expected) <= 0.5, qPrintable(QString::number(fit->throughput(n))));
    }

    void recoversExactCoefficients_data()
    {
        QTest::addColumn<double>("sigma");
        QTest::addColumn<double>("kappa");
        QTest::addColumn<double>("lambda");
        QTest::addRow("retrograde") << 0.05 << 0.002 << 1000.0;
        QTest::addRow("tiny coherency") << 0.02 << 1e-6 << 50.0;
        QTest::addRow("Amdahl only") << 0.1 << 0.0 << 10.0;
        QTest::addRow("almost linear") << 0.001 << 1e-7 << 3.5;
    }
    void recoversExactCoefficients()
    {
        QFETCH(double, sigma);
        QFETCH(double, kappa);
        QFETCH(double, lambda);
        const capacity::UslCoefficients truth{sigma, kappa, lambda};
        std::vector<UslPoint> points;
        for (const double n : {1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0})
            points.push_back({n, capacity::uslThroughput(truth, n)});
        const auto fit = capacity::fitUsl(points);
        QVERIFY2(fit.ok(), qPrintable(fit.errorString()));
        QVERIFY2(std::abs(fit->coefficients.sigma - sigma) <= 1e-6 * std::max(sigma, 1e-3),
                 qPrintable(QString::number(fit->coefficients.sigma)));
        QVERIFY2(std::abs(fit->coefficients.kappa - kappa) <= 1e-6 * std::max(kappa, 1e-6),
                 qPrintable(QString::number(fit->coefficients.kappa)));
        QVERIFY(near(fit->coefficients.lambda, lambda, 1e-6));
        QVERIFY(fit->rSquared > 0.999999);
        if (kappa == 0) {
            QVERIFY(std::isinf(fit->peakN()));
            QVERIFY(near(fit->peakThroughput(), lambda / sigma, 1e-5));
        } else {
            QVERIFY(near(fit->peakN(), std::sqrt((1 - sigma) / kappa), 1e-5));
        }
    }

    void threePointsHaveNoStandardErrors()
    {
        const auto fit = capacity::fitUsl({{1, 10}, {2, 19}, {4, 35}});
        QVERIFY(fit.ok());
        QCOMPARE(fit->degreesOfFreedom, 0);
        QVERIFY(std::isnan(fit->standardErrors.sigma));
        QVERIFY(std::isnan(fit->residualStandardError));
    }

    void badInput_data()
    {
        QTest::addColumn<std::vector<UslPoint>>("points");
        QTest::addColumn<QString>("message");
        QTest::addRow("two points") << std::vector<UslPoint>{{1, 1}, {2, 2}} << QStringLiteral("at least 3 measurements");
        QTest::addRow("two distinct n") << std::vector<UslPoint>{{1, 1}, {2, 2}, {2, 2.1}}
                                        << QStringLiteral("at least 3 different values of n");
        QTest::addRow("n = 0") << std::vector<UslPoint>{{0, 1}, {2, 2}, {3, 3}} << QStringLiteral("measurement 1: n must be");
        QTest::addRow("negative throughput") << std::vector<UslPoint>{{1, 1}, {2, -2}, {3, 3}}
                                             << QStringLiteral("measurement 2: throughput must be");
        QTest::addRow("infinite n") << std::vector<UslPoint>{{1, 1}, {2, 2}, {INFINITY, 3}}
                                    << QStringLiteral("measurement 3: n must be");
        QTest::addRow("all zero") << std::vector<UslPoint>{{1, 0}, {2, 0}, {3, 0}} << QStringLiteral("all throughputs are 0");
    }
    void badInput()
    {
        QFETCH(std::vector<UslPoint>, points);
        QFETCH(QString, message);
        const auto fit = capacity::fitUsl(points);
        QVERIFY(!fit.ok());
        QVERIFY2(fit.errorString().contains(message), qPrintable(fit.errorString()));
    }

    void csv_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error"); // empty: parses
        QTest::addRow("extra column ignored") << QByteArray("run,n,throughput\na,1,10\nb,2,19\n") << QString();
        QTest::addRow("missing column") << QByteArray("n,x\n1,2\n") << QStringLiteral("m.csv:1:1: throughput: expected columns");
        QTest::addRow("bad number") << QByteArray("n,throughput\n1,10\n2,fast\n")
                                    << QStringLiteral("m.csv:3:1: throughput: expected a number, got 'fast'");
        QTest::addRow("empty n") << QByteArray("n,throughput\n,10\n") << QStringLiteral("m.csv:2:1: n: expected a number");
    }
    void csv()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        const auto table = model::parseCsv(text, QStringLiteral("m.csv"));
        QVERIFY(table.ok());
        const auto points = capacity::uslPointsFromCsv(table.value(), QStringLiteral("m.csv"));
        if (error.isEmpty()) {
            QVERIFY2(points.ok(), qPrintable(points.errorString()));
            QCOMPARE(points->size(), size_t(2));
            QCOMPARE(points->at(1).throughput, 19.0);
        } else {
            QVERIFY(!points.ok());
            QVERIFY2(points.errorString().startsWith(error), qPrintable(points.errorString()));
        }
    }
};

QTEST_GUILESS_MAIN(TestUsl)
#include "tst_usl.moc"
