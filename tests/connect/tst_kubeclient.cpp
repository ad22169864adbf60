#include "fixtureserver.h"

#include "core/connect/clusterimport.h"
#include "core/connect/kubeclient.h"
#include "core/connect/secretstore.h"
#include "core/model/scenarioio.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace headroom::connect;
using headroom::model::Result;

/// The Kubernetes client and import against the HTTPS fixture server, which replays bodies shaped
/// as the API reference has them (tests/data/k8s), including pagination, 410, 401/403/404, a slow
/// answer and a malformed body.
class TestKubeClient : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void tokenAndCaVerify();
    void clientCertificates_data();
    void clientCertificates();
    void wrongCaFailsUnlessInsecure();
    void tlsServerName();
    void paginationFollowsContinue();
    void restartsListOn410();
    void errorsSayWhatTheyMean_data();
    void errorsSayWhatTheyMean();
    void slowAnswerTimesOutAfterRetries();
    void malformedBody();
    void transientErrorIsRetried();
    void execPluginToken();
    void importBuildsValidScenario();
    void cliImportWritesValidScenario();
    void cliImportTokenFromKeychain();

private:
    ResolvedContext context(const QString &user = u"token"_s) const;
    void routeCluster(bool paginated);
    QString writeKubeconfig(const QTemporaryDir &dir, const QString &currentContext, const QString &user);

    std::unique_ptr<FixtureServer> m_server;
    const QString m_tls = QStringLiteral(HEADROOM_TEST_TLS_DIR);
    const QString m_data = QStringLiteral(HEADROOM_TEST_DATA "/k8s");
};

void TestKubeClient::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFile::exists(m_tls + u"/server.pem"_s), "test certificates missing (built by headroom_test_tls)");
}

void TestKubeClient::init()
{
    m_server = std::make_unique<FixtureServer>(m_tls);
    m_server->setDataDir(m_data);
    QVERIFY(m_server->start());
}

ResolvedContext TestKubeClient::context(const QString &user) const
{
    ResolvedContext c;
    c.context = {u"fixture"_s, u"fixture"_s, user, u"default"_s};
    c.cluster.name = u"fixture"_s;
    c.cluster.server = m_server->url().toString();
    c.cluster.caFile = m_tls + u"/ca.pem"_s;
    c.user.name = user;
    if (user == u"token")
        c.user.token = u"fixture-static-token"_s;
    return c;
}

void TestKubeClient::routeCluster(bool paginated)
{
    m_server->routeFile("GET", u"/version"_s, u"version.json"_s);
    const QList<QPair<QString, QString>> lists{
        {u"/api/v1/nodes"_s, u"nodes-list.json"_s},
        {u"/apis/apps/v1/deployments"_s, u"deployments-list.json"_s},
        {u"/apis/apps/v1/statefulsets"_s, u"statefulsets-list.json"_s},
        {u"/apis/autoscaling/v2/horizontalpodautoscalers"_s, u"hpa-list.json"_s},
        {u"/api/v1/pods"_s, u"pods-list.json"_s},
        {u"/apis/metrics.k8s.io/v1beta1/nodes"_s, u"metrics-nodes.json"_s},
        {u"/apis/metrics.k8s.io/v1beta1/pods"_s, u"metrics-pods.json"_s}};
    for (const auto &[path, file] : lists) {
        if (paginated)
            m_server->routeList(path, file);
        else
            m_server->routeFile("GET", path, file);
    }
}

void TestKubeClient::tokenAndCaVerify()
{
    m_server->routeFile("GET", u"/version"_s, u"version.json"_s);
    KubeClient client(context());
    QVERIFY(client.prepare().ok());
    const auto r = waitResult(client.get(u"/version"_s));
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QCOMPARE(r->object.value(u"gitVersion"_s).toString(), u"v1.28.3"_s);
    QCOMPARE(m_server->requests.size(), 1);
    QCOMPARE(m_server->requests[0].headers.value("authorization"), QByteArray("Bearer fixture-static-token"));
    QCOMPARE(m_server->requests[0].headers.value("accept"), QByteArray("application/json"));
}

void TestKubeClient::clientCertificates_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("subject");
    QTest::addRow("rsa") << u"client"_s << u"kubernetes-admin"_s;
    QTest::addRow("ec") << u"client-ec"_s << u"ec-admin"_s;
}

