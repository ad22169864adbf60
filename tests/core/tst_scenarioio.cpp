#include "core/model/scenarioio.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace headroom::model;

namespace {

// The smallest valid scenario; malformed cases append to its spec (indent 2).
const QByteArray minimal = "apiVersion: headroom/v1\n"
                           "kind: Scenario\n"
                           "metadata:\n"
                           "  name: test\n"
                           "spec:\n"
                           "  demand:\n"
                           "    concurrentUsers: 1000\n";

const QByteArray resourceTiers = "  resourceTiers:\n"
                                 "    - {name: Standard, cpu: 4, memory: 16GB, costPerHour: 0.20 USD}\n";

QByteArray tier(const QByteArray &autoscalingExtra, const QByteArray &tierExtra = {})
{
    return "  tiers:\n"
           "    - id: web\n"
           "      kind: web\n" +
           tierExtra +
           "      autoscaling:\n"
           "        minReplicas: 3\n"
           "        maxReplicas: 50\n" +
           autoscalingExtra;
}

} // namespace

class TestScenarioIo : public QObject {
    Q_OBJECT
private slots:
    void defaultScenarioIsEmbeddedAndValid()
    {
        const auto loaded = parseScenario(defaultScenarioYaml(), defaultScenarioPath());
        QVERIFY2(loaded, qPrintable(loaded.errorString()));
        const Scenario s = loaded->scenario;
        QCOMPARE(s.metadata.name, QStringLiteral("WebTools Pro"));
        QCOMPARE(defaultScenario(), s);
    }

