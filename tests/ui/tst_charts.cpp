// The charts: what the builders draw from an analysis, the chart view's hover and export, and
// the charts page following new analyses.
#include "ui/charts/chartbuilders.h"
#include "ui/charts/chartcommon.h"
#include "ui/charts/chartspec.h"
#include "ui/charts/chartspanel.h"
#include "ui/charts/chartview.h"
#include "ui/charts/lttb.h"
#include "ui/charts/serieslayer.h"
#include "ui/document/analysisrunner.h"
#include "ui/document/scenariodocument.h"

#include "core/model/scenarioio.h"

#include <QApplication>
#include <QAreaSeries>
#include <QLabel>
#include <QLegend>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QPainter>
#include <QScreen>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace Qt::StringLiterals;
using namespace headroom;

class TestCharts : public QObject
{
    Q_OBJECT

private:
    model::Scenario m_scenario = model::defaultScenario();
    analysis::ScenarioAnalysis m_analysis;

    static QLineSeries *line(QChart &chart, const QString &name)
    {
        for (QAbstractSeries *s : chart.series())
            if (s->name() == name)
                return qobject_cast<QLineSeries *>(s);
        return nullptr;
    }
    /// The points the chart draws for its series `name` (an area's upper or lower edge).
    static QList<QPointF> points(QChart &chart, const QString &name, bool lower = false)
    {
        for (QAbstractSeries *s : chart.series())
            if (s->name() == name)
                return charts::seriesPoints(chart, s, lower);
        return {};
    }
    /// Counts the paint events of the watched widgets (the charts' viewports).
    class PaintCounter final : public QObject {
    public:
        explicit PaintCounter(const charts::ChartsPanel &panel)
        {
            for (charts::ChartView *v : {panel.demandView(), panel.replicasView(), panel.trafficView(), panel.costView()})
                v->viewport()->installEventFilter(this);
        }
        QHash<QObject *, int> counts;
        int total() const
        {
            int n = 0;
            for (int c : counts)
                n += c;
            return n;
        }

    protected:
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            if (event->type() == QEvent::Paint)
                ++counts[watched];
            return QObject::eventFilter(watched, event);
        }
    };
    /// Runs the pending scene updates and paints.
    static void settle()
    {
        for (int i = 0; i < 5; ++i) {
            QCoreApplication::sendPostedEvents();
            QCoreApplication::processEvents();
        }
        QTest::qWait(30);
        QCoreApplication::processEvents();
    }
    /// Shows `panel` with m_analysis drawn and settled: the first drawing sizes the plots, the
    /// second downsamples to their real width.
    bool showSettled(charts::ChartsPanel &panel) const
    {
        panel.resize(1000, 700);
        panel.show();
        if (!QTest::qWaitForWindowExposed(&panel))
            return false;
        for (int i = 0; i < 2; ++i) {
            panel.setAnalysis(std::make_shared<analysis::ScenarioAnalysis>(m_analysis));
            settle();
        }
        return true;
    }
    /// What the window system shows of `view`'s viewport (the backing store after the partial repaints).
    static QImage onScreen(charts::ChartView *view)
    {
        const QPoint at = view->viewport()->mapTo(view->window(), QPoint(0, 0));
        return view->screen()
            ->grabWindow(view->window()->winId(), at.x(), at.y(), view->viewport()->width(), view->viewport()->height())
            .toImage()
            .convertToFormat(QImage::Format_RGB32);
    }
    static int countType(QChart &chart, QAbstractSeries::SeriesType type)
    {
        int n = 0;
        for (QAbstractSeries *s : chart.series())
            n += s->type() == type ? 1 : 0;
        return n;
    }

