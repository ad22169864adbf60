#include "core/connect/httpclient.h"
#include "core/connect/secretstore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace headroom::connect;

/// Without HEADROOM_KEYCHAIN_LIVE the test runs with a D-Bus address that leads nowhere and checks
/// the fallback; with it (integration, inside tests/run-all.sh's D-Bus session with an unlocked
/// gnome-keyring) it checks the real round trip.
class TestSecretStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void memoryStore();
    void keychainRoundTrip();
    void unusableKeychainFallsBackToMemory();
};

static bool live() { return qEnvironmentVariableIsSet("HEADROOM_KEYCHAIN_LIVE"); }

void TestSecretStore::memoryStore()
{
    MemorySecretStore store;
    auto missing = store.read(u"k"_s);
    QVERIFY(missing.isFinished());
    QVERIFY(!missing.result().ok());
    QVERIFY(missing.result().errorString().contains(u"no secret named \"k\""_s));
    QCOMPARE(store.write(u"k"_s, u"v"_s).result().value(), SecretLocation::SessionMemory);
    QCOMPARE(store.read(u"k"_s).result().value(), u"v"_s);
    QVERIFY(store.remove(u"k"_s).result().ok());
    QVERIFY(!store.read(u"k"_s).result().ok());
}

void TestSecretStore::keychainRoundTrip()
{
    if (!live())
        QSKIP("needs the Secret Service session of tests/run-all.sh (integration label)");
    KeychainSecretStore store(nullptr, u"Headroom-test"_s, std::chrono::seconds(10));
    QSignalSpy unavailable(&store, &SecretStore::keychainUnavailable);
    const QString key = u"redis-%1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    const QString secret = u"s3cr\u00e9t with spaces"_s;

    auto written = store.write(key, secret);
    QVERIFY(waitFor(written, std::chrono::seconds(15)));
    QVERIFY2(written.result().ok(), qPrintable(written.result().errorString()));
    QVERIFY2(written.result().value() == SecretLocation::Keychain,
             qPrintable(u"gnome-keyring (Secret Service) not usable: "_s.append(store.unavailableReason())));

    auto read = store.read(key);
    QVERIFY(waitFor(read, std::chrono::seconds(15)));
    QCOMPARE(read.result().value(), secret);

    auto removed = store.remove(key);
    QVERIFY(waitFor(removed, std::chrono::seconds(15)));
    QVERIFY(removed.result().ok());

    auto gone = store.read(key);
    QVERIFY(waitFor(gone, std::chrono::seconds(15)));
    QVERIFY(!gone.result().ok());
    QVERIFY(gone.result().errorString().contains(u"no secret named"_s));
    QCOMPARE(unavailable.count(), 0);
    QVERIFY(store.isKeychainUsable());
}

void TestSecretStore::unusableKeychainFallsBackToMemory()
{
    if (live())
        QSKIP("a keychain is available in this run");
    KeychainSecretStore store(nullptr, u"Headroom-test"_s, std::chrono::seconds(3));
    QSignalSpy unavailable(&store, &SecretStore::keychainUnavailable);
    auto written = store.write(u"token"_s, u"abc"_s);
    QVERIFY(waitFor(written, std::chrono::seconds(10)));
    QCOMPARE(written.result().value(), SecretLocation::SessionMemory);
    QCOMPARE(unavailable.count(), 1);
    QVERIFY(!store.isKeychainUsable());
    QVERIFY(store.unavailableReason().contains(u"session only"_s));

    auto read = store.read(u"token"_s);
    QVERIFY(read.isFinished()); // answered from memory, no second keychain attempt
    QCOMPARE(read.result().value(), u"abc"_s);
    QVERIFY(!store.read(u"other"_s).result().ok());
    QCOMPARE(unavailable.count(), 1);
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
