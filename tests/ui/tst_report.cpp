// The report: `headroom-cli report` on WebTools Pro writes a PDF whose text (pdftotext) holds the
// same summary figures as the CSV files of the same run, with contents and page numbers, that
// pdftoppm renders; the CSV files parse and carry the promised headers.

#include "core/model/csv.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace headroom;

class TestReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_pdf, m_csv, m_text, m_flat;
    int m_pages = 0;

    static QString run(const QString &program, const QStringList &args, int *exitCode = nullptr)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::SeparateChannels);
        p.start(program, args);
        if (!p.waitForFinished(300'000))
            return {};
        if (exitCode)
            *exitCode = p.exitCode();
        return QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
    }

    model::CsvTable csv(const QString &name) const
    {
        auto table = model::readCsvFile(QDir(m_csv).filePath(name));
        if (!table)
            qWarning("%s", qPrintable(table.errorString()));
        return table ? table.value() : model::CsvTable{};
    }

    static QString cell(const model::CsvTable &t, const QString &key, int column)
    {
        for (const QStringList &row : t.rows)
            if (row.value(0) == key)
                return row.value(column);
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty() || QStandardPaths::findExecutable(u"pdftoppm"_s).isEmpty())
            QFAIL("pdftotext/pdftoppm missing: install poppler-utils (packaging/scripts/install-deps.sh --test)");
        m_pdf = m_dir.filePath(u"report.pdf"_s);
        m_csv = m_dir.filePath(u"csv"_s);
        int code = -1;
        const QString output = run(QStringLiteral(HEADROOM_CLI),
                                   {u"report"_s, u"--pdf"_s, m_pdf, u"--csv"_s, m_csv, u"--days"_s, u"180"_s,
                                    u"--duration"_s, u"2h"_s, u"--traffic"_s, u"steady,spike-10x"_s},
                                   &code);
        QVERIFY2(code == 0, qPrintable(output));
        QVERIFY2(output.contains(u"PDF: "_s), qPrintable(output));
        const QRegularExpression pages(u"(\\d+) pages"_s);
        const auto match = pages.match(output);
        QVERIFY(match.hasMatch());
        m_pages = match.captured(1).toInt();
        m_text = run(u"pdftotext"_s, {u"-layout"_s, m_pdf, u"-"_s});
        QVERIFY(!m_text.isEmpty());
        // Sentences wrap across lines: search them with whitespace collapsed.
        m_flat = m_text.simplified();
    }

    void pdfInfoPageCount()
    {
        const QString info = run(u"pdfinfo"_s, {m_pdf});
        const auto match = QRegularExpression(u"Pages:\\s+(\\d+)"_s).match(info);
        QVERIFY2(match.hasMatch(), qPrintable(info));
        QCOMPARE(match.captured(1).toInt(), m_pages);
        QVERIFY(m_pages >= 8);
        QVERIFY(info.contains(u"595 x 842"_s) || info.contains(u"595.276 x 841.89"_s)); // A4 in points
        // Every page has its footer.
        QVERIFY(m_text.contains(u"Page 1 of %1"_s.arg(m_pages)));
        QVERIFY(m_text.contains(u"Page %1 of %1"_s.arg(m_pages)));
    }

    void tableOfContentsLists_data()
    {
        QTest::addColumn<QString>("section");
        for (const char *s : {"Executive summary", "Capacity per tier", "Simulation outcomes", "Cost and savings",
                              "Topology", "Alert timeline", "Assumptions and inputs"})
            QTest::newRow(s) << QString::fromUtf8(s);
    }
    void tableOfContentsLists()
    {
        QFETCH(QString, section);
        // In the contents with a page number, and as a heading on that page.
        const auto toc = QRegularExpression(QRegularExpression::escape(section) + u"\\s*\\.*\\s*(\\d+)\\s*$"_s,
                                            QRegularExpression::MultilineOption)
                             .match(m_text);
        QVERIFY2(toc.hasMatch(), qPrintable(section));
        const int page = toc.captured(1).toInt();
        QVERIFY(page >= 3 && page <= m_pages);
        const QStringList pages = m_text.split(u'\f');
        QVERIFY(pages.size() >= m_pages);
        QVERIFY2(pages[page - 1].contains(section), qPrintable(section + u" not on page "_s + QString::number(page)));
    }

    void summaryFiguresMatchCsv()
    {
        const model::CsvTable summary = csv(u"summary.csv"_s);
        QCOMPARE(summary.header, (QStringList{u"metric"_s, u"value"_s, u"unit"_s, u"basis"_s}));
        const QString peak = cell(summary, u"peak_replicas"_s, 1);
        const QString monthly = cell(summary, u"monthly_cost"_s, 1);
        const QString perUser = cell(summary, u"cost_per_user_month"_s, 1);
        QVERIFY(!peak.isEmpty() && !monthly.isEmpty() && !perUser.isEmpty());
        QVERIFY(m_flat.contains(u"peaks at %1 replicas"_s.arg(peak)));
        QVERIFY(m_text.contains(monthly));
        QVERIFY(m_text.contains(perUser));
        QVERIFY(m_text.contains(u"$"_s + QString::number(monthly.toDouble(), 'f', 0)));
        // Spike absorption of the spike scenario, as the outcomes table has it.
        const QString absorbed = cell(csv(u"outcomes.csv"_s), u"spike-10x"_s, 5);
        QVERIFY(!absorbed.isEmpty());
        if (absorbed != u"never")
            QVERIFY(m_flat.contains(u"absorbed the traffic event in %1 s"_s.arg(absorbed.toDouble(), 0, 'f', 0)));
        else
            QVERIFY(m_flat.contains(u"never absorbed"_s));
    }

    void successMetricVerdictsPrinted()
    {
        const model::CsvTable metrics = csv(u"success_metrics.csv"_s);
        QVERIFY(metrics.rows.size() >= 3);
        for (const QStringList &row : metrics.rows) {
            QVERIFY(QStringList({u"PASS"_s, u"FAIL"_s, u"NOT EXERCISED"_s, u"N/A"_s}).contains(row[2]));
            const QString name = row[0].left(40); // long names are elided in the table
            QVERIFY2(m_text.contains(name.left(25)), qPrintable(name));
        }
        QVERIFY(m_text.contains(u"PASS"_s) || m_text.contains(u"FAIL"_s));
    }

    void csvFilesHaveHeaders_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("firstColumns");
        QTest::newRow("capacity daily") << u"capacity_daily.csv"_s << QStringList{u"time_utc"_s, u"day"_s, u"users_concurrent"_s};
        QTest::newRow("capacity monthly") << u"capacity_monthly.csv"_s << QStringList{u"month_start_utc"_s};
        QTest::newRow("outcomes") << u"outcomes.csv"_s << QStringList{u"traffic"_s, u"peak_replicas"_s};
        QTest::newRow("cost daily") << u"cost_daily.csv"_s << QStringList{u"time_utc"_s, u"total_usd"_s};
        QTest::newRow("cost breakdown") << u"cost_breakdown.csv"_s << QStringList{u"group"_s, u"name"_s, u"horizon_usd"_s};
        QTest::newRow("savings") << u"savings_plan.csv"_s << QStringList{u"item"_s, u"tier"_s, u"monthly_saving_usd"_s};
        QTest::newRow("thresholds") << u"thresholds.csv"_s << QStringList{u"threshold"_s, u"limit"_s};
        QTest::newRow("topology") << u"topology.csv"_s << QStringList{u"component"_s};
        QTest::newRow("assumptions") << u"assumptions.csv"_s << QStringList{u"field"_s, u"value"_s, u"kind"_s};
        QTest::newRow("simulation") << u"simulation_spike-10x.csv"_s << QStringList{u"time_utc"_s, u"tier"_s, u"demand_per_s"_s};
        QTest::newRow("alerts") << u"alerts_spike-10x.csv"_s << QStringList{u"alert"_s, u"state"_s};
        QTest::newRow("slo results") << u"slo_results.csv"_s << QStringList{u"traffic"_s, u"metric"_s, u"verdict"_s};
    }
    void csvFilesHaveHeaders()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, firstColumns);
        const model::CsvTable t = csv(file);
        QCOMPARE(t.header.mid(0, firstColumns.size()), firstColumns);
        // ISO 8601 UTC times and '.' decimals.
        if (firstColumns.front().endsWith(u"_utc"_s) && !t.rows.isEmpty())
            QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"_s).match(t.rows.front().front()).hasMatch(),
                     qPrintable(t.rows.front().front()));
        for (const QStringList &row : t.rows)
            QCOMPARE(row.size(), t.header.size());
    }

    void csvSeriesAreComplete()
    {
        QCOMPARE(csv(u"capacity_daily.csv"_s).rows.size(), 180);
        QCOMPARE(csv(u"simulation_steady.csv"_s).rows.size(), 2 * 60 * 4 * 3); // 2 h of 15 s ticks x 3 tiers
        const model::CsvTable assumptions = csv(u"assumptions.csv"_s);
        QVERIFY(assumptions.rows.size() > 100);
        QVERIFY(cell(assumptions, u"spec.capacityPlanner.growthRate"_s, 2) == u"assumption");
        QVERIFY(cell(assumptions, u"analysis.planDays"_s, 1) == u"180");
    }

    void pagesRender()
    {
        const QString prefix = m_dir.filePath(u"page"_s);
        int code = -1;
        run(u"pdftoppm"_s, {u"-r"_s, u"40"_s, u"-f"_s, u"1"_s, u"-l"_s, u"4"_s, u"-png"_s, m_pdf, prefix}, &code);
        QCOMPARE(code, 0);
        const QStringList images = QDir(m_dir.path()).entryList({u"page-*.png"_s});
        QCOMPARE(images.size(), 4);
        const QImage page(QDir(m_dir.path()).filePath(images.back()));
        QVERIFY(!page.isNull());
        int dark = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x)
                dark += qGray(page.pixel(x, y)) < 160 ? 1 : 0;
        QVERIFY(dark > 200);
    }

    void letterAndUsageErrors()
    {
        const QString letter = m_dir.filePath(u"letter.pdf"_s);
        int code = -1;
        run(QStringLiteral(HEADROOM_CLI), {u"report"_s, u"--pdf"_s, letter, u"--page-size"_s, u"Letter"_s, u"--days"_s, u"60"_s,
                                          u"--duration"_s, u"30m"_s, u"--traffic"_s, u"steady"_s},
            &code);
        QCOMPARE(code, 0);
        QVERIFY(run(u"pdfinfo"_s, {letter}).contains(u"612 x 792"_s));
        run(QStringLiteral(HEADROOM_CLI), {u"report"_s}, &code);
        QCOMPARE(code, 2);
        run(QStringLiteral(HEADROOM_CLI), {u"report"_s, u"--pdf"_s, letter, u"--page-size"_s, u"A3"_s}, &code);
        QCOMPARE(code, 2);
        run(QStringLiteral(HEADROOM_CLI), {u"report"_s, u"/nonexistent/scenario.yaml"_s, u"--pdf"_s, letter}, &code);
        QCOMPARE(code, 1);
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
