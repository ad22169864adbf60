#include "ui/panels/whatifpanel.h"

#include "core/model/units.h"
#include "ui/commands/analysisoptionscommand.h"
#include "ui/document/scenariodocument.h"
#include "ui/panels/trafficcurveeditor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSlider>
#include <QTabWidget>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

namespace headroom::ui {

namespace {

const QString regionLossPrefix = QStringLiteral("baseline * regionloss(region=");

QString regionLossSpec(const QString &region)
{
    return regionLossPrefix + region + QStringLiteral(", at=1h, duration=2h)");
}

/// The region of a region-loss what-if spec, or empty.
QString regionOfSpec(const QString &spec)
{
    if (!spec.startsWith(regionLossPrefix))
        return {};
    return spec.mid(regionLossPrefix.size()).section(QLatin1Char(','), 0, 0).trimmed();
}

QString number(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QTableWidgetItem *figureItem(const QString &text, const QString &tip)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setToolTip(tip);
    return item;
}

} // namespace

WhatIfPanel::WhatIfPanel(ScenarioDocument *document, AnalysisRunner *runner, QWidget *parent)
    : QWidget(parent), m_document(document), m_runner(runner)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *top = new QFormLayout;
    m_traffic = new QComboBox(this);
    m_traffic->setObjectName(QStringLiteral("whatIfTraffic"));
    m_traffic->setToolTip(tr("The traffic scenarios the analysis simulates"));
    top->addRow(tr("Simulate:"), m_traffic);
    layout->addLayout(top);

    auto *tabs = new QTabWidget(this);
    tabs->addTab(createLevers(), tr("Levers"));
    tabs->addTab(createDrawing(), tr("Draw Traffic"));
    layout->addWidget(tabs, 1);

    m_headlines = new QTableWidget(0, 7, this);
    m_headlines->setObjectName(QStringLiteral("whatIfHeadlines"));
    m_headlines->setHorizontalHeaderLabels({tr("Traffic"), tr("Peak replicas"), tr("P95 ms"), tr("Min over SLO"),
                                            tr("Spike absorbed"), tr("Monthly cost"), tr("Cost/user")});
    m_headlines->verticalHeader()->hide();
    m_headlines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headlines->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_headlines->setMaximumHeight(150);
    layout->addWidget(m_headlines);

    connect(m_traffic, &QComboBox::activated, this, &WhatIfPanel::selectTraffic);
    connect(m_regionLoss, &QComboBox::activated, this, &WhatIfPanel::selectRegionLoss);
    connect(m_tier, &QComboBox::currentIndexChanged, this, &WhatIfPanel::refreshLevers);
    connect(m_document, &ScenarioDocument::scenarioChanged, this, [this] {
        refreshSelectors();
        refreshLevers();
    });
    connect(m_runner, &AnalysisRunner::started, this, &WhatIfPanel::refreshOptions);
    connect(m_runner, &AnalysisRunner::analysisReady, this, &WhatIfPanel::showAnalysis);
    refreshSelectors();
    refreshLevers();
    refreshOptions();
    if (m_runner->latest())
        showAnalysis(m_runner->latest());
}

