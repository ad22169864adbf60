#include "ui/charts/chartspec.h"

#include "ui/charts/serieslayer.h"

#include <QAreaSeries>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace headroom::charts {

// ---- The spec ----------------------------------------------------------------------------------

int ChartSpec::addTimeAxis(const QString &format)
{
    axes.push_back({true, Qt::AlignBottom, {}, format, 0, 1, 7});
    return int(axes.size()) - 1;
}

int ChartSpec::addValueAxis(const QString &title, Qt::Alignment side)
{
    axes.push_back({false, side, title, QStringLiteral("%.4g"), 0, 1, 5});
    return int(axes.size()) - 1;
}

void ChartSpec::addLine(const QString &name, QList<QPointF> points, int yAxis, const QColor &color,
                        Qt::PenStyle style, qreal width)
{
    QPen pen(color, points.size() > kDensePoints ? std::min(width, 1.0) : width, style);
    pen.setCosmetic(true);
    series.push_back({name, std::move(points), {}, false, pen, {}, yAxis});
}

void ChartSpec::addArea(const QString &name, QList<QPointF> upper, QList<QPointF> lower, int yAxis, const QColor &fill)
{
    series.push_back({name, std::move(upper), std::move(lower), true, Qt::NoPen, fill, yAxis});
}

namespace {

/// 1, 2 or 5 x 10^n near `x`: the smallest not below it (`ceiling`) or the nearest.
double niceNumber(double x, bool ceiling)
{
    const double z = std::pow(10.0, std::floor(std::log10(x)));
    const double q = x / z;
    if (ceiling)
        return (q <= 1 ? 1 : q <= 2 ? 2 : q <= 5 ? 5 : 10) * z;
    return (q < 1.5 ? 1 : q < 3 ? 2 : q < 7 ? 5 : 10) * z;
}

} // namespace

void ChartSpec::setRange(int axis, double min, double max, bool nice)
{
    Axis &a = axes[std::size_t(axis)];
    a.min = min;
    a.max = max;
    if (!nice || a.time || !(max > min) || !std::isfinite(max - min))
        return;
    // Qt's loose nice numbers: a round range, a round step, ticks on multiples of the step.
    const double step = niceNumber(niceNumber(max - min, true) / (a.ticks - 1), false);
    a.min = std::floor(min / step) * step;
    a.max = std::ceil(max / step) * step;
    a.ticks = int(std::lround((a.max - a.min) / step)) + 1;
}

void ChartSpec::fitFromZero(int axis, double max)
{
    axes[std::size_t(axis)].ticks = 5;
    setRange(axis, 0, max > 0 ? max * 1.08 : 1.0, true);
}

// ---- Spec -> chart -----------------------------------------------------------------------------

namespace {

/// Applies `a` to `to`; returns whether anything changed.
bool applyAxis(QAbstractAxis *to, const ChartSpec::Axis &a)
{
    // Each setter lays the axis' labels out again even for an equal value: set only what changed.
    bool changed = false;
    const auto set = [&changed](bool differs, const auto &apply) {
        if (differs) {
            apply();
            changed = true;
        }
    };
    set(to->titleText() != a.title, [&] { to->setTitleText(a.title); });
    if (auto *v = qobject_cast<QValueAxis *>(to)) {
        set(v->min() != a.min || v->max() != a.max, [&] { v->setRange(a.min, a.max); });
        set(v->tickCount() != a.ticks, [&] { v->setTickCount(a.ticks); });
        set(v->labelFormat() != a.format, [&] { v->setLabelFormat(a.format); });
    } else if (auto *t = qobject_cast<QDateTimeAxis *>(to)) {
        const auto min = QDateTime::fromMSecsSinceEpoch(qint64(a.min), Qt::UTC);
        const auto max = QDateTime::fromMSecsSinceEpoch(qint64(a.max), Qt::UTC);
        set(t->min() != min || t->max() != max, [&] { t->setRange(min, max); });
        set(t->format() != a.format, [&] { t->setFormat(a.format); });
    }
    return changed;
}

/// What the chart's layer draws for `spec`, on the chart's axes; returns whether that changed.
bool applyData(QChart &chart, const ChartSpec &spec)
{
    const QList<QAbstractAxis *> axes = chart.axes();
    std::vector<SeriesLayer::Entry> entries;
    entries.reserve(spec.series.size());
    for (const ChartSpec::Series &s : spec.series)
        entries.push_back({s.upper, s.lower, s.area, s.pen, s.brush, axes.value(0), axes.value(s.yAxis)});
    std::vector<SeriesLayer::Shade> shades;
    shades.reserve(spec.shades.size());
    for (const ChartSpec::Shade &s : spec.shades)
        shades.push_back({double(s.startMs), double(s.endMs), s.fill});
    SeriesLayer *layer = SeriesLayer::of(chart);
    if (!layer)
        layer = new SeriesLayer(&chart);
    return layer->setData(std::move(entries), std::move(shades));
}

void fitLegend(QChart &chart, const ChartSpec &spec)
{
    const auto entries = std::count_if(spec.series.begin(), spec.series.end(),
                                       [](const ChartSpec::Series &s) { return !s.name.isEmpty(); });
    // A bottom legend is one row: more than a handful of entries are cut off there.
    const Qt::Alignment side = entries > 5 ? Qt::AlignRight : Qt::AlignBottom;
    if (chart.legend()->alignment() != side)
        chart.legend()->setAlignment(side);
}

bool sameStructure(const QChart &chart, const ChartSpec &spec)
{
    const QList<QAbstractSeries *> series = chart.series();
    const QList<QAbstractAxis *> axes = chart.axes();
    if (series.size() != qsizetype(spec.series.size()) || axes.size() != qsizetype(spec.axes.size()))
        return false;
    for (std::size_t i = 0; i < spec.series.size(); ++i) {
        const ChartSpec::Series &s = spec.series[i];
        const auto *area = qobject_cast<const QAreaSeries *>(series[qsizetype(i)]);
        if (s.area != (area != nullptr) || (area && (area->lowerSeries() != nullptr) != !s.lower.isEmpty()))
            return false;
        const QList<QAbstractAxis *> attached = series[qsizetype(i)]->attachedAxes();
        if (attached.size() != 2 || attached[1] != axes[s.yAxis])
            return false;
    }
    for (std::size_t i = 0; i < spec.axes.size(); ++i) {
        const QAbstractAxis *a = axes[qsizetype(i)];
        if ((a->type() == QAbstractAxis::AxisTypeDateTime) != spec.axes[i].time || a->alignment() != spec.axes[i].side)
            return false;
    }
    return true;
}

} // namespace

