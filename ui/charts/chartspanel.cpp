#include "ui/charts/chartspanel.h"

#include "ui/charts/chartbuilders.h"
#include "ui/charts/chartview.h"
#include "ui/document/scenariodocument.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace headroom::charts {

ChartsPanel::ChartsPanel(const ui::ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_demand(new ChartView(this)), m_replicas(new ChartView(this)),
      m_traffic(new ChartView(this)), m_cost(new ChartView(this)), m_trafficSelector(new QComboBox(this)),
      m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("chartsPanel"));
    m_trafficSelector->setObjectName(QStringLiteral("trafficSelector"));
    m_trafficSelector->setToolTip(tr("The traffic scenario whose simulation the lower-left chart shows"));
    m_note->setObjectName(QStringLiteral("chartsNote"));
    m_note->setText(tr("Computing…"));
    auto *bar = new QHBoxLayout;
    auto *label = new QLabel(tr("&Traffic scenario:"), this);
    label->setBuddy(m_trafficSelector);
    bar->addWidget(label);
    bar->addWidget(m_trafficSelector);
    bar->addStretch(1);
    bar->addWidget(m_note);
    auto *grid = new QGridLayout;
    grid->setSpacing(4);
    grid->addWidget(m_demand, 0, 0);
    grid->addWidget(m_replicas, 0, 1);
    grid->addWidget(m_traffic, 1, 0);
    grid->addWidget(m_cost, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addLayout(grid, 1);
    connect(m_trafficSelector, &QComboBox::currentIndexChanged, this, &ChartsPanel::showTraffic);
}

void ChartsPanel::setAnalysis(const ui::AnalysisPtr &analysis)
{
    m_analysis = analysis;
    if (!analysis)
        return;
    QElapsedTimer timer;
    timer.start();
    const model::Scenario &scenario = m_document->scenario();
    m_demand->setChart(demandChart(*analysis, scenario));
    m_replicas->setChart(replicasChart(*analysis));
    m_cost->setChart(costChart(*analysis));
    const QString chosen = m_trafficSelector->currentText();
    {
        const QSignalBlocker block(m_trafficSelector);
        m_trafficSelector->clear();
        for (const analysis::TrafficOutcome &o : analysis->traffic)
            m_trafficSelector->addItem(o.name);
        const int keep = m_trafficSelector->findText(chosen);
        m_trafficSelector->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    showTraffic(m_trafficSelector->currentIndex());
    m_lastBuildMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    m_note->setText(tr("%n day(s), %1 traffic scenario(s); charts built in %2 ms", nullptr, analysis->plan.days)
                        .arg(analysis->traffic.size())
                        .arg(m_lastBuildMs, 0, 'f', 1));
}

void ChartsPanel::showTraffic(int index)
{
    if (!m_analysis)
        return;
    m_traffic->setChart(trafficChart(*m_analysis, m_document->scenario(), index));
}

} // namespace headroom::charts
