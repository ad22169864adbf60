// `headroom-cli hpa explain` end to end: the 10x CPU spike walks 2 -> 6 -> 12 -> 20 with the
// default behavior, sync by sync, feeding the controller memory of one answer into the next input;
// bad documents exit 1 naming the field. Also `hpa manifest`.
#include "core/autoscale/hpadocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace headroom::autoscale;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args, const QByteArray &stdinData = {})
{
    QProcess p;
    p.start(QStringLiteral(HEADROOM_CLI), args);
    p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(60'000);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QString spike(int sync)
{
    return QStringLiteral(HEADROOM_TEST_DATA "/hpa-spike/sync%1.json").arg(sync);
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

class TestHpaExplain : public QObject {
    Q_OBJECT
private slots:
    void spikeWalk();
    void firstSyncWithoutMemory();
    void nowOverride();
    void badDocuments_data();
    void badDocuments();
    void failedMetricIsNotBadDocument();
    void manifest();
    void manifestDerived();
    void readingRules();
};

void TestHpaExplain::spikeWalk()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QList<int> expected{6, 12, 20};
    const QStringList decided{QStringLiteral("scaleUpPolicy"), QStringLiteral("scaleUpPolicy"), QStringLiteral("metrics")};
    QJsonObject memory;
    int replicas = 2;
    for (int sync = 1; sync <= 3; ++sync) {
        QJsonObject input = readJson(spike(sync));
        QVERIFY(!input.isEmpty());
        QCOMPARE(input.value(QStringLiteral("scale")).toObject().value(QStringLiteral("specReplicas")).toInt(), replicas);
        if (!memory.isEmpty())
            input.insert(QStringLiteral("controller"), memory);
        const QString path = dir.filePath(QStringLiteral("sync%1.json").arg(sync));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(input).toJson());
        f.close();
        const Run r = cli({QStringLiteral("hpa"), QStringLiteral("explain"), QStringLiteral("--input"), path});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject out = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(out.value(QStringLiteral("desiredReplicas")).toInt(), expected[sync - 1]);
        QCOMPARE(out.value(QStringLiteral("decidedBy")).toString(), decided[sync - 1]);
        QVERIFY(!out.value(QStringLiteral("explanation")).toString().isEmpty());
        const QJsonObject metric = out.value(QStringLiteral("metrics")).toArray().at(0).toObject();
        QCOMPARE(metric.value(QStringLiteral("type")).toString(), QStringLiteral("Resource"));
        QCOMPARE(metric.value(QStringLiteral("name")).toString(), QStringLiteral("cpu"));
        QCOMPARE(metric.value(QStringLiteral("replicas")).toInt(), 20);
        QVERIFY(metric.contains(QStringLiteral("utilization")));
        if (sync == 2) { // two pending and two not-ready pods are unready for CPU
            QCOMPARE(metric.value(QStringLiteral("readyPods")).toInt(), 2);
            QCOMPARE(metric.value(QStringLiteral("unreadyPods")).toInt(), 4);
        }
        memory = out.value(QStringLiteral("controller")).toObject();
        replicas = expected[sync - 1];
    }
}

void TestHpaExplain::firstSyncWithoutMemory()
{
    const Run r = cli({QStringLiteral("hpa"), QStringLiteral("explain"), QStringLiteral("--input"), spike(1)});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject out = QJsonDocument::fromJson(r.out).object();
    const QJsonArray recs = out.value(QStringLiteral("controller")).toObject().value(QStringLiteral("recommendations")).toArray();
    QCOMPARE(recs.size(), 2); // the current size recorded at the first sync, then the new proposal
    QCOMPARE(recs.at(0).toObject().value(QStringLiteral("replicas")).toInt(), 2);
    QCOMPARE(recs.at(1).toObject().value(QStringLiteral("replicas")).toInt(), 20);
}

void TestHpaExplain::nowOverride()
{
    // ten minutes later the new pods of sync 2 are past the CPU initialization period, but the two running
    // ones have never been Ready (their condition turned False within the readiness delay): still unready
    const Run r = cli({QStringLiteral("hpa"), QStringLiteral("explain"), QStringLiteral("--input"), spike(2),
                       QStringLiteral("--now"), QStringLiteral("2026-01-01T00:10:00Z")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject out = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(out.value(QStringLiteral("now")).toString(), QStringLiteral("2026-01-01T00:10:00Z"));
    const QJsonObject metric = out.value(QStringLiteral("metrics")).toArray().at(0).toObject();
    QCOMPARE(metric.value(QStringLiteral("unreadyPods")).toInt(), 4);
    QCOMPARE(metric.value(QStringLiteral("readyPods")).toInt(), 2);
}

void TestHpaExplain::badDocuments_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("field");
    const QByteArray hpa = R"("hpa": {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "x"}, "maxReplicas": 5}})";
    QTest::newRow("wrong hpa kind") << QByteArray(R"({"now": "2026-01-01T00:00:00Z", "hpa": {"kind": "Deployment", "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "x"}, "maxReplicas": 5}}, "scale": {"specReplicas": 1}})")
                                    << QStringLiteral("hpa.kind");
    QTest::newRow("wrong api version") << QByteArray(R"({"now": "2026-01-01T00:00:00Z", "hpa": {"apiVersion": "autoscaling/v1", "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "x"}, "maxReplicas": 5}}, "scale": {"specReplicas": 1}})")
                                       << QStringLiteral("hpa.apiVersion");
    QTest::newRow("maxReplicas not a number") << QByteArray(R"({"now": "2026-01-01T00:00:00Z", "hpa": {"spec": {"scaleTargetRef": {"kind": "Deployment", "name": "x"}, "maxReplicas": "ten"}}, "scale": {"specReplicas": 1}})")
                                              << QStringLiteral("hpa.spec.maxReplicas");
    QTest::newRow("specReplicas not a number") << (QByteArray(R"({"now": "2026-01-01T00:00:00Z", )") + hpa + R"(, "scale": {"specReplicas": [1]}})")
                                               << QStringLiteral("scale.specReplicas");
    QTest::newRow("pods kind") << (QByteArray(R"({"now": "2026-01-01T00:00:00Z", )") + hpa + R"(, "scale": {"specReplicas": 1}, "pods": {"kind": "NodeList", "items": []}})")
                               << QStringLiteral("pods.kind");
    QTest::newRow("pod phase") << (QByteArray(R"({"now": "2026-01-01T00:00:00Z", )") + hpa + R"(, "scale": {"specReplicas": 1}, "pods": {"kind": "PodList", "items": [{"metadata": {"name": "a"}, "status": {"phase": "Sleeping"}}]}})")
                               << QStringLiteral("pods.items[0].status.phase");
    QTest::newRow("bad quantity") << (QByteArray(R"({"now": "2026-01-01T00:00:00Z", )") + hpa + R"(, "scale": {"specReplicas": 1}, "podMetrics": {"kind": "PodMetricsList", "items": [{"metadata": {"name": "a"}, "containers": [{"name": "c", "usage": {"cpu": "lots"}}]}]}})")
                                  << QStringLiteral("podMetrics.items[0].containers[0].usage.cpu");
    QTest::newRow("bad time") << (QByteArray(R"({"now": "yesterday", )") + hpa + R"(, "scale": {"specReplicas": 1}})")
                              << QStringLiteral("now");
    QTest::newRow("containers not a list") << (QByteArray(R"({"now": "2026-01-01T00:00:00Z", )") + hpa + R"(, "scale": {"specReplicas": 1}, "pods": {"kind": "List", "items": [{"metadata": {"name": "a"}, "spec": {"containers": "app"}, "status": {"phase": "Running"}}]}})")
                                           << QStringLiteral("pods.items[0].spec.containers");
    QTest::newRow("recommendation replicas") << (QByteArray(R"({"now": "2026-01-01T00:00:00Z", )") + hpa + R"(, "scale": {"specReplicas": 1}, "controller": {"recommendations": [{"replicas": "x", "time": "2026-01-01T00:00:00Z"}]}})")
                                             << QStringLiteral("controller.recommendations[0].replicas");
    QTest::newRow("settings duration") << (QByteArray(R"({"now": "2026-01-01T00:00:00Z", )") + hpa + R"(, "scale": {"specReplicas": 1}, "controller": {"settings": {"cpuInitializationPeriod": "five"}}})")
                                       << QStringLiteral("controller.settings.cpuInitializationPeriod");
}