std::unique_ptr<QChart> makeChart(const ChartSpec &spec)
{
    auto chart = std::make_unique<QChart>();
    chart->setTitle(spec.title);
    chart->setToolTip(spec.toolTip);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setShowToolTips(true);
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    chart->legend()->setFont(legendFont);
    chart->setMargins(QMargins(4, 4, 4, 4));
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);

    QList<QAbstractAxis *> axes;
    for (const ChartSpec::Axis &a : spec.axes) {
        QAbstractAxis *axis = nullptr;
        if (a.time)
            axis = new QDateTimeAxis;
        else
            axis = new QValueAxis;
        applyAxis(axis, a);
        chart->addAxis(axis, a.side);
        // Grid and axis lines in the theme's colours with one-pixel cosmetic pens: width 0, which the
        // raster engine draws on its fast path and whose line items know their bounds without stroking.
        QPen grid = axis->gridLinePen(), line = axis->linePen();
        grid.setWidth(0);
        line.setWidth(0);
        axis->setGridLinePen(grid);
        axis->setLinePen(line);
        axes.append(axis);
        if (auto *time = qobject_cast<QDateTimeAxis *>(axis)) {
            // As many date labels as fit the plot (a label is ~70 px), so none is elided; queued,
            // as the axis does not lay out again when its tick count changes inside a layout pass.
            QObject::connect(
                chart.get(), &QChart::plotAreaChanged, time,
                [time](const QRectF &plot) {
                    const int ticks = std::clamp(static_cast<int>(plot.width() / 90) + 1, 2, 7);
                    if (time->tickCount() != ticks)
                        time->setTickCount(ticks);
                },
                Qt::QueuedConnection);
        }
    }
    // The series are empty: they give the legend its entries and bind the axes; the chart's
    // SeriesLayer draws the points.
    for (const ChartSpec::Series &s : spec.series) {
        QAbstractSeries *series = nullptr;
        if (s.area) {
            auto *upper = new QLineSeries;
            QLineSeries *lower = s.lower.isEmpty() ? nullptr : new QLineSeries;
            auto *area = new QAreaSeries(upper, lower);
            upper->setParent(area);
            if (lower)
                lower->setParent(area);
            area->setBrush(s.brush);
            area->setPen(s.pen);
            series = area;
        } else {
            auto *line = new QLineSeries;
            line->setPen(s.pen);
            series = line;
        }
        series->setName(s.name);
        chart->addSeries(series);
        if (!axes.isEmpty()) {
            series->attachAxis(axes.front());
            series->attachAxis(axes[s.yAxis]);
        }
    }
    fitLegend(*chart, spec);
    applyData(*chart, spec);
    return chart;
}

bool syncChart(QChart &shown, const ChartSpec &spec, bool *changed)
{
    if (!sameStructure(shown, spec))
        return false;
    bool drawn = false;
    if (shown.title() != spec.title) {
        shown.setTitle(spec.title);
        drawn = true;
    }
    if (shown.toolTip() != spec.toolTip)
        shown.setToolTip(spec.toolTip);
    const QList<QAbstractAxis *> axes = shown.axes();
    for (std::size_t i = 0; i < spec.axes.size(); ++i)
        drawn = applyAxis(axes[qsizetype(i)], spec.axes[i]) || drawn;
    const QList<QAbstractSeries *> series = shown.series();
    for (std::size_t i = 0; i < spec.series.size(); ++i) {
        const ChartSpec::Series &s = spec.series[i];
        QAbstractSeries *to = series[qsizetype(i)];
        if (to->name() != s.name) {
            to->setName(s.name);
            drawn = true;
        }
        if (auto *area = qobject_cast<QAreaSeries *>(to)) {
            if (area->brush() != s.brush) {
                area->setBrush(s.brush);
                drawn = true;
            }
        } else if (auto *line = qobject_cast<QXYSeries *>(to)) {
            if (line->pen() != s.pen) {
                line->setPen(s.pen);
                drawn = true;
            }
        }
    }
    drawn = applyData(shown, spec) || drawn;
    if (changed)
        *changed = drawn;
    return true;
}

} // namespace headroom::charts
