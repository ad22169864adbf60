#include "fixtureserver.h"

#include "core/connect/pricefetcher.h"

#include <QFile>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace headroom::connect;

/// Azure Retail Prices and AWS bulk offer files against the HTTPS fixture server, the offline
/// copy, and the CSV splitter.
class TestPriceFetcher : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void splitCsv_data();
    void splitCsv();
    void azurePagesAndFilters();
    void awsRegionIndexThenCsv();
    void failedRefreshUsesOfflineCopy();
    void failureWithoutCopyIsAnError();
    void unknownRegion();

private:
    std::unique_ptr<PriceFetcher> fetcher();
    QUrl awsIndex() const;

    std::unique_ptr<FixtureServer> m_server;
    std::unique_ptr<QTemporaryDir> m_cache;
    bool m_down = false;
    const QString m_tls = QStringLiteral(HEADROOM_TEST_TLS_DIR);
};

void TestPriceFetcher::init()
{
    m_down = false;
    m_cache = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<FixtureServer>(m_tls);
    m_server->setDataDir(QStringLiteral(HEADROOM_TEST_DATA "/pricing-api"));
    QVERIFY(m_server->start());
    const QByteArray page1 = m_server->readData(u"azure-retail-prices-page1.json"_s)
                                 .replace("https://prices.azure.com:443", m_server->url().toString().toUtf8());
    const QByteArray page2 = m_server->readData(u"azure-retail-prices-page2.json"_s);
    m_server->route("GET", u"/api/retail/prices"_s, [this, page1, page2](const FixtureServer::Request &req) {
        if (m_down)
            return FixtureServer::Response{503, "Service Unavailable", "text/plain"};
        return FixtureServer::Response{200, req.query.hasQueryItem(u"$skip"_s) ? page2 : page1};
    });
    const QByteArray index = m_server->readData(u"aws-region-index-AmazonEC2.json"_s);
    const QByteArray csv = m_server->readData(u"aws-offer-AmazonEC2-us-east-1.csv"_s);
    m_server->route("GET", u"/offers/v1.0/aws/AmazonEC2/current/region_index.json"_s, [this, index](const auto &) {
        return m_down ? FixtureServer::Response{503, "down", "text/plain"} : FixtureServer::Response{200, index};
    });
    m_server->route("GET", u"/offers/v1.0/aws/AmazonEC2/20260119213819/us-east-1/index.csv"_s,
                    [csv](const auto &) { return FixtureServer::Response{200, csv, "text/csv"}; });
}

std::unique_ptr<PriceFetcher> TestPriceFetcher::fetcher()
{
    auto f = std::make_unique<PriceFetcher>(m_cache->path());
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(m_tls + u"/ca.pem"_s));
    f->setSslConfiguration(ssl);
    f->setRetryPolicy({std::chrono::seconds(5), 1});
    return f;
}

QUrl TestPriceFetcher::awsIndex() const
{
    return QUrl(m_server->url().toString() + u"/offers/v1.0/aws/AmazonEC2/current/region_index.json"_s);
}

void TestPriceFetcher::splitCsv_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QStringList>("fields");
    QTest::addRow("plain") << QByteArray("a,b,c\n") << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::addRow("quoted comma") << QByteArray("\"a,1\",\"b\"\r\n") << QStringList{u"a,1"_s, u"b"_s};
    QTest::addRow("escaped quote") << QByteArray("\"say \"\"hi\"\"\",x") << QStringList{u"say \"hi\""_s, u"x"_s};
    QTest::addRow("empty fields") << QByteArray(",,") << QStringList{QString(), QString(), QString()};
    QTest::addRow("line break inside") << QByteArray("\"a\nb\",c\n") << QStringList{u"a\nb"_s, u"c"_s};
}

void TestPriceFetcher::splitCsv()
{
    QFETCH(QByteArray, line);
    QFETCH(QStringList, fields);
    QCOMPARE(splitCsvLine(line), fields);
}

