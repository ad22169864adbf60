#pragma once

#include <algorithm>
#include <optional>

/// Internal: the smallest integer meeting a monotone condition.
namespace headroom::capacity {

/// The smallest n in [lower, upper] with meets(n), for a condition that is false below some
/// threshold and true from it on. Gallops from `hint` (clamped into the range; pass the previous
/// answer of a slowly changing problem) in doubling steps, then bisects: O(log distance) calls.
/// nullopt when meets(upper) is false.
template <typename Meets>
std::optional<int> smallestMeeting(int lower, int upper, int hint, Meets meets)
{
    if (lower > upper)
        return std::nullopt;
    int at = std::clamp(hint, lower, upper);
    int lo = lower - 1; // fails (or below the range)
    int hi = upper;     // meets, once checked
    long long step = 1;
    if (meets(at)) {
        hi = at;
        while (hi > lower) {
            const int next = static_cast<int>(std::max<long long>(lower, hi - step));
            if (!meets(next)) {
                lo = next;
                break;
            }
            hi = next;
            step *= 2;
        }
    } else {
        lo = at;
        while (true) {
            if (lo >= upper)
                return std::nullopt;
            const int next = static_cast<int>(std::min<long long>(upper, lo + step));
            if (meets(next)) {
                hi = next;
                break;
            }
            lo = next;
            step *= 2;
        }
    }
    while (hi - lo > 1) { // lo fails (or is lower - 1), hi meets
        const int mid = lo + (hi - lo) / 2;
        (meets(mid) ? hi : lo) = mid;
    }
    return hi;
}

} // namespace headroom::capacity
