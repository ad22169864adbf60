#include "core/forecast/series.h"

#include "core/forecast/decomposition.h"
#include "core/forecast/stl.h"
#include "core/model/csv.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom::forecast {

using model::makeError;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kDay = 86400.0;

std::optional<double> parseIsoTime(const QString &text)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (!d.isValid())
            return std::nullopt;
        dt = QDateTime(d, QTime(0, 0), QTimeZone::utc());
    }
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeZone(QTimeZone::utc());
    return dt.toMSecsSinceEpoch() / 1000.0;
}

int monthIndex(double seconds)
{
    const QDate d = QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000.0), QTimeZone::utc()).date();
    return d.year() * 12 + d.month() - 1;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

} // namespace

model::Result<Series> parseSeriesCsv(const QByteArray &text, const QString &sourceName)
{
    auto table = model::parseCsv(text, sourceName);
    if (!table)
        return table.errors();
    const int ct = table->column(u"t"), cv = table->column(u"value");
    if (ct < 0 || cv < 0)
        return makeError(QStringLiteral("expected a header with columns t,value, got '%1'").arg(table->header.join(u',')),
                         QString(), {sourceName, 1, 1});
    Series s;
    for (qsizetype r = 0; r < table->rows.size(); ++r) {
        const QStringList &row = table->rows[r];
        const int line = table->rowLines[r];
        bool ok = false;
        double t = row[ct].toDouble(&ok);
        const bool iso = !ok;
        if (iso) {
            const auto parsed = parseIsoTime(row[ct]);
            if (!parsed)
                return makeError(QStringLiteral("expected an ISO-8601 time or a number, got '%1'").arg(row[ct]),
                                 QStringLiteral("t"), {sourceName, line, ct + 1});
            t = *parsed;
        }
        if (r > 0 && iso != s.calendarTime)
            return makeError(QStringLiteral("mixes ISO-8601 times and plain numbers ('%1')").arg(row[ct]),
                             QStringLiteral("t"), {sourceName, line, ct + 1});
        s.calendarTime = iso;
        if (!s.time.empty() && !(t > s.time.back()))
            return makeError(QStringLiteral("times must strictly increase; '%1' is not after line %2")
                                 .arg(row[ct]).arg(s.lines.back()),
                             QStringLiteral("t"), {sourceName, line, ct + 1});
        const QString v = row[cv].trimmed();
        double value = kNaN;
        if (!v.isEmpty() && v.compare(u"NA", Qt::CaseInsensitive) != 0 && v.compare(u"NaN", Qt::CaseInsensitive) != 0) {
            value = v.toDouble(&ok);
            if (!ok || !std::isfinite(value))
                return makeError(QStringLiteral("expected a number, got '%1'").arg(v), QStringLiteral("value"),
                                 {sourceName, line, cv + 1});
        }
        s.time.push_back(t);
        s.values.push_back(value);
        s.lines.push_back(line);
    }
    if (s.time.size() < 3)
        return makeError(QStringLiteral("needs at least 3 points, got %1").arg(s.time.size()), QString(),
                         {sourceName, 1, 1});
    return s;
}

model::Result<Series> readSeriesCsv(const QString &path)
{
    auto table = model::readCsvFile(path); // reads the file once for its error message on failure
    if (!table)
        return table.errors();
    return parseSeriesCsv(table->toCsv(), path);
}

QString RegularSeries::timeLabel(int index) const
{
    if (!calendarTime)
        return QString::number(start + step * index, 'g', 12);
    QDateTime t = QDateTime::fromMSecsSinceEpoch(qint64(start * 1000.0), Qt::UTC);
    t = stepMonths > 0 ? t.addMonths(stepMonths * index) : t.addMSecs(qint64(step * index * 1000.0));
    return t.toString(Qt::ISODate);
}

