#include "core/connect/kubeconfig.h"

#include <QDir>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace headroom::connect;

class TestKubeconfig : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void parsesEveryAuthMode();
    void mergeFirstFileWins();
    void kubeconfigEnvList();
    void explicitPathMustExist();
    void resolve_data();
    void resolve();
    void invalidFileIsLocated();

private:
    const QString m_dir = QStringLiteral(HEADROOM_TEST_DATA "/k8s/kubeconfig");
};

void TestKubeconfig::parsesEveryAuthMode()
{
    auto config = mergeKubeconfigs({m_dir + u"/multi-context.yaml"_s});
    QVERIFY2(config.ok(), qPrintable(config.errorString()));
    QCOMPARE(config->currentContext, u"fixture-admin"_s);
    QCOMPARE(config->clusters.size(), 3);
    QCOMPARE(config->clusters[u"fixture"_s].caFile, QDir::cleanPath(m_dir + u"/../tls/ca.pem"_s));
    QVERIFY(config->clusters[u"insecure"_s].insecureSkipTlsVerify);
    QVERIFY(!config->clusters[u"fixture"_s].insecureSkipTlsVerify);
    QCOMPARE(config->clusters[u"sni"_s].tlsServerName, u"kubernetes.default.svc"_s);
    QVERIFY(config->clusters[u"sni"_s].caData.startsWith("-----BEGIN CERTIFICATE-----"));
    QCOMPARE(config->users[u"ci-token"_s].token, u"fixture-static-token"_s);
    QCOMPARE(config->users[u"token-file"_s].tokenFile, m_dir + u"/token.txt"_s);
    QCOMPARE(config->users[u"admin-cert"_s].clientKeyFile, QDir::cleanPath(m_dir + u"/../tls/client.key"_s));
    const auto exec = config->users[u"exec-user"_s].exec;
    QVERIFY(exec.has_value());
    QCOMPARE(exec->command, QDir::cleanPath(m_dir + u"/exec-plugin.sh"_s));
    QCOMPARE(exec->args, (QStringList{u"--cluster"_s, u"fixture"_s}));
    QCOMPARE(exec->env.value(0).second, u"token-from-exec"_s);
    QVERIFY(exec->provideClusterInfo);
    QCOMPARE(config->contexts[u"fixture-token"_s].ns, u"shop"_s);
}

void TestKubeconfig::mergeFirstFileWins()
{
    auto config = mergeKubeconfigs({m_dir + u"/multi-context.yaml"_s, m_dir + u"/missing.yaml"_s,
                                    m_dir + u"/second-file.yaml"_s});
    QVERIFY2(config.ok(), qPrintable(config.errorString()));
    QCOMPARE(config->currentContext, u"fixture-admin"_s);                      // first non-empty wins
    QCOMPARE(config->clusters[u"fixture"_s].server, u"https://127.0.0.1:16443"_s); // first definition wins
    QVERIFY(config->contexts.contains(u"other"_s));                              // later files add names
    QCOMPARE(config->files.size(), 2);                                           // the missing file is skipped
}

void TestKubeconfig::kubeconfigEnvList()
{
    const QString list = m_dir + u"/multi-context.yaml:"_s + m_dir + u"/second-file.yaml:"_s + m_dir
        + u"/multi-context.yaml"_s;
    qputenv("KUBECONFIG", list.toUtf8());
    const QStringList paths = kubeconfigPaths();
    qunsetenv("KUBECONFIG");
    QCOMPARE(paths.size(), 2); // duplicates removed
    QCOMPARE(kubeconfigPaths(u"/x/explicit"_s), QStringList{u"/x/explicit"_s});
}

void TestKubeconfig::explicitPathMustExist()
{
    auto config = loadKubeconfig(m_dir + u"/nope.yaml"_s);
    QVERIFY(!config.ok());
    QVERIFY2(config.errorString().contains(u"nope.yaml"_s) && config.errorString().contains(u"does not exist"_s),
             qPrintable(config.errorString()));
}

void TestKubeconfig::resolve_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("expected"); // a user name, or an error fragment starting with '!'
    QTest::addRow("current-context") << QString() << u"admin-cert"_s;
    QTest::addRow("override") << u"fixture-token"_s << u"ci-token"_s;
    QTest::addRow("unknown context") << u"nope"_s << u"!context was not found for specified context: nope"_s;
    QTest::addRow("missing user") << u"broken"_s << u"!user \"nobody\" was not found for context \"broken\""_s;
}

void TestKubeconfig::resolve()
{
    QFETCH(QString, context);
    QFETCH(QString, expected);
    auto config = mergeKubeconfigs({m_dir + u"/multi-context.yaml"_s});
    QVERIFY(config.ok());
    auto r = resolveContext(config.value(), context);
    if (expected.startsWith(u'!')) {
        QVERIFY(!r.ok());
        QVERIFY2(r.errorString().contains(expected.mid(1)), qPrintable(r.errorString()));
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QCOMPARE(r->user.name, expected);
    QVERIFY(!r->context.ns.isEmpty());
}

void TestKubeconfig::invalidFileIsLocated()
{
    auto config = mergeKubeconfigs({m_dir + u"/bad.yaml"_s});
    QVERIFY(!config.ok());
    const QString text = config.errorString();
    QVERIFY2(text.contains(u"bad.yaml:6:"_s) && text.contains(u"clusters[0].cluster"_s)
                 && text.contains(u"both set"_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"users[0].user"_s) && text.contains(u"must be set together"_s), qPrintable(text));
    auto insecure = resolveContext(mergeKubeconfigs({m_dir + u"/multi-context.yaml"_s}).value(), u"insecure-token"_s);
    QVERIFY(insecure.ok());
    QVERIFY(insecure->warnings.join(u' ').contains(u"insecure-skip-tls-verify"_s));
}

QTEST_GUILESS_MAIN(TestKubeconfig)
#include "tst_kubeconfig.moc"
