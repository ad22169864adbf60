// The canvas and the charts draw the runner's preview (one traffic scenario, no alerts) when it
// covers what they show, keep their traffic choices, and end on the complete analysis.
#include "ui/canvas/topologycanvas.h"
#include "ui/canvas/topologynodeitem.h"
#include "ui/canvas/topologyscene.h"
#include "ui/charts/chartspanel.h"
#include "ui/charts/chartspec.h"
#include "ui/charts/chartview.h"
#include "ui/charts/serieslayer.h"
#include "ui/document/scenariodocument.h"

#include "core/model/scenarioio.h"

#include <QChart>
#include <QComboBox>
#include <QElapsedTimer>
#include <QSemaphore>
#include <QTest>
#include <QThreadPool>

#include <thread>

using namespace Qt::StringLiterals;
using namespace headroom;
using namespace headroom::ui;

namespace {

analysis::AnalysisOptions quick(QStringList traffic, bool alerts)
{
    analysis::AnalysisOptions o;
    o.planDays = 30;
    o.simulationDuration = std::chrono::hours(2);
    o.traffic = std::move(traffic);
    o.evaluateAlerts = alerts;
    return o;
}

AnalysisPtr analyse(const model::Scenario &scenario, const analysis::AnalysisOptions &options)
{
    return std::make_shared<const analysis::ScenarioAnalysis>(analysis::analyze(scenario, options));
}

/// The points of every series of a chart, in order.
QList<QList<QPointF>> chartPoints(const charts::ChartView *view)
{
    QList<QList<QPointF>> points;
    for (const QAbstractSeries *s : view->chart()->series())
        points.append(charts::seriesPoints(*view->chart(), s));
    return points;
}

QStringList items(const QComboBox *box)
{
    QStringList names;
    for (int i = 0; i < box->count(); ++i)
        names.append(box->itemText(i));
    return names;
}

/// The API tier's higher maximum: more replicas in the spike, so every view's figures move.
model::Scenario moreApiReplicas()
{
    model::Scenario s = model::defaultScenario();
    model::Tier *api = s.tier(u"api");
    api->autoscaling.maxReplicas += 20;
    if (api->hpa)
        api->hpa->maxReplicas = api->autoscaling.maxReplicas;
    return s;
}

} // namespace

class TestPreviewViews : public QObject {
    Q_OBJECT
private slots:
    void chartsDrawAPreviewOfTheShownTraffic()
    {
        const QStringList both{u"steady"_s, u"spike-10x"_s};
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        charts::ChartsPanel panel(&doc);
        panel.resize(1200, 800);
        panel.show();
        panel.setAnalysis(analyse(doc.scenario(), quick(both, true)));
        panel.trafficSelector()->setCurrentText(u"spike-10x"_s);
        const QList<QList<QPointF>> before = chartPoints(panel.trafficView());

        doc.reset(moreApiReplicas(), QString());
        const AnalysisPtr complete = analyse(doc.scenario(), quick(both, true));
        // a preview of the other traffic scenario changes nothing
        panel.showPreview(analyse(doc.scenario(), quick({u"steady"_s}, false)));
        QCOMPARE(chartPoints(panel.trafficView()), before);
        // a preview of the shown one draws it, and keeps the choices
        const AnalysisPtr preview = analyse(doc.scenario(), quick({u"spike-10x"_s}, false));
        panel.showPreview(preview);
        QCOMPARE(panel.analysis(), preview);
        QCOMPARE(items(panel.trafficSelector()), both);
        QCOMPARE(panel.trafficSelector()->currentText(), u"spike-10x"_s);
        const QList<QList<QPointF>> previewed = chartPoints(panel.trafficView());
        QVERIFY(previewed != before);
        const QList<QList<QPointF>> demand = chartPoints(panel.demandView());
        const QList<QList<QPointF>> cost = chartPoints(panel.costView());

        // choosing a traffic scenario the preview lacks waits for the complete analysis
        panel.trafficSelector()->setCurrentText(u"steady"_s);
        QCOMPARE(chartPoints(panel.trafficView()), previewed);
        panel.trafficSelector()->setCurrentText(u"spike-10x"_s);

        // the complete analysis draws the same figures
        panel.setAnalysis(complete);
        QCOMPARE(chartPoints(panel.trafficView()), previewed);
        QCOMPARE(chartPoints(panel.demandView()), demand);
        QCOMPARE(chartPoints(panel.costView()), cost);
        panel.trafficSelector()->setCurrentText(u"steady"_s);
        QVERIFY(chartPoints(panel.trafficView()) != previewed);
    }