model::Result<RegularSeries> regularise(const Series &s, QStringList *warnings)
{
    RegularSeries out;
    out.calendarTime = s.calendarTime;
    out.start = s.time.front();
    std::vector<double> diffs;
    for (size_t i = 1; i < s.time.size(); ++i)
        diffs.push_back(s.time[i] - s.time[i - 1]);
    const auto within = [&](double lo, double hi) {
        return std::all_of(diffs.begin(), diffs.end(), [&](double d) {
            const double days = d / kDay;
            return std::fmod(days, 1.0) == 0.0 && days >= lo && days <= hi * 6;
        }) && median(diffs) / kDay >= lo && median(diffs) / kDay <= hi;
    };
    std::vector<double> grid; // position of each point on the grid, in steps
    if (s.calendarTime && (within(28, 31) || within(89, 92) || within(365, 366))) {
        const double med = median(diffs) / kDay;
        out.stepMonths = med < 32 ? 1 : med < 93 ? 3 : 12;
        out.step = 0.0;
        for (double t : s.time)
            grid.push_back(double(monthIndex(t) - monthIndex(s.time.front())) / out.stepMonths);
    } else {
        out.step = median(diffs);
        for (double t : s.time)
            grid.push_back((t - out.start) / out.step);
    }
    int offGrid = 0;
    for (double g : grid)
        offGrid += std::abs(g - std::round(g)) > 0.25;
    const int last = static_cast<int>(std::round(grid.back()));
    if (last > 50'000'000)
        return makeError(QStringLiteral("the time grid would need %1 points (step %2); check the t column")
                             .arg(last).arg(out.step), QStringLiteral("t"), {});
    out.values.assign(last + 1, kNaN);
    if (offGrid > 0) {
        // Resample: linear interpolation between the neighbouring valid points.
        size_t j = 0;
        for (int k = 0; k <= last; ++k) {
            while (j + 1 < grid.size() && grid[j + 1] < k)
                ++j;
            if (j + 1 >= grid.size() || std::isnan(s.values[j]) || std::isnan(s.values[j + 1])) {
                out.values[k] = j < grid.size() && std::abs(grid[j] - k) < 1e-9 ? s.values[j] : kNaN;
                continue;
            }
            const double w = (k - grid[j]) / (grid[j + 1] - grid[j]);
            out.values[k] = s.values[j] + std::clamp(w, 0.0, 1.0) * (s.values[j + 1] - s.values[j]);
        }
        if (warnings)
            *warnings << QStringLiteral("%1 timestamps are off the regular step; values were interpolated onto it")
                             .arg(offGrid);
    } else {
        for (size_t i = 0; i < grid.size(); ++i)
            out.values[static_cast<size_t>(std::round(grid[i]))] = s.values[i];
    }
    // Trim missing ends, then interpolate interior gaps linearly.
    const auto valid = [](double v) { return !std::isnan(v); };
    const auto first = std::find_if(out.values.begin(), out.values.end(), valid);
    const auto lastValid = std::find_if(out.values.rbegin(), out.values.rend(), valid).base();
    if (std::count_if(out.values.begin(), out.values.end(), valid) < 3)
        return makeError(QStringLiteral("needs at least 3 values, got %1")
                             .arg(std::count_if(out.values.begin(), out.values.end(), valid)), QStringLiteral("value"), {});
    const int lead = int(first - out.values.begin()), trail = int(out.values.end() - lastValid);
    out.values = std::vector<double>(first, lastValid);
    if (out.stepMonths > 0)
        out.start = QDateTime::fromMSecsSinceEpoch(qint64(out.start * 1000.0), QTimeZone::utc())
                        .addMonths(lead * out.stepMonths).toMSecsSinceEpoch() / 1000.0;
    else
        out.start += lead * out.step;
    if ((lead > 0 || trail > 0) && warnings)
        *warnings << QStringLiteral("dropped %1 missing points at the start and %2 at the end").arg(lead).arg(trail);
    int filled = 0;
    for (size_t k = 0; k < out.values.size(); ++k) {
        if (!std::isnan(out.values[k]))
            continue;
        size_t e = k;
        while (std::isnan(out.values[e]))
            ++e;
        const double a = out.values[k - 1], b = out.values[e];
        for (size_t i = k; i < e; ++i, ++filled)
            out.values[i] = a + (b - a) * double(i - k + 1) / double(e - k + 1);
        k = e;
    }
    if (filled > 0 && warnings)
        *warnings << QStringLiteral("%1 missing points were interpolated linearly").arg(filled);
    return out;
}

