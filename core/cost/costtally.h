#pragma once

#include "core/cost/costmodel.h"

#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

/// The cost engine's working form, shared by computeCost() and the savings plan (internal to the
/// module): node-hours per day and purchase slot for every (tier, region) of one purchase mix,
/// the mix-independent storage and cache GB-hours, and the bill's totals summed in the order of
/// its lines. computeCost() turns a tally into CostLines; the savings plan compares the totals of
/// several mixes without building their lines. Both visit the lines in the same order, so every
/// sum is the same sequence of additions and the figures are bit-identical either way.
namespace headroom::cost::detail {

constexpr double kEps = 1e-9;
constexpr double kHoursPerMonth = 730.0;

enum Slot { SlotOnDemand, SlotSpot, SlotReserved, SlotCount };

/// How long sample i of a step series holds (see ReplicaSeries).
double stepOf(const std::vector<double> &hours, double lastStepHours, size_t i);
/// Hours from 0 to the end of the last sample.
double seriesEnd(const std::vector<double> &hours, double lastStepHours);
/// Why a series is malformed, or empty.
QString validateSeries(const std::vector<double> &hours, size_t valueCount);

/// Calls fn(day, hours) for the parts of [start, start + length) that fall in each day.
template <typename Fn>
void splitByDay(double start, double length, Fn &&fn)
{
    const int firstDay = static_cast<int>(std::floor(start / 24.0 + kEps));
    if (start + length <= (firstDay + 1) * 24.0 + kEps) { // the common case: inside one day
        fn(firstDay, length);
        return;
    }
    double t = start;
    const double end = start + length;
    while (t < end - kEps) {
        const int day = static_cast<int>(std::floor(t / 24.0 + kEps));
        const double dayEnd = (day + 1) * 24.0;
        const double part = std::min(end, dayEnd) - t;
        fn(day, part);
        t += part;
    }
}

/// A tier's catalog row and slot prices in one region.
struct PricedRegion {
    const InstancePrice *row = nullptr;
    ResolvedPrice prices[SlotCount];
};

struct TierWork {
    const TierNodes *tier = nullptr;
    const ReplicaSeries *series = nullptr;
    int podsPerNode = 0;
    std::vector<PricedRegion> regions; ///< one per input region
};

/// One node line of the bill as the tally holds it (no strings copied).
struct LineRef {
    int day = 0;
    size_t tier = 0;   ///< index into NodeTally::tiers
    size_t region = 0; ///< index into CostInput::regions
    int slot = SlotOnDemand;
    PurchaseOption option = PurchaseOption::OnDemand;
    double unitHours = 0;
    double hours = 0;
    const PricedRegion *priced = nullptr;
    double hourlyPrice() const { return priced->prices[slot].hourly; }
    double costUsd() const { return unitHours * priced->prices[slot].hourly; }
};

/// Node-hours of one purchase mix.
struct NodeTally {
    int days = 0;
    double horizonHours = 0;
    size_t regionCount = 0;
    std::optional<PurchaseOption> reservedTerm;
    std::vector<TierWork> tiers;
    std::vector<double> unitHours; ///< [tier][region][day][slot]
    std::vector<double> hours;     ///< [tier][region][day]
    std::vector<Reservation> reservations;
    double spotNodeHours = 0, nodeHours = 0;
    QStringList notes;             ///< catalog fallbacks, in the order met

    /// Calls fn(const LineRef &) for the node lines of `day` in the bill's order: tier, region, slot.
    template <typename Fn>
    void forEachLine(int day, Fn &&fn) const
    {
        for (size_t w = 0; w < tiers.size(); ++w) {
            for (size_t r = 0; r < regionCount; ++r) {
                const size_t cell = w * regionCount + r;
                const double dayHours = hours[cell * static_cast<size_t>(days) + static_cast<size_t>(day)];
                const double *perSlot = &unitHours[(cell * static_cast<size_t>(days) + static_cast<size_t>(day)) * SlotCount];
                for (int k = 0; k < SlotCount; ++k) {
                    if (perSlot[k] <= 0 && !(k == SlotOnDemand && dayHours > 0))
                        continue;
                    const PurchaseOption option = k == SlotOnDemand ? PurchaseOption::OnDemand
                                                  : k == SlotSpot   ? PurchaseOption::Spot
                                                                    : *reservedTerm;
                    fn(LineRef{day, w, r, k, option, perSlot[k], dayHours, &tiers[w].regions[r]});
                }
            }
        }
    }
};

/// Resolves the tiers' catalog rows and prices and counts nodes per day and slot. Fails as
/// computeCost() does. With `onlyTier`, only the tiers of that id are counted (the others have no
/// node-hours and no lines), which gives that tier's lines, totals and reservations unchanged.
model::Result<NodeTally> tallyNodes(const CostInput &input, const PricingCatalog &catalog, const CostOptions &options,
                                    const QString *onlyTier = nullptr);

/// Storage or cache GB-hours of one region (independent of the purchase mix).
struct CapacityCell {
    QString kind;      ///< "storage" or "cache"
    size_t region = 0;
    const CapacityPrice *row = nullptr;
    ResolvedPrice price;
    std::vector<double> gbHours, hours; ///< per day
    bool emitted(int day) const { return hours[day] > 0 && gbHours[day] > 0; }
    double costUsd(int day) const { return gbHours[day] * price.hourly; }
};

struct CapacityTally {
    std::vector<CapacityCell> cells; ///< storage by region, then cache by region
    QStringList notes;
};
CapacityTally tallyCapacity(const CostInput &input, const PricingCatalog &catalog, int days);

/// Sums of USD by key, each in the order its lines were added.
struct KeyTotals {
    QStringList keys;
    std::vector<double> usd;
    std::vector<char> seen;          ///< a line was added (keys without lines are not totals)
    int indexOf(const QString &key); ///< adds the key when new
    void add(int index, double value)
    {
        usd[static_cast<size_t>(index)] += value;
        seen[static_cast<size_t>(index)] = 1;
    }
    double value(const QString &key) const;
    void into(QMap<QString, double> &map) const;
};

/// The bill's totals, summed line by line in the bill's order.
struct BillTotals {
    std::vector<double> dailyCost;
    KeyTotals byTier, byRegion, byOption;
    double totalUsd = 0;
};

/// Which totals sumBill() adds up.
enum class Totals { All, TierAndTotal };

/// Totals of a tally (with TierAndTotal only byTier and totalUsd, what comparing mixes needs);
/// with `lines`, also appends the bill's lines to it.
BillTotals sumBill(const CostInput &input, const NodeTally &nodes, const CapacityTally &capacity,
                   std::vector<CostLine> *lines, Totals which = Totals::All);

} // namespace headroom::cost::detail
