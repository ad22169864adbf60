// The topology canvas: the WebTools Pro graph, figures updated in place, selection in both
// directions with the scenario tree, zoom and fit keys, and the cluster view's scale and detail.
#include "ui/canvas/canvasview.h"
#include "ui/canvas/clusternodeitem.h"
#include "ui/canvas/clusterscene.h"
#include "ui/canvas/topologycanvas.h"
#include "ui/canvas/topologyfigures.h"
#include "ui/canvas/topologynodeitem.h"
#include "ui/canvas/topologyscene.h"
#include "ui/canvas/utilizationscale.h"
#include "ui/document/analysisrunner.h"
#include "ui/mainwindow.h"
#include "ui/panels/scenariotreepanel.h"

#include "core/connect/clusterimport.h"
#include "core/model/scenarioio.h"

#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

using namespace Qt::StringLiterals;
using namespace headroom;
using namespace headroom::ui;

namespace {

analysis::AnalysisOptions quickOptions()
{
    analysis::AnalysisOptions o;
    o.planDays = 30;
    o.simulationDuration = std::chrono::hours(2);
    o.traffic = {u"steady"_s};
    return o;
}

AnalysisPtr analyse(const model::Scenario &scenario)
{
    return std::make_shared<const analysis::ScenarioAnalysis>(analysis::analyze(scenario, quickOptions()));
}

void render(CanvasView *view)
{
    QImage image(view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    view->viewport()->render(&image);
}

} // namespace

class TestCanvas : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void buildsWebToolsProLayers_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("count");
        QTest::newRow("global balancer") << int(NodeKind::GlobalBalancer) << 1;
        QTest::newRow("regional balancers") << int(NodeKind::RegionalBalancer) << 3;
        QTest::newRow("regions") << int(NodeKind::Region) << 9;
        QTest::newRow("tiers") << int(NodeKind::Tier) << 3;
        QTest::newRow("cache levels") << int(NodeKind::Cache) << 4;
        QTest::newRow("redis masters") << int(NodeKind::RedisMaster) << 3;
        QTest::newRow("redis replicas") << int(NodeKind::RedisReplica) << 6;
        QTest::newRow("sentinels") << int(NodeKind::Sentinel) << 3;
        QTest::newRow("pooling proxy") << int(NodeKind::Proxy) << 1;
        QTest::newRow("db primaries") << int(NodeKind::DbPrimary) << 3;
        QTest::newRow("db replicas") << int(NodeKind::DbReplica) << 4;
        QTest::newRow("analytics copy") << int(NodeKind::Analytics) << 1;
    }

    void buildsWebToolsProLayers()
    {
        QFETCH(int, kind);
        QFETCH(int, count);
        TopologyScene scene;
        QVERIFY(scene.setScenario(model::defaultScenario()));
        QCOMPARE(scene.nodes(NodeKind(kind)).size(), count);
        // layered: a node sits on its layer's row, below its parents or beside them in a chain
        for (const TopologyNodeItem *item : scene.nodes(NodeKind(kind))) {
            QCOMPARE(item->y(), scene.nodes(NodeKind(kind)).first()->y());
            for (const QString &parent : scene.graph().nodes[scene.nodes().indexOf(item)].parents) {
                const TopologyNodeItem *from = scene.node(parent);
                QVERIFY2(layerOf(from->kind()) < layerOf(item->kind()) ? from->y() < item->y() : from->y() == item->y(),
                         qPrintable(item->key() + u" under "_s + parent));
            }
        }
    }

    void redisSlotRangesCoverTheKeyspace()
    {
        const model::Scenario scenario = model::defaultScenario();
        TopologyCanvas canvas;
        canvas.showAnalysis(scenario, analyse(scenario));
        const QRegularExpression range(u"(\\d+)–(\\d+)"_s);
        int covered = 0, expectedFirst = 0;
        for (const TopologyNodeItem *master : canvas.topologyScene()->nodes(NodeKind::RedisMaster)) {
            QVERIFY(!master->lines().isEmpty());
            QVERIFY2(master->lines().first().startsWith(u"slots "_s), qPrintable(master->lines().first()));
            auto it = range.globalMatch(master->lines().first());
            while (it.hasNext()) {
                const auto m = it.next();
                QCOMPARE(m.captured(1).toInt(), expectedFirst);
                covered += m.captured(2).toInt() - m.captured(1).toInt() + 1;
                expectedFirst = m.captured(2).toInt() + 1;
            }
            QVERIFY(master->utilization().has_value()); // memory of maxmemory
        }
        QCOMPARE(covered, 16384);
    }

    void newAnalysisUpdatesFiguresInPlace()
    {
        model::Scenario scenario = model::defaultScenario();
        TopologyCanvas canvas;
        canvas.showAnalysis(scenario, analyse(scenario));
        TopologyScene *scene = canvas.topologyScene();
        const QList<TopologyNodeItem *> before = scene->nodes();
        const int rebuilds = scene->rebuildCount();
        TopologyNodeItem *api = scene->node(u"tier:1"_s);
        const QStringList apiLines = api->lines();
        const QColor primaryColour = scene->node(u"db:0"_s)->colour();
        QVERIFY(apiLines.first().contains(u"replicas"_s));

        scenario.spec.demand.concurrentUsers *= 3;
        canvas.showAnalysis(scenario, analyse(scenario));
        QCOMPARE(scene->rebuildCount(), rebuilds);
        QCOMPARE(scene->nodes(), before);
        QVERIFY2(api->lines() != apiLines, qPrintable(api->lines().join(u" | "_s)));
        QVERIFY(scene->node(u"db:0"_s)->colour() != primaryColour);
        QVERIFY(!api->toolTip().isEmpty());

        // a renamed region keeps its item; a removed region rebuilds
        scenario.spec.regions.groups[0].regions[0].name = u"Virginia"_s;
        canvas.showAnalysis(scenario, analyse(scenario));
        QCOMPARE(scene->rebuildCount(), rebuilds);
        QCOMPARE(scene->node(u"region:0:0"_s)->title(), u"Virginia"_s);
        scenario.spec.regions.groups[0].regions.removeLast();
        canvas.showAnalysis(scenario, analyse(scenario));
        QCOMPARE(scene->rebuildCount(), rebuilds + 1);
        QCOMPARE(scene->nodes(NodeKind::Region).size(), 8);
    }

    // A node's texts are laid out once per change: one updated in place (figures, then a rename)
    // paints exactly what a node made with the new figures and title paints.
    void nodeUpdatedInPlacePaintsTheNewFigures()
    {
        const auto paint = [](TopologyNodeItem &node) {
            QImage image(int(TopologyNodeItem::kWidth) + 8, int(TopologyNodeItem::kHeight) + 8,
                         QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            QPainter painter(&image);
            painter.translate(image.width() / 2.0, image.height() / 2.0);
            QStyleOptionGraphicsItem option;
            node.paint(&painter, &option, nullptr);
            return image;
        };
        NodeSpec spec;
        spec.key = u"tier:0"_s;
        spec.title = u"Web Tier"_s;
        spec.subtitle = u"web"_s;
        NodeFigures old, now;
        old.lines = {u"10 / 50 replicas"_s, u"CPU 40 %"_s};
        old.utilization = 0.4;
        now.lines = {u"48 / 50 replicas"_s, u"CPU 95 %"_s, u"a row far too long to fit on the card, elided"_s};
        now.utilization = 0.95;
        TopologyNodeItem updated(spec);
        updated.setFigures(old);
        const QImage before = paint(updated);
        updated.setFigures(now);
        NodeSpec renamed = spec;
        renamed.title = u"Frontend"_s;
        updated.setSpec(renamed);
        TopologyNodeItem fresh(renamed);
        fresh.setFigures(now);
        const QImage after = paint(updated);
        QVERIFY(after != before);
        QCOMPARE(after, paint(fresh));
    }

    void chosenMomentChangesTierFigures()
    {
        const model::Scenario scenario = model::defaultScenario();
        TopologyCanvas canvas;
        const AnalysisPtr analysis = analyse(scenario);
        canvas.showAnalysis(scenario, analysis);
        const TopologyFigures peak = topologyFigures(scenario, *analysis, {0, -1});
        QCOMPARE(peak.tick, peakTick(analysis->traffic.front().simulation));
        canvas.setMoment({0, 0});
        QCOMPARE(canvas.moment().tick, 0);
        const TopologyFigures first = topologyFigures(scenario, *analysis, {0, 0});
        QCOMPARE(canvas.topologyScene()->node(u"tier:0"_s)->lines(), first.nodes.value(u"tier:0"_s).lines);
    }

    void utilizationScaleIsGreenAmberRed()
    {
        const QColor low = UtilizationScale::colour(0.1), mid = UtilizationScale::colour(0.75),
                     high = UtilizationScale::colour(1.2);
        QVERIFY(low.green() > low.red());
        QVERIFY(mid.red() > mid.blue() && mid.green() > mid.blue());
        QVERIFY(high.red() > 2 * high.green());
        QCOMPARE(UtilizationScale::colour(std::nullopt), UtilizationScale::colour(std::optional<double>()));
    }

    void clickOnTierSelectsTreePath()
    {
        MainWindow window(windowOptions());
        QCOMPARE(window.workspace()->widget(0), static_cast<QWidget *>(window.topologyCanvas()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy ready(window.analysisRunner(), &AnalysisRunner::analysisReady);
        window.analysisRunner()->setOptions(quickOptions());
        QVERIFY(ready.wait(60'000));
        CanvasView *view = window.topologyCanvas()->view();
        TopologyNodeItem *api = window.topologyCanvas()->topologyScene()->node(u"tier:1"_s);
        QVERIFY(api);
        view->centerOn(api);
        const QPoint at = view->mapFromScene(api->scenePos());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QVERIFY(api->isSelected());
        QCOMPARE(window.treePanel()->currentPath(), u"spec.tiers[1]"_s);

        // and back: the tree's selection highlights the node of the nearest path
        window.treePanel()->selectPath(u"spec.database.primaries[2].replicas"_s);
        TopologyNodeItem *primary = window.topologyCanvas()->topologyScene()->node(u"db:2"_s);
        QVERIFY(primary->isSelected());
        QVERIFY(!api->isSelected());
        window.treePanel()->selectPath(u"spec.tiers[2].autoscaling.maxReplicas"_s);
        QVERIFY(window.topologyCanvas()->topologyScene()->node(u"tier:2"_s)->isSelected());
        window.close();
    }

    void zoomAndFitKeys()
    {
        TopologyCanvas canvas;
        canvas.resize(900, 600);
        const model::Scenario scenario = model::defaultScenario();
        canvas.showAnalysis(scenario, analyse(scenario));
        canvas.show();
        QVERIFY(QTest::qWaitForWindowExposed(&canvas));
        CanvasView *view = canvas.view();
        view->setFocus();
        view->fitAll();
        const qreal fitted = view->zoom();
        QTest::keyClick(view, Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY(view->zoom() > fitted * 1.2);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(view->zoom() < fitted);
        QTest::keyClick(view, Qt::Key_F);
        QCOMPARE(view->zoom(), fitted);
        QTest::keyClick(view, Qt::Key_Equal, Qt::ControlModifier);
        QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(view->zoom(), fitted);
        // arrows pan once zoomed in
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(view, Qt::Key_Equal, Qt::ControlModifier);
        const int x = view->horizontalScrollBar()->value();
        QTest::keyClick(view, Qt::Key_Right);
        QVERIFY(view->horizontalScrollBar()->value() > x);
    }

    void clusterViewScalesWithOneItemPerNode()
    {
        const ClusterMap map = generateClusterMap(500, 5000);
        QCOMPARE(map.nodes.size(), 500);
        QCOMPARE(int(map.pods.size()), 5000);
        ClusterScene scene;
        scene.setMap(map);
        QCOMPARE(scene.nodeItems().size(), 500);
        QVERIFY2(scene.items().size() < 600, qPrintable(QString::number(scene.items().size())));
        int pods = 0;
        for (const ClusterNodeItem *item : scene.nodeItems())
            pods += item->podCount();
        QCOMPARE(pods, 5000 - map.unscheduledPods());
        QVERIFY(map.unscheduledPods() > 0);
    }

    void clusterLevelOfDetail_data()
    {
        QTest::addColumn<double>("zoom");
        QTest::addColumn<int>("detail");
        QTest::newRow("far: counts") << 0.2 << int(ClusterNodeItem::Detail::Counts);
        QTest::newRow("near: dots") << 1.0 << int(ClusterNodeItem::Detail::Dots);
        QTest::newRow("nearer: labels") << 2.5 << int(ClusterNodeItem::Detail::Labels);
    }

    void clusterLevelOfDetail()
    {
        QFETCH(double, zoom);
        QFETCH(int, detail);
        TopologyCanvas canvas;
        canvas.resize(800, 600);
        canvas.setClusterMap(generateClusterMap(500, 5000));
        QVERIFY(canvas.isShowingCluster());
        CanvasView *view = canvas.view();
        view->resetTransform();
        view->zoomBy(zoom);
        ClusterNodeItem *item = canvas.clusterScene()->nodeItems().at(7);
        view->centerOn(item);
        render(view);
        QCOMPARE(int(item->lastDetail()), detail);
    }

    void clusterMapFromImportedSnapshot()
    {
        connect::ClusterSnapshot snapshot;
        snapshot.context = u"prod"_s;
        connect::KubeNode a, b;
        a.name = u"node-a"_s;
        a.region = u"eu-west-1"_s;
        a.zone = u"eu-west-1a"_s;
        a.podsAllocatable = 110;
        b = a;
        b.name = u"node-b"_s;
        b.zone = u"eu-west-1b"_s;
        snapshot.nodes = {a, b};
        const auto pod = [](const QString &name, const QString &node, const QString &phase, const QString &owner) {
            connect::KubePod p;
            p.ns = u"shop"_s;
            p.name = name;
            p.nodeName = node;
            p.phase = phase;
            p.ownerKind = u"ReplicaSet"_s;
            p.ownerName = owner;
            p.cpuRequestMillicores = 100;
            return p;
        };
        snapshot.pods = {pod(u"web-7d9c6b8f5-x1"_s, u"node-a"_s, u"Running"_s, u"web-7d9c6b8f5"_s),
                         pod(u"web-7d9c6b8f5-x2"_s, u"node-b"_s, u"Running"_s, u"web-7d9c6b8f5"_s),
                         pod(u"api-5f6d7c8b9-y1"_s, QString(), u"Pending"_s, u"api-5f6d7c8b9"_s)};
        const ClusterMap map = clusterMapFromSnapshot(snapshot);
        QCOMPARE(map.nodes.size(), 2);
        QCOMPARE(map.workloads, (QStringList{u"shop/web"_s, u"shop/api"_s}));
        QCOMPARE(map.pods[1].node, 1);
        QCOMPARE(map.pods[2].node, -1);
        QCOMPARE(map.pods[2].phase, PodPhase::Pending);
        QCOMPARE(map.unscheduledPods(), 1);
        QCOMPARE(map.nodes[0].cpuRequestedMillicores, 100.0);
    }

private:
    MainWindow::Options windowOptions() const { return {m_dir.filePath(u"autosave"_s), 60'000}; }
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestCanvas)
#include "tst_canvas.moc"
