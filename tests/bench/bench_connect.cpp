#include "../connect/fixtureserver.h"

#include "core/connect/clusterimport.h"
#include "core/connect/prometheusclient.h"
#include "core/model/scenarioio.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace headroom;

namespace {

QJsonObject readJson(const QString &name)
{
    QFile f(QStringLiteral(HEADROOM_SOURCE_DIR "/tests/data/k8s/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject renamed(QJsonObject item, const QString &name, const QString &nodeName = {})
{
    QJsonObject meta = item.value(u"metadata"_s).toObject();
    meta.insert(u"name"_s, name);
    item.insert(u"metadata"_s, meta);
    if (!nodeName.isEmpty()) {
        QJsonObject spec = item.value(u"spec"_s).toObject();
        spec.insert(u"nodeName"_s, nodeName);
        item.insert(u"spec"_s, spec);
    }
    return item;
}

/// A synthetic cluster in the fixture's shapes: 500 nodes, 250 Deployments with an HPA each,
/// 5,000 pods (20 per Deployment), as the list bodies the API server would send.
struct BigCluster {
    QMap<QString, QByteArray> bodies; // file name -> list JSON
};

BigCluster makeBigCluster()
{
    const QJsonObject node = readJson(u"nodes-list.json"_s).value(u"items"_s).toArray().at(0).toObject();
    const QJsonObject deployment = readJson(u"deployments-list.json"_s).value(u"items"_s).toArray().at(1).toObject();
    QJsonObject hpa = readJson(u"hpa-list.json"_s).value(u"items"_s).toArray().at(2).toObject();
    const QJsonObject pod = readJson(u"pods-list.json"_s).value(u"items"_s).toArray().at(0).toObject();
    QJsonArray nodes, deployments, hpas, pods;
    for (int i = 0; i < 500; ++i)
        nodes.append(renamed(node, u"node-%1"_s.arg(i, 4, 10, QChar(u'0'))));
    for (int d = 0; d < 250; ++d) {
        const QString name = u"svc-%1"_s.arg(d, 3, 10, QChar(u'0'));
        deployments.append(renamed(deployment, name));
        QJsonObject h = renamed(hpa, name);
        QJsonObject spec = h.value(u"spec"_s).toObject();
        QJsonObject ref = spec.value(u"scaleTargetRef"_s).toObject();
        ref.insert(u"name"_s, name);
        spec.insert(u"scaleTargetRef"_s, ref);
        h.insert(u"spec"_s, spec);
        hpas.append(h);
        for (int p = 0; p < 20; ++p) {
            QJsonObject item = renamed(pod, u"%1-7d9c6b8f5-%2"_s.arg(name).arg(p), u"node-%1"_s.arg((d * 20 + p) % 500, 4, 10, QChar(u'0')));
            QJsonObject meta = item.value(u"metadata"_s).toObject();
            QJsonObject owner;
            owner.insert(u"kind"_s, u"ReplicaSet"_s);
            owner.insert(u"name"_s, QString(name + u"-7d9c6b8f5"_s));
            owner.insert(u"controller"_s, true);
            QJsonArray owners;
            owners.append(owner);
            meta.insert(u"ownerReferences"_s, owners);
            item.insert(u"metadata"_s, meta);
            pods.append(item);
        }
    }
    auto list = [](const QString &kind, const QString &api, const QJsonArray &items) {
        return QJsonDocument(QJsonObject{{u"kind"_s, kind}, {u"apiVersion"_s, api},
                                         {u"metadata"_s, QJsonObject{{u"resourceVersion"_s, u"1"_s}}}, {u"items"_s, items}})
            .toJson(QJsonDocument::Compact);
    };
    BigCluster c;
    c.bodies.insert(u"nodes"_s, list(u"NodeList"_s, u"v1"_s, nodes));
    c.bodies.insert(u"deployments"_s, list(u"DeploymentList"_s, u"apps/v1"_s, deployments));
    c.bodies.insert(u"statefulsets"_s, list(u"StatefulSetList"_s, u"apps/v1"_s, {}));
    c.bodies.insert(u"hpas"_s, list(u"HorizontalPodAutoscalerList"_s, u"autoscaling/v2"_s, hpas));
    c.bodies.insert(u"pods"_s, list(u"PodList"_s, u"v1"_s, pods));
    return c;
}

QList<QJsonObject> items(const QByteArray &body)
{
    QList<QJsonObject> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(body).object().value(u"items"_s).toArray())
        out.append(v.toObject());
    return out;
}

/// Parse the list bodies, model them, build and validate the scenario: the import minus the network.
void BM_ImportCluster5000Pods(benchmark::State &state)
{
    const BigCluster cluster = makeBigCluster();
    const model::Scenario base = model::defaultScenario();
    for (auto _ : state) {
        connect::ClusterLists lists;
        lists.nodes = items(cluster.bodies[u"nodes"_s]);
        lists.deployments = items(cluster.bodies[u"deployments"_s]);
        lists.hpas = items(cluster.bodies[u"hpas"_s]);
        lists.pods = items(cluster.bodies[u"pods"_s]);
        const auto snapshot = connect::parseClusterLists(lists);
        QStringList warnings;
        const auto scenario = connect::buildScenario(snapshot, {}, base, &warnings);
        if (scenario.spec.tiers.size() != 250 || snapshot.pods.size() != 5000)
            state.SkipWithError("wrong import");
        benchmark::DoNotOptimize(scenario);
    }
}
BENCHMARK(BM_ImportCluster5000Pods)->Unit(benchmark::kMillisecond);

/// The whole import over HTTPS from the fixture server, 500 objects per page (11 pages of pods).
void BM_ImportClusterOverHttps(benchmark::State &state)
{
    const BigCluster cluster = makeBigCluster();
    QTemporaryDir dir;
    auto write = [&](const QString &name) {
        QFile f(dir.filePath(name + u".json"_s));
        f.open(QIODevice::WriteOnly);
        f.write(cluster.bodies[name]);
    };
    for (const QString &name : cluster.bodies.keys())
        write(name);
    FixtureServer server(QStringLiteral(HEADROOM_TEST_TLS_DIR));
    server.setDataDir(dir.path());
    server.start();
    server.route("GET", u"/version"_s, [](const auto &) {
        return FixtureServer::Response{200, R"({"major":"1","minor":"28","gitVersion":"v1.28.3"})"};
    });
    server.routeList(u"/api/v1/nodes"_s, u"nodes.json"_s);
    server.routeList(u"/apis/apps/v1/deployments"_s, u"deployments.json"_s);
    server.routeList(u"/apis/apps/v1/statefulsets"_s, u"statefulsets.json"_s);
    server.routeList(u"/apis/autoscaling/v2/horizontalpodautoscalers"_s, u"hpas.json"_s);
    server.routeList(u"/api/v1/pods"_s, u"pods.json"_s);
    connect::ResolvedContext ctx;
    ctx.context.name = u"bench"_s;
    ctx.cluster.server = server.url().toString();
    ctx.cluster.caFile = QStringLiteral(HEADROOM_TEST_TLS_DIR "/ca.pem");
    ctx.user.token = u"bench"_s;
    for (auto _ : state) {
        connect::KubeClient client(ctx);
        const auto snapshot = waitResult(connect::fetchClusterSnapshot(&client, 500));
        if (!snapshot || snapshot->pods.size() != 5000)
            state.SkipWithError("import over HTTPS failed");
    }
}
BENCHMARK(BM_ImportClusterOverHttps)->Unit(benchmark::kMillisecond);

/// query_range JSON of 100 series x 11,000 points (the per-series maximum of Prometheus), ~25 MB.
QByteArray queryRangeBody()
{
    QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[)";
    for (int s = 0; s < 100; ++s) {
        body += (s ? "," : "") + QByteArray(R"({"metric":{"__name__":"http_requests_per_second","pod":"api-)")
            + QByteArray::number(s) + R"("},"values":[)";
        for (int i = 0; i < 11000; ++i) {
            body += (i ? ",[" : "[") + QByteArray::number(1700000000 + i * 60) + ",\""
                + QByteArray::number(100 + (i * 7 + s) % 997 / 10.0, 'f', 3) + "\"]";
        }
        body += "]}";
    }
    body += "]}}";
    return body;
}

template <typename Parse>
void parseQueryRange(benchmark::State &state, Parse parse)
{
    const QByteArray body = queryRangeBody();
    const QUrl url(u"http://127.0.0.1:19090/api/v1/query_range"_s);
    for (auto _ : state) {
        const auto r = parse(body, 200, url);
        if (!r || r->series.size() != 100 || r->series[99].values.size() != 11000)
            state.SkipWithError("parse failed");
        benchmark::DoNotOptimize(r);
    }
    state.counters["MB"] = double(body.size()) / 1e6;
    state.counters["points/s"] = benchmark::Counter(100.0 * 11000 * double(state.iterations()), benchmark::Counter::kIsRate);
}

/// What the client does: the streaming fast path (promscanner.h).
void BM_ParseQueryRange100x11000(benchmark::State &state)
{
    parseQueryRange(state, connect::parsePromResponse);
}
BENCHMARK(BM_ParseQueryRange100x11000)->Unit(benchmark::kMillisecond);

/// The general QJsonDocument parser on the same body, for comparison.
void BM_ParseQueryRange100x11000QJsonDocument(benchmark::State &state)
{
    parseQueryRange(state, connect::parsePromResponseGeneric);
}
BENCHMARK(BM_ParseQueryRange100x11000QJsonDocument)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // the HTTPS benchmark needs an event loop
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
