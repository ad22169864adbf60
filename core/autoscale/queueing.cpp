#include "core/autoscale/queueing.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace headroom::autoscale {

double erlangC(double offered, int servers)
{
    if (servers < 1 || offered >= servers)
        return 1.0;
    if (offered <= 0)
        return 0.0;
    const double rho = offered / servers;
    if (servers <= 64) {
        double b = 1.0;
        for (int k = 1; k <= servers; ++k)
            b = offered * b / (k + offered * b);
        return b / (1.0 - rho * (1.0 - b));
    }
    const double beta = (servers - offered) / std::sqrt(offered);
    if (beta > 8)
        return 0.0; // lightly loaded: the probability of waiting is below 1e-14
    const double pdf = std::exp(-0.5 * beta * beta) / std::sqrt(2 * std::numbers::pi);
    const double cdf = 0.5 * std::erfc(-beta / std::numbers::sqrt2);
    return 1.0 / (1.0 + beta * cdf / pdf);
}

double mmcP95Seconds(double lambda, double service, int servers)
{
    if (servers < 1 || service <= 0)
        return std::numeric_limits<double>::infinity();
    const double mu = 1.0 / service;
    const double drain = servers * mu - lambda;
    if (drain <= 0)
        return std::numeric_limits<double>::infinity();
    const double offered = lambda * service;
    if (servers > 64 && (servers - offered) / std::sqrt(offered) >= 2.0)
        return 0.0 + service; // Halfin-Whitt at beta >= 2 puts C below 0.03: no wait at the 95th percentile
    const double c = erlangC(offered, servers);
    const double wait = c > 0.05 ? std::log(c / 0.05) / drain : 0.0;
    return wait + service;
}

} // namespace headroom::autoscale