QWidget *WhatIfPanel::createLevers()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addLever(form, QString::fromLatin1(growthLever), tr("Growth/month:"),
             tr("spec.capacityPlanner.growthRate: monthly user growth of the capacity plan"), 0, 100, 1, 0, tr(" %"),
             [this]() -> std::optional<double> { return m_document->scenario().spec.capacityPlanner.growthRate * 100; },
             [this](double v) {
                 editValue(QStringLiteral("spec.capacityPlanner.growthRate"), number(v / 100, 4),
                           [v](model::Scenario &s) { s.spec.capacityPlanner.growthRate = v / 100; });
             });
    addLever(form, QString::fromLatin1(spikeFactorLever), tr("Spike size:"),
             tr("factor= of the spike() in the first traffic scenario with a spike"), 1, 50, 0.5, 1, tr(" x"),
             [this]() -> std::optional<double> {
                 bool ok = false;
                 const double v = spikeArgument(QStringLiteral("factor")).toDouble(&ok);
                 return spikeIndex() < 0 ? std::nullopt : std::optional<double>(ok ? v : 10.0);
             },
             [this](double v) { setSpikeArgument(QStringLiteral("factor"), number(v, 1)); });
    addLever(form, QString::fromLatin1(spikeHoldLever), tr("Spike duration:"),
             tr("hold= of the spike(): how long the spike stays at its full size"), 0, 600, 5, 0, tr(" min"),
             [this]() -> std::optional<double> {
                 if (spikeIndex() < 0)
                     return std::nullopt;
                 const auto ms = model::parseDuration(spikeArgument(QStringLiteral("hold")));
                 return ms ? std::optional<double>(double(ms->count()) / 60'000.0) : std::optional<double>(30.0);
             },
             [this](double v) { setSpikeArgument(QStringLiteral("hold"), QStringLiteral("%1m").arg(std::lround(v))); });

    m_tier = new QComboBox(page);
    m_tier->setObjectName(QStringLiteral("whatIfTier"));
    form->addRow(tr("Tier:"), m_tier);
    auto tierValue = [this](auto member) -> std::optional<double> {
        const int i = tierIndex();
        if (i < 0)
            return std::nullopt;
        return member(m_document->scenario().spec.tiers[i].autoscaling);
    };
    addLever(form, QString::fromLatin1(minReplicasLever), tr("Min replicas:"),
             tr("The tier's HPA minReplicas"), 1, 500, 1, 0, {},
             [tierValue] { return tierValue([](const model::TierAutoscaling &a) { return double(a.minReplicas); }); },
             [this](double v) { editTier(TierLever::MinReplicas, int(std::lround(v))); });
    addLever(form, QString::fromLatin1(maxReplicasLever), tr("Max replicas:"),
             tr("The tier's HPA maxReplicas"), 1, 1000, 1, 0, {},
             [tierValue] { return tierValue([](const model::TierAutoscaling &a) { return double(a.maxReplicas); }); },
             [this](double v) { editTier(TierLever::MaxReplicas, int(std::lround(v))); });
    addLever(form, QString::fromLatin1(cpuTargetLever), tr("CPU target:"),
             tr("The tier's HPA target CPU utilization"), 1, 100, 1, 0, tr(" %"),
             [tierValue] {
                 return tierValue([](const model::TierAutoscaling &a) { return double(a.targetCPUUtilization.value_or(80)); });
             },
             [this](double v) { editTier(TierLever::CpuTarget, int(std::lround(v))); });

    addLever(form, QString::fromLatin1(spotLever), tr("Spot ratio:"),
             tr("Today's spot share of spot-tolerant tiers in the plan's cost (an analysis option)"), 0, 100, 1, 0,
             tr(" %"), [this]() -> std::optional<double> { return m_runner->options().spotRatio * 100; },
             [this](double v) {
                 setOption(QString::fromLatin1(spotLever), tr("Set spot ratio to %1 %").arg(number(v, 0)),
                           [v](analysis::AnalysisOptions &o) { o.spotRatio = v / 100; });
             });
    addLever(form, QString::fromLatin1(shardsLever), tr("Redis shards:"), tr("spec.redisCluster.shards"), 1, 64, 1, 0, {},
             [this]() -> std::optional<double> { return double(m_document->scenario().spec.redisCluster.shards); },
             [this](double v) {
                 editValue(QStringLiteral("spec.redisCluster.shards"), number(v, 0),
                           [v](model::Scenario &s) { s.spec.redisCluster.shards = int(std::lround(v)); });
             });
    addLever(form, QString::fromLatin1(hitRatioLever), tr("Cache hit ratio:"),
             tr("hitRatio of the first cache level that states one (else the first level)"), 0, 100, 1, 0, tr(" %"),
             [this]() -> std::optional<double> {
                 const int i = cacheIndex();
                 if (i < 0)
                     return std::nullopt;
                 return m_document->scenario().spec.cacheHierarchy[i].hitRatio.value_or(80);
             },
             [this](double v) {
                 const int i = cacheIndex();
                 editValue(QStringLiteral("spec.cacheHierarchy[%1].hitRatio").arg(i), number(v, 0),
                           [v, i](model::Scenario &s) { s.spec.cacheHierarchy[i].hitRatio = double(std::lround(v)); });
             });

    m_regionLoss = new QComboBox(page);
    m_regionLoss->setObjectName(QStringLiteral("whatIfRegionLoss"));
    m_regionLoss->setToolTip(tr("Also simulate the loss of a region for two hours, one hour in"));
    form->addRow(tr("Region loss:"), m_regionLoss);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(page);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

QWidget *WhatIfPanel::createDrawing()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *row = new QHBoxLayout;
    m_curveSource = new QComboBox(page);
    m_curveSource->setToolTip(tr("Load the drawn points of a traffic scenario to edit them"));
    auto *load = new QPushButton(tr("Load"), page);
    auto *clear = new QPushButton(tr("Clear"), page);
    row->addWidget(m_curveSource, 1);
    row->addWidget(load);
    row->addWidget(clear);
    layout->addLayout(row);
    m_curve = new TrafficCurveEditor(page);
    m_curve->setObjectName(QStringLiteral("trafficCurveEditor"));
    m_curve->setDurationHours(double(m_runner->options().simulationDuration.count()) / 3'600'000.0);
    layout->addWidget(m_curve, 1);
    auto *save = new QHBoxLayout;
    m_curveName = new QLineEdit(page);
    m_curveName->setPlaceholderText(tr("traffic scenario name, e.g. launch"));
    auto *saveButton = new QPushButton(tr("Save as Traffic Scenario"), page);
    save->addWidget(m_curveName, 1);
    save->addWidget(saveButton);
    layout->addLayout(save);
    auto *status = new QLabel(page);
    status->setWordWrap(true);
    layout->addWidget(status);
    connect(load, &QPushButton::clicked, this, &WhatIfPanel::loadCurve);
    connect(clear, &QPushButton::clicked, m_curve, [this] { m_curve->setPoints({}); });
    connect(saveButton, &QPushButton::clicked, this, [this, status] {
        QString error;
        status->setText(saveCurve(m_curveName->text().trimmed(), &error) ? tr("Saved.") : error);
    });
    return page;
}

