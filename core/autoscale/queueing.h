#pragma once

namespace headroom::autoscale {

/// Probability that an arrival waits in an M/M/c queue (Erlang C). `offered` = lambda / mu in
/// Erlangs, `servers` >= 1; 1 when the queue is unstable (offered >= servers). Exact (Erlang B
/// recursion) up to 64 servers, the Halfin-Whitt approximation above.
double erlangC(double offered, int servers);

/// 95th percentile of the response time of an M/M/c queue in seconds: the p95 of the queueing
/// delay, P(W > t) = C e^{-(c mu - lambda) t}, plus the mean service time. Infinite when unstable.
double mmcP95Seconds(double arrivalsPerSecond, double serviceSeconds, int servers);

} // namespace headroom::autoscale