int repairCounterResets(RegularSeries &series, QStringList *warnings)
{
    std::vector<double> &v = series.values;
    const size_t n = v.size();
    if (n < 8)
        return 0;
    std::vector<size_t> drops;
    size_t rises = 0;
    for (size_t t = 1; t < n; ++t) {
        if (v[t] < v[t - 1])
            drops.push_back(t);
        rises += v[t] > v[t - 1];
    }
    const bool counter = !drops.empty() && drops.size() <= std::max<size_t>(1, n / 50) && rises * 2 >= n &&
                         std::all_of(drops.begin(), drops.end(), [&](size_t t) { return v[t] < 0.5 * v[t - 1]; }) &&
                         std::all_of(v.begin(), v.end(), [](double x) { return x >= 0.0; });
    if (!counter)
        return 0;
    const std::vector<double> raw = v;
    double offset = 0.0;
    for (size_t t : drops) {
        if (warnings)
            *warnings << QStringLiteral("counter reset at %1 (fell from %2 to %3); later values re-based")
                             .arg(series.timeLabel(int(t))).arg(raw[t - 1]).arg(raw[t]);
    }
    for (size_t t = 1; t < n; ++t) {
        if (raw[t] < raw[t - 1])
            offset += raw[t - 1];
        v[t] = raw[t] + offset;
    }
    return int(drops.size());
}

namespace {

// Running median of odd window w; within half a window of the ends, the trend is extended
// linearly from the nearest full windows, so a trending series' ends are not flagged.
std::vector<double> runningMedian(const std::vector<double> &y, int w)
{
    const int n = static_cast<int>(y.size());
    std::vector<double> out(y.size());
    w = std::min(w, n - (n % 2 == 0 ? 1 : 0));
    const int half = w / 2;
    std::vector<double> buf(w);
    for (int t = half; t < n - half; ++t) {
        std::copy(y.begin() + (t - half), y.begin() + (t + half + 1), buf.begin());
        std::nth_element(buf.begin(), buf.begin() + half, buf.end());
        out[t] = buf[half];
    }
    const int span = std::min(half, n - 2 * half - 1);
    const double headSlope = span > 0 ? (out[half + span] - out[half]) / span : 0.0;
    const double tailSlope = span > 0 ? (out[n - half - 1] - out[n - half - 1 - span]) / span : 0.0;
    for (int t = 0; t < half; ++t) {
        out[t] = out[half] - headSlope * (half - t);
        out[n - 1 - t] = out[n - half - 1] + tailSlope * (half - t);
    }
    return out;
}

std::vector<double> smoothTrend(const std::vector<double> &y, int period)
{
    const int window = (std::max(period, 5) | 1);
    if (window <= 25 || int(y.size()) <= window)
        return runningMedian(y, std::min(window, 25));
    std::vector<double> trend = centredMovingAverage(y, window);
    const auto first = std::find_if(trend.begin(), trend.end(), [](double v) { return !std::isnan(v); });
    const auto last = std::find_if(trend.rbegin(), trend.rend(), [](double v) { return !std::isnan(v); });
    std::fill(trend.begin(), first, *first);
    std::fill(trend.rbegin(), last, *last);
    return trend;
}

} // namespace

namespace {
constexpr size_t kRecentOutlierCycles = 12;
constexpr size_t kRecentOutlierPoints = 16'128;
} // namespace