void TestKubeClient::clientCertificates()
{
    QFETCH(QString, name);
    QFETCH(QString, subject);
    m_server->routeFile("GET", u"/version"_s, u"version.json"_s);
    ResolvedContext c = context(u"cert"_s);
    c.user.clientCertificateFile = m_tls + u'/' + name + u".pem"_s;
    c.user.clientKeyFile = m_tls + u'/' + name + u".key"_s;
    KubeClient client(c);
    const auto prepared = client.prepare();
    QVERIFY2(prepared.ok(), qPrintable(prepared.errorString()));
    const auto r = waitResult(client.get(u"/version"_s));
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QCOMPARE(m_server->requests.last().clientSubject, subject);
    QVERIFY(!m_server->requests.last().headers.contains("authorization"));
}

void TestKubeClient::wrongCaFailsUnlessInsecure()
{
    m_server->routeFile("GET", u"/version"_s, u"version.json"_s);
    ResolvedContext c = context();
    c.cluster.caFile = m_tls + u"/other-ca.pem"_s;
    KubeClient strict(c);
    const auto r = waitResult(strict.get(u"/version"_s));
    QVERIFY(!r.ok());
    QVERIFY2(r.errorString().contains(u"certificate"_s, Qt::CaseInsensitive), qPrintable(r.errorString()));
    QVERIFY(m_server->requests.isEmpty()); // nothing, not even the token, went to an unverified server

    c.cluster.insecureSkipTlsVerify = true;
    c.warnings.append(u"insecure-skip-tls-verify is set"_s);
    KubeClient insecure(c);
    const auto ok = waitResult(insecure.get(u"/version"_s));
    QVERIFY2(ok.ok(), qPrintable(ok.errorString()));
    QVERIFY(insecure.warnings().join(u' ').contains(u"insecure-skip-tls-verify"_s));
}

void TestKubeClient::tlsServerName()
{
    m_server->routeFile("GET", u"/version"_s, u"version.json"_s);
    ResolvedContext c = context();
    c.cluster.server = u"https://127.0.0.1:%1/"_s.arg(m_server->serverPort());
    c.cluster.tlsServerName = u"kubernetes.default.svc"_s; // in the certificate's SANs
    KubeClient good(c);
    QVERIFY(waitResult(good.get(u"/version"_s)).ok());
    c.cluster.tlsServerName = u"not-in-the-cert.example"_s;
    KubeClient bad(c);
    QVERIFY(!waitResult(bad.get(u"/version"_s)).ok());
}

void TestKubeClient::paginationFollowsContinue()
{
    m_server->routeList(u"/api/v1/pods"_s, u"pods-list.json"_s);
    KubeClient client(context());
    const auto r = waitResult(client.listAll(u"/api/v1/pods"_s, {}, 4));
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QCOMPARE(r->size(), 11);
    QCOMPARE(m_server->requests.size(), 3); // 4 + 4 + 3
    QVERIFY(!m_server->requests[0].query.hasQueryItem(u"continue"_s));
    QCOMPARE(m_server->requests[1].query.queryItemValue(u"limit"_s), u"4"_s);
    const QString token = m_server->requests[1].query.queryItemValue(u"continue"_s, QUrl::FullyDecoded);
    const QByteArray decoded = QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
    QVERIFY2(decoded.startsWith(R"({"rv":91823,"start":"shop/)") || decoded.contains(R"("v":"meta.k8s.io/v1")"),
             decoded.constData());
    QSet<QString> names;
    for (const QJsonObject &item : r.value())
        names.insert(item.value(u"metadata"_s).toObject().value(u"name"_s).toString());
    QCOMPARE(names.size(), 11); // no item twice, none lost
}

void TestKubeClient::restartsListOn410()
{
    m_server->routeList(u"/api/v1/nodes"_s, u"nodes-list.json"_s, /*expireFirstContinue=*/true);
    KubeClient client(context());
    const auto r = waitResult(client.listAll(u"/api/v1/nodes"_s, {}, 2));
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QCOMPARE(r->size(), 4);
    // page 1, 410 on page 2, then page 1 and page 2 again
    QCOMPARE(m_server->requests.size(), 4);
    QVERIFY(m_server->requests[1].query.hasQueryItem(u"continue"_s));
    QVERIFY(!m_server->requests[2].query.hasQueryItem(u"continue"_s));
}

