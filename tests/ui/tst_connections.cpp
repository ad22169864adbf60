// The Connections dialog: it edits the document's data sources through the undo stack (saved with
// the scenario, legacy settings entries migrated once), secrets only through the SecretStore (with
// no keychain it says so and writes nothing to disk), test/import against the HTTPS Kubernetes
// fixture server, asynchronous and cancellable, and protocol-level tests of Redis and PostgreSQL:
// a refused port fails naming host:port; the live cases (HEADROOM_LIVE=1, label integration) check
// the Redis Cluster and PostgreSQL of tests/run-all.sh.
#include "ui/dialogs/connectionjob.h"
#include "ui/dialogs/connectionlist.h"
#include "ui/dialogs/connectionsdialog.h"
#include "ui/document/scenariodocument.h"

#include "core/connect/secretstore.h"
#include "core/model/scenarioio.h"
#include "tests/connect/fixtureserver.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTcpServer>
#include <QTest>
#include <QScopeGuard>
#include <QUndoStack>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace headroom;
using namespace headroom::ui;

class TestConnections : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"HeadroomTest"_s);
        // tst_connections_live runs this binary beside the plain run: each clears its own settings
        QCoreApplication::setApplicationName(qEnvironmentVariableIsSet("HEADROOM_LIVE") ? u"tst_connections_live"_s
                                                                                        : u"tst_connections"_s);
        QVERIFY2(QFile::exists(m_tls + u"/server.pem"_s), "test certificates missing (built by headroom_test_tls)");
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        QSettings().clear();
        m_server = std::make_unique<FixtureServer>(m_tls);
        m_server->setDataDir(m_data);
        QVERIFY(m_server->start());
    }

    void tokenGoesToSecretStoreOnly()
    {
        connect::MemorySecretStore secrets; // no keychain: session memory only
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        ConnectionsDialog dialog(&doc, &secrets);
        QSignalSpy stored(&dialog, &ConnectionsDialog::secretStored);
        dialog.addConnection();
        dialog.nameEdit()->setText(u"metrics"_s);
        dialog.kindBox()->setCurrentIndex(1); // Prometheus
        dialog.endpointBox()->setCurrentText(u"http://127.0.0.1:19090"_s);
        dialog.secretEdit()->setText(u"s3cret-token"_s);
        dialog.applyCurrent();
        QTRY_COMPARE(stored.size(), 1);
        const QString ref = stored[0][0].toString();
        QCOMPARE(ref, u"connection/prometheus/metrics"_s);
        QCOMPARE(stored[0][1].toBool(), false);
        QVERIFY2(dialog.statusLabel()->text().contains(u"nothing was written to disk"_s),
                 qPrintable(dialog.statusLabel()->text()));
        QVERIFY(dialog.secretEdit()->text().isEmpty());
        const auto back = waitResult(secrets.read(ref));
        QVERIFY(back.ok());
        QCOMPARE(back.value(), u"s3cret-token"_s);

        dialog.accept();
        const QList<model::DataSource> sources = doc.scenario().spec.dataSources;
        QCOMPARE(sources.size(), 2); // the file's production-prometheus and the new one
        QCOMPARE(sources[1].name, u"metrics"_s);
        QCOMPARE(sources[1].kind, model::DataSourceKind::Prometheus);
        QCOMPARE(sources[1].endpoint, u"http://127.0.0.1:19090"_s);
        QCOMPARE(sources[1].credentialRef, ref);
        // the scenario file names the secret, never holds it; neither do the settings
        const QByteArray yaml = model::serializeScenario(doc.scenario());
        QVERIFY(yaml.contains("credentialRef: connection/prometheus/metrics"));
        QVERIFY(!yaml.contains("s3cret"));
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        if (file.open(QIODevice::ReadOnly))
            QVERIFY(!file.readAll().contains("s3cret"));
    }

    void editsAreUndoableAndSavedWithTheFile()
    {
        connect::MemorySecretStore secrets;
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        const model::DataSource prometheus = doc.scenario().spec.dataSources.value(0);
        QVERIFY(!prometheus.queries.isEmpty());
        const int undoBefore = doc.undoStack()->count();
        {
            ConnectionsDialog dialog(&doc, &secrets);
            QCOMPARE(dialog.list()->count(), 1);
            QCOMPARE(dialog.endpointBox()->currentText(), prometheus.endpoint);
            dialog.addConnection();
            dialog.nameEdit()->setText(u"sessions"_s);
            dialog.kindBox()->setCurrentIndex(2); // Redis
            dialog.endpointBox()->setCurrentText(u"10.0.0.5:7000"_s);
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(doc.undoStack()->count(), undoBefore + 1);
        QCOMPARE(doc.undoStack()->undoText(), u"Edit data sources"_s);
        QCOMPARE(doc.scenario().spec.dataSources.size(), 2);
        QCOMPARE(doc.scenario().spec.dataSources[0], prometheus); // its queries untouched
        QCOMPARE(doc.scenario().spec.dataSources[1].kind, model::DataSourceKind::Redis);
        QVERIFY(doc.isModified());

        // saved and read back: the same data sources
        QTemporaryDir dir;
        const QString path = dir.filePath(u"with-sources.yaml"_s);
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(model::serializeScenario(doc.scenario()));
        out.close();
        const auto loaded = model::loadScenario(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QCOMPARE(loaded->spec.dataSources, doc.scenario().spec.dataSources);

        doc.undoStack()->undo();
        QCOMPARE(doc.scenario().spec.dataSources.size(), 1);
        doc.undoStack()->redo();
        QCOMPARE(doc.scenario().spec.dataSources.size(), 2);

        // OK without a change adds no undo step
        ConnectionsDialog again(&doc, &secrets);
        QCOMPARE(again.list()->count(), 2);
        again.accept();
        QCOMPARE(doc.undoStack()->count(), undoBefore + 1);
    }

    // a scenario written by `headroom-cli import --prometheus URL` opens with its data sources as
    // connections; editing one endpoint keeps the per-tier queries the import wrote
    void importedDataSourcesRoundTrip()
    {
        connect::ClusterSnapshot snapshot;
        snapshot.context = u"prod-eu"_s;
        connect::ImportOptions options;
        options.kubeconfigContext = u"prod-eu"_s;
        options.prometheusUrl = u"http://prom:9090"_s;
        QStringList warnings;
        const model::Scenario imported = connect::buildScenario(snapshot, options, model::defaultScenario(), &warnings);
        QCOMPARE(imported.spec.dataSources.size(), 2);
        const QMap<QString, QString> queries = imported.spec.dataSources[1].queries;
        QVERIFY(queries.contains(u"requests"_s));

        connect::MemorySecretStore secrets;
        ScenarioDocument doc;
        doc.reset(imported, QString());
        ConnectionsDialog dialog(&doc, &secrets);
        QCOMPARE(dialog.list()->count(), 2);
        QCOMPARE(dialog.kindBox()->currentIndex(), 0); // Kubernetes
        QCOMPARE(dialog.endpointBox()->currentText(), u"prod-eu"_s);
        QVERIFY(dialog.commit()); // unchanged: no undo step
        QCOMPARE(doc.undoStack()->count(), 0);
        dialog.list()->setCurrentRow(1);
        QCOMPARE(dialog.kindBox()->currentIndex(), 1); // Prometheus
        dialog.endpointBox()->setCurrentText(u"https://prom.internal:9090"_s);
        QVERIFY(dialog.commit());
        QCOMPARE(doc.undoStack()->count(), 1);
        const model::DataSource &prometheus = doc.scenario().spec.dataSources[1];
        QCOMPARE(prometheus.endpoint, u"https://prom.internal:9090"_s);
        QCOMPARE(prometheus.queries, queries);
        QVERIFY(doc.diagnostics().isEmpty() || !model::hasErrors(doc.diagnostics()));
    }

    void namesMustBeUnique()
    {
        connect::MemorySecretStore secrets;
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        ConnectionsDialog dialog(&doc, &secrets);
        dialog.addConnection();
        dialog.nameEdit()->setText(u"production-prometheus"_s);
        QVERIFY(!dialog.commit());
        QVERIFY2(dialog.statusLabel()->text().contains(u"production-prometheus"_s), qPrintable(dialog.statusLabel()->text()));
        dialog.nameEdit()->clear();
        QVERIFY(!dialog.commit());
        QCOMPARE(doc.scenario().spec.dataSources.size(), 1);
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void legacySettingsMigrateOnce()
    {
        {
            QSettings settings;
            settings.beginWriteArray(u"connections"_s, 2);
            settings.setArrayIndex(0);
            settings.setValue(u"name"_s, u"cache"_s);
            settings.setValue(u"kind"_s, int(model::DataSourceKind::Redis));
            settings.setValue(u"endpoint"_s, u"127.0.0.1:7000"_s);
            settings.setValue(u"credentialRef"_s, u"connection/redis/cache"_s);
            settings.setArrayIndex(1);
            settings.setValue(u"name"_s, u"prod"_s);
            settings.setValue(u"kind"_s, int(model::DataSourceKind::Kubernetes));
            settings.setValue(u"endpoint"_s, u"prod-eu"_s);
            settings.setValue(u"kubeconfig"_s, u"/etc/headroom/kubeconfig"_s);
            settings.endArray();
        }
        connect::MemorySecretStore secrets;
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        {
            ConnectionsDialog dialog(&doc, &secrets);
            QCOMPARE(dialog.migratedCount(), 2);
            QCOMPARE(dialog.list()->count(), 3);
            QVERIFY(dialog.statusLabel()->text().contains(u"earlier version"_s));
            dialog.accept();
        }
        const QList<model::DataSource> sources = doc.scenario().spec.dataSources;
        QCOMPARE(sources.size(), 3);
        QCOMPARE(sources[1].name, u"cache"_s);
        QCOMPARE(sources[1].credentialRef, u"connection/redis/cache"_s);
        QCOMPARE(sources[2].endpoint, u"prod-eu"_s);
        QVERIFY(loadLegacyConnections().isEmpty());
        // the kubeconfig path is this machine's: kept in the settings, not in the file
        QVERIFY(!model::serializeScenario(doc.scenario()).contains("/etc/headroom"));
        const QList<Connection> back = connectionsFromScenario(doc.scenario());
        QCOMPARE(back[2].kubeconfig, u"/etc/headroom/kubeconfig"_s);
        ConnectionsDialog again(&doc, &secrets);
        QCOMPARE(again.migratedCount(), 0);
        QCOMPARE(again.list()->count(), 3);
    }

    void removeDropsTheSecret()
    {
        connect::MemorySecretStore secrets;
        QVERIFY(waitResult(secrets.write(u"connection/redis/cache"_s, u"pw"_s)).ok());
        ScenarioDocument doc;
        model::Scenario s = model::defaultScenario();
        s.spec.dataSources = {{u"cache"_s, model::DataSourceKind::Redis, u"127.0.0.1:7000"_s, u"connection/redis/cache"_s, {}}};
        doc.reset(s, QString());
        ConnectionsDialog dialog(&doc, &secrets);
        QCOMPARE(dialog.list()->count(), 1);
        QCOMPARE(dialog.endpointBox()->currentText(), u"127.0.0.1:7000"_s);
        dialog.removeConnection();
        QVERIFY(dialog.connections().isEmpty());
        QTRY_VERIFY(!waitResult(secrets.read(u"connection/redis/cache"_s)).ok());
        dialog.accept();
        QVERIFY(doc.scenario().spec.dataSources.isEmpty());
    }

    void refusedPortNamesHostAndPort_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("endpoint");
        QTest::newRow("redis") << int(model::DataSourceKind::Redis) << u"127.0.0.1:%1"_s;
        QTest::newRow("postgresql") << int(model::DataSourceKind::PostgreSQL)
                                    << u"host=127.0.0.1 port=%1 user=app dbname=appdb sslmode=disable"_s;
    }

    void refusedPortNamesHostAndPort()
    {
        QFETCH(int, kind);
        QFETCH(QString, endpoint);
        const quint16 port = unusedPort();
        QVERIFY(port > 0);
        const auto [ok, message] =
            runTest({u"wrong port"_s, model::DataSourceKind(kind), endpoint.arg(port), {}, {}, {}}, u"pw"_s);
        qInfo().noquote() << message;
        QVERIFY(!ok);
        QVERIFY2(message.contains(u"127.0.0.1:%1"_s.arg(port)), qPrintable(message));
        QVERIFY2(message.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(message));
    }

    // a server that accepts and never answers: the worker waits for its reply, the user cancels
    void redisTestCanBeCancelled()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        connect::MemorySecretStore secrets;
        ScenarioDocument doc;
        model::Scenario s = model::defaultScenario();
        s.spec.dataSources = {{u"stuck"_s, model::DataSourceKind::Redis, u"127.0.0.1:%1"_s.arg(silent.serverPort()), {}, {}}};
        doc.reset(s, QString());
        ConnectionsDialog dialog(&doc, &secrets);
        QSignalSpy finished(&dialog, &ConnectionsDialog::jobFinished);
        dialog.testCurrent();
        QVERIFY(dialog.progressDialog());
        QTRY_VERIFY(silent.hasPendingConnections()); // the worker connected
        QTest::qWait(300);
        QVERIFY(finished.isEmpty()); // waiting for the reply on the worker thread, the GUI responsive
        auto *cancel = dialog.progressDialog()->findChild<QPushButton *>();
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished[0][0].toBool(), false);
        QCOMPARE(finished[0][1].toString(), u"Cancelled"_s);
        QTest::qWait(5500); // the worker's 5 s timeout passes: its late answer is dropped
        QCOMPARE(finished.size(), 1);
        QCOMPARE(dialog.statusLabel()->text(), u"Cancelled"_s);
        QTRY_VERIFY(!dialog.progressDialog());
    }

    // integration: the Redis Cluster of tests/scripts/redis-cluster.sh (3 masters, 3 replicas)
    void liveRedisCluster()
    {
        if (!live())
            QSKIP("integration: needs tests/scripts/redis-cluster.sh (HEADROOM_LIVE=1)");
        const QString seed = qEnvironmentVariable("HEADROOM_TEST_REDIS");
        QVERIFY2(!seed.isEmpty(), "HEADROOM_TEST_REDIS is not set (Redis Cluster seed, 127.0.0.1:7000)");
        const auto [ok, message] = runTest({u"sessions"_s, model::DataSourceKind::Redis, seed, {}, {}, {}}, QString());
        qInfo().noquote() << message;
        QVERIFY2(ok, qPrintable(u"Redis Cluster at %1: %2"_s.arg(seed, message)));
        QVERIFY2(message.contains(u"cluster_state ok"_s), qPrintable(message));
        QVERIFY2(message.contains(u"3 shard"_s), qPrintable(message));
        QVERIFY2(message.contains(u"3 replica"_s), qPrintable(message));
        QVERIFY2(message.contains(seed), qPrintable(message));
    }

    // integration: PostgreSQL primary and replica of tests/scripts/pg-cluster.sh; the app user's
    // password comes from the secret store under the connection's credentialRef
    void livePostgres_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("role");
        QTest::newRow("primary") << u"HEADROOM_TEST_PG_PRIMARY"_s << u"primary"_s;
        QTest::newRow("replica") << u"HEADROOM_TEST_PG_REPLICA"_s << u"replica (in recovery)"_s;
    }

    void livePostgres()
    {
        if (!live())
            QSKIP("integration: needs tests/scripts/pg-cluster.sh (HEADROOM_LIVE=1)");
        QFETCH(QString, variable);
        QFETCH(QString, role);
        const QString address = qEnvironmentVariable(variable.toUtf8().constData());
        QVERIFY2(!address.isEmpty(), qPrintable(variable + u" is not set (PostgreSQL 54321 primary, 54322 replica)"_s));
        const QString dsn = u"host=%1 port=%2 user=app dbname=appdb sslmode=disable"_s.arg(address.section(u':', 0, 0),
                                                                                          address.section(u':', 1, 1));
        const auto [ok, message] = runTest({u"db"_s, model::DataSourceKind::PostgreSQL, dsn, {}, {}, {}}, u"apppass"_s);
        qInfo().noquote() << message;
        QVERIFY2(ok, qPrintable(u"PostgreSQL at %1: %2"_s.arg(address, message)));
        QVERIFY2(message.startsWith(u"PostgreSQL 15"_s), qPrintable(message));
        QVERIFY2(message.contains(address + u": "_s + role), qPrintable(message));
        if (role == u"primary"_s)
            QVERIFY2(message.contains(u"1 streaming replica"_s), qPrintable(message));
        const auto [wrongOk, wrong] = runTest({u"db"_s, model::DataSourceKind::PostgreSQL, dsn, {}, {}, {}}, u"nope"_s);
        qInfo().noquote() << wrong;
        QVERIFY(!wrongOk);
        QVERIFY2(wrong.contains(u"password authentication failed"_s) && wrong.contains(address), qPrintable(wrong));
    }

    void hostAndPort_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("redis seed") << int(model::DataSourceKind::Redis) << u"10.0.0.5:7001"_s << u"10.0.0.5"_s << 7001;
        QTest::newRow("pg keywords") << int(model::DataSourceKind::PostgreSQL) << u"host=db.local port=6432 dbname=x"_s
                                     << u"db.local"_s << 6432;
        QTest::newRow("pg url") << int(model::DataSourceKind::PostgreSQL) << u"postgresql://app@db:5433/shop"_s
                                << u"db"_s << 5433;
        QTest::newRow("pg default port") << int(model::DataSourceKind::PostgreSQL) << u"host=db"_s << u"db"_s << 5432;
    }

    void hostAndPort()
    {
        QFETCH(int, kind);
        QFETCH(QString, endpoint);
        QFETCH(QString, host);
        QFETCH(int, port);
        Connection c;
        c.kind = model::DataSourceKind(kind);
        c.endpoint = endpoint;
        const auto [h, p] = endpointHostPort(c);
        QCOMPARE(h, host);
        QCOMPARE(int(p), port);
    }

    void testKubernetesConnection()
    {
        m_server->routeFile("GET", u"/version"_s, u"version.json"_s);
        connect::MemorySecretStore secrets;
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        ConnectionsDialog dialog(&doc, &secrets);
        addKubeConnection(dialog);
        QCOMPARE(dialog.endpointBox()->findText(u"fixture"_s) >= 0, true); // contexts listed from the kubeconfig
        QSignalSpy finished(&dialog, &ConnectionsDialog::jobFinished);
        dialog.testCurrent();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20'000);
        QVERIFY2(finished[0][0].toBool(), qPrintable(finished[0][1].toString()));
        QVERIFY(finished[0][1].toString().contains(u"v1.28.3"_s));
    }

    void importCanBeCancelled()
    {
        routeCluster(3000); // the node list answers slowly
        connect::MemorySecretStore secrets;
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        ConnectionsDialog dialog(&doc, &secrets);
        addKubeConnection(dialog);
        QSignalSpy finished(&dialog, &ConnectionsDialog::jobFinished);
        QSignalSpy imported(&dialog, &ConnectionsDialog::clusterImported);
        dialog.importCurrent();
        QVERIFY(dialog.progressDialog());
        QTest::qWait(400); // under way: the node list takes 3 s
        QVERIFY(finished.isEmpty());
        auto *cancel = dialog.progressDialog()->findChild<QPushButton *>();
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton); // as the user does
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished[0][0].toBool(), false);
        QTest::qWait(3500); // the late answer must not be delivered
        QCOMPARE(imported.size(), 0);
        QCOMPARE(finished.size(), 1);
        QTRY_VERIFY(!dialog.progressDialog());
    }

    void importOpensScenario()
    {
        routeCluster(0);
        connect::MemorySecretStore secrets;
        ScenarioDocument doc;
        doc.reset(model::defaultScenario(), QString());
        ConnectionsDialog dialog(&doc, &secrets);
        addKubeConnection(dialog);
        QSignalSpy imported(&dialog, &ConnectionsDialog::clusterImported);
        QSignalSpy finished(&dialog, &ConnectionsDialog::jobFinished);
        dialog.importCurrent();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20'000);
        QVERIFY2(finished[0][0].toBool(), qPrintable(finished[0][1].toString()));
        QCOMPARE(imported.size(), 1);
        const auto scenario = imported[0][0].value<model::Scenario>();
        const auto snapshot = imported[0][1].value<connect::ClusterSnapshot>();
        QCOMPARE(snapshot.nodes.size(), 4);
        QCOMPARE(snapshot.pods.size(), 11);
        QVERIFY(!scenario.spec.tiers.isEmpty());
        // the imported scenario keeps the dialog's connections, the imported context as itself
        const auto &sources = scenario.spec.dataSources;
        QCOMPARE(sources.size(), 2);
        QCOMPARE(sources[0].name, u"production-prometheus"_s);
        QCOMPARE(sources[1].name, u"fixture cluster"_s);
        QCOMPARE(sources[1].kind, model::DataSourceKind::Kubernetes);
        QCOMPARE(sources[1].endpoint, u"fixture"_s);
    }

