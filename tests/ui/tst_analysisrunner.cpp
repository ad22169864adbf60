// The background recompute behind every view: results arrive off the GUI thread, belong to the
// newest state, and stale computations are dropped.
#include "ui/backgroundwork.h"
#include "ui/document/analysisrunner.h"
#include "ui/document/scenariodocument.h"

#include "core/model/scenarioio.h"
#include "tests/core/analysisdump.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <thread>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <unistd.h>
#endif

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
        // computed again from the same state: every stage taken over
        const AnalysisPtr again = runner.computeNow();
        QVERIFY(again->reused.plan && again->reused.cost && again->reused.topology);
        QVERIFY(again->traffic.front().simulationReused && again->traffic.front().alertsReused);
    }

    void editRecomputesOnlyWhatChanged()
    {
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        AnalysisRunner runner(&doc);
        runner.setDebounceMs(0);
        QSignalSpy ready(&runner, &AnalysisRunner::analysisReady);
        QSignalSpy preview(&runner, &AnalysisRunner::previewReady);
        runner.setOptions(quick());
        QVERIFY(ready.wait(20'000));
        // the first preview computes everything; the complete analysis takes its stages over
        QCOMPARE(preview.size(), 1);
        QVERIFY(!preview.at(0).at(0).value<AnalysisPtr>()->reused.plan);
        QVERIFY(runner.latest()->reused.plan && !runner.latest()->traffic.front().alertsReused);

        ready.clear();
        preview.clear();
        QVERIFY(doc.editField(u"spec.redisCluster.shards"_s, u"7"_s));
        QVERIFY(ready.wait(20'000));
        // the preview recomputed only the topology
        QCOMPARE(preview.size(), 1);
        const AnalysisPtr early = preview.at(0).at(0).value<AnalysisPtr>();
        QVERIFY(early->reused.plan && early->reused.cost && !early->reused.topology);
        QVERIFY(early->traffic.front().simulationReused);
        const AnalysisPtr a = runner.latest();
        QVERIFY(a->reused.plan && a->reused.cost && a->reused.topology);
        QVERIFY(a->traffic.front().simulationReused && a->traffic.front().alertsReused);
        QCOMPARE(a->topology->redisLayout.masterCount(), 7);
        QCOMPARE(testing::AnalysisDump::whole(*a),
                 testing::AnalysisDump::whole(analysis::analyze(doc.scenario(), runner.options())));
    }

    void focusTrafficIsDeliveredFirst()
    {
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        AnalysisRunner runner(&doc);
        runner.setDebounceMs(0);
        analysis::AnalysisOptions o = quick();
        o.traffic = {u"steady"_s, u"spike-10x"_s, u"diurnal"_s};
        runner.setFocusTraffic(u"spike-10x"_s);
        QCOMPARE(runner.focusTraffic(), u"spike-10x"_s);
        QStringList order;
        connect(&runner, &AnalysisRunner::previewReady, this, [&](const AnalysisPtr &a) {
            QVERIFY(!runner.latest());
            QCOMPARE(a->traffic.size(), size_t(1));
            // what the views draw, without the alerts and success metrics
            QVERIFY(!a->options.evaluateAlerts);
            QCOMPARE(a->traffic.front().alerts.evaluations, 0);
            QVERIFY(a->traffic.front().slos.empty());
            QVERIFY(a->cost && a->topology && a->traffic.front().simulation.ticks > 0);
            QVERIFY(!a->options.savingsPlan && !a->savings);
            order.append(u"preview:"_s + a->traffic.front().name);
        });
        connect(&runner, &AnalysisRunner::analysisReady, this, [&](const AnalysisPtr &a) {
            QStringList names;
            for (const analysis::TrafficOutcome &t : a->traffic)
                names.append(t.name);
            order.append(u"complete:"_s + names.join(u','));
            // the complete analysis took the plan, topology and focus outcome from the preview, and
            // priced the plan again with its savings plan
            QVERIFY(a->reused.plan && !a->reused.cost && a->reused.topology);
            QVERIFY(a->savings);
            QVERIFY(a->outcome(u"spike-10x")->simulationReused);
            QVERIFY(!a->outcome(u"steady")->simulationReused);
            // ... and evaluated its alerts and success metrics
            QVERIFY(!a->outcome(u"spike-10x")->alertsReused);
            QVERIFY(a->outcome(u"spike-10x")->alerts.evaluations > 0);
            QVERIFY(!a->outcome(u"spike-10x")->slos.empty());
        });
        runner.setOptions(o);
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, 30'000);
        QCOMPARE(order, (QStringList{u"preview:spike-10x"_s, u"complete:steady,spike-10x,diurnal"_s}));
        QTRY_VERIFY(!runner.isRunning());
        QCOMPARE(testing::AnalysisDump::whole(*runner.latest()), testing::AnalysisDump::whole(analysis::analyze(doc.scenario(), o)));
    }

    void singleTrafficPreview_data()
    {
        QTest::addColumn<bool>("alerts");
        QTest::newRow("with alerts: the simulation first") << true;
        QTest::newRow("without: the preview would be the whole analysis") << false;
    }

    void singleTrafficPreview()
    {
        QFETCH(bool, alerts);
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        AnalysisRunner runner(&doc);
        runner.setDebounceMs(0);
        QSignalSpy preview(&runner, &AnalysisRunner::previewReady);
        QSignalSpy ready(&runner, &AnalysisRunner::analysisReady);
        analysis::AnalysisOptions o = quick();
        o.evaluateAlerts = alerts;
        runner.setOptions(o);
        QVERIFY(ready.wait(20'000));
        const auto complete = ready.at(0).at(0).value<AnalysisPtr>();
        QCOMPARE(testing::AnalysisDump::whole(*complete), testing::AnalysisDump::whole(analysis::analyze(doc.scenario(), o)));
        if (!alerts) {
            QCOMPARE(preview.size(), 0);
            return;
        }
        // one traffic scenario with alerts: the views get its simulation before the alerts
        QCOMPARE(preview.size(), 1);
        const auto first = preview.at(0).at(0).value<AnalysisPtr>();
        QVERIFY(!first->options.evaluateAlerts);
        QCOMPARE(first->traffic.size(), size_t(1));
        QVERIFY(complete->traffic.front().simulationReused);
        QCOMPARE(testing::AnalysisDump::of(complete->traffic.front().simulation),
                 testing::AnalysisDump::of(first->traffic.front().simulation));
    }

    // Qt's raster engine hands large fills to the global pool and waits for them: the console's
    // own work must neither need that pool nor hold its threads.
    void analysesDoNotUseTheGlobalPool()
    {
        QThreadPool *global = QThreadPool::globalInstance();
        const int threads = global->maxThreadCount();
        QSemaphore release;
        for (int i = 0; i < threads; ++i)
            global->start([&release] { release.acquire(); });
        QTRY_COMPARE(global->activeThreadCount(), threads);

        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        AnalysisRunner runner(&doc);
        runner.setDebounceMs(0);
        QSignalSpy ready(&runner, &AnalysisRunner::analysisReady);
        runner.setOptions(quick());
        const bool computed = ready.wait(20'000);
        // every global thread is still blocked: the analysis ran elsewhere
        QCOMPARE(global->activeThreadCount(), threads);
        release.release(threads);
        global->waitForDone();
        QVERIFY(computed);
        QVERIFY(runner.latest());
    }

    void backgroundWorkYieldsToTheGui()
    {
        QVERIFY(backgroundPool() != QThreadPool::globalInstance());
#if defined(Q_OS_LINUX)
        const auto niceOf = [] { return getpriority(PRIO_PROCESS, id_t(gettid())); };
        const int before = niceOf();
        std::atomic<int> nice{-100};
        std::atomic<int> helperNice{-100};
        runAtLowPriority([&] {
            nice = niceOf();
            // a thread the work starts (as an analysis starts its simulation) inherits it
            std::thread([&] { helperNice = niceOf(); }).join();
        });
        QCOMPARE(nice.load(), std::min(before + 10, 19));
        QCOMPARE(helperNice.load(), nice.load());
        QCOMPARE(niceOf(), before); // the caller keeps its priority
        // the pool's threads keep theirs: a preview a frame waits for runs there
        std::atomic<int> poolNice{-100};
        backgroundPool()->start([&] { poolNice = niceOf(); });
        QVERIFY(backgroundPool()->waitForDone(10'000));
        QCOMPARE(poolNice.load(), before);
#else
        bool ran = false;
        runAtLowPriority([&] { ran = true; });
        QVERIFY(ran);
#endif
    }

    void resultsAreFreedOffTheGuiThread()
    {
        std::atomic<Qt::HANDLE> freedOn{nullptr};
        std::shared_ptr<const int> result(new int(7), [&freedOn](const int *p) {
            freedOn = QThread::currentThreadId();
            delete p;
        });
        std::shared_ptr<const int> view = result; // a view still shows it
        releaseInBackground(std::move(result));
        QVERIFY(backgroundPool()->waitForDone(10'000));
        QCOMPARE(freedOn.load(), Qt::HANDLE(nullptr));
        releaseInBackground(std::move(view)); // the last holder
        QVERIFY(backgroundPool()->waitForDone(10'000));
        QVERIFY(freedOn.load() != nullptr);
        QVERIFY(freedOn.load() != QThread::currentThreadId());
        releaseInBackground(nullptr); // nothing to do
    }
};

QTEST_GUILESS_MAIN(TestAnalysisRunner)
#include "tst_analysisrunner.moc"
