#pragma once

#include "core/connect/pricelist.h"
#include "core/cost/catalog.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/// Fetched list prices as rows of the cost module's pricing catalog, so that a refresh
/// (`headroom-cli prices fetch`) lands where the cost engine reads prices.
namespace headroom::connect {

struct CatalogRefresh {
    cost::PricingCatalog catalog;
    int added = 0;    ///< rows that were not in the catalog
    int updated = 0;  ///< rows whose price and source were replaced
    int skipped = 0;  ///< entries without a known size
    QStringList warnings;
};

/// Puts every entry into `catalog` as row "provider/region/type" with the entry's on-demand price
/// (USD per hour) and a source "<provider>-list-<date>" whose asOf is the fetch date (the oldest
/// fetchedAt of that provider's entries, UTC, so a refresh answered from the offline copy keeps the
/// copy's date) and whose description is `description`. A row that exists keeps its other fields
/// (family, network, quoted discounts, note). vCPU and memory come from the entry, else from any
/// row of the same provider and type in `catalog` or `sizes` (the Azure API has no sizes); an
/// entry with neither is skipped with a warning.
CatalogRefresh refreshCatalog(const cost::PricingCatalog &catalog, const QList<PriceEntry> &prices,
                              const cost::PricingCatalog &sizes, const QString &description);

/// The catalog as YAML (apiVersion headroom/v1, kind PricingCatalog), readable by parseCatalogYaml.
QByteArray catalogToYaml(const cost::PricingCatalog &catalog);

} // namespace headroom::connect
