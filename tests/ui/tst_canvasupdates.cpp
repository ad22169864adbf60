// The topology canvas follows a new analysis with as little work as the change needs: a change of
// the Redis shard count keeps every other node's item and repaints only the rows it touched, an
// analysis with the same figures repaints nothing, and a renamed node repaints only itself.
#include "ui/canvas/canvasview.h"
#include "ui/canvas/topologycanvas.h"
#include "ui/canvas/topologynodeitem.h"
#include "ui/canvas/topologyscene.h"

#include "core/model/scenarioio.h"

#include <QGraphicsPathItem>
#include <QPainter>
#include <QPaintEvent>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace headroom;
using namespace headroom::ui;

namespace {

AnalysisPtr analyse(const model::Scenario &scenario)
{
    analysis::AnalysisOptions o;
    o.planDays = 30;
    o.simulationDuration = std::chrono::hours(2);
    o.traffic = {u"steady"_s};
    return std::make_shared<const analysis::ScenarioAnalysis>(analysis::analyze(scenario, o));
}

/// Counts the paint events of a widget and collects the region they painted.
class PaintWatch final : public QObject {
public:
    explicit PaintWatch(QWidget *widget) { widget->installEventFilter(this); }
    int count = 0;
    QRegion painted;
    void reset()
    {
        count = 0;
        painted = QRegion();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            ++count;
            painted += static_cast<QPaintEvent *>(event)->region();
        }
        return QObject::eventFilter(watched, event);
    }
};

/// Lets the queued scene updates and the paints they cause run.
void settle()
{
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QTest::qWait(20);
    }
}

/// The masters' slot ranges in order: each master's first line is "slots a–b[, c–d]".
QList<QPair<int, int>> slotRanges(const QList<TopologyNodeItem *> &masters)
{
    static const QRegularExpression range(u"(\\d+)–(\\d+)"_s);
    QList<QPair<int, int>> out;
    for (const TopologyNodeItem *master : masters) {
        if (master->lines().isEmpty())
            return {};
        for (auto it = range.globalMatch(master->lines().first()); it.hasNext();) {
            const auto m = it.next();
            out.append({m.captured(1).toInt(), m.captured(2).toInt()});
        }
    }
    return out;
}

/// The scene's `area` drawn into an image (without the view's item caches).
QImage render(TopologyScene &scene, const QRectF &area)
{
    QImage image(area.size().toSize() / 2, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter, QRectF(image.rect()), area);
    return image;
}

struct ShownCanvas {
    TopologyCanvas canvas;
    PaintWatch *paints = nullptr;
    ShownCanvas(const model::Scenario &scenario)
    {
        canvas.resize(1200, 800);
        canvas.showAnalysis(scenario, analyse(scenario));
        canvas.show();
        paints = new PaintWatch(canvas.view()->viewport());
        paints->setParent(&canvas);
    }
};

} // namespace

class TestCanvasUpdates : public QObject
{
    Q_OBJECT

private slots:
    void shardChangeKeepsTheOtherNodes_data()
    {
        QTest::addColumn<int>("shards");
        QTest::newRow("more shards") << 5;
        QTest::newRow("fewer shards") << 2;
        QTest::newRow("one shard") << 1;
    }

    void shardChangeKeepsTheOtherNodes()
    {
        QFETCH(int, shards);
        model::Scenario scenario = model::defaultScenario();
        TopologyCanvas canvas;
        canvas.showAnalysis(scenario, analyse(scenario));
        TopologyScene *scene = canvas.topologyScene();
        QHash<QString, TopologyNodeItem *> before;
        QHash<QString, QPointF> positions;
        for (TopologyNodeItem *item : scene->nodes()) {
            before.insert(item->key(), item);
            positions.insert(item->key(), item->pos());
        }
        QGraphicsPathItem *proxyEdges = scene->edgesInto(u"proxy"_s);
        QVERIFY(proxyEdges);

        scenario.spec.redisCluster.shards = shards;
        canvas.showAnalysis(scenario, analyse(scenario));
        const QList<TopologyNodeItem *> masters = scene->nodes(NodeKind::RedisMaster);
        QCOMPARE(masters.size(), shards);
        QCOMPARE(scene->nodes(NodeKind::RedisReplica).size(), shards * scenario.spec.redisCluster.replicasPerShard);
        QCOMPARE(scene->nodes(NodeKind::Sentinel).size(), scenario.spec.redisCluster.sentinels);
        // the slot ranges of the new masters cover the keyspace once, in order
        const QList<QPair<int, int>> ranges = slotRanges(masters);
        QVERIFY(!ranges.isEmpty());
        int next = 0;
        for (const auto &[first, last] : ranges) {
            QCOMPARE(first, next);
            next = last + 1;
        }
        QCOMPARE(next, 16384);
        // every node outside the Redis rows kept its item and its place
        int kept = 0;
        for (TopologyNodeItem *item : scene->nodes()) {
            if (item->kind() == NodeKind::RedisMaster || item->kind() == NodeKind::RedisReplica ||
                item->kind() == NodeKind::Sentinel)
                continue;
            QCOMPARE(item, before.value(item->key()));
            QCOMPARE(item->pos(), positions.value(item->key()));
            ++kept;
        }
        QCOMPARE(kept, before.size() - 3 - 6 - 3);
        QCOMPARE(scene->edgesInto(u"proxy"_s), proxyEdges);
        // masters that stay keep their items; removed ones are gone from the scene's nodes
        for (int m = 0; m < std::min(shards, 3); ++m)
            QCOMPARE(scene->node(u"redis:%1"_s.arg(m)), before.value(u"redis:%1"_s.arg(m)));
        for (int m = shards; m < 3; ++m)
            QVERIFY(!scene->node(u"redis:%1"_s.arg(m)));
        int visibleNodes = 0;
        for (QGraphicsItem *item : scene->items())
            if (item->type() == TopologyNodeItem::Type && item->isVisible())
                ++visibleNodes;
        QCOMPARE(visibleNodes, scene->nodes().size());
        // each replica hangs under its master
        for (int m = 0; m < shards; ++m) {
            const QGraphicsPathItem *edge = scene->edgesInto(u"redis:%1:0"_s.arg(m));
            QVERIFY(edge);
            const QPointF from = edge->path().elementAt(0);
            QCOMPARE(from.x(), masters[m]->x());
        }

        // and back: the same items, edges and pixels as a canvas that showed it first
        scenario.spec.redisCluster.shards = 3;
        const AnalysisPtr back = analyse(scenario);
        canvas.showAnalysis(scenario, back);
        TopologyCanvas first;
        first.showAnalysis(scenario, back);
        TopologyScene &fresh = *first.topologyScene();
        QCOMPARE(render(*scene, fresh.sceneRect()), render(fresh, fresh.sceneRect()));
        QCOMPARE(scene->nodes().size(), fresh.nodes().size());
        for (const TopologyNodeItem *item : fresh.nodes()) {
            QVERIFY(scene->node(item->key()));
            QCOMPARE(scene->node(item->key())->pos(), item->pos());
            QCOMPARE(scene->node(item->key())->title(), item->title());
            QCOMPARE(scene->edgesInto(item->key()) != nullptr, fresh.edgesInto(item->key()) != nullptr);
            if (fresh.edgesInto(item->key()))
                QCOMPARE(scene->edgesInto(item->key())->path(), fresh.edgesInto(item->key())->path());
        }
    }

