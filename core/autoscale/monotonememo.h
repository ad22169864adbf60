#pragma once

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom::autoscale {

/// A memo for a non-decreasing step function `f` (a pure function of one double, e.g. a ceil or
/// floor of a product) evaluated along a slowly moving argument, as the simulator's demand moves
/// from tick to tick. Exact: once f(a) == f(b), every x in [a, b] has that same value, so a call
/// inside such a known interval returns it without evaluating `f`. A call outside evaluates f(x)
/// and also f at a point ahead in the direction the argument moves; when both agree, the interval
/// between them is known. The look-ahead doubles after each agreement and shrinks after a
/// disagreement (a step of `f` lies ahead), so a smooth sweep evaluates `f` a few times per step of
/// `f` plus once per up to 256 calls; when even the shortest look-ahead keeps failing, probing backs
/// off (up to 64 calls), so an argument that crosses a step at every call costs little more than `f`. `f` must never decrease as its argument grows within
/// |x| <= 1e100; other arguments (and NaN) are passed to `f` every time.
template <typename Value>
class MonotoneMemo {
public:
    template <typename F>
    Value operator()(double x, const F &f)
    {
        const double previous = m_last;
        m_last = x;
        if (x >= m_lo && x <= m_hi)
            return m_value;
        return evaluate(x, previous, f);
    }

    /// Forgets the known interval (call when `f` itself changes).
    void reset() { m_lo = m_hi = std::numeric_limits<double>::quiet_NaN(); }

private:
    /// A call outside the known interval (kept out of line: the hit above is the common case).
    template <typename F>
    [[gnu::noinline]] Value evaluate(double x, double previous, const F &f)
    {
        if (!(std::abs(x) <= Domain))
            return f(x); // NaN or far out: not memoized
        m_value = f(x);
        m_lo = m_hi = x;
        if (m_skip > 0) { // the last probes failed: `f` changes with every move; probe again later
            --m_skip;
            return m_value;
        }
        const double ahead = x + (x - previous) * m_reach;
        if (std::abs(ahead) <= Domain && f(ahead) == m_value) {
            m_lo = std::min(x, ahead);
            m_hi = std::max(x, ahead);
            m_reach = std::min(m_reach * 2, MaxReach);
            m_backoff = 1;
        } else if (m_reach > 1) {
            m_reach = std::max(m_reach / 4, 1.0);
        } else {
            m_skip = m_backoff;
            m_backoff = std::min(m_backoff * 2, MaxBackoff);
        }
        return m_value;
    }

    static constexpr double MaxReach = 256; ///< look-ahead at most this many times the last move
    static constexpr double Domain = 1e100; ///< arguments memoized: |x| <= Domain
    static constexpr int MaxBackoff = 64;   ///< calls without a probe at most, after failed probes
    double m_lo = std::numeric_limits<double>::quiet_NaN();
    double m_hi = std::numeric_limits<double>::quiet_NaN();
    double m_last = 0;
    double m_reach = 8;
    int m_skip = 0;
    int m_backoff = 1;
    Value m_value{};
};

} // namespace headroom::autoscale
