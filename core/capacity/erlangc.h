#pragma once

#include "core/model/result.h"

/// The M/M/c queue (Poisson arrivals, exponential service, c identical servers, FCFS, unbounded
/// queue) and its Erlang C results: probability of waiting, mean wait, the exact response-time
/// distribution and its percentiles, and the smallest c that meets a percentile target.
/// Rates are per second and times in seconds unless a caller uses another unit consistently.
namespace headroom::capacity {

/// One M/M/c queue. Valid when arrivalRate >= 0, serviceRate > 0, servers >= 1, all finite.
/// Stable (has a steady state) when arrivalRate < servers x serviceRate.
struct MmcQueue {
    double arrivalRate = 0; ///< lambda, arrivals per time unit
    double serviceRate = 1; ///< mu, completions per time unit of ONE server (1 / mean service time)
    int servers = 1;        ///< c

    double offeredLoad() const { return arrivalRate / serviceRate; } ///< a = lambda/mu, in Erlangs
    double utilization() const { return offeredLoad() / servers; }   ///< rho = a/c, in [0, 1) when stable
    bool isStable() const { return arrivalRate < servers * serviceRate; }
};

/// Steady-state results of a stable M/M/c queue.
struct QueueMetrics {
    double utilization = 0;          ///< rho = lambda / (c mu)
    double probabilityOfWaiting = 0; ///< Erlang C: P(an arrival finds all c servers busy)
    double meanWait = 0;             ///< Wq = C / (c mu - lambda)
    double meanResponse = 0;         ///< W = Wq + 1/mu
    double meanQueueLength = 0;      ///< Lq = lambda Wq (Little)
};

/// Erlang B blocking probability B(c, a) for offered load a >= 0 Erlangs, by the stable recursion
/// 1/B(k) = 1 + (k/a) / B(k-1), started near k = a - 40 sqrt(a) where earlier terms no longer matter,
/// so the cost is O(sqrt(a) + max(0, c - a)) rather than O(c).
double erlangB(int servers, double offeredLoad);
/// Erlang C waiting probability C(c, a); 1 when a >= c (unstable: everyone waits).
double erlangC(int servers, double offeredLoad);

/// Checks parameters: finite, arrivalRate >= 0, serviceRate > 0, servers >= 1, and stability.
/// The error message says which condition failed and by how much.
model::Result<void> checkQueue(const MmcQueue &queue);

/// Erlang C metrics; an error if the queue is invalid or unstable.
model::Result<QueueMetrics> analyze(const MmcQueue &queue);

/// P(T > t): the survival function of the FCFS response time T = Wq + S, where S ~ Exp(mu) and Wq
/// is 0 with probability 1 - C and Exp(c mu - lambda) otherwise:
///   P(T > t) = e^(-mu t) + C mu (e^(-theta t) - e^(-mu t)) / (mu - theta),  theta = c mu - lambda,
/// with the limit C mu t e^(-mu t) when theta == mu (computed without cancellation for theta near mu).
/// Requires a stable, valid queue (undefined otherwise); t < 0 gives 1.
double responseTimeSurvival(const MmcQueue &queue, double t);
/// P(T <= t).
double responseTimeCdf(const MmcQueue &queue, double t);
/// The density of T at t >= 0.
double responseTimeDensity(const MmcQueue &queue, double t);

/// The p-quantile of the response time (p in (0, 1), e.g. 0.95), by safeguarded Newton iteration on
/// the CDF to a relative accuracy of about 1e-13. Error if p is outside (0, 1) or the queue is invalid/unstable.
model::Result<double> responseTimePercentile(const MmcQueue &queue, double p);

/// The smallest c >= 1 whose p-quantile of response time is <= target (same time unit as the rates).
/// Errors say why no c exists: invalid rates, p outside (0, 1), target <= 0, or a target that the
/// service time alone exceeds (the p-quantile of Exp(mu), the limit as c grows, is >= target).
/// `maxServers` bounds the search (error beyond it).
model::Result<int> minimumServers(double arrivalRate, double serviceRate, double percentile, double target,
                                  int maxServers = 10'000'000);

} // namespace headroom::capacity
