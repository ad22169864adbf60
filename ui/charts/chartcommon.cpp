#include "ui/charts/chartcommon.h"

#include <QDateTimeAxis>
#include <QDateTime>
#include <QGraphicsLayout>
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
    QPen pen(color, width, style);
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
