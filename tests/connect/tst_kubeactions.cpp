#include "fixtureserver.h"

#include "core/connect/httpclient.h"
#include "core/connect/kubeactions.h"

#include <QFile>
#include <QProcess>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace headroom::connect;

/// Scale and HPA changes against the fixture server: access review, exactly one dry run, then the
/// real request only after confirmation, the right bodies and content types, an audit line — and
/// nothing at all on the wire while writes are off.
class TestKubeActions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void writesOffSendsNothing();
    void scaleDryRunThenApply();
    void hpaUpdateIsMergePatch();
    void hpaCreateIsPost();
    void deniedByAccessReview();
    void hpaJsonShape();
    void cliApplyScale();
    void cliApplyHpa();

private:
    struct Run {
        int exit = -1;
        QString out, err;
    };
    Run cli(const QStringList &args);
    QString kubeconfig() const;
    ResolvedContext context() const;
    QList<FixtureServer::Request> writes() const;
    static headroom::model::HpaSpec plannedHpa(const QString &target);

    std::unique_ptr<FixtureServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    bool m_allowed = true;
    const QString m_tls = QStringLiteral(HEADROOM_TEST_TLS_DIR);
};

static KubeAction scaleWeb(int replicas)
{
    KubeAction scale;
    scale.ns = u"shop"_s;
    scale.name = u"web"_s;
    scale.replicas = replicas;
    return scale;
}

