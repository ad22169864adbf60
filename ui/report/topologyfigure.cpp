#include "ui/report/topologyfigure.h"

#include "core/model/scenarioschema.h"

#include <QPainter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace headroom::report {

namespace {

struct Box {
    QString title;
    QString detail;
    QColor color;
};

/// Boxes of one column spread evenly over its height; returns their rectangles.
std::vector<QRectF> drawColumn(QPainter &p, const std::vector<Box> &boxes, double x, double w, const QRectF &area)
{
    std::vector<QRectF> rects;
    if (boxes.empty())
        return rects;
    const double gap = 6;
    const double h = std::min(44.0, (area.height() - gap * static_cast<double>(boxes.size() - 1)) / static_cast<double>(boxes.size()));
    const double total = h * static_cast<double>(boxes.size()) + gap * static_cast<double>(boxes.size() - 1);
    double y = area.top() + (area.height() - total) / 2;
    QFont title = p.font();
    title.setPointSizeF(6.5);
    title.setBold(true);
    QFont detail = title;
    detail.setBold(false);
    detail.setPointSizeF(5.8);
    for (const Box &b : boxes) {
        const QRectF r(x, y, w, h);
        p.setPen(QPen(b.color.darker(140), 0.8));
        p.setBrush(b.color);
        p.drawRoundedRect(r, 3, 3);
        p.setPen(Qt::black);
        p.setFont(title);
        p.drawText(r.adjusted(3, 2, -3, -h / 2), Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetricsF(title).elidedText(b.title, Qt::ElideRight, w - 6));
        p.setFont(detail);
        p.drawText(r.adjusted(3, h / 2 - 2, -3, -2), Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetricsF(detail).elidedText(b.detail, Qt::ElideRight, w - 6));
        rects.push_back(r);
        y += h + gap;
    }
    return rects;
}

void connect(QPainter &p, const std::vector<QRectF> &from, const std::vector<QRectF> &to)
{
    p.setPen(QPen(QColor(120, 120, 120), 0.6));
    for (const QRectF &a : from)
        for (const QRectF &b : to)
            p.drawLine(QPointF(a.right(), a.center().y()), QPointF(b.left(), b.center().y()));
}

} // namespace

void drawTopology(QPainter &p, const QRectF &area, const analysis::ScenarioAnalysis &a, const model::Scenario &s)
{
    std::vector<std::vector<Box>> columns;
    columns.push_back({{u"Global balancer"_s, s.spec.regions.globalBalancer.isEmpty() ? u"DNS / anycast"_s : s.spec.regions.globalBalancer,
                        QColor(220, 230, 245)}});
    std::vector<Box> groups, regions;
    for (const model::RegionGroup &g : s.spec.regions.groups) {
        groups.push_back({g.name.isEmpty() ? g.id : g.name, u"%1% of traffic"_s.arg(g.trafficShare, 0, 'f', 0),
                          QColor(220, 230, 245)});
        for (const model::Region &r : g.regions)
            regions.push_back({r.id, u"%1% of its group"_s.arg(r.trafficShare, 0, 'f', 0), QColor(232, 240, 250)});
    }
    columns.push_back(groups);
    columns.push_back(regions);
    std::vector<Box> tiers;
    for (const capacity::TierPlan &t : a.plan.tiers) {
        const int first = t.plannedReplicas.empty() ? 0 : t.plannedReplicas.front();
        const int last = t.plannedReplicas.empty() ? 0 : t.plannedReplicas.back();
        tiers.push_back({t.tierId, u"%1 → %2 replicas"_s.arg(first).arg(last), QColor(225, 242, 225)});
    }
    columns.push_back(tiers);
    std::vector<Box> data;
    if (a.topology) {
        for (const topology::CacheLevelLoad &c : a.topology->caches.levels)
            data.push_back({u"Cache L%1 (%2)"_s.arg(c.level).arg(model::enumToString(c.type)),
                            u"hit %1%"_s.arg(c.hitRatio * 100, 0, 'f', 1), QColor(252, 240, 220)});
        double worst = 0;
        for (const topology::ShardMemory &m : a.topology->redisMemory)
            worst = std::max(worst, m.utilisation());
        data.push_back({u"Redis Cluster"_s,
                        u"%1 masters × %2 replicas, mem %3%"_s.arg(s.spec.redisCluster.shards)
                            .arg(s.spec.redisCluster.replicasPerShard)
                            .arg(worst * 100, 0, 'f', 0),
                        QColor(250, 225, 225)});
    }
    columns.push_back(data);
    std::vector<Box> db;
    if (a.topology)
        for (const topology::PrimaryLoad &pr : a.topology->database.primaries)
            db.push_back({pr.id, u"%1 replicas, writes %2%"_s.arg(pr.replicas).arg(pr.writeUtilisation * 100, 0, 'f', 0),
                          QColor(235, 225, 245)});
    else
        for (const model::DatabasePrimary &pr : s.spec.database.primaries)
            db.push_back({pr.id, QString(), QColor(235, 225, 245)});
    columns.push_back(db);

    std::erase_if(columns, [](const auto &c) { return c.empty(); });
    if (columns.empty())
        return;
    const double gap = 18;
    const double w = (area.width() - gap * static_cast<double>(columns.size() - 1)) / static_cast<double>(columns.size());
    std::vector<QRectF> previous;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const double x = area.left() + static_cast<double>(i) * (w + gap);
        const std::vector<QRectF> rects = drawColumn(p, columns[i], x, w, area);
        if (!previous.empty())
            connect(p, previous, rects);
        previous = rects;
    }
}

} // namespace headroom::report