    void defaultScenarioHoldsThePlansNumbers()
    {
        const Scenario s = defaultScenario();
        const Tier *web = s.tier(u"web");
        const Tier *api = s.tier(u"api");
        const Tier *proc = s.tier(u"processing");
        QVERIFY(web && api && proc);
        QCOMPARE(web->autoscaling.minReplicas, 3);
        QCOMPARE(web->autoscaling.maxReplicas, 50);
        QCOMPARE(*web->autoscaling.targetCPUUtilization, 70);
        QCOMPARE(*web->autoscaling.targetMemoryUtilization, 80);
        QCOMPARE(web->autoscaling.scaleUpCooldown->count(), 180'000);
        QCOMPARE(web->autoscaling.scaleDownCooldown->count(), 300'000);
        QCOMPARE(api->autoscaling.customMetrics.size(), 3);
        QCOMPARE(proc->autoscaling.maxReplicas, 200);
        QCOMPARE(*proc->autoscaling.queueDepthThreshold, 100);
        QCOMPARE(proc->autoscaling.processingTimeThreshold->count(), 30'000);
        // the plan's HPA, verbatim
        QVERIFY(api->hpa);
        QCOMPARE(api->hpa->metrics.size(), 4);
        QCOMPARE(api->hpa->metrics[3].type, MetricSourceType::Object);
        QCOMPARE(api->hpa->metrics[3].target.value->value(), 50.0);
        QCOMPARE(api->hpa->behavior->scaleUp->policies.size(), 2);
        QCOMPARE(api->hpa->behavior->scaleUp->policies[1].value, 10);
        QCOMPARE(*api->hpa->behavior->scaleDown->stabilizationWindowSeconds, 300);
        QCOMPARE(api->hpa->behavior->scaleDown->policies[0].value, 25);
        // resource tiers, load balancing, caches, Redis, growth
        QCOMPARE(s.spec.resourceTiers.size(), 4);
        QCOMPARE(s.resourceTier(u"Enterprise")->costPerHour.amount, 1.20);
        QCOMPARE(s.resourceTier(u"Enterprise")->maxConcurrentUsers, 50000);
        QCOMPARE(s.spec.loadBalancing.size(), 3);
        QCOMPARE(s.spec.loadBalancing[0].algorithm, BalancingAlgorithm::WeightedRoundRobin);
        QCOMPARE(s.spec.loadBalancing[2].healthCheckTimeout.count(), 2'000);
        QCOMPARE(s.spec.cacheHierarchy.size(), 4);
        QCOMPARE(s.spec.cacheHierarchy[3].capacityBytes, 64e9);
        QCOMPARE(s.spec.cacheHierarchy[3].evictionPolicy, EvictionPolicy::AllKeysLru);
        QCOMPARE(s.spec.cacheHierarchy[1].ttl.count(), 86'400'000);
        QCOMPARE(s.spec.redisCluster.replicasPerShard, 2);
        QCOMPARE(s.spec.growthPhases.size(), 4);
        QCOMPARE(s.spec.growthPhases[2].toUsers, 10e6);
        QCOMPARE(s.spec.capacityPlanner.growthRate, 0.15);
        QCOMPARE(s.spec.capacityPlanner.peakMultiplier, 1.5);
        int regions = 0;
        for (const RegionGroup &g : s.spec.regions.groups)
            regions += static_cast<int>(g.regions.size());
        QCOMPARE(regions, 9);
        QCOMPARE(s.spec.database.primaries.size(), 3);
        QCOMPARE(s.spec.alertRules[0].rules.size(), 5);
        QCOMPARE(s.spec.alertRules[0].rules[3].forDuration->count(), 30'000);
        QCOMPARE(s.spec.costOptimization.reservedSavingsThreshold.amount, 1000.0);
        QVERIFY(s.traffic(u"spike-10x"));
    }

    void roundTrip()
    {
        const Scenario original = defaultScenario();
        const QByteArray text = serializeScenario(original);
        const auto again = parseScenario(text, QStringLiteral("roundtrip.yaml"));
        QVERIFY2(again, qPrintable(again.errorString() + u'\n' + QString::fromUtf8(text)));
        QCOMPARE(again->scenario, original);
        QCOMPARE(serializeScenario(again->scenario), text); // canonical form is stable
    }

    void saveAndLoadFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("webtools.yaml"));
        Scenario s = defaultScenario();
        s.tier(u"web")->autoscaling.maxReplicas = 64;
        QVERIFY(saveScenario(s, path));
        const auto loaded = loadScenario(path);
        QVERIFY2(loaded, qPrintable(loaded.errorString()));
        QCOMPARE(loaded.value(), s);
        QVERIFY(!saveScenario(s, dir.filePath(QStringLiteral("no/such/dir/x.yaml"))));
    }

    void missingFileIsReported()
    {
        const auto loaded = loadScenario(QStringLiteral("/nonexistent/plan.yaml"));
        QVERIFY(!loaded);
        QVERIFY(loaded.errorString().startsWith(QStringLiteral("/nonexistent/plan.yaml: cannot read file")));
    }

    void malformed_data()
    {
        // `text` is appended to the minimal document; '@' marks where the error must point
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::addRow("unknown key with hint") << QByteArray("  @tierz: []\n") << "spec.tierz"
                                               << "unknown key 'tierz' (did you mean 'tiers'?)";
        QTest::addRow("not a number") << tier("        targetCPUUtilization: @high\n")
                                      << "spec.tiers[0].autoscaling.targetCPUUtilization"
                                      << "expected a whole number, got 'high'";
        QTest::addRow("percent over 100") << tier("        targetCPUUtilization: @120\n")
                                          << "spec.tiers[0].autoscaling.targetCPUUtilization"
                                          << "must be <= 100, got 120";
        QTest::addRow("negative replicas") << QByteArray("  tiers:\n    - id: web\n      kind: web\n"
                                                         "      autoscaling: {minReplicas: @-1, maxReplicas: 5}\n")
                                           << "spec.tiers[0].autoscaling.minReplicas" << "must be >= 0, got -1";
        QTest::addRow("min above max") << QByteArray("  tiers:\n    - id: web\n      kind: web\n"
                                                     "      autoscaling: {minReplicas: 9, maxReplicas: @5}\n")
                                       << "spec.tiers[0].autoscaling.maxReplicas"
                                       << "must be >= minReplicas (9), got 5";
        QTest::addRow("unknown enum") << QByteArray("  tiers:\n    - id: web\n      kind: @webz\n"
                                                    "      autoscaling: {minReplicas: 1, maxReplicas: 5}\n")
                                      << "spec.tiers[0].kind"
                                      << "unknown value 'webz'; expected one of: web, api, processing, other "
                                         "(did you mean 'web'?)";
        QTest::addRow("duration without unit") << tier("        scaleUpCooldown: @30\n")
                                               << "spec.tiers[0].autoscaling.scaleUpCooldown"
                                               << "a duration needs a unit, e.g. '30s' or '30m'";
        QTest::addRow("bad duration") << tier("        scaleDownCooldown: @soon\n")
                                      << "spec.tiers[0].autoscaling.scaleDownCooldown"
                                      << "expected a duration like 30s, 5m or 1h30m, got 'soon'";
        QTest::addRow("bad size") << tier({}, "      requests: {cpuMillicores: 500, memory: @lots}\n")
                                  << "spec.tiers[0].requests.memory"
                                  << "expected a size like 64GB, 512MiB or 4Gi, got 'lots'";
        QTest::addRow("bad bool") << tier({}, "      spotTolerant: @maybe\n") << "spec.tiers[0].spotTolerant"
                                  << "expected true or false, got 'maybe'";
        QTest::addRow("missing required") << QByteArray("  tiers:\n    - @id: web\n"
                                                        "      autoscaling: {minReplicas: 1, maxReplicas: 5}\n")
                                          << "spec.tiers[0].kind" << "'kind' is required";
        QTest::addRow("duplicate tier id") << QByteArray("  tiers:\n"
                                                         "    - {id: web, kind: web, autoscaling: {minReplicas: 1, maxReplicas: 2}}\n"
                                                         "    - {id: @web, kind: api, autoscaling: {minReplicas: 1, maxReplicas: 2}}\n")
                                           << "spec.tiers[1].id" << "duplicate id 'web' (first at spec.tiers[0])";
        QTest::addRow("unknown resource tier") << resourceTiers + tier({}, "      resourceTier: @Standrd\n")
                                               << "spec.tiers[0].resourceTier"
                                               << "no resource tier named 'Standrd' (did you mean 'Standard'?)";
        QTest::addRow("duplicate key") << QByteArray("  currency: USD\n  @currency: EUR\n") << "spec.currency"
                                       << "duplicate key 'currency'";
        QTest::addRow("list instead of map") << QByteArray("  capacityPlanner: @[1, 2]\n") << "spec.capacityPlanner"
                                             << "expected a mapping";
        QTest::addRow("map instead of value") << QByteArray("  currency: @{a: b}\n") << "spec.currency"
                                              << "expected a single value, got a mapping";
        QTest::addRow("bad eviction policy")
            << QByteArray("  cacheHierarchy:\n    - {level: 1, type: cdn, capacity: 1GB, ttl: 1h, "
                          "evictionPolicy: @LRUU}\n")
            << "spec.cacheHierarchy[0].evictionPolicy" << "(did you mean 'LRU'?)";
        QTest::addRow("duplicate cache level")
            << QByteArray("  cacheHierarchy:\n    - {level: 1, type: cdn, capacity: 1GB, ttl: 1h, evictionPolicy: LRU}\n"
                          "    - {level: @1, type: redis, capacity: 1GB, ttl: 1h, evictionPolicy: LRU}\n")
            << "spec.cacheHierarchy[1].level" << "duplicate level '1'";
        QTest::addRow("bad money") << QByteArray("  resourceTiers:\n    - {name: S, cpu: 2, memory: 4GB, "
                                                 "costPerHour: @cheap}\n")
                                   << "spec.resourceTiers[0].costPerHour"
                                   << "expected an amount like 0.20 or '0.20 USD', got 'cheap'";
        QTest::addRow("currency mismatch") << QByteArray("  resourceTiers:\n    - {name: S, cpu: 2, memory: 4GB, "
                                                         "costPerHour: @0.2 EUR}\n")
                                           << "spec.resourceTiers[0].costPerHour"
                                           << "currency EUR differs from the scenario's currency USD";
        QTest::addRow("hpa min above max")
            << tier({}, "      hpa:\n        scaleTargetRef: {kind: Deployment, name: web}\n"
                        "        minReplicas: 10\n        maxReplicas: @4\n")
            << "spec.tiers[0].hpa.maxReplicas" << "must be >= minReplicas (10), got 4";
        QTest::addRow("utilization target on pods metric")
            << tier({}, "      hpa:\n        scaleTargetRef: {kind: Deployment, name: web}\n"
                        "        maxReplicas: 4\n        metrics:\n          - type: Pods\n            pods:\n"
                        "              metric: {name: rps}\n              target: {type: @Utilization, averageUtilization: 50}\n")
            << "spec.tiers[0].hpa.metrics[0].pods.target.type"
            << "Utilization targets are only valid for Resource and ContainerResource metrics, not Pods";
        QTest::addRow("policy period zero")
            << tier({}, "      hpa:\n        scaleTargetRef: {kind: Deployment, name: web}\n        maxReplicas: 4\n"
                        "        behavior:\n          scaleUp:\n            policies:\n"
                        "              - {type: Pods, value: 4, periodSeconds: @0}\n")
            << "spec.tiers[0].hpa.behavior.scaleUp.policies[0].periodSeconds" << "must be >= 1, got 0";
        QTest::addRow("behavior key typo")
            << tier({}, "      hpa:\n        scaleTargetRef: {kind: Deployment, name: web}\n        maxReplicas: 4\n"
                        "        behavior:\n          @scaleUP: {}\n")
            << "spec.tiers[0].hpa.behavior.scaleUP" << "unknown key 'scaleUP' (did you mean 'scaleUp'?)";
        QTest::addRow("bad quantity")
            << tier({}, "      hpa:\n        scaleTargetRef: {kind: Deployment, name: web}\n        maxReplicas: 4\n"
                        "        metrics:\n          - type: External\n            external:\n"
                        "              metric: {name: queue}\n              target: {type: Value, value: @ten}\n")
            << "spec.tiers[0].hpa.metrics[0].external.target.value"
            << "expected a quantity like 100, 500m, 1.5 or 2Gi, got 'ten'";
        QTest::addRow("region shares") << QByteArray("  regions:\n    groups:\n"
                                                     "      @- {id: na, trafficShare: 60}\n"
                                                     "      - {id: eu, trafficShare: 30}\n")
                                       << "spec.regions.groups"
                                       << "region group traffic shares add up to 90 %, expected 100 %";
        QTest::addRow("sentinel quorum") << QByteArray("  redisCluster: {shards: 3, sentinels: 3, sentinelQuorum: @4}\n")
                                         << "spec.redisCluster.sentinelQuorum" << "must be <= sentinels (3), got 4";
        QTest::addRow("cost thresholds")
            << QByteArray("  costOptimization:\n    costThresholds: {warning: 500, critical: @100}\n")
            << "spec.costOptimization.costThresholds.critical" << "must be >= warning (500), got 100";
        QTest::addRow("analytics source")
            << QByteArray("  database:\n    primaries:\n      - {id: m1, replicas: [r1]}\n"
                          "    analytics: {name: dw, sources: [@r2]}\n")
            << "spec.database.analytics.sources[0]" << "no database primary or replica named 'r2'";
        QTest::addRow("traffic point arity") << QByteArray("  traffic:\n    - name: drawn\n      points: [[0, 1], @[1, 2, 3]]\n")
                                             << "spec.traffic[0].points[1]"
                                             << "expected [hours, multiplier], got 3 numbers";
        QTest::addRow("growth phase order")
            << QByteArray("  growthPhases:\n    - {name: p, startMonth: 6, endMonth: @6, fromUsers: 1, toUsers: 2}\n")
            << "spec.growthPhases[0].endMonth" << "must be after startMonth (6), got 6";
        QTest::addRow("syntax error") << QByteArray("  tiers: [\n@") << QString() << "YAML syntax error";
    }

    void malformed()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, path);
        QFETCH(QString, message);
        QByteArray doc = minimal + text;
        const qsizetype marker = doc.indexOf('@');
        QVERIFY(marker >= 0);
        doc.remove(marker, 1);
        const int line = static_cast<int>(doc.left(marker).count('\n')) + 1;
        const int column = static_cast<int>(marker - doc.lastIndexOf('\n', marker - 1));
        const auto loaded = parseScenario(doc, QStringLiteral("bad.yaml"));
        QVERIFY2(!loaded, doc.constData());
        const QString all = loaded.errorString();
        const QString prefix = QStringLiteral("bad.yaml:%1:%2: ").arg(line).arg(column) +
                               (path.isEmpty() ? QString() : path + QStringLiteral(": "));
        bool found = false;
        for (const Diagnostic &d : loaded.errors()) {
            const QString text = d.toString();
            found = found || (text.startsWith(prefix) && text.contains(message));
        }
        QVERIFY2(found, qPrintable(QStringLiteral("expected\n  %1...%2\ngot\n  %3").arg(prefix, message, all)));
    }

    void hpaDisagreeingWithAutoscalingWarns_data()
    {
        QTest::addColumn<QByteArray>("hpa");
        QTest::addColumn<QString>("warning"); // empty: no warning expected
        const QByteArray head = "      hpa:\n"
                                "        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n";
        const QByteArray cpu = "        metrics:\n"
                               "          - type: Resource\n"
                               "            resource: {name: cpu, target: {type: Utilization, averageUtilization: %1}}\n";
        QTest::addRow("agrees") << head + "        minReplicas: 3\n        maxReplicas: 50\n" + QByteArray(cpu).replace("%1", "70")
                                << QString();
        QTest::addRow("max differs") << head + "        minReplicas: 3\n        maxReplicas: 20\n"
                                     << "spec.tiers[0].hpa.maxReplicas: 20 differs from autoscaling.maxReplicas (50)";
        QTest::addRow("min defaults to 1") << head + "        maxReplicas: 50\n"
                                           << "spec.tiers[0].hpa.minReplicas: 1 differs from autoscaling.minReplicas (3)";
        QTest::addRow("cpu target differs")
            << head + "        minReplicas: 3\n        maxReplicas: 50\n" + QByteArray(cpu).replace("%1", "55")
            << "spec.tiers[0].hpa.metrics[0].resource.target.averageUtilization: 55 differs from "
               "autoscaling.targetCPUUtilization (70)";
    }

    void hpaDisagreeingWithAutoscalingWarns()
    {
        QFETCH(QByteArray, hpa);
        QFETCH(QString, warning);
        const QByteArray doc = minimal + tier("        targetCPUUtilization: 70\n") + hpa;
        Diagnostics warnings;
        const auto loaded = parseScenario(doc, QStringLiteral("twice.yaml"), &warnings);
        QVERIFY2(loaded, qPrintable(loaded.errorString()));
        QStringList texts;
        for (const Diagnostic &d : warnings)
            texts << d.toString();
        if (warning.isEmpty()) {
            QVERIFY2(texts.isEmpty(), qPrintable(texts.join(u'\n')));
            return;
        }
        QCOMPARE(texts.size(), 1);
        QVERIFY2(texts.first().startsWith(u"twice.yaml:") && texts.first().contains(warning)
                     && texts.first().contains(u"the simulation and the manifest use hpa"),
                 qPrintable(texts.first()));
    }

    void allProblemsAtOnce()
    {
        const QByteArray doc = minimal + "  currencyy: USD\n" + tier("        targetCPUUtilization: 300\n",
                                                                    "      kind: webb\n");
        const auto loaded = parseScenario(doc, QStringLiteral("three.yaml"));
        QVERIFY(!loaded);
        QVERIFY2(loaded.errors().size() >= 3, qPrintable(loaded.errorString()));
    }

    void unknownKindAndVersion()
    {
        QByteArray doc = minimal;
        doc.replace("headroom/v1", "headroom/v2");
        const auto loaded = parseScenario(doc, QStringLiteral("v2.yaml"));
        QVERIFY(!loaded);
        QVERIFY2(loaded.errorString().contains(QStringLiteral("v2.yaml:1:13: apiVersion: unsupported apiVersion")),
                 qPrintable(loaded.errorString()));
    }

    void mutatedInputNeverCrashes()
    {
        // Every mutation either loads or is rejected with located diagnostics; none may crash.
        const QByteArray original = defaultScenarioYaml();
        quint32 seed = 12345;
        const auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
        static const char alphabet[] = "-:{}[],#&*!|>'\"%@` \n\t0123456789abcXYZ.";
        int rejected = 0;
        for (int round = 0; round < 400; ++round) {
            QByteArray text = original;
            const int edits = 1 + static_cast<int>(next() % 4);
            for (int e = 0; e < edits; ++e) {
                const qsizetype at = static_cast<qsizetype>(next() % static_cast<quint32>(text.size()));
                switch (next() % 3) {
                case 0:
                    text[at] = alphabet[next() % (sizeof(alphabet) - 1)];
                    break;
                case 1:
                    text.remove(at, 1 + static_cast<qsizetype>(next() % 20));
                    break;
                default:
                    text.insert(at, alphabet[next() % (sizeof(alphabet) - 1)]);
                }
            }
            const auto loaded = parseScenario(text, QStringLiteral("mutated.yaml"));
            if (!loaded) {
                ++rejected;
                for (const Diagnostic &d : loaded.errors())
                    QVERIFY2(d.where.file == u"mutated.yaml" && !d.message.isEmpty(), qPrintable(d.toString()));
            }
        }
        QVERIFY(rejected > 100); // the mutations do break things, and each break was reported
    }

    void fieldMetadataForEditors()
    {
        const auto fields = scenarioFields(defaultScenario());
        const FieldInfo max = fields.value(QStringLiteral("spec.tiers[0].autoscaling.maxReplicas"));
        QCOMPARE(max.kind, FieldKind::Int);
        QCOMPARE(*max.options.min, 1.0);
        const FieldInfo eviction = fields.value(QStringLiteral("spec.cacheHierarchy[3].evictionPolicy"));
        QCOMPARE(eviction.kind, FieldKind::Enum);
        QVERIFY(eviction.enumValues.contains(QStringLiteral("allkeys-lru")));
        QCOMPARE(fields.value(QStringLiteral("spec.cacheHierarchy[3].capacity")).kind, FieldKind::Bytes);
        QVERIFY(fields.value(QStringLiteral("spec.tiers[0].hpa")).optional);
    }
};

QTEST_GUILESS_MAIN(TestScenarioIo)
#include "tst_scenarioio.moc"