    // the charts skip what did not change; a changed bill is not such a case
    void costChartFollowsTheSpotRatio()
    {
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        charts::ChartsPanel panel(&doc);
        panel.resize(1200, 800);
        panel.show();
        analysis::AnalysisOptions o = quick({u"spike-10x"_s}, false);
        const AnalysisPtr onDemand = analyse(doc.scenario(), o);
        o.spotRatio = 0.5; // (a tenth would round to no whole spot node per region)
        const AnalysisPtr someSpot = analyse(doc.scenario(), o);
        QVERIFY(onDemand->cost->totalUsd != someSpot->cost->totalUsd);
        panel.setAnalysis(onDemand);
        const QList<QList<QPointF>> before = chartPoints(panel.costView());
        panel.setAnalysis(someSpot);
        QVERIFY(chartPoints(panel.costView()) != before);
    }

    void chartsStartFromAPreview()
    {
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        charts::ChartsPanel panel(&doc);
        panel.resize(1200, 800);
        panel.show();
        panel.showPreview(analyse(doc.scenario(), quick({u"spike-10x"_s}, false)));
        QCOMPARE(items(panel.trafficSelector()), QStringList{u"spike-10x"_s});
        QVERIFY(!chartPoints(panel.trafficView()).isEmpty());
    }

    void canvasDrawsAPreviewOfTheShownTraffic()
    {
        const QStringList both{u"steady"_s, u"spike-10x"_s};
        model::Scenario scenario = model::defaultScenario();
        TopologyCanvas canvas;
        canvas.resize(1200, 800);
        canvas.show();
        canvas.showAnalysis(scenario, analyse(scenario, quick(both, true)));
        auto *traffic = canvas.findChild<QComboBox *>();
        QVERIFY(traffic);
        QCOMPARE(items(traffic), both);
        traffic->setCurrentIndex(1);
        TopologyNodeItem *api = canvas.topologyScene()->node(u"tier:1"_s);
        QVERIFY(api);
        const QStringList before = api->lines();

        scenario = moreApiReplicas();
        canvas.showPreview(scenario, analyse(scenario, quick({u"steady"_s}, false)));
        QCOMPARE(api->lines(), before); // not the shown traffic scenario
        canvas.showPreview(scenario, analyse(scenario, quick({u"spike-10x"_s}, false)));
        const QStringList previewed = api->lines();
        QVERIFY2(previewed != before, qPrintable(previewed.join(u" | "_s)));
        QCOMPARE(items(traffic), both);
        QCOMPARE(traffic->currentIndex(), 1);

        canvas.showAnalysis(scenario, analyse(scenario, quick(both, true)));
        QCOMPARE(api->lines(), previewed);
        QCOMPARE(canvas.topologyScene()->node(u"tier:1"_s), api);
    }

    // Qt splits a fill of many spans (a gradient, a rounded rectangle) across the global thread pool
    // and waits for the pieces. A chart's own background, title, axes, grid and legend are filled as
    // solid rectangles and lines: with every global thread busy, they still paint at once.
    void chartChromePaintsWithoutTheGlobalPool()
    {
        charts::ChartSpec spec;
        spec.title = u"Demand"_s;
        const int time = spec.addTimeAxis(u"MMM d"_s);
        const int users = spec.addValueAxis(u"users"_s);
        spec.setRange(time, 0, 30 * 86'400'000.0);
        spec.setRange(users, 0, 1000, true);
        charts::ChartView view;
        view.resize(1200, 500);
        view.setChart(charts::makeChart(spec));
        view.show();
        QVERIFY(view.chart()->backgroundBrush().style() == Qt::SolidPattern);

        QThreadPool *global = QThreadPool::globalInstance();
        const int threads = global->maxThreadCount();
        QSemaphore blocked, done;
        for (int i = 0; i < threads; ++i)
            global->start([&blocked] { blocked.acquire(); });
        QTRY_COMPARE(global->activeThreadCount(), threads);
        // a paint that waits for the pool is let go after 5 s, and then fails below
        std::thread watchdog([&] {
            if (!done.tryAcquire(1, 5000))
                blocked.release(threads);
        });
        QElapsedTimer timer;
        timer.start();
        const QPixmap shot = view.grab();
        const qint64 ms = timer.elapsed();
        done.release();
        watchdog.join();
        blocked.release(threads);
        global->waitForDone();
        QVERIFY(!shot.isNull());
        QVERIFY2(ms < 4000, qPrintable(u"the paint waited %1 ms for the global pool"_s.arg(ms)));
    }
};

QTEST_MAIN(TestPreviewViews)
#include "tst_previewviews.moc"
