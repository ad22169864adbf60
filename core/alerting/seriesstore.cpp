#include "core/alerting/seriesstore.h"

#include <algorithm>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace headroom::alerting {

namespace {
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

void SeriesStore::append(const Labels &labels, qint64 t, double v)
{
    const QString key = formatLabels(labels);
    auto it = m_index.constFind(key);
    if (it == m_index.cend()) {
        m_index.insert(key, m_series.size());
        m_byName[labels.value(u"__name__"_s)].push_back(m_series.size());
        m_series.push_back({labels, {{t, v}}});
        return;
    }
    std::vector<Sample> &samples = m_series[*it].samples;
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

void SeriesStore::addSeries(Series series)
{
    for (const Sample &s : series.samples)
        append(series.labels, s.t, s.v);
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
