#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/connect/pricecatalog.h"
#include "core/connect/pricefetcher.h"

#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace headroom::cli {

namespace {

const QString kCommand = u"prices fetch"_s;

/// The catalog at `path` when it exists (a refresh updates it in place), else an empty one.
std::optional<cost::PricingCatalog> existingCatalog(const QString &path)
{
    QFile f(path);
    if (path == u"-" || !f.exists()) {
        cost::PricingCatalog empty;
        empty.name = u"Fetched list prices"_s;
        return empty;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        reportErrors({model::makeError(u"cannot read: %1"_s.arg(f.errorString()), {}, {path, 0, 0})});
        return std::nullopt;
    }
    auto parsed = cost::parseCatalogYaml(f.readAll(), path);
    if (!parsed) {
        reportErrors(parsed.errors());
        return std::nullopt;
    }
    return parsed.value();
}

} // namespace

int runPrices(const QStringList &args)
{
    CommandLine cl(kCommand,
                   u"Refreshes a pricing catalog (resources/pricing/README.md) from a cloud price list: the Azure "
                   "Retail Prices API (pages followed through NextPageLink, narrowed with an OData $filter) or the AWS "
                   "bulk offer files (region_index.json, then the region's offer CSV, streamed). Linux on-demand "
                   "prices become rows provider/region/type with a source dated the day the prices were fetched.\n"
                   "An existing --out catalog is updated in place; otherwise a new one is written, to be used with "
                   "'headroom-cli cost --catalog FILE'. When the fetch fails, the last offline copy (--cache-dir) is "
                   "used with a warning and keeps its own fetch date. Sizes the Azure API does not give (vCPU, memory) "
                   "come from the catalog or the bundled one."_s);
    cl.addPositional(u"fetch"_s, u"The action (only 'fetch')."_s, u"fetch"_s);
    cl.addOption({u"azure"_s, u"Fetch from the Azure Retail Prices API."_s});
    cl.addOption({u"filter"_s, u"Azure OData $filter."_s, u"F"_s,
                  u"serviceName eq 'Virtual Machines' and priceType eq 'Consumption'"_s});
    cl.addOption({u"base-url"_s, u"Azure API root."_s, u"URL"_s, u"https://prices.azure.com"_s});
    cl.addOption({u"aws-region-index"_s, u"AWS region_index.json URL "
                                         "(.../offers/v1.0/aws/AmazonEC2/current/region_index.json)."_s, u"URL"_s});
    cl.addOption({u"region"_s, u"AWS region code (us-east-1)."_s, u"R"_s});
    cl.addOption({u"ca-file"_s, u"Extra trusted CA certificates (PEM); verification always stays on."_s, u"PEM"_s});
    cl.addOption({u"cache-dir"_s, u"Where the offline copies are kept."_s, u"DIR"_s});
    cl.addOption({u"timeout"_s, u"Seconds to wait for the whole fetch."_s, u"S"_s, u"600"_s});
    cl.addOption({u"out"_s, u"The catalog YAML to refresh or create ('-' = stdout)."_s, u"CATALOG.yaml"_s});
    if (auto exit = cl.parse(args, 1, 1))
        return *exit;
    if (cl.positional().at(0) != u"fetch")
        return usageError(u"prices"_s, u"expected 'fetch', got \"%1\""_s.arg(cl.positional().at(0)));
    const bool azure = cl.isSet(u"azure"_s), aws = cl.isSet(u"aws-region-index"_s);
    if (azure == aws)
        return usageError(kCommand, u"give either --azure or --aws-region-index URL --region R"_s);
    if (aws && !cl.isSet(u"region"_s))
        return usageError(kCommand, u"--aws-region-index needs --region R"_s);
    if (!cl.isSet(u"out"_s))
        return usageError(kCommand, u"--out CATALOG.yaml is required"_s);
    const auto timeout = cl.integer(u"timeout"_s, 1, 86400);
    if (!timeout)
        return Usage;
    const QUrl url(azure ? cl.value(u"base-url"_s) : cl.value(u"aws-region-index"_s), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"https")
        return usageError(kCommand, u"expected an https:// URL, got \"%1\""_s.arg(url.toString()));

    const QString outPath = cl.value(u"out"_s);
    auto catalog = existingCatalog(outPath);
    if (!catalog)
        return BadInput;
    QString cacheDir = cl.value(u"cache-dir"_s);
    if (cacheDir.isEmpty())
        cacheDir = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)).filePath(u"headroom/prices"_s);
    connect::PriceFetcher fetcher(cacheDir);
    if (cl.isSet(u"ca-file"_s)) {
        const auto cas = QSslCertificate::fromPath(cl.value(u"ca-file"_s));
        if (cas.isEmpty())
            return reportErrors({model::makeError(u"no PEM certificate in the file"_s, u"--ca-file"_s,
                                                  {cl.value(u"ca-file"_s), 0, 0})});
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(cas);
        fetcher.setSslConfiguration(ssl);
    }
    auto future = azure ? fetcher.fetchAzure(url, cl.value(u"filter"_s)) : fetcher.fetchAws(url, cl.value(u"region"_s));
    if (!connect::waitFor(future, std::chrono::seconds(*timeout)))
        return reportErrors({model::makeError(u"the price list did not arrive within %1 s"_s.arg(*timeout), {},
                                              {url.toDisplayString(QUrl::RemoveUserInfo), 0, 0})});
    const auto fetched = future.result();
    if (!fetched)
        return reportErrors(fetched.errors());

    const QString description = azure
        ? u"Azure Retail Prices API %1 with $filter \"%2\": Linux Consumption rows, Windows, Spot and Low Priority "
          "excluded"_s.arg(url.toDisplayString(QUrl::RemoveUserInfo), cl.value(u"filter"_s))
        : u"AWS Price List bulk offer file of %1 via %2: Linux, shared tenancy, on-demand"_s.arg(
              cl.value(u"region"_s), url.toDisplayString(QUrl::RemoveUserInfo));
    auto refresh = connect::refreshCatalog(*catalog, fetched->prices, cost::defaultCatalog(), description);
    refresh.warnings = fetched->warnings + refresh.warnings;
    const auto problems = cost::validateCatalog(refresh.catalog, outPath);
    if (model::hasErrors(problems))
        return reportErrors(problems);
    if (!writeOutput(outPath, connect::catalogToYaml(refresh.catalog)))
        return BadInput;
    for (const QString &w : refresh.warnings)
        err() << "warning: " << w << '\n';
    err() << "prices: " << refresh.added << " added, " << refresh.updated << " updated, " << refresh.skipped
          << " skipped" << (fetched->fromCache ? " (from the offline copy)" : "") << '\n';
    err().flush();
    return Ok;
}

} // namespace headroom::cli
