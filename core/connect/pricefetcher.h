#pragma once

#include "core/connect/httpclient.h"
#include "core/connect/pricelist.h"
#include "core/model/result.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>

/// Cloud list prices: the Azure Retail Prices API (paged by NextPageLink, filtered with $filter)
/// and the AWS Price List bulk files (region_index.json, then the region's offer CSV, streamed line
/// by line — region files run to hundreds of MB). Results carry their fetch time and are kept as an
/// offline copy; when a refresh fails, the last copy is used (with a warning).
namespace headroom::connect {

/// Prices plus what went wrong on the way (a failed refresh answered from the offline copy).
struct PriceFetch {
    QList<PriceEntry> prices;
    QStringList warnings;
    bool fromCache = false;
};

/// One line of an AWS offer CSV split into fields (RFC 4180 quoting, "" inside quotes).
QStringList splitCsvLine(const QByteArray &line);

class PriceFetcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PriceFetcher)
public:
    /// `cacheDir` holds the offline copies (<provider>-prices.json), written atomically.
    PriceFetcher(QString cacheDir, QObject *parent = nullptr);

    /// Linux on-demand VM prices (Consumption rows; Windows, Spot and Low Priority skipped) for
    /// `filter` (OData, e.g. "serviceName eq 'Virtual Machines' and armRegionName eq 'eastus'").
    /// NextPageLink is followed only on the host of `baseUrl`.
    QFuture<model::Result<PriceFetch>> fetchAzure(const QUrl &baseUrl, const QString &filter);
    /// Linux shared-tenancy on-demand EC2 prices of `region`: `regionIndexUrl` is
    /// .../offers/v1.0/aws/AmazonEC2/current/region_index.json; the region's CSV is streamed.
    QFuture<model::Result<PriceFetch>> fetchAws(const QUrl &regionIndexUrl, const QString &region);

    /// The last saved copy for "aws" or "azure".
    model::Result<QList<PriceEntry>> loadCached(const QString &provider) const;
    QString cachePath(const QString &provider) const;
    void setRetryPolicy(RetryPolicy policy) { m_policy = policy; }
    /// Extra trusted CAs (a corporate proxy's, or a test CA); verification always stays on.
    void setSslConfiguration(const QSslConfiguration &ssl) { m_ssl = ssl; }

private:
    void streamAwsCsv(const QUrl &url, const QString &region, const std::shared_ptr<struct AwsState> &state);
    /// Saves a fresh list, or answers a failure from the offline copy.
    model::Result<PriceFetch> settle(const QString &provider, model::Result<QList<PriceEntry>> fetched) const;

    HttpClient *m_http;
    QString m_cacheDir;
    RetryPolicy m_policy;
    QSslConfiguration m_ssl = QSslConfiguration::defaultConfiguration();
};

} // namespace headroom::connect
