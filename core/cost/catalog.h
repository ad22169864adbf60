#pragma once

#include "core/model/result.h"

#include <QList>
#include <QString>

#include <optional>

/// The pricing catalog: what a node, a GB of disk or a GB of cache memory costs, per provider and
/// region, for each purchase option, and where every number came from. All prices are USD.
/// Files: YAML (apiVersion headroom/v1, kind PricingCatalog; the bundled default is
/// resources/pricing/catalog.yaml, format in resources/pricing/README.md) or CSV price overrides
/// (columns in catalogcsv.cpp).
namespace headroom::cost {

enum class PurchaseOption { OnDemand, Spot, Reserved1y, Reserved3y, SavingsPlan1y, SavingsPlan3y };

/// "on_demand", "spot", "reserved_1y", "reserved_3y", "savings_plan_1y", "savings_plan_3y".
QString purchaseOptionName(PurchaseOption option);
/// Term of a commitment in months (12 or 36); 0 for on-demand and spot.
int termMonths(PurchaseOption option);

/// Where a group of prices came from.
struct PriceSource {
    QString id;          ///< referenced by rows' `source`
    QString description; ///< the document, file and commit, or API
    QString asOf;        ///< date the prices were read ("2026-01-19"), or why unknown
    QString confidence;  ///< "high", "medium", "illustrative"
};

/// Discounts against the on-demand list price, in percent 0..100, used where a row has no explicit
/// price for an option. `typical` marks planning defaults (vendor ranges), not quoted prices.
struct DiscountProfile {
    QString id;
    std::optional<double> spotPct;
    std::optional<double> reserved1yPct;
    std::optional<double> reserved3yPct;
    std::optional<double> savingsPlan1yPct;
    std::optional<double> savingsPlan3yPct;
    bool typical = true;
    QString source; ///< a PriceSource id
    QString note;
};

/// One instance type (or one of the plan document's resource tiers) in one region.
struct InstancePrice {
    QString id;            ///< unique row id, "aws/us-east-1/m6i.xlarge"
    QString provider;      ///< "aws", "azure", "gcp", "plan"
    QString region;        ///< region code, or "*" for any region
    QString type;          ///< "m6i.xlarge", or a resource tier name "Standard"
    QString family;        ///< "general", "compute", "memory"
    double vcpu = 0;
    double memoryBytes = 0;
    std::optional<double> networkGbps;
    double onDemandHourly = 0; ///< USD per node-hour
    std::optional<double> spotHourly;
    std::optional<double> reserved1yHourly; ///< effective hourly rate over the term
    std::optional<double> reserved3yHourly;
    std::optional<double> savingsPlan1yHourly;
    std::optional<double> savingsPlan3yHourly;
    QString discounts; ///< DiscountProfile id for options without an explicit price; empty = provider
    QString source;    ///< PriceSource id
    QString note;
};

/// A per-GB-month price: block storage or in-memory cache capacity.
struct CapacityPrice {
    QString id;
    QString provider;
    QString region; ///< region code or "*"
    QString kind;   ///< "storage" or "cache"
    QString type;   ///< "gp3", "cache-memory"
    double perGbMonth = 0; ///< USD per GB (1e9 bytes) per month of 730 hours
    QString source;
    QString note;
};

/// A price for one purchase option with its provenance, ready for a CSV row.
struct ResolvedPrice {
    double hourly = 0;
    QString source;     ///< "aws-2026-01-19" or "plan-document; spot -65% (aws, typical, aws-discounts)"
    QString date;       ///< the row source's asOf (the discount's source is named in `source`)
    bool derived = false; ///< true when computed from a discount instead of quoted
};

struct PricingCatalog {
    QString apiVersion = QStringLiteral("headroom/v1");
    QString kind = QStringLiteral("PricingCatalog");
    QString name;
    QString currency = QStringLiteral("USD");
    QList<PriceSource> sources;
    QList<DiscountProfile> discounts;
    QList<InstancePrice> instances;
    QList<CapacityPrice> capacity;

    const PriceSource *source(QStringView id) const;
    const DiscountProfile *discountProfile(QStringView id) const;
    const InstancePrice *instanceById(QStringView id) const;
    /// The row of `type` for `region`: an exact region first, then a "*" row. `provider` empty
    /// matches any provider.
    const InstancePrice *instance(QStringView type, QStringView region, QStringView provider = {}) const;
    /// The capacity row of `kind` for `region` (exact first, then "*"), preferring `provider`.
    const CapacityPrice *capacityPrice(QStringView kind, QStringView region, QStringView provider = {}) const;

    /// The price of `row` under `option`: the row's explicit price, else on-demand less the
    /// discount profile's percentage; nullopt when neither exists.
    std::optional<ResolvedPrice> price(const InstancePrice &row, PurchaseOption option) const;
    ResolvedPrice capacityPriceOf(const CapacityPrice &row) const;
};

/// Parses a YAML catalog. Errors are located (FILE:LINE:COL: path: message), all at once;
/// sanity warnings (a larger size cheaper than a smaller one, spot above on-demand) go to `warnings`.
model::Result<PricingCatalog> parseCatalogYaml(const QByteArray &text, const QString &sourceName,
                                               model::Diagnostics *warnings = nullptr);
/// Parses a CSV of instance rows (see catalogcsv.cpp for the columns) as an overlay on `base`:
/// a row whose id exists changes only its non-empty cells; a new id adds a row.
model::Result<PricingCatalog> applyCatalogCsv(const PricingCatalog &base, const QByteArray &text,
                                              const QString &sourceName);
/// Overlays `overlay` on `base`: rows, sources and profiles with the same id replace, new ones append.
PricingCatalog mergeCatalogs(const PricingCatalog &base, const PricingCatalog &overlay);

/// Loads FILE (.csv, or YAML otherwise) as an overlay on `base`.
model::Result<PricingCatalog> loadCatalogOverlay(const PricingCatalog &base, const QString &path,
                                                 model::Diagnostics *warnings = nullptr);
/// Cross-field checks: unique ids, known sources and profiles, positive prices.
model::Diagnostics validateCatalog(const PricingCatalog &catalog, const QString &sourceName = {});

/// The bundled catalog (resources/pricing/catalog.yaml).
PricingCatalog defaultCatalog();
QString defaultCatalogPath();

} // namespace headroom::cost