void TestKubeClient::errorsSayWhatTheyMean_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::addRow("401") << 401 << u"/api/v1/nodes"_s << kubeStatus(401, u"Unauthorized"_s, u"Unauthorized"_s)
                         << u"HTTP 401: unauthorized: the API server rejected the credentials"_s;
    QTest::addRow("403") << 403 << u"/api/v1/nodes"_s
                         << kubeStatus(403, u"Forbidden"_s,
                                       u"nodes is forbidden: User \"system:serviceaccount:default:default\" cannot list "
                                       "resource \"nodes\" in API group \"\" at the cluster scope"_s)
                         << u"forbidden: the credentials are valid but RBAC does not allow this — server says: nodes is "
                            "forbidden: User"_s;
    QTest::addRow("404 object") << 404 << u"/apis/apps/v1/namespaces/shop/deployments/web"_s
                                << kubeStatus(404, u"NotFound"_s, u"deployments.apps \"web\" not found"_s)
                                << u"not found: the object or API does not exist on this cluster — server says: "
                                   "deployments.apps \"web\" not found"_s;
    QTest::addRow("404 metrics") << 404 << u"/apis/metrics.k8s.io/v1beta1/nodes"_s
                                 << kubeStatus(404, u"NotFound"_s, u"the server could not find the requested resource"_s)
                                 << u"is metrics-server installed?"_s;
}

void TestKubeClient::errorsSayWhatTheyMean()
{
    QFETCH(int, status);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    m_server->route("GET", path, [=](const FixtureServer::Request &) {
        return FixtureServer::Response{status, body};
    });
    KubeClient client(context());
    const auto r = waitResult(client.get(path));
    QVERIFY(!r.ok());
    QVERIFY2(r.errorString().contains(expected), qPrintable(r.errorString()));
    QVERIFY2(r.errorString().contains(m_server->url().toString() + path), qPrintable(r.errorString()));
    QVERIFY(!r.errorString().contains(u"fixture-static-token"_s));
    QCOMPARE(m_server->requests.size(), 1); // 4xx are not retried
}

void TestKubeClient::slowAnswerTimesOutAfterRetries()
{
    m_server->route("GET", u"/version"_s, [this](const FixtureServer::Request &) {
        return FixtureServer::Response{200, m_server->readData(u"version.json"_s), "application/json", {}, 3000};
    });
    KubeClient client(context());
    client.setRetryPolicy({std::chrono::milliseconds(300), 2, std::chrono::milliseconds(50)});
    const auto r = waitResult(client.get(u"/version"_s));
    QVERIFY(!r.ok());
    QVERIFY2(r.errorString().contains(u"did not answer in time"_s), qPrintable(r.errorString()));
    QCOMPARE(m_server->requests.size(), 2); // bounded: exactly maxAttempts
}

void TestKubeClient::malformedBody()
{
    m_server->route("GET", u"/api/v1/nodes"_s, [](const FixtureServer::Request &) {
        return FixtureServer::Response{200, R"({"kind":"NodeList","items":[{"metadata":)"};
    });
    KubeClient client(context());
    const auto r = waitResult(client.listAll(u"/api/v1/nodes"_s));
    QVERIFY(!r.ok());
    QVERIFY2(r.errorString().contains(u"malformed JSON"_s) && r.errorString().contains(u"HTTP 200"_s),
             qPrintable(r.errorString()));
}

void TestKubeClient::transientErrorIsRetried()
{
    int calls = 0;
    m_server->route("GET", u"/version"_s, [this, &calls](const FixtureServer::Request &) {
        if (++calls == 1) // API Priority and Fairness throttling, with a hint
            return FixtureServer::Response{429, kubeStatus(429, u"TooManyRequests"_s, u"Too many requests"_s),
                                           "application/json", {{"Retry-After", "1"}}};
        return FixtureServer::Response{200, m_server->readData(u"version.json"_s)};
    });
    KubeClient client(context());
    QElapsedTimer timer;
    timer.start();
    const auto r = waitResult(client.get(u"/version"_s));
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QCOMPARE(calls, 2);
    QVERIFY(timer.elapsed() >= 900); // waited as Retry-After asked
}

void TestKubeClient::execPluginToken()
{
    m_server->routeFile("GET", u"/version"_s, u"version.json"_s);
    ResolvedContext c = context(u"exec"_s);
    KubeExec exec;
    exec.apiVersion = u"client.authentication.k8s.io/v1"_s;
    exec.command = m_data + u"/kubeconfig/exec-plugin.sh"_s;
    exec.env = {{u"FIXTURE_TOKEN"_s, u"token-from-exec"_s}};
    exec.interactiveMode = u"Never"_s;
    c.user.exec = exec;
    KubeClient client(c);
    const auto prepared = client.prepare();
    QVERIFY2(prepared.ok(), qPrintable(prepared.errorString()));
    QVERIFY(client.warnings().join(u' ').contains(u"running the exec credential plugin"_s));
    QVERIFY(waitResult(client.get(u"/version"_s)).ok());
    QCOMPARE(m_server->requests[0].headers.value("authorization"), QByteArray("Bearer token-from-exec"));

    c.user.exec->interactiveMode = u"Always"_s;
    KubeClient interactive(c);
    const auto refused = interactive.prepare();
    QVERIFY(!refused.ok());
    QVERIFY(refused.errorString().contains(u"interactive terminal"_s));
}

