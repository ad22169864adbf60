// The scenario edits behind the what-if levers and the traffic-curve editor: which list entry a
// lever acts on, and the undoable changes it makes.
#include "ui/panels/whatifpanel.h"

#include "core/model/units.h"
#include "ui/document/scenariodocument.h"
#include "ui/panels/trafficcurveeditor.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace headroom::ui {

bool WhatIfPanel::saveCurve(const QString &name, QString *error)
{
    if (!TrafficCurveEditor::saveAsTrafficScenario(m_document, name, m_curve->points(), error))
        return false;
    const int index = m_traffic->findData(name);
    if (index >= 0) {
        m_traffic->setCurrentIndex(index);
        selectTraffic();
    }
    return true;
}

int WhatIfPanel::tierIndex() const
{
    const QString id = m_tier ? m_tier->currentData().toString() : QString();
    const auto &tiers = m_document->scenario().spec.tiers;
    for (qsizetype i = 0; i < tiers.size(); ++i) {
        if (tiers[i].id == id)
            return int(i);
    }
    return tiers.isEmpty() ? -1 : 0;
}

int WhatIfPanel::spikeIndex() const
{
    const auto &traffic = m_document->scenario().spec.traffic;
    for (qsizetype i = 0; i < traffic.size(); ++i) {
        if (traffic[i].spec.contains(QStringLiteral("spike("), Qt::CaseInsensitive))
            return int(i);
    }
    return -1;
}

int WhatIfPanel::cacheIndex() const
{
    const auto &levels = m_document->scenario().spec.cacheHierarchy;
    for (qsizetype i = 0; i < levels.size(); ++i) {
        if (levels[i].hitRatio)
            return int(i);
    }
    return levels.isEmpty() ? -1 : 0;
}

QString WhatIfPanel::spikeArgument(const QString &name) const
{
    const int i = spikeIndex();
    if (i < 0)
        return {};
    const QRegularExpression re(QStringLiteral("spike\\(([^)]*)\\)"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(m_document->scenario().spec.traffic[i].spec);
    for (const QString &arg : m.captured(1).split(QLatin1Char(','))) {
        if (arg.section(QLatin1Char('='), 0, 0).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return arg.section(QLatin1Char('='), 1).trimmed();
    }
    return {};
}

void WhatIfPanel::setSpikeArgument(const QString &name, const QString &value)
{
    const int i = spikeIndex();
    if (i < 0)
        return;
    const QString spec = m_document->scenario().spec.traffic[i].spec;
    const QRegularExpression re(QStringLiteral("spike\\(([^)]*)\\)"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(spec);
    if (!m.hasMatch())
        return;
    QStringList args;
    bool found = false;
    for (const QString &arg : m.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (arg.section(QLatin1Char('='), 0, 0).trimmed().compare(name, Qt::CaseInsensitive) == 0) {
            args.append(name + QLatin1Char('=') + value);
            found = true;
        } else {
            args.append(arg.trimmed());
        }
    }
    if (!found)
        args.append(name + QLatin1Char('=') + value);
    QString edited = spec;
    edited.replace(m.capturedStart(1), m.capturedLength(1), args.join(QStringLiteral(", ")));
    editValue(QStringLiteral("spec.traffic[%1].spec").arg(i), edited,
              [i, edited](model::Scenario &s) { s.spec.traffic[i].spec = edited; });
}

void WhatIfPanel::editTier(TierLever lever, int value)
{
    const int i = tierIndex();
    if (i < 0)
        return;
    // The tier's capacity settings and, when it has one, its verbatim HPA (what the autoscaler
    // simulation runs) change together, in one undo step per lever drag.
    model::Scenario s = m_document->scenario();
    model::Tier &tier = s.spec.tiers[i];
    std::optional<model::HpaSpec> &hpa = tier.hpa;
    QString what;
    switch (lever) {
    case TierLever::MinReplicas:
        tier.autoscaling.minReplicas = value;
        tier.autoscaling.maxReplicas = std::max(tier.autoscaling.maxReplicas, value);
        if (hpa) {
            hpa->minReplicas = value;
            hpa->maxReplicas = std::max(hpa->maxReplicas, value);
        }
        what = tr("%1 min replicas %2");
        break;
    case TierLever::MaxReplicas:
        tier.autoscaling.maxReplicas = value;
        tier.autoscaling.minReplicas = std::min(tier.autoscaling.minReplicas, value);
        if (hpa) {
            hpa->maxReplicas = value;
            if (hpa->minReplicas)
                hpa->minReplicas = std::min(*hpa->minReplicas, value);
        }
        what = tr("%1 max replicas %2");
        break;
    case TierLever::CpuTarget:
        tier.autoscaling.targetCPUUtilization = value;
        if (hpa) {
            for (model::MetricSpec &m : hpa->metrics)
                if (m.type == model::MetricSourceType::Resource && m.resourceName == u"cpu" && m.target.averageUtilization)
                    m.target.averageUtilization = value;
        }
        what = tr("%1 CPU target %2%");
        break;
    }
    const QString title = what.arg(tier.name).arg(value);
    m_document->editScenario(std::move(s), title, QStringLiteral("whatif/tier%1/%2").arg(i).arg(int(lever)));
}

void WhatIfPanel::editValue(const QString &path, const QString &text, const std::function<void(model::Scenario &)> &change)
{
    // A typed change of the scenario, titled like a field edit: no text is serialized or parsed
    // on the way (the document derives its text form on a worker thread).
    model::Scenario s = m_document->scenario();
    change(s);
    m_document->editScenario(std::move(s), QCoreApplication::translate("SetFieldCommand", "Set %1 to %2").arg(path, text),
                             QStringLiteral("whatif/") + path);
}

} // namespace headroom::ui
