// The background recompute behind every view: results arrive off the GUI thread, belong to the
// newest state, and stale computations are dropped.
#include "ui/document/analysisrunner.h"
#include "ui/document/scenariodocument.h"

#include "core/model/scenarioio.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace headroom;
using namespace headroom::ui;

class TestAnalysisRunner : public QObject
{
    Q_OBJECT

private:
    static analysis::AnalysisOptions quick()
    {
        analysis::AnalysisOptions o;
        o.planDays = 30;
        o.simulationDuration = std::chrono::hours(2);
        o.traffic = {u"steady"_s};
        return o;
    }

private slots:
    void resultFollowsEdits()
    {
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        AnalysisRunner runner(&doc);
        QSignalSpy ready(&runner, &AnalysisRunner::analysisReady);
        runner.setOptions(quick());
        QVERIFY(ready.wait(20'000));
        const AnalysisPtr first = runner.latest();
        QVERIFY(first);
        QCOMPARE(first->plan.days, 30);
        const double usersBefore = first->plan.users.front();

        // three quick edits: only the state after the last one is reported
        ready.clear();
        QSignalSpy discarded(&runner, &AnalysisRunner::discarded);
        QVERIFY(doc.editField(u"spec.demand.concurrentUsers"_s, u"150000"_s));
        QVERIFY(doc.editField(u"spec.demand.concurrentUsers"_s, u"175000"_s));
        QVERIFY(doc.editField(u"spec.demand.concurrentUsers"_s, u"200000"_s));
        QVERIFY(ready.wait(20'000));
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isRunning(), 20'000);
        QCOMPARE(ready.size(), 1);
        const AnalysisPtr last = runner.latest();
        QCOMPARE(last->plan.users.front(), usersBefore * 2);
        QVERIFY(last != first);
    }

    void staleRunIsDiscarded()
    {
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        AnalysisRunner runner(&doc);
        analysis::AnalysisOptions slow = quick();
        slow.simulationDuration = std::chrono::hours(24 * 30);
        slow.traffic = {};
        slow.evaluateAlerts = false;
        runner.setDebounceMs(0);
        QSignalSpy started(&runner, &AnalysisRunner::started);
        QSignalSpy discarded(&runner, &AnalysisRunner::discarded);
        QSignalSpy ready(&runner, &AnalysisRunner::analysisReady);
        // a change as soon as the first stage is done: whatever the first run still does, it is
        // stale (its finished notification is queued behind this progress notification)
        bool edited = false;
        connect(&runner, &AnalysisRunner::progress, this, [&] {
            if (!edited)
                edited = doc.editField(u"spec.demand.concurrentUsers"_s, u"120000"_s);
        });
        runner.setOptions(slow);
        QTRY_VERIFY_WITH_TIMEOUT(ready.size() == 1 && !runner.isRunning(), 60'000);
        QVERIFY(edited);
        QCOMPARE(started.size(), 2);
        QCOMPARE(discarded.size(), 1);
        QCOMPARE(runner.latest()->plan.users.front(), 120000.0);
    }

    void computeNowIsSynchronous()
    {
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        AnalysisRunner runner(&doc);
        runner.setOptions(quick());
        const AnalysisPtr a = runner.computeNow();
        QVERIFY(a);
        QCOMPARE(runner.latest(), a);
        QCOMPARE(a->traffic.size(), size_t(1));
        QCOMPARE(a->traffic.front().name, u"steady"_s);
    }
};

QTEST_GUILESS_MAIN(TestAnalysisRunner)
#include "tst_analysisrunner.moc"