static QJsonObject json(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

void TestKubeActions::init()
{
    m_allowed = true;
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<FixtureServer>(m_tls);
    m_server->setDataDir(QStringLiteral(HEADROOM_TEST_DATA "/k8s"));
    QVERIFY(m_server->start());
    m_server->route("POST", u"/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"_s, [this](const auto &req) {
        QJsonObject review = json(req.body);
        review.insert(u"status"_s, m_allowed ? QJsonObject{{u"allowed"_s, true}}
                                             : QJsonObject{{u"allowed"_s, false}, {u"reason"_s, u"no RBAC policy matched"_s}});
        return FixtureServer::Response{201, QJsonDocument(review).toJson(QJsonDocument::Compact)};
    });
    const QString scalePath = u"/apis/apps/v1/namespaces/shop/deployments/web/scale"_s;
    auto scale = [](int replicas) {
        return QJsonDocument(QJsonObject{{u"kind"_s, u"Scale"_s}, {u"apiVersion"_s, u"autoscaling/v1"_s},
                                         {u"metadata"_s, QJsonObject{{u"name"_s, u"web"_s}, {u"namespace"_s, u"shop"_s}}},
                                         {u"spec"_s, QJsonObject{{u"replicas"_s, replicas}}},
                                         {u"status"_s, QJsonObject{{u"replicas"_s, 3}, {u"selector"_s, u"app=web"_s}}}})
            .toJson(QJsonDocument::Compact);
    };
    m_server->route("GET", scalePath, [scale](const auto &) { return FixtureServer::Response{200, scale(3)}; });
    m_server->route("PATCH", scalePath, [scale](const auto &req) {
        return FixtureServer::Response{200, scale(json(req.body).value(u"spec"_s).toObject().value(u"replicas"_s).toInt())};
    });
    const QJsonArray hpas = json(m_server->readData(u"hpa-list.json"_s)).value(u"items"_s).toArray();
    QJsonObject web;
    for (const QJsonValue &h : hpas)
        if (h.toObject().value(u"metadata"_s).toObject().value(u"name"_s).toString() == u"web")
            web = h.toObject();
    web.insert(u"kind"_s, u"HorizontalPodAutoscaler"_s);
    web.insert(u"apiVersion"_s, u"autoscaling/v2"_s);
    const QString hpaPath = u"/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers/web"_s;
    m_server->route("GET", hpaPath, [web](const auto &) {
        return FixtureServer::Response{200, QJsonDocument(web).toJson(QJsonDocument::Compact)};
    });
    m_server->route("PATCH", hpaPath, [web](const auto &req) {
        QJsonObject merged = web;
        QJsonObject spec = web.value(u"spec"_s).toObject();
        const QJsonObject patch = json(req.body).value(u"spec"_s).toObject();
        for (auto it = patch.begin(); it != patch.end(); ++it) {
            if (it.value().isNull())
                spec.remove(it.key());
            else
                spec.insert(it.key(), it.value());
        }
        merged.insert(u"spec"_s, spec);
        return FixtureServer::Response{200, QJsonDocument(merged).toJson(QJsonDocument::Compact)};
    });
    m_server->route("POST", u"/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers"_s,
                    [](const auto &req) { return FixtureServer::Response{201, req.body}; });
}

ResolvedContext TestKubeActions::context() const
{
    ResolvedContext c;
    c.context = {u"fixture"_s, u"fixture"_s, u"ci"_s, u"shop"_s};
    c.cluster.server = m_server->url().toString();
    c.cluster.caFile = m_tls + u"/ca.pem"_s;
    c.user.name = u"ci"_s;
    c.user.token = u"secret-token-value"_s;
    return c;
}

QList<FixtureServer::Request> TestKubeActions::writes() const
{
    QList<FixtureServer::Request> out;
    for (const auto &r : m_server->requests)
        if (r.method == "PATCH" || (r.method == "POST" && !r.path.contains(u"selfsubjectaccessreviews"_s)))
            out.append(r);
    return out;
}

headroom::model::HpaSpec TestKubeActions::plannedHpa(const QString &target)
{
    headroom::model::HpaSpec spec;
    spec.scaleTargetRef = {u"apps/v1"_s, u"Deployment"_s, target};
    spec.minReplicas = 3;
    spec.maxReplicas = 12;
    headroom::model::MetricSpec cpu;
    cpu.resourceName = u"cpu"_s;
    cpu.target.averageUtilization = 65;
    spec.metrics = {cpu};
    return spec;
}

void TestKubeActions::writesOffSendsNothing()
{
    KubeClient client(context());
    KubeActions actions(&client, AuditLog(m_dir->filePath(u"audit.log"_s)));
    QVERIFY(!actions.writesEnabled());
    const KubeAction scale = scaleWeb(5);
    const auto plan = waitResult(actions.plan(scale));
    QVERIFY(!plan.ok());
    QVERIFY2(plan.errorString().contains(u"read-only"_s), qPrintable(plan.errorString()));
    ActionPlan forged;
    forged.action = scale;
    forged.method = "PATCH";
    forged.path = u"/apis/apps/v1/namespaces/shop/deployments/web/scale"_s;
    forged.body = R"({"spec":{"replicas":5}})";
    forged.contentType = "application/merge-patch+json";
    QVERIFY(!waitResult(actions.apply(forged, true)).ok());
    QTest::qWait(50);
    QVERIFY(m_server->requests.isEmpty());
    QVERIFY(!QFile::exists(m_dir->filePath(u"audit.log"_s)));
}

void TestKubeActions::scaleDryRunThenApply()
{
    KubeClient client(context());
    KubeActions actions(&client, AuditLog(m_dir->filePath(u"audit.log"_s)));
    actions.setWritesEnabled(true);
    const KubeAction scale = scaleWeb(5);
    const auto plan = waitResult(actions.plan(scale));
    QVERIFY2(plan.ok(), qPrintable(plan.errorString()));
    QCOMPARE(plan->diff, u"- replicas: 3\n+ replicas: 5\n"_s);
    QCOMPARE(m_server->requests.size(), 3);
    const auto review = json(m_server->requests[0].body);
    QCOMPARE(review.value(u"kind"_s).toString(), u"SelfSubjectAccessReview"_s);
    const auto attrs = review.value(u"spec"_s).toObject().value(u"resourceAttributes"_s).toObject();
    QCOMPARE(attrs.value(u"subresource"_s).toString(), u"scale"_s);
    QCOMPARE(attrs.value(u"verb"_s).toString(), u"patch"_s);
    QCOMPARE(m_server->requests[1].method, QByteArray("GET"));
    QCOMPARE(writes().size(), 1);
    QCOMPARE(writes()[0].query.queryItemValue(u"dryRun"_s), u"All"_s);

    QVERIFY(!waitResult(actions.apply(plan.value(), /*confirmed=*/false)).ok());
    QCOMPARE(writes().size(), 1); // unconfirmed: nothing sent

    const auto applied = waitResult(actions.apply(plan.value(), true));
    QVERIFY2(applied.ok(), qPrintable(applied.errorString()));
    const auto w = writes();
    QCOMPARE(w.size(), 2); // exactly the dry run, then the real request
    QVERIFY(!w[1].query.hasQueryItem(u"dryRun"_s));
    QCOMPARE(w[1].path, u"/apis/apps/v1/namespaces/shop/deployments/web/scale"_s);
    QCOMPARE(w[1].headers.value("content-type"), QByteArray("application/merge-patch+json"));
    QCOMPARE(w[1].body, w[0].body);
    QCOMPARE(json(w[1].body), json(R"({"spec":{"replicas":5}})"));

    QFile audit(m_dir->filePath(u"audit.log"_s));
    QVERIFY(audit.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = audit.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    const QJsonObject entry = json(lines[0]);
    QCOMPARE(entry.value(u"outcome"_s).toString(), u"applied"_s);
    QCOMPARE(entry.value(u"context"_s).toString(), u"fixture"_s);
    QVERIFY(entry.value(u"action"_s).toString().contains(u"to 5 replicas"_s));
    QVERIFY(!lines[0].contains("secret-token-value"));
}

void TestKubeActions::hpaUpdateIsMergePatch()
{
    KubeClient client(context());
    KubeActions actions(&client, AuditLog(m_dir->filePath(u"audit.log"_s)));
    actions.setWritesEnabled(true);
    KubeAction apply;
    apply.kind = KubeAction::Kind::ApplyHpa;
    apply.ns = u"shop"_s;
    apply.name = u"web"_s;
    apply.hpa = plannedHpa(u"web"_s);
    const auto plan = waitResult(actions.plan(apply));
    QVERIFY2(plan.ok(), qPrintable(plan.errorString()));
    QVERIFY(!plan->creates);
    QVERIFY2(plan->diff.contains(u"- maxReplicas: 10\n+ maxReplicas: 12\n"_s), qPrintable(plan->diff));
    QVERIFY2(plan->diff.contains(u"- behavior.scaleDown.stabilizationWindowSeconds: 300"_s), qPrintable(plan->diff));
    QVERIFY(waitResult(actions.apply(plan.value(), true)).ok());
    const auto w = writes();
    QCOMPARE(w.size(), 2);
    QCOMPARE(w[0].query.queryItemValue(u"dryRun"_s), u"All"_s);
    for (const auto &r : w) {
        QCOMPARE(r.method, QByteArray("PATCH"));
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/merge-patch+json"));
    }
    const QJsonObject spec = json(w[1].body).value(u"spec"_s).toObject();
    QCOMPARE(spec.value(u"maxReplicas"_s).toInt(), 12);
    QCOMPARE(spec.value(u"minReplicas"_s).toInt(), 3);
    QVERIFY(spec.value(u"behavior"_s).isNull()); // removes the live behavior the plan does not have
    QCOMPARE(spec.value(u"metrics"_s).toArray()[0].toObject().value(u"resource"_s).toObject()
                 .value(u"target"_s).toObject().value(u"averageUtilization"_s).toInt(), 65);
}

void TestKubeActions::hpaCreateIsPost()
{
    KubeClient client(context());
    KubeActions actions(&client, AuditLog(m_dir->filePath(u"audit.log"_s)));
    actions.setWritesEnabled(true);
    KubeAction apply;
    apply.kind = KubeAction::Kind::ApplyHpa;
    apply.ns = u"shop"_s;
    apply.name = u"checkout"_s; // the fixture has no such HPA: 404
    apply.hpa = plannedHpa(u"checkout"_s);
    const auto plan = waitResult(actions.plan(apply));
    QVERIFY2(plan.ok(), qPrintable(plan.errorString()));
    QVERIFY(plan->creates);
    QVERIFY(plan->diff.contains(u"+ maxReplicas: 12"_s));
    QVERIFY(waitResult(actions.apply(plan.value(), true)).ok());
    const auto w = writes();
    QCOMPARE(w.size(), 2);
    QCOMPARE(w[0].query.queryItemValue(u"dryRun"_s), u"All"_s);
    QVERIFY(!w[1].query.hasQueryItem(u"dryRun"_s));
    QCOMPARE(w[1].method, QByteArray("POST"));
    QCOMPARE(w[1].path, u"/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers"_s);
    QCOMPARE(w[1].headers.value("content-type"), QByteArray("application/json"));
    const QJsonObject object = json(w[1].body);
    QCOMPARE(object.value(u"kind"_s).toString(), u"HorizontalPodAutoscaler"_s);
    QCOMPARE(object.value(u"metadata"_s).toObject().value(u"name"_s).toString(), u"checkout"_s);
}

void TestKubeActions::deniedByAccessReview()
{
    m_allowed = false;
    KubeClient client(context());
    KubeActions actions(&client, AuditLog(m_dir->filePath(u"audit.log"_s)));
    actions.setWritesEnabled(true);
    const KubeAction scale = scaleWeb(9);
    const auto plan = waitResult(actions.plan(scale));
    QVERIFY(!plan.ok());
    QVERIFY2(plan.errorString().contains(u"not allowed to scale Deployment shop/web"_s)
                 && plan.errorString().contains(u"no RBAC policy matched"_s),
             qPrintable(plan.errorString()));
    QCOMPARE(m_server->requests.size(), 1); // only the review
    QVERIFY(writes().isEmpty());
}

void TestKubeActions::hpaJsonShape()
{
    auto spec = plannedHpa(u"api"_s);
    headroom::model::MetricSpec pods;
    pods.type = headroom::model::MetricSourceType::Pods;
    pods.metric.name = u"http_requests_per_second"_s;
    pods.target.type = headroom::model::MetricTargetType::AverageValue;
    pods.target.averageValue = headroom::model::Quantity::parse(u"250"_s);
    spec.metrics.append(pods);
    const QJsonObject o = hpaSpecToJson(spec);
    const QJsonObject m = o.value(u"metrics"_s).toArray()[1].toObject();
    QCOMPARE(m.value(u"type"_s).toString(), u"Pods"_s);
    QCOMPARE(m.value(u"pods"_s).toObject().value(u"target"_s).toObject().value(u"averageValue"_s).toString(), u"250"_s);
    QCOMPARE(o.value(u"scaleTargetRef"_s).toObject().value(u"name"_s).toString(), u"api"_s);
}

QTEST_GUILESS_MAIN(TestKubeActions)
#include "tst_kubeactions.moc"

QString TestKubeActions::kubeconfig() const
{
    const QString path = m_dir->filePath(u"kubeconfig"_s);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(u"apiVersion: v1\nkind: Config\ncurrent-context: fixture\nclusters:\n- name: fx\n  cluster:\n"
            "    server: %1\n    certificate-authority: %2/ca.pem\nusers:\n- name: ci\n  user:\n"
            "    token: secret-token-value\ncontexts:\n- name: fixture\n  context:\n    cluster: fx\n    user: ci\n"
            "    namespace: shop\n"_s.arg(m_server->url().toString(), m_tls)
                .toUtf8());
    return path;
}

TestKubeActions::Run TestKubeActions::cli(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LSAN_OPTIONS"_s, u"suppressions=" HEADROOM_SOURCE_DIR "/tests/connect/lsan.supp"_s); // ASan builds
    env.insert(u"XDG_DATA_HOME"_s, m_dir->filePath(u"data"_s));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(HEADROOM_CLI), args);
    Run r;
    // the fixture server lives in this process: keep its event loop running meanwhile
    if (!waitUntil([&] { return p.state() == QProcess::NotRunning; }, std::chrono::seconds(60)))
        return r;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    r.exit = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

void TestKubeActions::cliApplyScale()
{
    const QString config = kubeconfig();
    const QString audit = m_dir->filePath(u"cli-audit.log"_s);
    const QStringList base{u"apply"_s, u"--kubeconfig"_s, config, u"--scale"_s, u"deployment/web=5"_s,
                           u"--audit-log"_s, audit};

    // writes off (the default): an error that says so, and nothing on the wire
    Run r = cli(base);
    QCOMPARE(r.exit, 1);
    QVERIFY2(r.err.contains(u"writes"_s), qPrintable(r.err));
    QVERIFY(m_server->requests.isEmpty());

    // --write: access review, current object, one dry run; the diff is shown, nothing applied
    r = cli(base + QStringList{u"--write"_s});
    QCOMPARE(r.exit, 0);
    QVERIFY2(r.out.contains(u"- replicas: 3\n+ replicas: 5\n"_s), qPrintable(r.out));
    QVERIFY(r.out.contains(u"dry run only"_s));
    QCOMPARE(writes().size(), 1);
    QCOMPARE(writes()[0].query.queryItemValue(u"dryRun"_s), u"All"_s);
    QVERIFY(!QFile::exists(audit));

    // --write --yes: the dry run again, then exactly one real request, recorded in the audit log
    r = cli(base + QStringList{u"--write"_s, u"--yes"_s});
    QCOMPARE(r.exit, 0);
    QVERIFY2(r.out.contains(u"applied"_s), qPrintable(r.out + r.err));
    const auto w = writes();
    QCOMPARE(w.size(), 3);
    QCOMPARE(w[1].query.queryItemValue(u"dryRun"_s), u"All"_s);
    QVERIFY(!w[2].query.hasQueryItem(u"dryRun"_s));
    QCOMPARE(w[2].path, u"/apis/apps/v1/namespaces/shop/deployments/web/scale"_s);
    QCOMPARE(w[2].headers.value("authorization"), QByteArray("Bearer secret-token-value"));
    QFile log(audit);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray lines = log.readAll();
    QCOMPARE(lines.trimmed().split('\n').size(), 1);
    QVERIFY(!lines.contains("secret-token-value"));

    QCOMPARE(cli({u"apply"_s, u"--kubeconfig"_s, config, u"--scale"_s, u"web=lots"_s, u"--write"_s}).exit, 2);
    QCOMPARE(cli({u"apply"_s, u"--kubeconfig"_s, config, u"--scale"_s, u"web=2"_s, u"--yes"_s}).exit, 2);
}

void TestKubeActions::cliApplyHpa()
{
    // WebTools Pro's api tier planned onto the fixture's "web" HPA: a merge patch of its spec
    const Run r = cli({u"apply"_s, u"--kubeconfig"_s, kubeconfig(), u"--hpa"_s, u"api"_s, u"--hpa-name"_s, u"web"_s,
                       u"--write"_s, u"--yes"_s, u"--audit-log"_s, m_dir->filePath(u"a.log"_s)});
    QCOMPARE(r.exit, 0);
    QVERIFY2(r.out.contains(u"maxReplicas"_s), qPrintable(r.out + r.err));
    const auto w = writes();
    QCOMPARE(w.size(), 2);
    QCOMPARE(w[1].method, QByteArray("PATCH"));
    QCOMPARE(w[1].path, u"/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers/web"_s);
    QCOMPARE(w[1].headers.value("content-type"), QByteArray("application/merge-patch+json"));
    QCOMPARE(json(w[1].body).value(u"spec"_s).toObject().value(u"maxReplicas"_s).toInt(), 100);
    QCOMPARE(cli({u"apply"_s, u"--kubeconfig"_s, kubeconfig(), u"--hpa"_s, u"nope"_s, u"--write"_s}).exit, 2);
}
