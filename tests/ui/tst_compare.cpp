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
        model::Scenario bigger = model::defaultScenario();
        bigger.spec.redisCluster.shards = 6;
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(model::serializeScenario(bigger));
        out.close();
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
};

QTEST_MAIN(TestCompare)
#include "tst_compare.moc"
