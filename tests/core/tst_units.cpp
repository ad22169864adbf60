#include "core/model/units.h"

#include <QTest>

using namespace headroom::model;

class TestUnits : public QObject {
    Q_OBJECT
private slots:
    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::addRow("seconds") << QStringLiteral("30s") << qint64(30'000);
        QTest::addRow("minutes") << QStringLiteral("3m") << qint64(180'000);
        QTest::addRow("go composite") << QStringLiteral("1m0s") << qint64(60'000);
        QTest::addRow("hours and minutes") << QStringLiteral("1h30m") << qint64(5'400'000);
        QTest::addRow("fraction") << QStringLiteral("1.5h") << qint64(5'400'000);
        QTest::addRow("milliseconds") << QStringLiteral("250ms") << qint64(250);
        QTest::addRow("days") << QStringLiteral("30d") << qint64(2'592'000'000);
        QTest::addRow("no unit") << QStringLiteral("30") << qint64(-1);
        QTest::addRow("bad unit") << QStringLiteral("3x") << qint64(-1);
        QTest::addRow("negative") << QStringLiteral("-3s") << qint64(-1);
        QTest::addRow("empty") << QString() << qint64(-1);
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const auto d = parseDuration(text);
        if (ms < 0) {
            QVERIFY2(!d, qPrintable(text));
        } else {
            QVERIFY2(d, qPrintable(text));
            QCOMPARE(d->count(), ms);
            QCOMPARE(parseDuration(formatDuration(*d))->count(), ms); // format round-trips
        }
    }
    void formatDurations()
    {
        QCOMPARE(formatDuration(Milliseconds(180'000)), QStringLiteral("3m"));
        QCOMPARE(formatDuration(Milliseconds(90'000)), QStringLiteral("1m30s"));
        QCOMPARE(formatDuration(Milliseconds(1'500)), QStringLiteral("1500ms"));
        QCOMPARE(formatDuration(Milliseconds(0)), QStringLiteral("0s"));
    }
    void sizes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("bytes");
        QTest::addRow("GB decimal") << QStringLiteral("64GB") << 64e9;
        QTest::addRow("Gi binary") << QStringLiteral("4Gi") << 4.0 * 1073741824.0;
        QTest::addRow("MiB") << QStringLiteral("512MiB") << 512.0 * 1048576.0;
        QTest::addRow("space") << QStringLiteral("50 MB") << 50e6;
        QTest::addRow("TB") << QStringLiteral("1TB") << 1e12;
        QTest::addRow("plain bytes") << QStringLiteral("1024") << 1024.0;
        QTest::addRow("bad") << QStringLiteral("ten GB") << -1.0;
        QTest::addRow("bad unit") << QStringLiteral("10XB") << -1.0;
    }
    void sizes()
    {
        QFETCH(QString, text);
        QFETCH(double, bytes);
        const auto b = parseByteSize(text);
        if (bytes < 0) {
            QVERIFY(!b);
        } else {
            QVERIFY(b);
            QCOMPARE(*b, bytes);
            QCOMPARE(*parseByteSize(formatByteSize(*b)), bytes);
        }
    }
    void quantities_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("milli");
        QTest::addRow("millicores") << QStringLiteral("500m") << qint64(500);
        QTest::addRow("whole") << QStringLiteral("2") << qint64(2000);
        QTest::addRow("Ki") << QStringLiteral("1Ki") << qint64(1'024'000);
        QTest::addRow("nanocores round up") << QStringLiteral("250n") << qint64(1);
        QTest::addRow("exponent") << QStringLiteral("1.5e3") << qint64(1'500'000);
        QTest::addRow("decimal") << QStringLiteral("0.1") << qint64(100);
        QTest::addRow("mega") << QStringLiteral("2M") << qint64(2'000'000'000);
        QTest::addRow("garbage") << QStringLiteral("2 cores") << qint64(-1);
        QTest::addRow("exponent with suffix") << QStringLiteral("1e3k") << qint64(-1);
    }
    void quantities()
    {
        QFETCH(QString, text);
        QFETCH(qint64, milli);
        const auto q = Quantity::parse(text);
        if (milli < 0) {
            QVERIFY(!q);
        } else {
            QVERIFY2(q, qPrintable(text));
            QCOMPARE(q->milliValue(), milli);
        }
    }
    void quantityFormatting()
    {
        QCOMPARE(Quantity::fromMilli(1500).toString(), QStringLiteral("1500m"));
        QCOMPARE(Quantity::fromMilli(3000).toString(), QStringLiteral("3"));
        QCOMPARE(Quantity::parse(u"100")->toString(), QStringLiteral("100"));
    }
};

QTEST_GUILESS_MAIN(TestUnits)
#include "tst_units.moc"
