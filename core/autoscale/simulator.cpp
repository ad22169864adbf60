#include "core/autoscale/simulator.h"

#include "core/autoscale/simulatorsync.h"
#include "core/autoscale/simulatortier.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace headroom::autoscale {

using namespace model;
using sim::Sample;
using sim::TierSim;

namespace {

/// Calls `f` on every stored double series and every int series of the timeline (demand is a view
/// of the traffic multipliers, set at the end).
template <typename F>
void forEachSeries(TierTimeline &tl, const F &f)
{
    for (auto *v : {&tl.cpuUtilization, &tl.memoryUtilization, &tl.queueDepth, &tl.p95LatencyMs,
                    &tl.droppedPerSecond})
        f(*v);
    for (auto *v : {&tl.desiredReplicas, &tl.readyReplicas, &tl.pendingReplicas, &tl.nodes, &tl.neededReplicas})
        f(*v);
}

/// Reserves the timeline for `ticks`; the simulation appends one value per tick to every series, so
/// a cancelled run holds exactly the ticks simulated.
void reserve(TierTimeline &tl, int ticks)
{
    forEachSeries(tl, [n = static_cast<std::size_t>(ticks)](auto &v) { v.reserve(n); });
}

/// One block of ticks of a tier's timeline, written tick by tick and appended to the series when
/// full (a store per value and tick; the series' checks run once per block).
struct TimelineBlock {
    static constexpr std::size_t Size = TickSeries<double>::BlockSize;
    double cpu[Size], memory[Size], queue[Size], p95[Size], dropped[Size];
    int desired[Size], ready[Size], pending[Size], nodes[Size], needed[Size];

    /// Appends the first `n` ticks of the block to `tl`.
    void flush(TierTimeline &tl, std::size_t n) const
    {
        if (n == 0)
            return;
        tl.cpuUtilization.appendBlock(cpu, n);
        tl.memoryUtilization.appendBlock(memory, n);
        tl.queueDepth.appendBlock(queue, n);
        tl.p95LatencyMs.appendBlock(p95, n);
        tl.droppedPerSecond.appendBlock(dropped, n);
        tl.desiredReplicas.appendBlock(desired, n);
        tl.readyReplicas.appendBlock(ready, n);
        tl.pendingReplicas.appendBlock(pending, n);
        tl.nodes.appendBlock(nodes, n);
        tl.neededReplicas.appendBlock(needed, n);
    }
};

std::optional<double> firstEventSeconds(const TrafficSpec &traffic)
{
    std::optional<double> at;
    for (const TrafficFactor &f : traffic.factors)
        if (f.kind == TrafficFactor::Kind::Spike || f.kind == TrafficFactor::Kind::RetryStorm
            || f.kind == TrafficFactor::Kind::RegionLoss)
            at = at ? std::min(*at, f.atSeconds) : f.atSeconds;
    return at;
}

/// A tier's run summary, accumulated tick by tick.
class SummaryAccumulator {
public:
    SummaryAccumulator(const QString &tierId, double sloMs, std::optional<double> event) : m_sloMs(sloMs)
    {
        m_summary.tierId = tierId;
        m_summary.eventAtSeconds = event;
    }

    /// Adds the first `n` ticks of `b`, whose first tick is `firstTick`, each of `dt` seconds (the
    /// same operations in the same order as tick by tick: the summary does not change).
    void addBlock(const TimelineBlock &b, std::size_t n, int firstTick, double dt)
    {
        TierSummary &s = m_summary;
        for (std::size_t j = 0; j < n; ++j)
            if (b.p95[j] > m_sloMs || b.dropped[j] > 0)
                s.minutesOverSlo += dt / 60.0;
        int peakReplicas = s.peakReplicas, peakNodes = s.peakNodes, peakNeeded = s.peakNeededReplicas;
        for (std::size_t j = 0; j < n; ++j) {
            peakReplicas = std::max(peakReplicas, b.desired[j]);
            peakNodes = std::max(peakNodes, b.nodes[j]);
            peakNeeded = std::max(peakNeeded, b.needed[j]);
        }
        s.peakReplicas = peakReplicas;
        s.peakNodes = peakNodes;
        s.peakNeededReplicas = peakNeeded;
        for (std::size_t j = 0; j < n && !m_decided && s.eventAtSeconds; ++j) {
            const double tSec = (firstTick + static_cast<int>(j)) * dt;
            if (!(tSec < *s.eventAtSeconds)) // as tick by tick, NaN included
                addAfterEvent(tSec, b.ready[j], b.needed[j]);
        }
    }