void TestKubeClient::importBuildsValidScenario()
{
    routeCluster(true);
    KubeClient client(context());
    const auto snap = waitResult(fetchClusterSnapshot(&client, 2));
    QVERIFY2(snap.ok(), qPrintable(snap.errorString()));
    QCOMPARE(snap->version, u"v1.28.3"_s);
    QCOMPARE(snap->nodes.size(), 4);
    QCOMPARE(snap->workloads.size(), 4);
    QCOMPARE(snap->hpas.size(), 3);
    QCOMPARE(snap->pods.size(), 11);
    QVERIFY(snap->nodes[0].cpuUsageMillicores.has_value()); // metrics joined

    ImportOptions options;
    options.prices = {{u"aws"_s, u"us-east-1"_s, u"m5.large"_s, 2, 8, 0.096, u"fixture"_s, {}},
                      {u"aws"_s, u"us-east-1"_s, u"m5.xlarge"_s, 4, 16, 0.192, u"fixture"_s, {}}};
    options.prometheusUrl = u"http://127.0.0.1:19090"_s;
    QStringList warnings;
    const auto s = buildScenario(snap.value(), options, headroom::model::defaultScenario(), &warnings);
    const auto problems = headroom::model::validateScenario(s);
    QVERIFY2(problems.isEmpty(), qPrintable(headroom::model::formatDiagnostics(problems)));
    QCOMPARE(s.spec.tiers.size(), 4);
    const auto *web = s.tier(u"web");
    QVERIFY(web);
    QCOMPARE(web->kind, headroom::model::TierKind::Web);
    QVERIFY(web->hpa.has_value());
    QCOMPARE(web->hpa->minReplicas.value_or(-1), 2);
    QCOMPARE(web->hpa->maxReplicas, 10);
    QCOMPARE(web->hpa->behavior->scaleDown->stabilizationWindowSeconds.value_or(-1), 300);
    QCOMPARE(web->autoscaling.targetCPUUtilization.value_or(-1), 70);
    QCOMPARE(web->requests.cpuMillicores, 250);
    const auto *api = s.tier(u"api");
    QCOMPARE(api->requests.cpuMillicores, 600);                 // api + envoy sidecar
    QCOMPARE(api->hpa->metrics.size(), 3);
    const auto *worker = s.tier(u"queue-worker");
    QVERIFY(!worker->hpa.has_value());
    QCOMPARE(worker->autoscaling.minReplicas, 2);
    QCOMPARE(worker->resourceTier, u"x9.huge"_s);
    QCOMPARE(s.spec.resourceTiers.size(), 3);
    QCOMPARE(s.resourceTier(u"m5.xlarge")->costPerHour.amount, 0.192);
    QCOMPARE(s.resourceTier(u"x9.huge")->costPerHour.amount, 0.0);
    QCOMPARE(s.metadata.labels.value(u"headroom.io/unpriced-node-sizes"_s), u"x9.huge"_s);
    const QString all = warnings.join(u'\n');
    QVERIFY2(all.contains(u"x9.huge"_s) && all.contains(u"unpriced"_s), qPrintable(all));
    QVERIFY2(all.contains(u"unschedulable"_s), qPrintable(all));
    QVERIFY2(all.contains(u"FailedGetResourceMetric"_s), qPrintable(all));
    QCOMPARE(s.spec.regions.groups.size(), 1);
    const auto &regions = s.spec.regions.groups[0].regions;
    QCOMPARE(regions.size(), 2);
    QCOMPARE(regions[0].id, u"eu-west-1"_s);
    QCOMPARE(regions[1].id, u"us-east-1"_s);
    QVERIFY(regions[1].name.contains(u"us-east-1c"_s)); // from the beta labels of the m5.large node
    QCOMPARE(s.spec.costOptimization.provider, u"aws"_s);
    QCOMPARE(s.spec.dataSources.size(), 2);
    QVERIFY(s.spec.dataSources[1].queries.contains(u"cpu.web"_s));
    // the YAML round-trips through the scenario loader
    auto reparsed = headroom::model::parseScenario(headroom::model::serializeScenario(s), u"imported.yaml"_s);
    QVERIFY2(reparsed.ok(), qPrintable(reparsed.errorString()));
    QCOMPARE(reparsed->scenario.spec.tiers, s.spec.tiers);
}