void TestPriceFetcher::azurePagesAndFilters()
{
    auto f = fetcher();
    const QString filter = u"serviceName eq 'Virtual Machines' and armRegionName eq 'eastus'"_s;
    const auto r = waitResult(f->fetchAzure(m_server->url(), filter));
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QVERIFY(!r->fromCache);
    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(m_server->requests[0].query.queryItemValue(u"$filter"_s, QUrl::FullyDecoded), filter);
    QCOMPARE(m_server->requests[0].query.queryItemValue(u"api-version"_s), u"2023-01-01-preview"_s);
    QCOMPARE(m_server->requests[1].query.queryItemValue(u"$skip"_s), u"100"_s);
    // Windows, Spot, Low Priority and the reservation are left out
    QCOMPARE(r->prices.size(), 4);
    const auto d2 = findPrice(r->prices, u"azure"_s, u"eastus"_s, u"Standard_D2s_v5"_s);
    QVERIFY(d2.has_value());
    QCOMPARE(d2->hourlyUsd, 0.096);
    QVERIFY(d2->fetchedAt.isValid());
    QVERIFY(findPrice(r->prices, u"azure"_s, u"eastus"_s, u"Standard_F2s_v2"_s).has_value());
    const auto cached = f->loadCached(u"azure"_s);
    QVERIFY2(cached.ok(), qPrintable(cached.errorString()));
    QCOMPARE(cached->size(), 4);
    QCOMPARE(cached->at(0).fetchedAt.toSecsSinceEpoch(), r->prices.at(0).fetchedAt.toSecsSinceEpoch()); // the fetch date is kept
}

void TestPriceFetcher::awsRegionIndexThenCsv()
{
    auto f = fetcher();
    const auto r = waitResult(f->fetchAws(awsIndex(), u"us-east-1"_s));
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(m_server->requests[1].path, u"/offers/v1.0/aws/AmazonEC2/20260119213819/us-east-1/index.csv"_s);
    QStringList types;
    for (const auto &e : r->prices)
        types.append(e.instanceType);
    types.sort();
    // Windows, dedicated, reserved and unused-reservation rows are filtered out
    QCOMPARE(types, (QStringList{u"c6i.large"_s, u"m5.4xlarge"_s, u"m5.large"_s, u"m5.xlarge"_s}));
    const auto m5 = findPrice(r->prices, u"aws"_s, u"us-east-1"_s, u"m5.xlarge"_s);
    QVERIFY(m5.has_value());
    QCOMPARE(m5->hourlyUsd, 0.192);
    QCOMPARE(m5->vcpu, 4.0);
    QCOMPARE(m5->memoryGiB, 16.0);
    QVERIFY(m5->source.endsWith(u"us-east-1/index.csv"_s));
    QCOMPARE(findPrice(r->prices, u"aws"_s, u"us-east-1"_s, u"m5.4xlarge"_s)->hourlyUsd, 0.768); // after a quoted line break
}

void TestPriceFetcher::failedRefreshUsesOfflineCopy()
{
    auto f = fetcher();
    const auto first = waitResult(f->fetchAws(awsIndex(), u"us-east-1"_s));
    QVERIFY(first.ok());
    m_down = true;
    const auto second = waitResult(f->fetchAws(awsIndex(), u"us-east-1"_s));
    QVERIFY2(second.ok(), qPrintable(second.errorString()));
    QVERIFY(second->fromCache);
    QCOMPARE(second->prices.size(), first->prices.size());
    QVERIFY2(second->warnings.join(u' ').contains(u"using the offline copy from"_s), qPrintable(second->warnings.join(u' ')));
    QVERIFY(second->warnings.join(u' ').contains(u"HTTP 503"_s));
}

void TestPriceFetcher::failureWithoutCopyIsAnError()
{
    m_down = true;
    auto f = fetcher();
    const auto r = waitResult(f->fetchAzure(m_server->url(), u"serviceName eq 'Virtual Machines'"_s));
    QVERIFY(!r.ok());
    QVERIFY2(r.errorString().contains(u"HTTP 503"_s) && r.errorString().contains(u"no offline copy"_s),
             qPrintable(r.errorString()));
}

void TestPriceFetcher::unknownRegion()
{
    auto f = fetcher();
    const auto r = waitResult(f->fetchAws(awsIndex(), u"mars-north-1"_s));
    QVERIFY(!r.ok());
    QVERIFY2(r.errorString().contains(u"region \"mars-north-1\" is not in the index"_s), qPrintable(r.errorString()));
}

QTEST_GUILESS_MAIN(TestPriceFetcher)
#include "tst_pricefetcher.moc"