int replaceOutliers(RegularSeries &series, const std::vector<int> &periods, double threshold, QStringList *warnings)
{
    std::vector<double> &y = series.values;
    const int n = static_cast<int>(y.size());
    if (n < 8)
        return 0;
    // The robust fit: trend + seasonal profile(s); several seasons go through the decomposition.
    std::vector<double> fitted(y.size());
    if (periods.size() > 1) {
        const MultiSeasonal d = decomposeMultiSeasonal(y, periods);
        const std::vector<double> trend = smoothTrend(d.adjusted, d.periods.empty() ? 1 : d.periods.front());
        for (int t = 0; t < n; ++t) {
            fitted[t] = trend[t];
            for (size_t k = 0; k < d.periods.size(); ++k)
                fitted[t] += d.profiles[k][t % d.periods[k]];
        }
        // The recent part, which the forecast uses, by MSTL: seasonal shapes that evolve (loess
        // over neighbouring cycles) are not outliers there.
        const size_t longest = size_t(*std::max_element(periods.begin(), periods.end()));
        const size_t recent = std::min(y.size(), std::max(kRecentOutlierCycles * longest, kRecentOutlierPoints));
        const std::vector<double> tail(y.end() - std::ptrdiff_t(recent), y.end());
        const MstlDecomposition m = mstl(tail, periods);
        if (!m.periods.empty())
            for (size_t i = 0; i < recent; ++i)
                fitted[y.size() - recent + i] = tail[i] - m.remainder[i];
    } else {
        const int period = periods.empty() ? 1 : periods.front();
        const std::vector<double> trend = smoothTrend(y, period);
        std::vector<double> seasonal(period > 1 ? period : 1, 0.0);
        if (period > 1 && n >= 2 * period) {
            std::vector<std::vector<double>> byPhase(period);
            for (int t = 0; t < n; ++t)
                byPhase[t % period].push_back(y[t] - trend[t]);
            for (int p = 0; p < period; ++p)
                seasonal[p] = median(byPhase[p]);
        }
        for (int t = 0; t < n; ++t)
            fitted[t] = trend[t] + seasonal[t % seasonal.size()];
    }
    std::vector<double> resid(y.size());
    for (int t = 0; t < n; ++t)
        resid[t] = y[t] - fitted[t];
    const double med = median(resid);
    std::vector<double> dev(y.size());
    for (int t = 0; t < n; ++t)
        dev[t] = std::abs(resid[t] - med);
    const double mad = 1.4826 * median(dev);
    if (!(mad > 0.0))
        return 0;
    QStringList where;
    int replaced = 0;
    for (int t = 0; t < n; ++t) {
        if (dev[t] <= threshold * mad)
            continue;
        if (where.size() < 5)
            where << QStringLiteral("%1 (%2)").arg(series.timeLabel(t)).arg(y[t]);
        y[t] = fitted[t] + med;
        ++replaced;
    }
    if (replaced > 0 && warnings)
        *warnings << QStringLiteral("%1 outliers (more than %2 MADs from a robust fit) replaced by the fitted value: %3%4")
                         .arg(replaced).arg(threshold).arg(where.join(QStringLiteral(", ")),
                                                           replaced > where.size() ? QStringLiteral(", ...") : QString());
    return replaced;
}

std::vector<int> detectSeasonPeriods(const RegularSeries &series)
{
    std::vector<int> candidates;
    if (series.stepMonths == 1)
        candidates = {12};
    else if (series.stepMonths == 3)
        candidates = {4};
    else if (series.calendarTime || series.start > 1e8) {
        for (double natural : {kDay, 7 * kDay, 365.25 * kDay}) {
            const double m = natural / series.step;
            if (m >= 2 && std::abs(m - std::round(m)) < 1e-6 * m)
                candidates.push_back(int(std::round(m)));
        }
    } else {
        candidates = {4, 7, 12, 24};
    }
    std::vector<int> found;
    std::vector<double> y = series.values; // less each season found, so multiples must add something
    for (int m : candidates) {
        if (double(y.size()) < 2.5 * m)
            continue;
        const std::vector<double> trend = centredMovingAverage(y, m);
        std::vector<double> z;
        for (size_t t = 0; t < y.size(); ++t)
            if (!std::isnan(trend[t]))
                z.push_back(y[t] - trend[t]);
        if (autocorrelation(z, m) < 0.3)
            continue;
        found.push_back(m);
        const std::vector<double> idx = seasonalIndices(y, m, false);
        for (size_t t = 0; t < y.size() && !idx.empty(); ++t)
            y[t] -= idx[t % m];
    }
    return found;
}

} // namespace headroom::forecast
