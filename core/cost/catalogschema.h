#pragma once

#include "core/cost/catalog.h"
#include "core/model/fieldoptions.h"

/// The field table of the pricing catalog format, walked by YamlReader/YamlWriter
/// (core/model/yamlio.h) like the scenario's. Prices are USD numbers; memory is a size ("16GiB").
namespace headroom::cost {

template <typename V>
void describe(V &v, PriceSource &s)
{
    using namespace model;
    v.scalar("id", s.id, required);
    v.scalar("description", s.description, required);
    v.scalar("asOf", s.asOf, required);
    v.scalar("confidence", s.confidence, opt);
}

template <typename V>
void describe(V &v, DiscountProfile &d)
{
    using namespace model;
    const FieldOptions pct = FieldOptions{}.range(0, 99.9).doc("percent off on-demand");
    v.scalar("id", d.id, required);
    v.scalar("spot", d.spotPct, pct);
    v.scalar("reserved1y", d.reserved1yPct, pct);
    v.scalar("reserved3y", d.reserved3yPct, pct);
    v.scalar("savingsPlan1y", d.savingsPlan1yPct, pct);
    v.scalar("savingsPlan3y", d.savingsPlan3yPct, pct);
    v.scalar("typical", d.typical, opt);
    v.scalar("source", d.source, required);
    v.scalar("note", d.note, opt);
}

template <typename V>
void describe(V &v, InstancePrice &p)
{
    using namespace model;
    const FieldOptions price = FieldOptions{}.atLeast(0).doc("USD per node-hour");
    v.scalar("id", p.id, required);
    v.scalar("provider", p.provider, required);
    v.scalar("region", p.region, required);
    v.scalar("type", p.type, required);
    v.scalar("family", p.family, opt);
    v.scalar("vcpu", p.vcpu, required.atLeast(0.001));
    v.scalar("memory", p.memoryBytes, required.asBytes());
    v.scalar("networkGbps", p.networkGbps, nonNegative);
    v.scalar("onDemandHourly", p.onDemandHourly, price.req());
    v.scalar("spotHourly", p.spotHourly, price);
    v.scalar("reserved1yHourly", p.reserved1yHourly, price);
    v.scalar("reserved3yHourly", p.reserved3yHourly, price);
    v.scalar("savingsPlan1yHourly", p.savingsPlan1yHourly, price);
    v.scalar("savingsPlan3yHourly", p.savingsPlan3yHourly, price);
    v.scalar("discounts", p.discounts, opt);
    v.scalar("source", p.source, required);
    v.scalar("note", p.note, opt);
}

template <typename V>
void describe(V &v, CapacityPrice &p)
{
    using namespace model;
    v.scalar("id", p.id, required);
    v.scalar("provider", p.provider, required);
    v.scalar("region", p.region, required);
    v.scalar("kind", p.kind, required);
    v.scalar("type", p.type, required);
    v.scalar("perGbMonth", p.perGbMonth, required.atLeast(0).doc("USD per GB-month"));
    v.scalar("source", p.source, required);
    v.scalar("note", p.note, opt);
}

template <typename V>
void describe(V &v, PricingCatalog &c)
{
    using namespace model;
    v.scalar("apiVersion", c.apiVersion, required);
    v.scalar("kind", c.kind, required);
    v.scalar("name", c.name, opt);
    v.scalar("currency", c.currency, opt);
    v.list("sources", c.sources);
    v.list("discounts", c.discounts);
    v.list("instances", c.instances);
    v.list("capacity", c.capacity);
}

} // namespace headroom::cost
