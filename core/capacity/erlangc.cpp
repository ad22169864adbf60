#include "core/capacity/erlangc.h"

#include "core/capacity/monotonesearch.h"

#include <QString>

#include <algorithm>
#include <cmath>

namespace headroom::capacity {

namespace {

using model::makeError;

QString num(double v)
{
    return QString::number(v, 'g', 6);
}

/// (e^(-x t) - e^(-y t)) / (y - x) for x, y > 0, without cancellation when x is close to y.
double expDifference(double x, double y, double t)
{
    const double lo = std::min(x, y);
    const double delta = std::abs(y - x);
    if (delta * t < 1e-300 || delta == 0)
        return t * std::exp(-lo * t);
    return std::exp(-lo * t) * -std::expm1(-delta * t) / delta;
}

model::Result<void> checkRates(double arrivalRate, double serviceRate)
{
    if (!std::isfinite(arrivalRate) || arrivalRate < 0)
        return makeError(QStringLiteral("arrival rate must be a finite number >= 0, got %1").arg(num(arrivalRate)),
                         QStringLiteral("arrivalRate"));
    if (!std::isfinite(serviceRate) || serviceRate <= 0)
        return makeError(QStringLiteral("service rate must be a finite number > 0, got %1").arg(num(serviceRate)),
                         QStringLiteral("serviceRate"));
    return {};
}

model::Result<void> checkPercentile(double p)
{
    if (!(p > 0 && p < 1))
        return makeError(QStringLiteral("percentile must be between 0 and 1 (exclusive), got %1").arg(num(p)),
                         QStringLiteral("percentile"));
    return {};
}

/// The response-time distribution of one queue, with Erlang C computed once.
struct ResponseTime {
    explicit ResponseTime(const MmcQueue &q)
        : mu(q.serviceRate), theta(q.servers * q.serviceRate - q.arrivalRate), c(erlangC(q.servers, q.offeredLoad()))
    {
    }
    double survival(double t) const
    {
        if (t <= 0)
            return 1.0;
        return std::clamp(std::exp(-mu * t) + c * mu * expDifference(theta, mu, t), 0.0, 1.0);
    }
    double density(double t) const
    {
        if (t < 0)
            return 0.0;
        return (1.0 - c) * mu * std::exp(-mu * t) + c * mu * theta * expDifference(theta, mu, t);
    }
    double mu, theta, c;
};

/// Whether the p-quantile of the response time is <= target, i.e. P(T > target) <= 1 - p.
bool meetsTarget(const MmcQueue &q, double p, double target)
{
    return q.isStable() && responseTimeSurvival(q, target) <= 1.0 - p;
}

} // namespace

double erlangB(int servers, double a)
{
    if (servers <= 0)
        return 1.0;
    if (!(a > 0))
        return 0.0;
    // r_k = 1/B(k) = 1 + (k/a) r_{k-1}. Below k ~ a, r_k ~ a/(a-k) and errors in a starting value are
    // multiplied by prod(k/a), which is < e^-800 over the last 40 sqrt(a) steps: start there.
    int k = 0;
    double r = 1.0;
    const double start = std::floor(a - 40.0 * std::sqrt(a));
    if (start > 1 && start < servers) {
        k = static_cast<int>(start);
        r = a / (a - k);
    }
    for (++k; k <= servers; ++k) {
        r = 1.0 + (k / a) * r;
        if (r > 1e300) // B underflows: the blocking probability is 0 to double precision
            return 0.0;
    }
    return 1.0 / r;
}

double erlangC(int servers, double a)
{
    if (servers <= 0 || a >= servers)
        return 1.0;
    if (!(a > 0))
        return 0.0;
    const double b = erlangB(servers, a);
    const double rho = a / servers;
    return b / (1.0 - rho * (1.0 - b));
}

model::Result<void> checkQueue(const MmcQueue &q)
{
    if (auto ok = checkRates(q.arrivalRate, q.serviceRate); !ok)
        return ok;
    if (q.servers < 1)
        return makeError(QStringLiteral("servers must be >= 1, got %1").arg(q.servers), QStringLiteral("servers"));
    if (!q.isStable())
        return makeError(QStringLiteral("unstable queue: arrival rate %1 is not below the capacity of %2 servers "
                                        "x service rate %3 = %4 (utilization %5); the queue grows without bound")
                             .arg(num(q.arrivalRate))
                             .arg(q.servers)
                             .arg(num(q.serviceRate), num(q.servers * q.serviceRate), num(q.utilization())),
                         QStringLiteral("arrivalRate"));
    return {};
}

model::Result<QueueMetrics> analyze(const MmcQueue &q)
{
    if (auto ok = checkQueue(q); !ok)
        return ok.errors();
    QueueMetrics m;
    m.utilization = q.utilization();
    m.probabilityOfWaiting = erlangC(q.servers, q.offeredLoad());
    m.meanWait = m.probabilityOfWaiting / (q.servers * q.serviceRate - q.arrivalRate);
    m.meanResponse = m.meanWait + 1.0 / q.serviceRate;
    m.meanQueueLength = q.arrivalRate * m.meanWait;
    return m;
}

double responseTimeSurvival(const MmcQueue &q, double t)
{
    return ResponseTime(q).survival(t);
}

double responseTimeCdf(const MmcQueue &q, double t)
{
    return 1.0 - responseTimeSurvival(q, t);
}

double responseTimeDensity(const MmcQueue &q, double t)
{
    return ResponseTime(q).density(t);
}

model::Result<double> responseTimePercentile(const MmcQueue &q, double p)
{
    if (auto ok = checkPercentile(p); !ok)
        return ok.errors();
    if (auto ok = checkQueue(q); !ok)
        return ok.errors();
    const double tail = 1.0 - p;
    const ResponseTime rt(q);
    // Bracket: T is stochastically below the sum of Exp(mu) and Exp(theta), whose quantile is below
    // the sum of their quantiles at tail/2.
    double lo = 0;
    double hi = -std::log(tail / 2) / rt.mu - std::log(tail / 2) / rt.theta;
    while (rt.survival(hi) > tail)
        hi *= 2;
    double t = 0.5 * (lo + hi);
    for (int i = 0; i < 200; ++i) {
        const double f = rt.survival(t) - tail; // decreasing in t
        if (f > 0)
            lo = t;
        else
            hi = t;
        const double d = rt.density(t);
        if (f == 0 || (d > 0 && std::abs(f / d) <= 1e-13 * t)) // Newton's next step is below 1e-13 t
            return d > 0 ? t + f / d : t;
        double next = d > 0 ? t + f / d : 0.5 * (lo + hi);
        if (!(next > lo && next < hi))
            next = 0.5 * (lo + hi);
        if (hi - lo <= 1e-14 * hi)
            return next;
        t = next;
    }
    return t;
}

model::Result<int> minimumServers(double arrivalRate, double serviceRate, double p, double target, int maxServers)
{
    if (auto ok = checkRates(arrivalRate, serviceRate); !ok)
        return ok.errors();
    if (auto ok = checkPercentile(p); !ok)
        return ok.errors();
    if (!std::isfinite(target) || target <= 0)
        return makeError(QStringLiteral("target must be a finite time > 0, got %1").arg(num(target)),
                         QStringLiteral("target"));
    const double serviceOnly = -std::log(1.0 - p) / serviceRate;
    if (serviceOnly >= target)
        return makeError(QStringLiteral("impossible target: the service time alone has a P%1 of %2 (mean %3), "
                                        "not below the target %4; more servers cannot help, only faster service")
                             .arg(num(p * 100), num(serviceOnly), num(1.0 / serviceRate), num(target)),
                         QStringLiteral("target"));
    // The smallest stable c, then gallop up and bisect: the quantile falls as c grows.
    const double load = arrivalRate / serviceRate;
    const double first = std::max(1.0, std::floor(load) + 1.0);
    if (first > maxServers)
        return makeError(QStringLiteral("needs more than %1 servers (offered load %2 Erlangs)")
                             .arg(maxServers)
                             .arg(num(load)),
                         QStringLiteral("servers"));
    const auto c = smallestMeeting(static_cast<int>(first), maxServers, static_cast<int>(first), [&](int servers) {
        return meetsTarget(MmcQueue{arrivalRate, serviceRate, servers}, p, target);
    });
    if (!c)
        return makeError(QStringLiteral("needs more than %1 servers to meet the target").arg(maxServers),
                         QStringLiteral("servers"));
    return *c;
}

} // namespace headroom::capacity
