// Scenarios side by side: a variant snapshot, the settings that differ, and one outcome row per
// scenario and traffic scenario, analysed off the GUI thread.
#include "ui/document/analysisrunner.h"
#include "ui/document/scenariodocument.h"
#include "ui/panels/comparepanel.h"

#include "core/model/scenarioio.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace Qt::StringLiterals;
using namespace headroom;
using namespace headroom::ui;

class TestCompare : public QObject
{
    Q_OBJECT

private:
    static analysis::AnalysisOptions quick()
    {
        analysis::AnalysisOptions o;
        o.planDays = 30;
        o.simulationDuration = std::chrono::hours(2);
        o.traffic = {u"spike-10x"_s};
        o.topology = false;
        return o;
    }

    /// WebTools Pro with six Redis shards, written to `path` as a variant file.
    static bool writeBiggerVariant(const QString &path)
    {
        model::Scenario bigger = model::defaultScenario();
        bigger.spec.redisCluster.shards = 6;
        QFile out(path);
        return out.open(QIODevice::WriteOnly) && out.write(model::serializeScenario(bigger)) > 0;
    }

    static int rowOf(QTableWidget *table, const QString &first)
    {
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, 0) && table->item(r, 0)->text() == first)
                return r;
        }
        return -1;
    }

private slots:
    void flattenListsLeafPaths()
    {
        const auto fields = ComparePanel::flatten(model::defaultScenario());
        QCOMPARE(fields.value(u"spec.tiers[0].autoscaling.maxReplicas"_s), u"50"_s);
        QCOMPARE(fields.value(u"spec.redisCluster.shards"_s), u"3"_s);
        QVERIFY(fields.contains(u"spec.traffic[3].spec"_s));
    }

    void duplicateEditCompare()
    {
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        AnalysisRunner runner(&doc);
        runner.setDebounceMs(0);
        ComparePanel panel(&doc, &runner);
        panel.show();
        QSignalSpy ready(&runner, &AnalysisRunner::analysisReady);
        runner.setOptions(quick());
        QVERIFY(ready.wait(60'000));

        panel.duplicateCurrent(u"baseline plan"_s);
        QCOMPARE(panel.variantCount(), 1);
        QCOMPARE(panel.diffTable()->rowCount(), 0); // nothing differs yet

        QVERIFY(doc.editField(u"spec.tiers[0].autoscaling.maxReplicas"_s, u"12"_s));
        QVERIFY(ready.wait(60'000));
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isRunning() && !panel.isAnalysing(), 60'000);

        QTableWidget *diff = panel.diffTable();
        QCOMPARE(diff->rowCount(), 1);
        QCOMPARE(diff->item(0, 0)->text(), u"spec.tiers[0].autoscaling.maxReplicas"_s);
        QCOMPARE(diff->item(0, 1)->text(), u"12"_s);
        QCOMPARE(diff->item(0, 2)->text(), u"50"_s);
        QCOMPARE(diff->horizontalHeaderItem(2)->text(), u"baseline plan"_s);

        QTableWidget *outcomes = panel.outcomeTable();
        QCOMPARE(outcomes->rowCount(), 2);
        QCOMPARE(outcomes->item(0, 0)->text(), u"spike-10x"_s);
        QCOMPARE(outcomes->item(1, 1)->text(), u"baseline plan"_s);
        const int currentPeak = runner.latest()->traffic.front().figures.peakReplicas;
        QCOMPARE(outcomes->item(0, 2)->text(), QLocale().toString(currentPeak));
        QVERIFY(outcomes->item(0, 2)->text() != outcomes->item(1, 2)->text());
        // the capped plan has fewer replicas at the peak: its cell is the highlighted one
        QVERIFY(outcomes->item(0, 2)->font().bold());
        QVERIFY(!outcomes->item(1, 2)->font().bold());
        // one overlaid series per scenario
        QCOMPARE(panel.chartView()->chart()->series().size(), 2);

        // a variant from a file
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bigger.yaml"_s);
        QVERIFY(writeBiggerVariant(path));
        QVERIFY(panel.addVariantFromFile(path));
        QString error;
        QVERIFY(!panel.addVariantFromFile(dir.filePath(u"missing.yaml"_s), &error));
        QVERIFY(!error.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), 60'000);
        QCOMPARE(panel.outcomeTable()->rowCount(), 3);
        QVERIFY(rowOf(panel.diffTable(), u"spec.redisCluster.shards"_s) >= 0);
        panel.removeVariant(1);
        QCOMPARE(panel.variantCount(), 1);
        QCOMPARE(panel.outcomeTable()->rowCount(), 2);
    }

    // Hidden, the panel analyses nothing and only marks itself stale; shown, it recomputes the
    // variants that are out of date and rebuilds its tables and chart.
    void analysesOnlyWhileVisible()
    {
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        AnalysisRunner runner(&doc);
        runner.setDebounceMs(0);
        ComparePanel panel(&doc, &runner);
        QSignalSpy ready(&runner, &AnalysisRunner::analysisReady);
        QSignalSpy updated(&panel, &ComparePanel::updated);
        runner.setOptions(quick());
        QVERIFY(ready.wait(60'000));
        QVERIFY(panel.isStale()); // never shown yet
        QCOMPARE(updated.size(), 0);

        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(!panel.isStale());
        QCOMPARE(updated.size(), 1);
        QCOMPARE(panel.outcomeTable()->rowCount(), 1); // the current scenario

        QTemporaryDir dir;
        const QString path = dir.filePath(u"bigger.yaml"_s);
        QVERIFY(writeBiggerVariant(path));
        QVERIFY(panel.addVariantFromFile(path));
        QCOMPARE(panel.analysesStarted(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), 60'000);
        QCOMPARE(panel.chartView()->chart()->series().size(), 2);

        // hidden: an options change re-analyses the current scenario, but not the variant
        panel.hide();
        const int updatesWhenHidden = int(updated.size());
        analysis::AnalysisOptions longer = quick();
        longer.simulationDuration = std::chrono::hours(3);
        runner.setOptions(longer);
        QVERIFY(ready.wait(60'000));
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isRunning(), 60'000);
        QVERIFY(panel.isStale());
        QCOMPARE(panel.analysesStarted(), 1);
        QVERIFY(!panel.isAnalysing());
        QCOMPARE(updated.size(), updatesWhenHidden);
        // a variant added while hidden waits as well
        panel.duplicateCurrent(u"snapshot"_s);
        QCOMPARE(panel.variantCount(), 2);
        QCOMPARE(panel.analysesStarted(), 1);
        QCOMPARE(updated.size(), updatesWhenHidden);

        // shown: the out-of-date variant is analysed again with the new options, then drawn
        panel.show();
        QVERIFY(!panel.isStale());
        QCOMPARE(panel.analysesStarted(), 2); // the file variant; the snapshot reuses the runner's analysis
        QVERIFY(panel.isAnalysing());
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), 60'000);
        QCOMPARE(panel.outcomeTable()->rowCount(), 3);
        for (int row = 0; row < 3; ++row)
            QVERIFY2(panel.outcomeTable()->item(row, 2)->text() != u"computing…"_s, qPrintable(QString::number(row)));
        QCOMPARE(panel.chartView()->chart()->series().size(), 3);
        // the overlaid series span the new 3 h simulation
        auto *x = qobject_cast<QValueAxis *>(panel.chartView()->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(x);
        QVERIFY2(x->max() > 2.5, qPrintable(QString::number(x->max())));
        QVERIFY(updated.size() > updatesWhenHidden);
        // nothing changed since: hiding and showing again costs no analysis
        panel.hide();
        panel.show();
        QCOMPARE(panel.analysesStarted(), 2);
    }

    // At the Compare page's share of the default window the chart keeps the height its axis labels need.
    void chartGetsTheSpace()
    {
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        AnalysisRunner runner(&doc);
        runner.setDebounceMs(0);
        ComparePanel panel(&doc, &runner);
        QSignalSpy ready(&runner, &AnalysisRunner::analysisReady);
        runner.setOptions(quick());
        QVERIFY(ready.wait(60'000));
        panel.resize(760, 560);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.duplicateCurrent(u"a"_s);
        panel.duplicateCurrent(u"b"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), 60'000);
        QChartView *view = panel.chartView();
        QVERIFY2(view->height() >= 300, qPrintable(QString::number(view->height())));
        QVERIFY2(view->height() * 2 >= panel.height(), qPrintable(u"%1 of %2"_s.arg(view->height()).arg(panel.height())));
        const QRectF plot = view->chart()->plotArea();
        QVERIFY2(plot.height() >= 150, qPrintable(QString::number(plot.height())));
        auto *y = qobject_cast<QValueAxis *>(view->chart()->axes(Qt::Vertical).value(0));
        QVERIFY(y);
        QCOMPARE(y->labelFormat(), u"%d"_s);
        QVERIFY(y->tickCount() >= 3);
        // the vertical title fits along the plot at the axis title font
        QVERIFY(QFontMetrics(y->titleFont()).horizontalAdvance(y->titleText()) < plot.height());
        // filled on the painting thread, as the Charts page's (charts::useSolidBackground)
        QCOMPARE(view->chart()->backgroundBrush().style(), Qt::SolidPattern);
        QCOMPARE(view->chart()->backgroundRoundness(), 0.0);
    }
};

QTEST_MAIN(TestCompare)
#include "tst_compare.moc"