void TestHpaExplain::badDocuments()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, field);
    const Run r = cli({QStringLiteral("hpa"), QStringLiteral("explain"), QStringLiteral("--input"), QStringLiteral("-")},
                      document);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(QString::fromUtf8(r.err).contains(field + u':'), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestHpaExplain::failedMetricIsNotBadDocument()
{
    QFile f(spike(1));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
    QJsonObject hpa = doc.value(QStringLiteral("hpa")).toObject();
    QJsonObject spec = hpa.value(QStringLiteral("spec")).toObject();
    QJsonArray metrics = spec.value(QStringLiteral("metrics")).toArray();
    metrics.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Pods")},
                               {QStringLiteral("pods"), QJsonObject{{QStringLiteral("metric"), QJsonObject{{QStringLiteral("name"), QStringLiteral("rps")}}},
                                                                    {QStringLiteral("target"), QJsonObject{{QStringLiteral("type"), QStringLiteral("AverageValue")},
                                                                                                           {QStringLiteral("averageValue"), QStringLiteral("100")}}}}}});
    metrics.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Telepathy")}});
    spec.insert(QStringLiteral("metrics"), metrics);
    hpa.insert(QStringLiteral("spec"), spec);
    doc.insert(QStringLiteral("hpa"), hpa);
    const Run r = cli({QStringLiteral("hpa"), QStringLiteral("explain"), QStringLiteral("--input"), QStringLiteral("-")},
                      QJsonDocument(doc).toJson());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject out = QJsonDocument::fromJson(r.out).object();
    const QJsonArray m = out.value(QStringLiteral("metrics")).toArray();
    QCOMPARE(m.size(), 3);
    QVERIFY(!m.at(1).toObject().contains(QStringLiteral("replicas")));
    QVERIFY(m.at(1).toObject().value(QStringLiteral("error")).toString().contains(QStringLiteral("rps")));
    QCOMPARE(m.at(2).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("Telepathy"));
    QCOMPARE(out.value(QStringLiteral("desiredReplicas")).toInt(), 6); // the cpu metric still scales up
}