void WhatIfPanel::addLever(QFormLayout *form, const QString &key, const QString &label, const QString &tip, double min,
                           double max, double step, int decimals, const QString &suffix,
                           std::function<std::optional<double>()> read, std::function<void(double)> write)
{
    Lever lever;
    lever.key = key;
    lever.scale = std::pow(10.0, decimals);
    lever.slider = new QSlider(Qt::Horizontal);
    lever.slider->setObjectName(key + QStringLiteral("Slider"));
    lever.slider->setRange(int(std::lround(min * lever.scale)), int(std::lround(max * lever.scale)));
    lever.slider->setSingleStep(int(std::lround(step * lever.scale)));
    lever.slider->setPageStep(int(std::lround(step * lever.scale * 10)));
    lever.spin = new QDoubleSpinBox;
    lever.spin->setObjectName(key + QStringLiteral("Spin"));
    lever.spin->setRange(min, max);
    lever.spin->setSingleStep(step);
    lever.spin->setDecimals(decimals);
    lever.spin->setSuffix(suffix);
    lever.spin->setKeyboardTracking(false);
    lever.slider->setToolTip(tip);
    lever.spin->setToolTip(tip);
    lever.read = std::move(read);
    lever.write = std::move(write);
    auto *row = new QHBoxLayout;
    row->addWidget(lever.slider, 1);
    row->addWidget(lever.spin);
    form->addRow(label, row);
    QSlider *slider = lever.slider;
    QDoubleSpinBox *spin = lever.spin;
    const double scale = lever.scale;
    const std::function<void(double)> apply = lever.write;
    connect(slider, &QSlider::valueChanged, this, [this, spin, scale, apply](int v) {
        if (m_updating)
            return;
        const QSignalBlocker block(spin);
        spin->setValue(v / scale);
        apply(v / scale);
    });
    connect(spin, &QDoubleSpinBox::valueChanged, this, [this, slider, scale, apply](double v) {
        if (m_updating)
            return;
        const QSignalBlocker block(slider);
        slider->setValue(int(std::lround(v * scale)));
        apply(v);
    });
    m_levers.push_back(std::move(lever));
}

