#include "core/model/scenario.h"

namespace headroom::model {

const Tier *Scenario::tier(QStringView id) const
{
    for (const Tier &t : spec.tiers) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

Tier *Scenario::tier(QStringView id)
{
    for (Tier &t : spec.tiers) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

const ResourceTier *Scenario::resourceTier(QStringView name) const
{
    for (const ResourceTier &r : spec.resourceTiers) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}

const TrafficScenario *Scenario::traffic(QStringView name) const
{
    for (const TrafficScenario &t : spec.traffic) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

} // namespace headroom::model
