#pragma once

#include "core/alerting/promqlast.h"

#include <QMap>
#include <QString>

#include <span>
#include <vector>

namespace headroom::alerting {

/// A label set; `__name__` holds the metric name. Sorted by label name, like Prometheus.
using Labels = QMap<QString, QString>;

/// One sample: timestamp in milliseconds since the Unix epoch and a value.
struct Sample {
    qint64 t = 0;
    double v = 0;
};

/// Prometheus' staleness marker (a specific NaN). A series whose latest sample is a marker has
/// ended: instant selectors return nothing for it until a newer sample arrives.
double staleMarker();
bool isStaleMarker(double v);

/// Prints a label set the way Prometheus does: `{a="b", c="d"}`; with `withName` the metric name
/// comes first, outside the braces (`up{job="x"}`), otherwise `__name__` is left out.
QString formatLabels(const Labels &labels, bool withName = true);

struct Series {
    Labels labels;
    std::vector<Sample> samples; ///< ascending by timestamp, no duplicates
};

/// An in-memory time-series store: labelled series of (timestamp ms, value) samples.
class SeriesStore final {
public:
    /// Appends a sample to the series with `labels` (created on first use). Samples must come in
    /// ascending time per series; an older or equal timestamp replaces/inserts in order.
    void append(const Labels &labels, qint64 t, double v);
    /// Position in series() of the series with `labels`, created (without samples) when new, as
    /// append() creates it; with appendAt() a writer of many samples to a few series looks each up once.
    size_t seriesPosition(const Labels &labels) { return seriesFor(labels); }
    /// append() to the series at `position` (from seriesPosition()).
    void appendAt(size_t position, qint64 t, double v) { insertSample(m_series[position].samples, t, v); }
    /// Adds a whole series (samples sorted by the store; equal timestamps: the later one wins).
    void addSeries(Series series);

    /// Series whose labels satisfy every matcher.
    std::vector<const Series *> select(const std::vector<LabelMatcher> &matchers) const;
    const std::vector<Series> &series() const { return m_series; }
    bool isEmpty() const { return m_series.empty(); }
    /// Earliest and latest sample timestamp over all series (0, 0 when empty).
    std::pair<qint64, qint64> timeRange() const;
    /// Changes whenever a series is added (not when samples are). Stamps are unique over all stores,
    /// so two stores (or one store at two times) with the same generation hold the same series in
    /// the same order: a selection made at one generation stays valid while it is unchanged.
    quint64 generation() const { return m_generation; }

private:
    /// Position of the series with `labels`, created when new.
    size_t seriesFor(const Labels &labels);
    static void insertSample(std::vector<Sample> &samples, qint64 t, double v);

    std::vector<Series> m_series;
    Labels m_lastLabels;                           // labels of the latest append (shares data with the caller's)
    size_t m_lastPosition = 0;
    bool m_hasLast = false;
    quint64 m_generation = 0;
    QHash<QString, size_t> m_index;                // formatLabels(labels) -> position
    QHash<QString, std::vector<size_t>> m_byName;  // metric name -> positions
};

} // namespace headroom::alerting