private slots:
    void initTestCase()
    {
        analysis::AnalysisOptions o;
        o.planDays = 120;
        o.simulationDuration = std::chrono::hours(3);
        o.traffic = {u"steady"_s, u"spike-10x"_s};
        m_analysis = analysis::analyze(m_scenario, o);
        QCOMPARE(m_analysis.traffic.size(), std::size_t{2});
        QVERIFY(m_analysis.cost.has_value());
    }

    void demandChartFollowsPlan()
    {
        auto chart = charts::demandChart(m_analysis, m_scenario);
        QVERIFY(line(*chart, u"Concurrent users"_s));
        const QList<QPointF> users = points(*chart, u"Concurrent users"_s);
        QCOMPARE(users.size(), 120);
        QCOMPARE(users.at(0).y(), m_analysis.plan.users.front());
        QCOMPARE(users.at(119).y(), m_analysis.plan.users.back());
        // The band (an area) and one shaded column per growth phase inside the horizon.
        QVERIFY(countType(*chart, QAbstractSeries::SeriesTypeArea) >= 2);
        QVERIFY(chart->toolTip().contains(u"growth rate"_s));
        auto *band = qobject_cast<QAreaSeries *>(chart->series().at(chart->series().size() - 2));
        QVERIFY(band);
        QVERIFY(charts::seriesPoints(*chart, band).at(100).y() > users.at(100).y());
        QVERIFY(charts::seriesPoints(*chart, band, true).at(100).y() < users.at(100).y());
        // Qt's series carry the legend only; the chart's layer draws the points.
        QCOMPARE(line(*chart, u"Concurrent users"_s)->count(), 0);
        QVERIFY(charts::SeriesLayer::of(*chart));
    }

    void replicasChartHasRequiredAndPlanned()
    {
        auto chart = charts::replicasChart(m_analysis);
        QCOMPARE(chart->series().size(), static_cast<qsizetype>(2 * m_analysis.plan.tiers.size()));
        const capacity::TierPlan &web = m_analysis.plan.tiers.front();
        QVERIFY(line(*chart, web.tierId + u" planned (min..max)"_s));
        const QList<QPointF> planned = points(*chart, web.tierId + u" planned (min..max)"_s);
        QCOMPARE(planned.size(), static_cast<qsizetype>(m_analysis.plan.days));
        QCOMPARE(planned.at(50).y(), double(web.plannedReplicas[50]));
    }

    void trafficChartShadesBreaches()
    {
        const int spike = m_analysis.traffic[1].name == u"spike-10x" ? 1 : 0;
        auto chart = charts::trafficChart(m_analysis, m_scenario, spike);
        QVERIFY(chart);
        const autoscale::SimulationResult &sim = m_analysis.traffic[static_cast<std::size_t>(spike)].simulation;
        QVERIFY(line(*chart, sim.tiers.front().tierId + u" ready"_s));
        const QList<QPointF> ready = points(*chart, sim.tiers.front().tierId + u" ready"_s);
        QCOMPARE(ready.size(), std::min<qsizetype>(sim.ticks, charts::kChartPointBudget));
        QVERIFY(!charts::trafficChart(m_analysis, m_scenario, 7));
        // One shade per (merged) breach interval of a tier with a p95Slo, and a legend entry for it.
        std::size_t breaches = 0;
        for (std::size_t i = 0; i < sim.tiers.size(); ++i)
            if (const model::Tier *tier = m_scenario.tier(sim.tiers[i].tierId); tier && tier->p95Slo)
                breaches += charts::sloBreaches(sim, i, double(tier->p95Slo->count())).size();
        const charts::SeriesLayer *layer = charts::SeriesLayer::of(*chart);
        QVERIFY(layer);
        QCOMPARE(layer->shades().empty(), breaches == 0);
        QVERIFY(layer->shades().size() <= breaches);
    }

    void breachIntervalsMerge()
    {
        autoscale::SimulationResult r;
        r.startMs = 1000;
        r.stepMs = 10;
        r.ticks = 8;
        autoscale::TierTimeline t;
        t.p95LatencyMs = {100, 300, 400, 100, 100, std::numeric_limits<double>::infinity(), 250, 100};
        r.tiers.push_back(t);
        const auto b = charts::sloBreaches(r, 0, 200);
        QCOMPARE(b.size(), std::size_t{2});
        QCOMPARE(b[0].startMs, 1010);
        QCOMPARE(b[0].endMs, 1030);
        QCOMPARE(b[1].startMs, 1050);
        QCOMPARE(b[1].endMs, 1070);
        QVERIFY(charts::sloBreaches(r, 3, 200).empty());
        QVERIFY(charts::sloBreaches(r, 0, 0).empty());
    }

    void costChartStacksAndThresholds()
    {
        auto chart = charts::costChart(m_analysis);
        QVERIFY(line(*chart, u"Cost per user-month (right)"_s));
        QVERIFY(countType(*chart, QAbstractSeries::SeriesTypeArea) >= 2);
        // The stacked top equals the bill's daily total.
        double top = 0;
        for (QAbstractSeries *s : chart->series())
            if (auto *area = qobject_cast<QAreaSeries *>(s))
                top = std::max(top, charts::seriesPoints(*chart, area).at(10).y());
        QVERIFY(std::abs(top - m_analysis.cost->dailyCost[10]) < 1e-6 * std::max(1.0, top));
        if (m_analysis.thresholds.warning.limit > 0)
            QVERIFY(line(*chart, u"Warning %1 USD/day"_s.arg(m_analysis.thresholds.warning.limit, 0, 'f', 0)));
    }

    // The chart's layer draws the points where the axes say, and follows a changed range.
    void layerDrawsSeriesAndShadesOnTheAxes()
    {
        charts::ChartSpec spec;
        const int x = spec.addTimeAxis(u"HH:mm"_s);
        const int y = spec.addValueAxis(u"v"_s);
        spec.addLine(u"rising"_s, {{0, 0}, {3.6e6, 10}}, y, QColor(255, 0, 0), Qt::SolidLine, 1.0);
        spec.shades.push_back({0, 1'800'000, QColor(0, 0, 255, 80)});
        spec.shades.push_back({1'000'000, 1'800'000, QColor(0, 0, 255, 80)}); // overlapping: merged
        spec.setRange(x, 0, 3.6e6);
        spec.setRange(y, 0, 10);
        auto chart = charts::makeChart(spec);
        QImage image(600, 400, QImage::Format_ARGB32_Premultiplied);
        const auto render = [&] {
            image.fill(Qt::white);
            QPainter painter(&image);
            charts::renderChart(*chart, painter, QRectF(0, 0, 600, 400), QSizeF(600, 400));
        };
        render();
        const QRectF plot = chart->plotArea();
        QVERIFY(plot.width() > 100 && plot.height() > 100);
        const auto reddish = [&](QPointF p) {
            for (int dy = -2; dy <= 2; ++dy) {
                const QColor c = image.pixelColor(p.toPoint() + QPoint(0, dy));
                if (c.red() > 150 && c.green() < 120)
                    return true;
            }
            return false;
        };
        // The line runs from the bottom-left to the top-right corner of the plot.
        QVERIFY(reddish(plot.center()));
        QVERIFY(reddish(QPointF(plot.left() + plot.width() / 4, plot.bottom() - plot.height() / 4)));
        // The shade tints the left half of the plot, not the right.
        const QColor shaded = image.pixelColor(QPointF(plot.left() + plot.width() / 4, plot.top() + 10).toPoint());
        const QColor clear = image.pixelColor(QPointF(plot.right() - plot.width() / 8, plot.top() + 10).toPoint());
        QVERIFY2(shaded.blue() > shaded.red() + 40, qPrintable(shaded.name()));
        QCOMPARE(clear.blue(), clear.red());
        // ... evenly over the plot's whole height (the layer blits it in bands of rows)
        for (const double y : {plot.top() + 1, plot.top() + 70, plot.center().y() + 7, plot.bottom() - 2}) {
            const QColor c = image.pixelColor(QPointF(plot.left() + plot.width() / 8, y).toPoint());
            QVERIFY2(c.blue() > c.red() + 40, qPrintable(u"%1 at y %2"_s.arg(c.name()).arg(y)));
        }
        // Doubling the y range halves the line's height: the layer maps with the axes at paint time.
        spec.setRange(y, 0, 20);
        QVERIFY(charts::syncChart(*chart, spec));
        render();
        QVERIFY(!reddish(QPointF(plot.right() - 3, plot.top() + 3)));
        QVERIFY(reddish(QPointF(plot.center().x(), plot.bottom() - plot.height() / 4)));
    }

    void viewSavesPngAndSvg()
    {
        charts::ChartView view;
        view.resize(800, 500);
        view.setChart(charts::replicasChart(m_analysis));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTemporaryDir dir;
        const QString png = dir.filePath(u"chart.png"_s), svg = dir.filePath(u"chart.svg"_s);
        QString error;
        QVERIFY2(view.saveTo(png, &error), qPrintable(error));
        QVERIFY2(view.saveTo(svg, &error), qPrintable(error));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800);
        // Not a blank image: the lines and labels put dark pixels on it.
        int dark = 0;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
        QVERIFY(dark > 50);
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("<polyline")); // the series are vector lines, not an image
        QVERIFY(text.contains("<path") || text.contains("<polyline"));
        QVERIFY(!view.saveTo(dir.filePath(u"missing/dir/chart.png"_s)));
    }

    void hoverShowsValues()
    {
        charts::ChartView view;
        view.resize(800, 500);
        view.setChart(charts::replicasChart(m_analysis));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QRectF plot = view.chart()->plotArea();
        const QString text = view.valuesAt(plot.center());
        QVERIFY2(text.contains(m_analysis.plan.tiers.front().tierId + u" required: "_s), qPrintable(text));
        QVERIFY(text.contains(u"UTC"_s));
        QVERIFY(view.valuesAt(QPointF(-50, -50)).isEmpty());
    }

    void panelFollowsNewAnalysis()
    {
        ui::ScenarioDocument doc;
        doc.reset(m_scenario, QString());
        ui::AnalysisRunner runner(&doc);
        analysis::AnalysisOptions o;
        o.planDays = 60;
        o.simulationDuration = std::chrono::hours(1);
        o.traffic = {u"steady"_s, u"spike-10x"_s};
        runner.setDebounceMs(0);
        charts::ChartsPanel panel(&doc);
        panel.resize(1000, 700);
        QObject::connect(&runner, &ui::AnalysisRunner::analysisReady, &panel, &charts::ChartsPanel::setAnalysis);
        QSignalSpy ready(&runner, &ui::AnalysisRunner::analysisReady);
        runner.setOptions(o);
        QVERIFY(ready.wait(60'000));
        QTRY_VERIFY(panel.analysis());
        QCOMPARE(panel.trafficSelector()->count(), 2);
        // Hidden, the page leaves its charts alone; shown, it draws them.
        QVERIFY(!line(*panel.demandView()->chart(), u"Concurrent users"_s));
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QLineSeries *users = line(*panel.demandView()->chart(), u"Concurrent users"_s);
        QVERIFY(users);
        QCOMPARE(points(*panel.demandView()->chart(), users->name()).size(), 60);
        const double before = points(*panel.demandView()->chart(), users->name()).at(59).y();
        QLineSeries *const shownSeries = users;

        // An edit recomputes; the page redraws with the new figures.
        panel.trafficSelector()->setCurrentIndex(1);
        QVERIFY(panel.trafficView()->chart()->title().contains(u"spike-10x"_s));
        ready.clear();
        QVERIFY(doc.editField(u"spec.demand.concurrentUsers"_s, u"150000"_s));
        QVERIFY(ready.wait(60'000));
        QTRY_VERIFY(panel.analysis() == runner.latest());
        users = line(*panel.demandView()->chart(), u"Concurrent users"_s);
        QVERIFY(users);
        QVERIFY(points(*panel.demandView()->chart(), users->name()).at(59).y() != before);
        QCOMPARE(users, shownSeries); // updated in place, not rebuilt
        QCOMPARE(panel.trafficSelector()->currentText(), u"spike-10x"_s); // the choice is kept
        QVERIFY(panel.lastBuildMs() > 0);
    }

    void panelUpdatesInPlaceAndDownsamplesToPixels()
    {
        ui::ScenarioDocument doc;
        doc.reset(m_scenario, QString());
        charts::ChartsPanel panel(&doc);
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto first = std::make_shared<analysis::ScenarioAnalysis>(m_analysis);
        panel.setAnalysis(first);
        QApplication::processEvents();
        const int spike = m_analysis.traffic[1].name == u"spike-10x" ? 1 : 0;
        panel.trafficSelector()->setCurrentIndex(spike);
        const int replaced = panel.replacedCharts();
        QChart *const demand = panel.demandView()->chart();
        QChart *const traffic = panel.trafficView()->chart();
        // Another analysis of the same shape: the same charts and series with new values.
        analysis::ScenarioAnalysis changed = m_analysis;
        for (double &u : changed.plan.users)
            u *= 2;
        changed.origins.plan = 0; // a plan changed in the copy: not the computation the charts drew
        panel.setAnalysis(std::make_shared<analysis::ScenarioAnalysis>(changed));
        QCOMPARE(panel.replacedCharts(), replaced);
        QCOMPARE(panel.demandView()->chart(), demand);
        QCOMPARE(panel.trafficView()->chart(), traffic);
        QCOMPARE(points(*demand, u"Concurrent users"_s).at(10).y(), 2 * m_analysis.plan.users[10]);
        // A simulation of 720 ticks drawn into a plot a few hundred pixels wide: about 1.5 points a pixel.
        const autoscale::SimulationResult &sim = m_analysis.traffic[std::size_t(spike)].simulation;
        QLineSeries *ready = line(*traffic, sim.tiers.front().tierId + u" ready"_s);
        QVERIFY(ready);
        const qsizetype count = points(*traffic, ready->name()).size();
        const double plotWidth = traffic->plotArea().width() * panel.trafficView()->devicePixelRatioF();
        QVERIFY2(count < sim.ticks && count <= qsizetype(plotWidth * 1.5) + 1,
                 qPrintable(u"%1 points, plot %2 px"_s.arg(count).arg(plotWidth)));
        QVERIFY(ready->pen().widthF() <= 1.0 || count <= charts::kDensePoints);
        // Many legend entries go to the right, one a line, instead of being cut off at the bottom.
        QVERIFY(traffic->legend()->markers().size() > 5);
        QCOMPARE(traffic->legend()->alignment(), Qt::AlignRight);
        QCOMPARE(demand->legend()->alignment(), demand->legend()->markers().size() > 5 ? Qt::AlignRight : Qt::AlignBottom);
    }

    // Equal data is no change: the layer keeps it without a repaint; syncChart says what changed.
    void layerAndSyncSkipEqualContent()
    {
        auto chart = charts::replicasChart(m_analysis, 80);
        charts::SeriesLayer *layer = charts::SeriesLayer::of(*chart);
        QVERIFY(layer);
        std::vector<charts::SeriesLayer::Entry> entries = layer->entries();
        QVERIFY(!entries.empty());
        QVERIFY(!layer->setData(entries, layer->shades()));
        entries.front().upper[3].ry() += 1e-9; // not fuzzy: any other value is a change
        QVERIFY(layer->setData(entries, layer->shades()));
        QCOMPARE(layer->entries().front().upper[3], entries.front().upper[3]);
        entries.front().pen.setColor(Qt::black);
        QVERIFY(layer->setData(entries, layer->shades()));

        chart = charts::replicasChart(m_analysis, 80);
        bool changed = true;
        QVERIFY(charts::syncChart(*chart, charts::replicasSpec(m_analysis, 80), &changed));
        QVERIFY(!changed);
        analysis::ScenarioAnalysis more = m_analysis;
        for (int &r : more.plan.tiers.front().requiredReplicas)
            r *= 3;
        QVERIFY(charts::syncChart(*chart, charts::replicasSpec(more, 80), &changed));
        QVERIFY(changed);
        QVERIFY(charts::syncChart(*chart, charts::replicasSpec(more, 80), &changed));
        QVERIFY(!changed);
    }

    // A new analysis whose figures equal the shown ones: no chart is rebuilt, updated or repainted.
    void unchangedAnalysisRepaintsNothing()
    {
        ui::ScenarioDocument doc;
        doc.reset(m_scenario, QString());
        charts::ChartsPanel panel(&doc);
        QVERIFY(showSettled(panel));
        const int redrawn = panel.redrawnCharts(), replaced = panel.replacedCharts();
        QVERIFY(redrawn >= 4);
        PaintCounter paints(panel);
        for (int i = 0; i < 3; ++i) {
            panel.setAnalysis(std::make_shared<analysis::ScenarioAnalysis>(m_analysis)); // a copy: equal, not the same
            settle();
        }
        QCOMPARE(panel.redrawnCharts(), redrawn);
        QCOMPARE(panel.replacedCharts(), replaced);
        QCOMPARE(paints.total(), 0);
        QVERIFY(panel.findChild<QLabel *>(u"chartsNote"_s)->toolTip().contains(u" ms"_s));
    }

    // The simulation chart is computed again only when what it reads changed: the simulation, the
    // tiers' P95 objectives (the breach shades) or its point budget.
    void simulationChartBuiltOnlyFromNewInputs()
    {
        ui::ScenarioDocument doc;
        doc.reset(m_scenario, QString());
        charts::ChartsPanel panel(&doc);
        QVERIFY(showSettled(panel));
        const int builds = panel.trafficChartBuilds();
        QVERIFY(builds >= 1);
        panel.setAnalysis(std::make_shared<analysis::ScenarioAnalysis>(m_analysis)); // equal, another object
        QCOMPARE(panel.trafficChartBuilds(), builds);

        analysis::ScenarioAnalysis changed = m_analysis;
        autoscale::TierTimeline &first = changed.traffic.front().simulation.tiers.front();
        std::vector<int> ready = first.readyReplicas.toVector();
        ready[ready.size() / 2] += 7;
        first.readyReplicas = autoscale::TickSeries<int>(ready);
        panel.setAnalysis(std::make_shared<analysis::ScenarioAnalysis>(changed));
        QCOMPARE(panel.trafficChartBuilds(), builds + 1);

        // another P95 objective shades other ticks: the same simulation is drawn again
        model::Scenario tighter = doc.scenario();
        for (model::Tier &t : tighter.spec.tiers)
            if (t.p95Slo)
                t.p95Slo = *t.p95Slo / 2;
        doc.reset(tighter, QString());
        panel.setAnalysis(std::make_shared<analysis::ScenarioAnalysis>(changed));
        QCOMPARE(panel.trafficChartBuilds(), builds + 2);
    }

    // The demand, replicas and cost charts are computed again only from another computation of the
    // plan or bill (StageOrigins): an analysis that took them over leaves the three alone.
    void planChartsBuiltOnlyFromNewStages()
    {
        ui::ScenarioDocument doc;
        doc.reset(m_scenario, QString());
        charts::ChartsPanel panel(&doc);
        QVERIFY(showSettled(panel));
        const int builds = panel.planChartBuilds();
        QVERIFY(builds >= 3);
        const int redrawn = panel.redrawnCharts();
        // more Redis shards: the topology changes, the plan and the bill are taken over
        model::Scenario sharded = m_scenario;
        sharded.spec.redisCluster.shards += 2;
        const auto next = std::make_shared<const analysis::ScenarioAnalysis>(
            analysis::analyze(sharded, m_analysis.options, {}, &m_analysis));
        QVERIFY(next->reused.plan && next->reused.cost && !next->reused.topology);
        panel.setAnalysis(next);
        settle();
        QCOMPARE(panel.planChartBuilds(), builds);
        QCOMPARE(panel.redrawnCharts(), redrawn);
        // another growth rate: a new plan and bill, all three are built (and drawn) again
        model::Scenario faster = m_scenario;
        faster.spec.capacityPlanner.growthRate += 0.05;
        const auto grown = std::make_shared<const analysis::ScenarioAnalysis>(
            analysis::analyze(faster, m_analysis.options, {}, next.get()));
        QVERIFY(!grown->reused.plan && !grown->reused.cost);
        panel.setAnalysis(grown);
        settle();
        QCOMPARE(panel.planChartBuilds(), builds + 3);
        QVERIFY(panel.redrawnCharts() >= redrawn + 3);
    }

    // Changed users in the middle of the plan (same axis ranges): only the demand chart repaints,
    // and what the window shows afterwards is the chart as a full render draws it.
    void changedSeriesRepaintsOnlyItsChart()
    {
        ui::ScenarioDocument doc;
        doc.reset(m_scenario, QString());
        charts::ChartsPanel panel(&doc);
        QVERIFY(showSettled(panel));
        charts::ChartView *demand = panel.demandView();
        const QImage before = onScreen(demand);
        QCOMPARE(before, demand->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32));
        const int redrawn = panel.redrawnCharts();
        analysis::ScenarioAnalysis changed = m_analysis;
        for (std::size_t d = 40; d < 60; ++d)
            changed.plan.users[d] *= 0.7;
        changed.origins.plan = 0; // a plan changed in the copy: not the computation the charts drew
        PaintCounter paints(panel);
        panel.setAnalysis(std::make_shared<analysis::ScenarioAnalysis>(changed));
        settle();
        QCOMPARE(panel.redrawnCharts(), redrawn + 1);
        QVERIFY(paints.counts.value(demand->viewport()) >= 1);
        QCOMPARE(paints.total(), paints.counts.value(demand->viewport()));
        QCOMPARE(points(*demand->chart(), u"Concurrent users"_s).size(), 120);
        const QImage after = onScreen(demand);
        QVERIFY(after != before);
        QCOMPARE(after, demand->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32));
    }

    void syncRefusesOtherStructure()
    {
        auto chart = charts::replicasChart(m_analysis);
        QVERIFY(!charts::syncChart(*chart, charts::costSpec(m_analysis)));
        QCOMPARE(chart->series().size(), static_cast<qsizetype>(2 * m_analysis.plan.tiers.size()));
        QVERIFY(charts::syncChart(*chart, charts::replicasSpec(m_analysis, 50)));
        QCOMPARE(chart->series().front()->type(), QAbstractSeries::SeriesTypeLine);
        QCOMPARE(charts::seriesPoints(*chart, chart->series().front()).size(), 50);
    }

    void niceRangesMatchQt()
    {
        charts::ChartSpec spec;
        const int y = spec.addValueAxis(u"y"_s);
        for (double top : {0.73, 1.0, 9.5, 37.0, 123.4, 999.0, 18'250.0, 2.6e6}) {
            spec.axes[std::size_t(y)].ticks = 5;
            spec.setRange(y, 0, top, true);
            QValueAxis axis;
            axis.setRange(0, top);
            axis.applyNiceNumbers();
            QCOMPARE(spec.axes[std::size_t(y)].min, axis.min());
            QCOMPARE(spec.axes[std::size_t(y)].max, axis.max());
            QCOMPARE(spec.axes[std::size_t(y)].ticks, axis.tickCount());
        }
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