QSlider *WhatIfPanel::slider(const QString &lever) const
{
    for (const Lever &l : m_levers) {
        if (l.key == lever)
            return l.slider;
    }
    return nullptr;
}

QDoubleSpinBox *WhatIfPanel::spinBox(const QString &lever) const
{
    for (const Lever &l : m_levers) {
        if (l.key == lever)
            return l.spin;
    }
    return nullptr;
}

void WhatIfPanel::refreshLevers()
{
    m_updating = true;
    for (const Lever &l : m_levers) {
        const std::optional<double> v = l.read();
        l.slider->setEnabled(v.has_value());
        l.spin->setEnabled(v.has_value());
        if (!v)
            continue;
        if (l.slider->isSliderDown())
            continue; // the drag owns the slider
        l.spin->setValue(*v);
        l.slider->setValue(int(std::lround(*v * l.scale)));
    }
    m_updating = false;
}

void WhatIfPanel::refreshSelectors()
{
    const model::Scenario &s = m_document->scenario();
    // What the selectors list; a lever's change leaves it alone, and then so does this.
    QStringList listed;
    for (const model::Tier &t : s.spec.tiers)
        listed << t.id << t.name;
    listed << QString();
    for (const model::RegionGroup &g : s.spec.regions.groups) {
        for (const model::Region &r : g.regions)
            listed << r.id << r.name;
    }
    listed << QString();
    for (const model::TrafficScenario &t : s.spec.traffic)
        listed << t.name << t.description << t.spec;
    if (listed == m_listed && m_tier->count() > 0)
        return;
    m_listed = listed;
    {
        const QSignalBlocker block(m_tier);
        const QString current = m_tier->currentData().toString();
        m_tier->clear();
        for (const model::Tier &t : s.spec.tiers)
            m_tier->addItem(t.name.isEmpty() ? t.id : t.name, t.id);
        m_tier->setCurrentIndex(std::max(0, m_tier->findData(current)));
    }
    {
        const QSignalBlocker block(m_regionLoss);
        m_regionLoss->clear();
        m_regionLoss->addItem(tr("None"), QString());
        for (const model::RegionGroup &g : s.spec.regions.groups) {
            for (const model::Region &r : g.regions)
                m_regionLoss->addItem(r.name.isEmpty() ? r.id : QStringLiteral("%1 (%2)").arg(r.id, r.name), r.id);
        }
    }
    {
        const QSignalBlocker block(m_traffic);
        m_traffic->clear();
        m_traffic->addItem(tr("All traffic scenarios"), QString());
        const QSignalBlocker block2(m_curveSource);
        const QString source = m_curveSource->currentText();
        m_curveSource->clear();
        for (const model::TrafficScenario &t : s.spec.traffic) {
            m_traffic->addItem(t.name, t.name);
            m_traffic->setItemData(m_traffic->count() - 1, t.description.isEmpty() ? t.spec : t.description,
                                   Qt::ToolTipRole);
            m_curveSource->addItem(t.name);
        }
        m_curveSource->setCurrentIndex(std::max(0, m_curveSource->findText(source)));
    }
    refreshOptions();
}

void WhatIfPanel::refreshOptions()
{
    const analysis::AnalysisOptions &o = m_runner->options();
    QString selected, region;
    for (const QString &t : o.traffic) {
        if (const QString r = regionOfSpec(t); !r.isEmpty())
            region = r;
        else if (selected.isEmpty())
            selected = t;
    }
    // several names without a region loss: the "all" choice made explicit
    const qsizetype names = o.traffic.size() - (region.isEmpty() ? 0 : 1);
    if (names > 1)
        selected.clear();
    {
        const QSignalBlocker block(m_traffic);
        m_traffic->setCurrentIndex(std::max(0, m_traffic->findData(selected)));
    }
    {
        const QSignalBlocker block(m_regionLoss);
        m_regionLoss->setCurrentIndex(std::max(0, m_regionLoss->findData(region)));
    }
    m_curve->setDurationHours(double(o.simulationDuration.count()) / 3'600'000.0);
    refreshLevers();
}