    void sameFiguresPaintNothing()
    {
        const model::Scenario scenario = model::defaultScenario();
        ShownCanvas shown(scenario);
        QVERIFY(QTest::qWaitForWindowExposed(&shown.canvas));
        settle();
        QVERIFY(shown.paints->count > 0);
        shown.paints->reset();
        const int rebuilds = shown.canvas.topologyScene()->rebuildCount();
        shown.canvas.showAnalysis(scenario, analyse(scenario)); // a new analysis with the same figures
        settle();
        QCOMPARE(shown.paints->count, 0);
        QCOMPARE(shown.canvas.topologyScene()->rebuildCount(), rebuilds);
    }

    void renamePaintsOnlyThatNode()
    {
        model::Scenario scenario = model::defaultScenario();
        ShownCanvas shown(scenario);
        QVERIFY(QTest::qWaitForWindowExposed(&shown.canvas));
        settle();
        shown.paints->reset();
        scenario.spec.regions.groups[0].regions[0].name = u"Virginia"_s;
        shown.canvas.showAnalysis(scenario, analyse(scenario));
        settle();
        QVERIFY(shown.paints->count > 0);
        const CanvasView *view = shown.canvas.view();
        const TopologyNodeItem *region = shown.canvas.topologyScene()->node(u"region:0:0"_s);
        const QRect node = view->mapFromScene(region->sceneBoundingRect()).boundingRect().adjusted(-3, -3, 3, 3);
        QVERIFY2(node.contains(shown.paints->painted.boundingRect()),
                 qPrintable(u"painted %1,%2 %3x%4"_s.arg(shown.paints->painted.boundingRect().x())
                                .arg(shown.paints->painted.boundingRect().y())
                                .arg(shown.paints->painted.boundingRect().width())
                                .arg(shown.paints->painted.boundingRect().height())));
    }

    // Shard counts dragged back and forth keep the view's frame: after the first change (which may
    // grow the scene and refit), a change repaints the Redis rows only, not the balancers above.
    void shardChangeRepaintsOnlyTheRedisRows()
    {
        model::Scenario scenario = model::defaultScenario();
        ShownCanvas shown(scenario);
        QVERIFY(QTest::qWaitForWindowExposed(&shown.canvas));
        settle();
        scenario.spec.redisCluster.shards = 9;
        shown.canvas.showAnalysis(scenario, analyse(scenario));
        settle();
        const qreal zoom = shown.canvas.view()->zoom();
        for (const int shards : {3, 9, 4}) {
            shown.paints->reset();
            scenario.spec.redisCluster.shards = shards;
            shown.canvas.showAnalysis(scenario, analyse(scenario));
            settle();
            QCOMPARE(shown.canvas.view()->zoom(), zoom);
            QCOMPARE(shown.canvas.topologyScene()->nodes(NodeKind::RedisMaster).size(), shards);
            QVERIFY(shown.paints->count > 0);
            const CanvasView *view = shown.canvas.view();
            for (const QString &key : {u"global"_s, u"group:0"_s, u"tier:0"_s, u"db:0"_s}) {
                const TopologyNodeItem *node = shown.canvas.topologyScene()->node(key);
                QVERIFY2(!shown.paints->painted.intersects(view->mapFromScene(node->sceneBoundingRect()).boundingRect()),
                         qPrintable(key));
            }
        }
    }
};

QTEST_MAIN(TestCanvasUpdates)
#include "tst_canvasupdates.moc"
