#include "ui/charts/chartcommon.h"

#include <QAreaSeries>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QGraphicsRectItem>
#include <QLegend>
#include <QGraphicsScene>
#include <QLineSeries>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <array>

namespace headroom::charts {

std::unique_ptr<QChart> newChart(const QString &title)
{
    auto chart = std::make_unique<QChart>();
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setShowToolTips(true);
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    chart->legend()->setFont(legendFont);
    chart->setMargins(QMargins(4, 4, 4, 4));
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    return chart;
}

qint64 dayMs(QDate start, int day)
{
    return QDateTime(start, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() + qint64{day} * 86'400'000;
}

QDateTimeAxis *addTimeAxis(QChart &chart, const QString &format, const QString &title)
{
    auto *axis = new QDateTimeAxis;
    axis->setFormat(format);
    axis->setTickCount(7);
    if (!title.isEmpty())
        axis->setTitleText(title);
    chart.addAxis(axis, Qt::AlignBottom);
    // As many date labels as fit the plot's width (a date label is ~70 px), so none is elided;
    // queued, as the axis does not lay out again when its tick count changes inside a layout pass.
    QObject::connect(
        &chart, &QChart::plotAreaChanged, axis,
        [axis](const QRectF &plot) {
            const int ticks = std::clamp(static_cast<int>(plot.width() / 90) + 1, 2, 7);
            if (axis->tickCount() != ticks)
                axis->setTickCount(ticks);
        },
        Qt::QueuedConnection);
    return axis;
}

QValueAxis *addValueAxis(QChart &chart, const QString &title, Qt::Alignment side)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setLabelFormat(QStringLiteral("%.4g"));
    axis->setMin(0);
    chart.addAxis(axis, side);
    return axis;
}

QLineSeries *addLine(QChart &chart, const QString &name, const QList<QPointF> &points, Axes axes,
                     const QColor &color, Qt::PenStyle style, qreal width)
{
    auto *series = new QLineSeries;
    series->setName(name);
    series->replace(points);
    QPen pen(color, points.size() > kDensePoints ? std::min(width, 1.0) : width, style);
    pen.setCosmetic(true);
    series->setPen(pen);
    chart.addSeries(series);
    series->attachAxis(axes.x);
    series->attachAxis(axes.y);
    return series;
}

QColor seriesColor(int i)
{
    static const std::array<QColor, 8> palette{QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
                                               QColor(0x94, 0x67, 0xbd), QColor(0xff, 0x7f, 0x0e), QColor(0x8c, 0x56, 0x4b),
                                               QColor(0x17, 0xbe, 0xcf), QColor(0x7f, 0x7f, 0x7f)};
    return palette[static_cast<std::size_t>(std::max(i, 0)) % palette.size()];
}

void fitFromZero(QValueAxis *axis, double max)
{
    axis->setRange(0, max > 0 ? max * 1.08 : 1.0);
    axis->applyNiceNumbers();
}

void fitLegend(QChart &chart)
{
    int entries = 0;
    for (const QAbstractSeries *series : chart.series())
        entries += series->isVisible() && !series->name().isEmpty() ? 1 : 0;
    // A bottom legend is one row: more than a handful of entries are cut off there.
    const Qt::Alignment side = entries > 5 ? Qt::AlignRight : Qt::AlignBottom;
    if (chart.legend()->alignment() != side)
        chart.legend()->setAlignment(side);
}

namespace {

constexpr int kShadeKey = 0; ///< QGraphicsItem::data() keys of a time shade
constexpr int kShadeStartKey = 1;
constexpr int kShadeEndKey = 2;
const char *const kShadesPlacedProperty = "headroomTimeShades";

/// A time shade: a pixel-aligned fill without antialiasing (an antialiased fractional rectangle
/// goes through the rasterizer, ~50x slower, and its soft edges are invisible at this alpha).
class TimeShadeItem final : public QGraphicsRectItem {
public:
    using QGraphicsRectItem::QGraphicsRectItem;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const bool antialiased = painter->testRenderHint(QPainter::Antialiasing);
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(rect().toAlignedRect(), brush());
        painter->setRenderHint(QPainter::Antialiasing, antialiased);
    }
};

QList<QGraphicsRectItem *> timeShades(const QChart &chart)
{
    QList<QGraphicsRectItem *> out;
    for (QGraphicsItem *item : chart.childItems())
        if (item->data(kShadeKey).toBool())
            out.append(static_cast<QGraphicsRectItem *>(item));
    return out;
}

void watchPlotArea(QChart &chart)
{
    if (chart.property(kShadesPlacedProperty).toBool())
        return;
    chart.setProperty(kShadesPlacedProperty, true);
    QChart *raw = &chart;
    QObject::connect(raw, &QChart::plotAreaChanged, raw, [raw] { placeTimeShades(*raw); });
}

bool sameStructure(const QChart &a, const QChart &b)
{
    const QList<QAbstractSeries *> sa = a.series(), sb = b.series();
    const QList<QAbstractAxis *> aa = a.axes(), ab = b.axes();
    if (sa.size() != sb.size() || aa.size() != ab.size())
        return false;
    for (qsizetype i = 0; i < sa.size(); ++i) {
        if (sa[i]->type() != sb[i]->type() || sa[i]->attachedAxes().size() != sb[i]->attachedAxes().size())
            return false;
        const auto *areaA = qobject_cast<const QAreaSeries *>(sa[i]);
        const auto *areaB = qobject_cast<const QAreaSeries *>(sb[i]);
        if (areaA && (areaA->lowerSeries() == nullptr) != (areaB->lowerSeries() == nullptr))
            return false;
    }
    for (qsizetype i = 0; i < aa.size(); ++i)
        if (aa[i]->type() != ab[i]->type() || aa[i]->alignment() != ab[i]->alignment())
            return false;
    return true;
}

void copyPoints(QXYSeries *to, const QXYSeries *from)
{
    if (!to || !from)
        return;
    QList<QPointF> points = from->points();
    if (to->points() != points)
        to->replace(std::move(points));
    if (to->pen() != from->pen())
        to->setPen(from->pen());
}

void copyAxis(QAbstractAxis *to, const QAbstractAxis *from)
{
    // Each setter relays out the axis' labels even for an equal value: set only what changed.
    if (to->titleText() != from->titleText())
        to->setTitleText(from->titleText());
    if (auto *v = qobject_cast<QValueAxis *>(to)) {
        const auto *f = static_cast<const QValueAxis *>(from);
        if (v->min() != f->min() || v->max() != f->max())
            v->setRange(f->min(), f->max());
        if (v->tickCount() != f->tickCount())
            v->setTickCount(f->tickCount());
        if (v->labelFormat() != f->labelFormat())
            v->setLabelFormat(f->labelFormat());
    } else if (auto *t = qobject_cast<QDateTimeAxis *>(to)) {
        const auto *f = static_cast<const QDateTimeAxis *>(from);
        if (t->min() != f->min() || t->max() != f->max())
            t->setRange(f->min(), f->max());
        if (t->format() != f->format())
            t->setFormat(f->format());
    }
}

/// Makes `to`'s time shades those of `from`, reusing its items (deleting one from a scene is slow).
void copyTimeShades(QChart &to, const QChart &from)
{
    const QList<QGraphicsRectItem *> have = timeShades(to), want = timeShades(from);
    for (qsizetype i = 0; i < want.size(); ++i) {
        if (i < have.size()) {
            for (int key : {kShadeStartKey, kShadeEndKey})
                have[i]->setData(key, want[i]->data(key));
            if (have[i]->brush() != want[i]->brush())
                have[i]->setBrush(want[i]->brush());
            have[i]->show();
        } else {
            addTimeShade(to, want[i]->data(kShadeStartKey).toLongLong(), want[i]->data(kShadeEndKey).toLongLong(),
                         want[i]->brush().color());
        }
    }
    for (qsizetype i = want.size(); i < have.size(); ++i)
        have[i]->hide();
}

} // namespace

