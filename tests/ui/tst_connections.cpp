// The Connections dialog: secrets only through the SecretStore (with no keychain it says so and
// writes nothing to disk), the list saved without secrets, and test/import against the HTTPS
// Kubernetes fixture server, asynchronous and cancellable.
#include "ui/dialogs/connectionjob.h"
#include "ui/dialogs/connectionlist.h"
#include "ui/dialogs/connectionsdialog.h"

#include "core/connect/secretstore.h"
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
#include <QTest>

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
        QCoreApplication::setApplicationName(u"tst_connections"_s);
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
        ConnectionsDialog dialog(&secrets);
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
        const QList<Connection> saved = loadConnections();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved[0].kind, model::DataSourceKind::Prometheus);
        QCOMPARE(saved[0].endpoint, u"http://127.0.0.1:19090"_s);
        QCOMPARE(saved[0].credentialRef, ref);
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray onDisk = file.readAll();
        QVERIFY(onDisk.contains("19090"));
        QVERIFY(!onDisk.contains("s3cret"));
    }

    void removeDropsTheSecret()
    {
        connect::MemorySecretStore secrets;
        QVERIFY(waitResult(secrets.write(u"connection/redis/cache"_s, u"pw"_s)).ok());
        saveConnections({{u"cache"_s, model::DataSourceKind::Redis, u"127.0.0.1:7000"_s, {}, u"connection/redis/cache"_s}});
        ConnectionsDialog dialog(&secrets);
        QCOMPARE(dialog.list()->count(), 1);
        QCOMPARE(dialog.endpointBox()->currentText(), u"127.0.0.1:7000"_s);
        dialog.removeConnection();
        QVERIFY(dialog.connections().isEmpty());
        QTRY_VERIFY(!waitResult(secrets.read(u"connection/redis/cache"_s)).ok());
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
        ConnectionsDialog dialog(&secrets);
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
        ConnectionsDialog dialog(&secrets);
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
        ConnectionsDialog dialog(&secrets);
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
    }

private:
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