QString TestKubeClient::writeKubeconfig(const QTemporaryDir &dir, const QString &currentContext, const QString &user)
{
    const QString path = dir.filePath(u"kubeconfig"_s);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QStringLiteral("apiVersion: v1\nkind: Config\ncurrent-context: %1\nclusters:\n- name: fx\n  cluster:\n"
                           "    server: %2\n    certificate-authority: %3/ca.pem\nusers:\n- name: admin\n  user:\n%4"
                           "contexts:\n- name: fixture\n  context:\n    cluster: fx\n    user: admin\n")
                .arg(currentContext, m_server->url().toString(), m_tls, user)
                .toUtf8());
    return path;
}

static int runCli(const QStringList &args, QByteArray *stderrText, const QString &dbusAddress = {})
{
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!dbusAddress.isEmpty())
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, dbusAddress);
    env.insert(u"LSAN_OPTIONS"_s, u"suppressions=" HEADROOM_SOURCE_DIR "/tests/connect/lsan.supp"_s); // ASan builds
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(HEADROOM_CLI), args);
    // the fixture server lives in this process: keep its event loop running meanwhile
    if (!waitUntil([&] { return cli.state() == QProcess::NotRunning; }, std::chrono::seconds(60)))
        return -1;
    *stderrText = cli.readAllStandardError();
    return cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
}

void TestKubeClient::cliImportWritesValidScenario()
{
    routeCluster(true);
    QTemporaryDir dir;
    const QString kubeconfig = writeKubeconfig(dir, u"wrong"_s,
                                               u"    client-certificate: %1/client.pem\n    client-key: %1/client.key\n"_s.arg(m_tls));
    QVERIFY(!kubeconfig.isEmpty());
    const QString out = dir.filePath(u"imported.yaml"_s);
    QByteArray errText;
    const int code = runCli({u"import"_s, u"--kubeconfig"_s, kubeconfig, u"--context"_s, u"fixture"_s,
                             u"--page-size"_s, u"3"_s, u"--out"_s, out}, &errText);
    QVERIFY2(code == 0, qPrintable(u"exit code %1: %2"_s.arg(code).arg(QString::fromUtf8(errText.right(1500)))));
    QVERIFY2(errText.contains("warning: node size x9.huge"), errText.constData());
    QVERIFY(m_server->requests.size() > 8); // paginated
    QCOMPARE(m_server->requests.last().clientSubject, u"kubernetes-admin"_s);
    const int valid = runCli({u"validate"_s, out}, &errText);
    QVERIFY2(valid == 0, errText.constData());

    QByteArray badErr;
    QCOMPARE(runCli({u"import"_s, u"--kubeconfig"_s, kubeconfig, u"--out"_s, out}, &badErr), 1);
    QVERIFY2(badErr.contains("context was not found for specified context: wrong"), badErr.constData());
}

/// --token-secret NAME: the bearer token comes from the keychain (integration: HEADROOM_KEYCHAIN_LIVE
/// inside tests/run-all.sh's D-Bus session); without a keychain the import stops with a clear error.
void TestKubeClient::cliImportTokenFromKeychain()
{
    routeCluster(true);
    QTemporaryDir dir;
    const QString kubeconfig = writeKubeconfig(dir, u"fixture"_s, u"    token: not-this-one\n"_s);
    QVERIFY(!kubeconfig.isEmpty());
    const QString name = u"headroom-test-kube-%1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    const QStringList args{u"import"_s, u"--kubeconfig"_s, kubeconfig, u"--token-secret"_s, name,
                           u"--out"_s, dir.filePath(u"imported.yaml"_s)};
    QByteArray errText;
    if (!qEnvironmentVariableIsSet("HEADROOM_KEYCHAIN_LIVE")) {
        QCOMPARE(runCli(args, &errText, u"unix:path=/nonexistent/headroom-test-bus"_s), 1);
        QVERIFY2(errText.contains("the system keychain is not available"), errText.constData());
        QVERIFY(m_server->requests.isEmpty()); // nothing sent without the credentials asked for
        return;
    }
    const QString token = u"kc-token-%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
    QVERIFY(writeKeychainSecret(name, token).ok());
    const int code = runCli(args, &errText);
    QVERIFY(removeKeychainSecret(name).ok());
    QVERIFY2(code == 0, qPrintable(QString::fromUtf8(errText.right(1500))));
    QVERIFY(!m_server->requests.isEmpty());
    for (const auto &req : std::as_const(m_server->requests))
        QCOMPARE(req.headers.value("authorization"), "Bearer " + token.toUtf8());
    QVERIFY(!errText.contains(token.toUtf8()));
}

QTEST_GUILESS_MAIN(TestKubeClient)
#include "tst_kubeclient.moc"