void addTimeShade(QChart &chart, qint64 startMs, qint64 endMs, const QColor &fill)
{
    auto *item = new TimeShadeItem(&chart);
    item->setBrush(fill);
    item->setPen(Qt::NoPen);
    item->setZValue(-0.5); // above the plot background, below the series
    item->setData(kShadeKey, true);
    item->setData(kShadeStartKey, startMs);
    item->setData(kShadeEndKey, endMs);
    watchPlotArea(chart);
}

void placeTimeShades(QChart &chart)
{
    const QList<QAbstractAxis *> xs = chart.axes(Qt::Horizontal);
    const auto *x = xs.isEmpty() ? nullptr : qobject_cast<QDateTimeAxis *>(xs.front());
    if (!x)
        return;
    const QRectF plot = chart.plotArea();
    const auto t0 = static_cast<double>(x->min().toMSecsSinceEpoch());
    const auto t1 = static_cast<double>(x->max().toMSecsSinceEpoch());
    for (QGraphicsRectItem *item : timeShades(chart)) {
        if (t1 <= t0 || !item->isVisible())
            continue;
        auto at = [&](int key) {
            const double t = item->data(key).toDouble();
            return plot.left() + plot.width() * std::clamp((t - t0) / (t1 - t0), 0.0, 1.0);
        };
        const double a = at(kShadeStartKey), b = at(kShadeEndKey);
        item->setRect(QRectF(a, plot.top(), std::max(b - a, 0.5), plot.height()));
    }
}

