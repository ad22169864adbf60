// Alerts & SLOs: the periods of the rules that fired and the success-metric verdicts of the
// selected traffic scenario.
#include "ui/document/analysisrunner.h"
#include "ui/document/scenariodocument.h"
#include "ui/panels/alertspanel.h"

#include "core/model/scenarioio.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace headroom;
using namespace headroom::ui;

class TestAlertsPanel : public QObject
{
    Q_OBJECT

private slots:
    void listsPeriodsAndVerdicts()
    {
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        AnalysisRunner runner(&doc);
        runner.setDebounceMs(0);
        AlertsPanel panel(&runner);
        analysis::AnalysisOptions o;
        o.planDays = 30;
        o.simulationDuration = std::chrono::hours(2);
        o.traffic = {u"steady"_s};
        o.topology = false;
        QSignalSpy ready(&runner, &AnalysisRunner::analysisReady);
        runner.setOptions(o);
        QVERIFY(ready.wait(60'000));
        auto costRows = [&panel] {
            int n = 0;
            for (int r = 0; r < panel.alertTable()->rowCount(); ++r)
                n += panel.alertTable()->item(r, 0)->text() == u"CostThresholdExceeded";
            return n;
        };
        QCOMPARE(costRows(), 0);
        QCOMPARE(panel.trafficSelector()->currentText(), u"steady"_s);
        QTableWidget *slos = panel.sloTable();
        QCOMPARE(slos->rowCount(), int(runner.latest()->traffic.front().slos.size()));
        QVERIFY(slos->rowCount() > 0);
        const QStringList verdicts{u"PASS"_s, u"FAIL"_s, u"NOT EXERCISED"_s, u"N/A"_s};
        for (int r = 0; r < slos->rowCount(); ++r) {
            QVERIFY(verdicts.contains(slos->item(r, 1)->text()));
            QVERIFY(slos->item(r, 1)->background().color().isValid());
            QCOMPARE(slos->item(r, 4)->toolTip(), runner.latest()->traffic.front().slos[std::size_t(r)].note);
        }

        ready.clear();
        QVERIFY(doc.editField(u"spec.costOptimization.costThresholds.warning"_s, u"1 USD"_s));
        QVERIFY(ready.wait(60'000));
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isRunning(), 60'000);
        QVERIFY(costRows() >= 1);
        for (int r = 0; r < panel.alertTable()->rowCount(); ++r) {
            if (panel.alertTable()->item(r, 0)->text() != u"CostThresholdExceeded")
                continue;
            QVERIFY(panel.alertTable()->item(r, 3)->text().startsWith(u'+'));
            QVERIFY(!panel.alertTable()->item(r, 5)->text().isEmpty());
        }
    }
};

QTEST_MAIN(TestAlertsPanel)
#include "tst_alertspanel.moc"
