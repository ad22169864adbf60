#include "core/connect/pricecatalog.h"

#include "core/cost/catalogschema.h"
#include "core/model/yamlio.h"

#include <QHash>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace headroom::connect {

namespace {

constexpr double kBytesPerGiB = 1024.0 * 1024.0 * 1024.0;

const cost::InstancePrice *sizedRow(const cost::PricingCatalog &c, const QString &provider, const QString &type)
{
    for (const cost::InstancePrice &row : c.instances) {
        if (row.provider == provider && row.type == type && row.vcpu > 0 && row.memoryBytes > 0)
            return &row;
    }
    return nullptr;
}

} // namespace

CatalogRefresh refreshCatalog(const cost::PricingCatalog &catalog, const QList<PriceEntry> &prices,
                              const cost::PricingCatalog &sizes, const QString &description)
{
    CatalogRefresh out;
    out.catalog = catalog;
    QHash<QString, QDateTime> fetched; // provider -> oldest fetch time
    for (const PriceEntry &e : prices) {
        QDateTime &when = fetched[e.provider];
        if (!when.isValid() || (e.fetchedAt.isValid() && e.fetchedAt < when))
            when = e.fetchedAt;
    }
    QHash<QString, QString> sourceIds;
    for (auto it = fetched.cbegin(); it != fetched.cend(); ++it) {
        const QString date = it.value().isValid() ? it.value().toUTC().date().toString(Qt::ISODate) : u"unknown"_s;
        cost::PriceSource source{u"%1-list-%2"_s.arg(it.key(), date), description, date, u"high"_s};
        sourceIds.insert(it.key(), source.id);
        auto existing = std::find_if(out.catalog.sources.begin(), out.catalog.sources.end(),
                                     [&](const cost::PriceSource &s) { return s.id == source.id; });
        if (existing != out.catalog.sources.end())
            *existing = source;
        else
            out.catalog.sources.append(source);
    }
    QHash<QString, qsizetype> rowIndex;
    for (qsizetype i = 0; i < out.catalog.instances.size(); ++i)
        rowIndex.insert(out.catalog.instances[i].id, i);
    int unsized = 0;
    QString firstUnsized;
    for (const PriceEntry &e : prices) {
        if (e.instanceType.isEmpty() || e.region.isEmpty() || !std::isfinite(e.hourlyUsd) || e.hourlyUsd < 0) {
            ++out.skipped;
            continue;
        }
        cost::InstancePrice row;
        row.id = u"%1/%2/%3"_s.arg(e.provider, e.region, e.instanceType);
        const auto at = rowIndex.constFind(row.id);
        if (at != rowIndex.cend())
            row = out.catalog.instances[*at];
        row.provider = e.provider;
        row.region = e.region;
        row.type = e.instanceType;
        if (e.vcpu > 0 && e.memoryGiB > 0) {
            row.vcpu = e.vcpu;
            row.memoryBytes = e.memoryGiB * kBytesPerGiB;
        } else if (row.vcpu <= 0 || row.memoryBytes <= 0) {
            const cost::InstancePrice *known = sizedRow(out.catalog, e.provider, e.instanceType);
            if (!known)
                known = sizedRow(sizes, e.provider, e.instanceType);
            if (!known) {
                if (unsized++ == 0)
                    firstUnsized = e.instanceType;
                ++out.skipped;
                continue;
            }
            row.vcpu = known->vcpu;
            row.memoryBytes = known->memoryBytes;
            if (row.family.isEmpty())
                row.family = known->family;
        }
        row.onDemandHourly = e.hourlyUsd;
        row.source = sourceIds.value(e.provider);
        if (at != rowIndex.cend()) {
            out.catalog.instances[*at] = row;
            ++out.updated;
        } else {
            rowIndex.insert(row.id, out.catalog.instances.size());
            out.catalog.instances.append(row);
            ++out.added;
        }
    }
    if (unsized > 0)
        out.warnings.append(u"%1 price(s) skipped: no vCPU/memory known for the size (e.g. %2); add the size to the "
                            "catalog once and refresh again"_s.arg(unsized).arg(firstUnsized));
    return out;
}

QByteArray catalogToYaml(const cost::PricingCatalog &catalog)
{
    model::YamlWriter writer;
    return "# Headroom pricing catalog (resources/pricing/README.md), refreshed by headroom-cli prices fetch.\n"
        + model::emitYaml(writer.write(catalog));
}

} // namespace headroom::connect
