#include "ui/charts/chartcommon.h"

#include <QDateTime>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPainter>

#include <algorithm>
#include <array>

namespace headroom::charts {

qint64 dayMs(QDate start, int day)
{
    return QDateTime(start, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() + qint64{day} * 86'400'000;
}

QColor seriesColor(int i)
{
    static const std::array<QColor, 8> palette{QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
                                               QColor(0x94, 0x67, 0xbd), QColor(0xff, 0x7f, 0x0e), QColor(0x8c, 0x56, 0x4b),
                                               QColor(0x17, 0xbe, 0xcf), QColor(0x7f, 0x7f, 0x7f)};
    return palette[static_cast<std::size_t>(std::max(i, 0)) % palette.size()];
}

void useSolidBackground(QChart &chart)
{
    const QBrush brush = chart.backgroundBrush();
    if (const QGradient *gradient = brush.gradient(); gradient && !gradient->stops().isEmpty())
        chart.setBackgroundBrush(gradient->stops().constFirst().second);
    chart.setBackgroundRoundness(0);
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
