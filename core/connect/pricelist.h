#pragma once

#include "core/model/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

/// A provider-neutral list price, the connectors' output for the cost module's catalog.
namespace headroom::connect {

struct PriceEntry {
    QString provider;      ///< "aws", "azure", "gcp"
    QString region;        ///< provider region code: "us-east-1", "eastus"
    QString instanceType;  ///< "m5.large", "Standard_D2s_v5"
    double vcpu = 0;
    double memoryGiB = 0;
    double hourlyUsd = 0;  ///< Linux on-demand, USD per instance-hour
    QString source;        ///< URL or file it came from
    QDateTime fetchedAt;   ///< UTC
    bool operator==(const PriceEntry &) const = default;
};

/// Finds the entry for provider/region/instanceType (case-sensitive, as the APIs spell them).
/// Provider aliases from Kubernetes providerIDs are accepted: "gce" matches "gcp".
std::optional<PriceEntry> findPrice(const QList<PriceEntry> &prices, const QString &provider, const QString &region,
                                    const QString &instanceType);

/// The offline copy: {"kind": "HeadroomPriceList", "entries": [{provider, region, ...}]}.
QByteArray priceListToJson(const QList<PriceEntry> &prices);
model::Result<QList<PriceEntry>> priceListFromJson(const QByteArray &json, const QString &source);

} // namespace headroom::connect
