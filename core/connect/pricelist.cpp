#include "core/connect/pricelist.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace headroom::connect {

QByteArray priceListToJson(const QList<PriceEntry> &prices)
{
    QJsonArray entries;
    for (const PriceEntry &e : prices) {
        entries.append(QJsonObject{{u"provider"_s, e.provider}, {u"region"_s, e.region},
                                   {u"instanceType"_s, e.instanceType}, {u"vcpu"_s, e.vcpu},
                                   {u"memoryGiB"_s, e.memoryGiB}, {u"hourlyUsd"_s, e.hourlyUsd},
                                   {u"source"_s, e.source}, {u"fetchedAt"_s, e.fetchedAt.toUTC().toString(Qt::ISODate)}});
    }
    return QJsonDocument(QJsonObject{{u"kind"_s, u"HeadroomPriceList"_s}, {u"entries"_s, entries}}).toJson();
}

model::Result<QList<PriceEntry>> priceListFromJson(const QByteArray &json, const QString &source)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return model::makeError(u"not a price list: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset), {},
                                {source, 0, 0});
    QList<PriceEntry> prices;
    const QJsonArray entries = doc.object().value(u"entries"_s).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject o = entries.at(i).toObject();
        PriceEntry e{o.value(u"provider"_s).toString(), o.value(u"region"_s).toString(),
                     o.value(u"instanceType"_s).toString(), o.value(u"vcpu"_s).toDouble(),
                     o.value(u"memoryGiB"_s).toDouble(), o.value(u"hourlyUsd"_s).toDouble(-1),
                     o.value(u"source"_s).toString(),
                     QDateTime::fromString(o.value(u"fetchedAt"_s).toString(), Qt::ISODate)};
        if (e.provider.isEmpty() || e.instanceType.isEmpty() || e.hourlyUsd < 0)
            return model::makeError(u"needs provider, instanceType and a hourlyUsd >= 0"_s,
                                    u"entries[%1]"_s.arg(i), {source, 0, 0});
        prices.append(e);
    }
    return prices;
}

} // namespace headroom::connect
