#include "core/alerting/seriesstore.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace headroom::alerting {

namespace {
std::atomic<quint64> generationStamp{0};
constexpr quint64 staleBits = 0x7ff0000000000002ULL; // Prometheus' value.StaleNaN
}

double staleMarker()
{
    double v;
    std::memcpy(&v, &staleBits, sizeof v);
    return v;
}

bool isStaleMarker(double v)
{
    quint64 bits;
    std::memcpy(&bits, &v, sizeof bits);
    return bits == staleBits;
}

QString formatLabels(const Labels &labels, bool withName)
{
    QString text;
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (it.key() == u"__name__")
            continue;
        QString value = it.value();
        value.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s).replace(u'\n', u"\\n"_s);
        parts.append(it.key() + u"=\""_s + value + u'"');
    }
    if (withName)
        text = labels.value(u"__name__"_s);
    text.append(u'{').append(parts.join(u", "_s)).append(u'}');
    return text;
}

size_t SeriesStore::seriesFor(const Labels &labels)
{
    // appending a run of samples with the same label set (one Labels object shared by the caller)
    // formats and looks up the key once: shared data cannot have changed (copy on write)
    if (m_hasLast && labels.isSharedWith(m_lastLabels))
        return m_lastPosition;
    const QString key = formatLabels(labels);
    auto it = m_index.constFind(key);
    size_t position = 0;
    if (it == m_index.cend()) {
        position = m_series.size();
        m_index.insert(key, position);
        m_byName[labels.value(u"__name__"_s)].push_back(position);
        m_series.push_back({labels, {}});
        m_generation = ++generationStamp;
    } else {
        position = *it;
    }
    m_lastLabels = labels;
    m_lastPosition = position;
    m_hasLast = true;
    return position;
}

void SeriesStore::insertSample(std::vector<Sample> &samples, qint64 t, double v)
{
    if (samples.empty() || samples.back().t < t) {
        samples.push_back({t, v});
        return;
    }
    auto pos = std::lower_bound(samples.begin(), samples.end(), t, [](const Sample &s, qint64 x) { return s.t < x; });
    if (pos != samples.end() && pos->t == t)
        pos->v = v;
    else
        samples.insert(pos, {t, v});
}

void SeriesStore::append(const Labels &labels, qint64 t, double v)
{
    insertSample(m_series[seriesFor(labels)].samples, t, v);
}

void SeriesStore::addSeries(Series series)
{
    if (series.samples.empty())
        return;
    std::vector<Sample> &samples = m_series[seriesFor(series.labels)].samples;
    if (samples.empty()) {
        samples.reserve(series.samples.size());
        // a strictly ascending run is taken as is; anything else goes through the ordered insert
        const bool ascending = std::adjacent_find(series.samples.begin(), series.samples.end(),
                                                  [](const Sample &a, const Sample &b) { return a.t >= b.t; })
                               == series.samples.end();
        if (ascending) {
            samples = std::move(series.samples);
            return;
        }
    }
    for (const Sample &s : series.samples)
        insertSample(samples, s.t, s.v);
}

std::vector<const Series *> SeriesStore::select(const std::vector<LabelMatcher> &matchers) const
{
    std::vector<const Series *> out;
    auto consider = [&](const Series &s) {
        const bool all = std::all_of(matchers.begin(), matchers.end(),
                                     [&s](const LabelMatcher &m) { return m.matches(s.labels.value(m.name)); });
        if (all)
            out.push_back(&s);
    };
    // most selectors name their metric: look only at that metric's series
    const auto named = std::find_if(matchers.begin(), matchers.end(), [](const LabelMatcher &m) {
        return m.name == u"__name__" && m.op == MatchOp::Equal;
    });
    if (named != matchers.end()) {
        if (const auto it = m_byName.constFind(named->value); it != m_byName.cend()) {
            for (size_t i : *it)
                consider(m_series[i]);
        }
        return out;
    }
    for (const Series &s : m_series)
        consider(s);
    return out;
}

std::pair<qint64, qint64> SeriesStore::timeRange() const
{
    qint64 lo = std::numeric_limits<qint64>::max();
    qint64 hi = std::numeric_limits<qint64>::min();
    for (const Series &s : m_series) {
        if (s.samples.empty())
            continue;
        lo = std::min(lo, s.samples.front().t);
        hi = std::max(hi, s.samples.back().t);
    }
    return lo > hi ? std::pair<qint64, qint64>{0, 0} : std::pair{lo, hi};
}

} // namespace headroom::alerting
