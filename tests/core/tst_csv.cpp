#include "core/model/csv.h"

#include <QTemporaryDir>
#include <QTest>

using namespace headroom::model;

class TestCsv : public QObject {
    Q_OBJECT
private slots:
    void quotingRoundTrips()
    {
        CsvTable t;
        t.header = {QStringLiteral("name"), QStringLiteral("value")};
        t.rows << QStringList{QStringLiteral("a,b"), QStringLiteral("say \"hi\"")};
        t.rows << QStringList{QStringLiteral("multi\nline"), QStringLiteral("1.5")};
        const auto parsed = parseCsv(t.toCsv(), QStringLiteral("mem.csv"));
        QVERIFY(parsed);
        QCOMPARE(parsed->header, t.header);
        QCOMPARE(parsed->rows, t.rows);
        QCOMPARE(parsed->rowLines, (QList<int>{2, 3}));
    }
    void wrongColumnCountIsLocated()
    {
        const auto parsed = parseCsv("t,value\n1,2\n3\n", QStringLiteral("in.csv"));
        QVERIFY(!parsed);
        QVERIFY2(parsed.errorString().startsWith(QStringLiteral("in.csv:3:1: expected 2 columns")),
                 qPrintable(parsed.errorString()));
    }
    void numbersUseDotWhateverTheLocale()
    {
        QLocale::setDefault(QLocale(QLocale::German));
        QCOMPARE(csvNumber(0.1), QStringLiteral("0.1"));
        QCOMPARE(csvFixed(12.5, 2), QStringLiteral("12.50"));
        QLocale::setDefault(QLocale::c());
    }
    void atomicWrite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        QVERIFY(writeFileAtomically(path, "a\n1\n"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("a\n1\n"));
        QVERIFY(!writeFileAtomically(dir.filePath(QStringLiteral("missing/dir/out.csv")), "x"));
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