void TestHpaExplain::manifest()
{
    const Run r = cli({QStringLiteral("hpa"), QStringLiteral("manifest"), QStringLiteral("--tier"), QStringLiteral("api")});
    QCOMPARE(r.exitCode, 0);
    const QString yaml = QString::fromUtf8(r.out);
    QVERIFY(yaml.startsWith(QStringLiteral("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n")));
    QVERIFY(yaml.contains(QStringLiteral("name: webtools-api")));
    QVERIFY(yaml.contains(QStringLiteral("averageUtilization: 60")));
    QVERIFY(yaml.contains(QStringLiteral("describedObject:")));
    // the manifest reads back as an hpa explain document's hpa
    QByteArray doc = "now: 2026-01-01T00:00:00Z\nscale: {specReplicas: 5}\nhpa:\n";
    for (const QByteArray &line : r.out.split('\n'))
        doc += "  " + line + '\n';
    const auto parsed = parseExplainInput(doc, QStringLiteral("manifest"));
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QCOMPARE(parsed->hpa.spec.maxReplicas, 100);
    QCOMPARE(parsed->hpa.spec.metrics.size(), 4);
}

void TestHpaExplain::manifestDerived()
{
    const Run r = cli({QStringLiteral("hpa"), QStringLiteral("manifest"), QStringLiteral("--tier"), QStringLiteral("web")});
    QCOMPARE(r.exitCode, 0);
    const QString yaml = QString::fromUtf8(r.out);
    QVERIFY(yaml.contains(QStringLiteral("averageUtilization: 70")));
    QVERIFY(yaml.contains(QStringLiteral("averageUtilization: 80")));
    QVERIFY(yaml.contains(QStringLiteral("stabilizationWindowSeconds: 180")));
    QVERIFY(yaml.contains(QStringLiteral("stabilizationWindowSeconds: 300")));
    const Run bad = cli({QStringLiteral("hpa"), QStringLiteral("manifest"), QStringLiteral("--tier"), QStringLiteral("nope")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.err.contains("web"));
}

void TestHpaExplain::readingRules()
{
    const QByteArray yaml = R"(now: 2026-01-01T00:00:00Z
hpa:
  kind: HorizontalPodAutoscaler
  spec: {scaleTargetRef: {kind: Deployment, name: x}, maxReplicas: 5}
scale: {specReplicas: 2}
pods:
  kind: PodList
  items:
    - metadata: {name: a}
      spec: {containers: [{name: c, resources: {requests: {cpu: 250n, memory: 1Ki}}}]}
      status: {phase: Running, startTime: "2025-12-31T00:00:00+01:00"}
podMetrics:
  kind: PodMetricsList
  items:
    - {metadata: {name: a}, timestamp: "2025-12-31T23:59:50.5Z", window: 1m0s, containers: [{name: c, usage: {cpu: 100m}}]}
controller:
  recommendations: []
  settings: {tolerance: 0.05, cpuInitializationPeriod: 2m, downscaleStabilizationWindow: 1m0s}
)";
    const auto in = parseExplainInput(yaml, QStringLiteral("doc.yaml"));
    QVERIFY2(in.ok(), qPrintable(in.errorString()));
    QVERIFY(in->memory.recommendations.has_value()); // [] = synced before, nothing remembered
    QVERIFY(in->memory.recommendations->empty());
    QCOMPARE(in->settings.tolerance, 0.05);
    QCOMPARE(in->settings.downscaleStabilizationWindow, std::chrono::milliseconds(60'000));
    QCOMPARE(in->cluster.pods.size(), std::size_t(1));
    QCOMPARE(in->cluster.pods[0].containers[0].requestsMilli.value(QStringLiteral("cpu")), 1); // sub-milli rounds up
    QCOMPARE(in->cluster.pods[0].startTimeMs.value_or(0), *parseRfc3339(QStringLiteral("2025-12-30T23:00:00Z")));
    QCOMPARE(in->cluster.podMetrics->value(QStringLiteral("a")).windowMs, 60'000);
    QCOMPARE(in->cluster.statusReplicas, 2);
    QVERIFY(in->hpa.spec.metrics.isEmpty()); // CPU at 80 % when the controller runs
    const auto absent = parseExplainInput(QByteArray(yaml).replace("  recommendations: []\n", ""), QStringLiteral("doc.yaml"));
    QVERIFY(absent.ok());
    QVERIFY(!absent->memory.recommendations.has_value()); // first sync
}

QTEST_GUILESS_MAIN(TestHpaExplain)
#include "tst_hpaexplain.moc"