private:
    static bool live() { return qEnvironmentVariableIsSet("HEADROOM_LIVE"); }

    static quint16 unusedPort()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return 0;
        const quint16 port = probe.serverPort();
        probe.close();
        return port;
    }

    /// "Test connection" in the dialog, as the user runs it: the secret stored under the
    /// connection's credentialRef, the job under the progress dialog.
    /// With HEADROOM_KEYCHAIN_LIVE (tests/run-all.sh) the secret is in the real keychain under a
    /// unique name and removed afterwards; otherwise in session memory.
    std::pair<bool, QString> runTest(const Connection &connection, const QString &secret)
    {
        std::unique_ptr<connect::SecretStore> store;
        if (qEnvironmentVariableIsSet("HEADROOM_KEYCHAIN_LIVE"))
            store = std::make_unique<connect::KeychainSecretStore>();
        else
            store = std::make_unique<connect::MemorySecretStore>();
        connect::SecretStore &secrets = *store;
        Connection c = connection;
        if (!secret.isEmpty()) {
            c.credentialRef = u"headroom-test-%1-%2"_s.arg(credentialRefFor(c),
                                                           QUuid::createUuid().toString(QUuid::WithoutBraces));
            const auto stored = waitResult(secrets.write(c.credentialRef, secret));
            if (!stored.ok())
                return {false, u"secret not stored: "_s + stored.errorString()};
            if (store->metaObject() == &connect::KeychainSecretStore::staticMetaObject
                && stored.value() != connect::SecretLocation::Keychain)
                return {false, u"HEADROOM_KEYCHAIN_LIVE is set, but the keychain is not usable"_s};
        }
        const auto removeSecret = qScopeGuard([&secrets, ref = c.credentialRef] {
            if (!ref.isEmpty())
                waitResult(secrets.remove(ref));
        });
        ScenarioDocument doc;
        model::Scenario s = model::defaultScenario();
        s.spec.dataSources = {toDataSource(c)};
        doc.reset(s, QString());
        ConnectionsDialog dialog(&doc, &secrets);
        QSignalSpy finished(&dialog, &ConnectionsDialog::jobFinished);
        dialog.testCurrent();
        if (!finished.wait(30'000) && finished.isEmpty())
            return {false, u"no answer within 30 s"_s};
        if (dialog.statusLabel()->text() != finished[0][1].toString())
            return {false, u"status label differs: "_s + dialog.statusLabel()->text()};
        return {finished[0][0].toBool(), finished[0][1].toString()};
    }

    void addKubeConnection(ConnectionsDialog &dialog)
    {
        const QString kubeconfig = m_dir.filePath(u"kubeconfig"_s);
        QFile f(kubeconfig);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(u"apiVersion: v1\nkind: Config\ncurrent-context: fixture\nclusters:\n- name: fx\n  cluster:\n"
                 "    server: %1\n    certificate-authority: %2/ca.pem\nusers:\n- name: admin\n  user:\n"
                 "    client-certificate: %2/client.pem\n    client-key: %2/client.key\ncontexts:\n"
                 "- name: fixture\n  context:\n    cluster: fx\n    user: admin\n"_s.arg(m_server->url().toString(), m_tls)
                    .toUtf8());
        f.close();
        dialog.addConnection();
        dialog.nameEdit()->setText(u"fixture cluster"_s);
        dialog.kindBox()->setCurrentIndex(0);
        dialog.kubeconfigEdit()->setText(kubeconfig);
        dialog.reloadContexts();
        dialog.endpointBox()->setCurrentText(u"fixture"_s);
    }

    void routeCluster(int nodesDelayMs)
    {
        m_server->routeFile("GET", u"/version"_s, u"version.json"_s);
        for (const auto &[path, file] : QList<QPair<QString, QString>>{
                 {u"/apis/apps/v1/deployments"_s, u"deployments-list.json"_s},
                 {u"/apis/apps/v1/statefulsets"_s, u"statefulsets-list.json"_s},
                 {u"/apis/autoscaling/v2/horizontalpodautoscalers"_s, u"hpa-list.json"_s},
                 {u"/api/v1/pods"_s, u"pods-list.json"_s},
                 {u"/apis/metrics.k8s.io/v1beta1/nodes"_s, u"metrics-nodes.json"_s},
                 {u"/apis/metrics.k8s.io/v1beta1/pods"_s, u"metrics-pods.json"_s}})
            m_server->routeFile("GET", path, file);
        const QByteArray nodes = m_server->readData(u"nodes-list.json"_s);
        m_server->route("GET", u"/api/v1/nodes"_s, [nodes, nodesDelayMs](const FixtureServer::Request &) {
            return FixtureServer::Response{200, nodes, "application/json", {}, nodesDelayMs};
        });
    }

    std::unique_ptr<FixtureServer> m_server;
    QTemporaryDir m_dir;
    const QString m_tls = QStringLiteral(HEADROOM_TEST_TLS_DIR);
    const QString m_data = QStringLiteral(HEADROOM_TEST_DATA "/k8s");
};

QTEST_MAIN(TestConnections)
#include "tst_connections.moc"