bool syncChart(QChart &shown, QChart &fresh)
{
    if (!sameStructure(shown, fresh))
        return false;
    if (shown.title() != fresh.title())
        shown.setTitle(fresh.title());
    shown.setToolTip(fresh.toolTip());
    const QList<QAbstractAxis *> axesTo = shown.axes(), axesFrom = fresh.axes();
    for (qsizetype i = 0; i < axesTo.size(); ++i)
        copyAxis(axesTo[i], axesFrom[i]);
    const QList<QAbstractSeries *> to = shown.series(), from = fresh.series();
    for (qsizetype i = 0; i < to.size(); ++i) {
        if (to[i]->name() != from[i]->name())
            to[i]->setName(from[i]->name());
        if (auto *area = qobject_cast<QAreaSeries *>(to[i])) {
            const auto *f = static_cast<const QAreaSeries *>(from[i]);
            copyPoints(area->upperSeries(), f->upperSeries());
            copyPoints(area->lowerSeries(), f->lowerSeries());
            if (area->brush() != f->brush())
                area->setBrush(f->brush());
        } else {
            copyPoints(qobject_cast<QXYSeries *>(to[i]), qobject_cast<const QXYSeries *>(from[i]));
        }
    }
    copyTimeShades(shown, fresh);
    placeTimeShades(shown);
    return true;
}

void renderChart(QChart &chart, QPainter &painter, const QRectF &target, QSizeF size)
{
    QGraphicsScene *scene = chart.scene();
    std::unique_ptr<QGraphicsScene> own;
    if (!scene) {
        own = std::make_unique<QGraphicsScene>();
        own->addItem(&chart);
        scene = own.get();
    }
    const QRectF before = chart.geometry();
    chart.setGeometry(QRectF(QPointF(0, 0), size));
    if (chart.layout())
        chart.layout()->activate();
    scene->render(&painter, target, QRectF(QPointF(0, 0), size), Qt::IgnoreAspectRatio);
    if (own) {
        own->removeItem(&chart);
    } else {
        chart.setGeometry(before);
    }
}

} // namespace headroom::charts