    /// The summary after `ticks` ticks of `dt` seconds.
    TierSummary finish(int ticks, double dt)
    {
        const auto &event = m_summary.eventAtSeconds;
        if (event && !m_sawDeficit && ticks > 0 && *event < ticks * dt)
            m_summary.spikeAbsorbedAfterSeconds = 0;
        return m_summary;
    }

private:
    /// Spike absorption: a tick at or after the first event, while undecided.
    void addAfterEvent(double tSec, int ready, int needed)
    {
        TierSummary &s = m_summary;
        if (ready < needed) {
            if (!m_deficitStart)
                m_deficitStart = tSec;
            m_sawDeficit = true;
            m_neededInDeficit = std::max(m_neededInDeficit, needed);
        } else if (m_deficitStart) {
            // caught up only if the tier reached the need, not if the need fell back to it
            if (ready >= m_neededInDeficit)
                s.spikeAbsorbedAfterSeconds = tSec - *s.eventAtSeconds;
            m_decided = true;
        }
    }

    TierSummary m_summary;
    double m_sloMs = 0;
    std::optional<double> m_deficitStart;
    bool m_sawDeficit = false;
    bool m_decided = false;
    int m_neededInDeficit = 0;
};

} // namespace

SimulationResult simulate(const Scenario &scenario, const TrafficSpec &traffic, std::chrono::milliseconds duration,
                          const SimulationOptions &options, const std::function<bool(int, int)> &progress)
{
    SimulationResult result;
    const std::int64_t stepMs = std::max<std::int64_t>(1, options.step.count());
    result.startMs = options.startMs;
    result.stepMs = stepMs;
    const int ticks = static_cast<int>(std::max<std::int64_t>(0, duration.count() / stepMs));
    const SimulationSettings &simSettings = scenario.spec.simulation;
    ControllerSettings settings = options.controller;
    settings.tolerance = simSettings.tolerance;
    const int syncEvery = static_cast<int>(std::max<std::int64_t>(1, simSettings.syncPeriod.count() / stepMs));
    const int lag = static_cast<int>(std::max<std::int64_t>(0, simSettings.metricsDelay.count() / stepMs));
    const double dt = stepMs / 1000.0;
    const auto event = firstEventSeconds(traffic);

    std::vector<TierSim> tiers;
    std::vector<SummaryAccumulator> summaries;
    int clusterNodes = 0;
    const double m0 = traffic.multiplier(0, options.startMs);
    for (const Tier &tier : scenario.spec.tiers) {
        TierSim t = sim::makeTier(scenario, tier, settings);
        t.replicas = sim::neededAt(t, m0);
        t.ready = t.replicas;
        t.window->add(t.replicas, options.startMs);
        t.nodes = (t.replicas + t.podsPerNode - 1) / t.podsPerNode;
        clusterNodes += t.nodes;
        t.ring.assign(static_cast<std::size_t>(lag + 1), Sample{});
        summaries.emplace_back(tier.id, t.sloSeconds * 1000, event);
        tiers.push_back(std::move(t));
        TierTimeline tl;
        tl.tierId = tier.id;
        reserve(tl, ticks);
        result.tiers.push_back(std::move(tl));
    }

    double lostBefore = 0;
    const bool outages = !traffic.outages.empty();
    // shared with the result: a tier's demand at a tick is its arrivals per unit x the multiplier, as
    // advanceTier() computes the arrivals
    const auto multipliers = std::make_shared<const std::vector<double>>(traffic.series(options.startMs, dt, ticks));
    std::size_t ringPos = 0;
    int syncCountdown = 0;
    std::vector<TimelineBlock> blocks(tiers.size());
    sim::Tick tick;
    tick.dt = dt;
    tick.nodeProvisioningDelayMs = simSettings.nodeProvisioningDelay.count();
    tick.maxNodes = simSettings.maxNodes;
    const std::size_t tierCount = tiers.size();
    int done = 0; // ticks simulated
    for (int i = 0; i < ticks; ++i) {
        const double tSec = i * dt;
        tick.nowMs = options.startMs + i * stepMs;
        tick.multiplier = (*multipliers)[static_cast<std::size_t>(i)];
        const bool syncDue = syncCountdown == 0;
        syncCountdown = syncDue ? syncEvery - 1 : syncCountdown - 1;
        const double lost = outages ? traffic.lostShare(tSec) : 0.0;
        tick.regionLost = lost > lostBefore;
        tick.lostFraction = tick.regionLost ? (lost - lostBefore) / (1 - lostBefore) : 0.0;
        const std::size_t slot = static_cast<std::size_t>(i) % TimelineBlock::Size;
        for (std::size_t k = 0; k < tierCount; ++k) {
            TierSim &t = tiers[k];
            TimelineBlock &b = blocks[k];
            Sample &s = t.ring[ringPos];
            const sim::Served served = sim::advanceTier(t, tick, clusterNodes, s);
            b.cpu[slot] = served.cpuUtilization;
            b.memory[slot] = served.memoryUtilization;
            b.queue[slot] = t.queue;
            b.p95[slot] = s.p95Ms;
            b.dropped[slot] = served.dropped;
            if (syncDue) {
                const Sample &seen = t.ring[ringPos + 1 == t.ring.size() ? 0 : ringPos + 1]; // `lag` ticks old
                const int desired = sim::syncReplicas(t, i >= lag ? seen : s, tick.nowMs, options.policy, settings);
                if (desired != t.replicas)
                    sim::scaleTo(t, desired, tick.nowMs);
            }
            const int needed = served.neededReplicas;
            b.desired[slot] = t.replicas;
            b.ready[slot] = t.ready;
            b.pending[slot] = t.pending;
            b.nodes[slot] = t.nodes;
            b.needed[slot] = needed;
        }
        if (slot + 1 == TimelineBlock::Size)
            for (std::size_t k = 0; k < tierCount; ++k) {
                blocks[k].flush(result.tiers[k], TimelineBlock::Size);
                summaries[k].addBlock(blocks[k], TimelineBlock::Size, i + 1 - int(TimelineBlock::Size), dt);
            }
        lostBefore = lost;
        ringPos = ringPos + 1 == static_cast<std::size_t>(lag + 1) ? 0 : ringPos + 1;
        done = i + 1;
        if (progress && (i & 4095) == 4095 && !progress(i + 1, ticks))
            break;
    }
    result.ticks = done;
    for (std::size_t k = 0; k < tiers.size(); ++k) { // the last, partial block
        const std::size_t rest = static_cast<std::size_t>(result.ticks) % TimelineBlock::Size;
        blocks[k].flush(result.tiers[k], rest);
        summaries[k].addBlock(blocks[k], rest, result.ticks - static_cast<int>(rest), dt);
        forEachSeries(result.tiers[k], [](auto &v) { v.squeeze(); });
        result.tiers[k].demand = TickSeries<double>::scaled(multipliers, tiers[k].arrivalsPerMultiplier,
                                                            static_cast<std::size_t>(result.ticks));
    }
    for (SummaryAccumulator &s : summaries)
        result.summaries.push_back(s.finish(result.ticks, dt));
    return result;
}

} // namespace headroom::autoscale