void WhatIfPanel::selectTraffic()
{
    analysis::AnalysisOptions o = m_runner->options();
    const QString name = m_traffic->currentData().toString();
    const QString region = m_regionLoss->currentData().toString();
    o.traffic.clear();
    if (!name.isEmpty())
        o.traffic.append(name);
    else if (!region.isEmpty())
        for (const model::TrafficScenario &t : m_document->scenario().spec.traffic)
            o.traffic.append(t.name);
    if (!region.isEmpty())
        o.traffic.append(regionLossSpec(region));
    m_runner->setOptions(o);
}

void WhatIfPanel::selectRegionLoss()
{
    const QString region = m_regionLoss->currentData().toString();
    const QString name = m_traffic->currentData().toString();
    setOption(QStringLiteral("regionLoss"),
              region.isEmpty() ? tr("No region loss") : tr("Simulate the loss of %1").arg(region),
              [this, region, name](analysis::AnalysisOptions &o) {
                  o.traffic.clear();
                  if (!name.isEmpty())
                      o.traffic.append(name);
                  else if (!region.isEmpty())
                      for (const model::TrafficScenario &t : m_document->scenario().spec.traffic)
                          o.traffic.append(t.name);
                  if (!region.isEmpty())
                      o.traffic.append(regionLossSpec(region));
              });
}

void WhatIfPanel::setOption(const QString &key, const QString &text,
                            const std::function<void(analysis::AnalysisOptions &)> &change)
{
    analysis::AnalysisOptions o = m_runner->options();
    change(o);
    m_document->undoStack()->push(new AnalysisOptionsCommand(m_runner, std::move(o), key, text));
}

void WhatIfPanel::showAnalysis(const AnalysisPtr &analysis)
{
    if (!analysis)
        return;
    const QLocale locale;
    m_headlines->setRowCount(int(analysis->traffic.size()));
    for (int row = 0; row < int(analysis->traffic.size()); ++row) {
        const analysis::TrafficOutcome &o = analysis->traffic[std::size_t(row)];
        const analysis::OutcomeFigures &f = o.figures;
        auto *name = new QTableWidgetItem(o.name);
        name->setToolTip(o.spec);
        m_headlines->setItem(row, 0, name);
        m_headlines->setItem(row, 1, figureItem(locale.toString(f.peakReplicas),
                                                tr("Sum over tiers of each tier's peak ready replicas")));
        m_headlines->setItem(row, 2, figureItem(locale.toString(f.peakP95Ms, 'f', 0),
                                                tr("Worst simulated P95 response time of any tier, ms")));
        m_headlines->setItem(row, 3, figureItem(locale.toString(f.minutesOverSlo, 'f', 1),
                                                tr("Minutes the tiers spent over their P95 objective, summed")));
        const QString absorbed = f.spikeNeverAbsorbed ? tr("never")
                                 : f.spikeAbsorbedSeconds ? tr("%1 s").arg(locale.toString(*f.spikeAbsorbedSeconds, 'f', 0))
                                                          : tr("–");
        m_headlines->setItem(row, 4, figureItem(absorbed, tr("Time until the slowest tier caught up with a traffic event")));
        m_headlines->setItem(row, 5, figureItem(locale.toCurrencyString(f.monthlyCostUsd, QStringLiteral("$"), 0),
                                                tr("The simulated fleet's node cost, extrapolated to 730 hours")));
        m_headlines->setItem(row, 6, figureItem(locale.toCurrencyString(f.costPerUserMonth, QStringLiteral("$"), 4),
                                                tr("Monthly cost per active user of the simulated day")));
    }
}

void WhatIfPanel::loadCurve()
{
    const model::TrafficScenario *t = m_document->scenario().traffic(m_curveSource->currentText());
    TrafficCurveEditor::Points points;
    if (t) {
        for (const QList<double> &p : t->points) {
            if (p.size() >= 2)
                points.emplace_back(p[0], p[1]);
        }
        m_curveName->setText(t->name);
    }
    if (points.empty())
        points = {{0, 1}, {m_curve->durationHours(), 1}};
    m_curve->setPoints(std::move(points));
}

} // namespace headroom::ui
