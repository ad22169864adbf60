#include "ui/panels/comparepanel.h"

#include "core/model/scenarioio.h"
#include "core/model/scenariopath.h"
#include "ui/backgroundwork.h"
#include "ui/charts/chartcommon.h"
#include "ui/document/scenariodocument.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace headroom::ui {

namespace {

void flattenNode(const YAML::Node &node, const QString &path, QMap<QString, QString> &out)
{
    if (node.IsMap()) {
        for (const auto &kv : node)
            flattenNode(kv.second, path.isEmpty() ? QString::fromStdString(kv.first.as<std::string>())
                                                  : path + QLatin1Char('.') + QString::fromStdString(kv.first.as<std::string>()),
                        out);
        return;
    }
    if (node.IsSequence()) {
        const bool scalars = std::all_of(node.begin(), node.end(), [](const YAML::Node &n) { return n.IsScalar(); });
        if (!scalars || node.size() == 0) {
            for (std::size_t i = 0; i < node.size(); ++i)
                flattenNode(node[i], path + QStringLiteral("[%1]").arg(i), out);
            if (node.size() == 0)
                out.insert(path, QStringLiteral("[]"));
            return;
        }
        QStringList items;
        for (const YAML::Node &n : node)
            items.append(QString::fromStdString(n.as<std::string>()));
        out.insert(path, QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']'));
        return;
    }
    if (node.IsScalar())
        out.insert(path, QString::fromStdString(node.as<std::string>()));
}

QString optionsKey(const analysis::AnalysisOptions &o)
{
    return QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8")
        .arg(o.traffic.join(QLatin1Char(';')))
        .arg(o.simulationDuration.count())
        .arg(o.step.count())
        .arg(o.planDays)
        .arg(o.spotRatio)
        .arg(int(o.policy))
        .arg(o.evaluateAlerts)
        .arg(o.startDate.toString(Qt::ISODate));
}

/// Sum over tiers of the ready replicas per tick.
QList<QPointF> totalReady(const autoscale::SimulationResult &sim)
{
    QList<QPointF> points;
    if (sim.tiers.empty())
        return points;
    const int n = sim.ticks;
    const int stride = std::max(1, n / 1500); // enough for the chart width
    for (int i = 0; i < n; i += stride) {
        int total = 0;
        for (const autoscale::TierTimeline &t : sim.tiers)
            total += i < int(t.readyReplicas.size()) ? t.readyReplicas[std::size_t(i)] : 0;
        points.append(QPointF(double(i) * double(sim.stepMs) / 3'600'000.0, total));
    }
    return points;
}

/// The overlay chart never gets smaller than this (title, two axes with titles, legend); at the default
/// window size the splitter gives it more than half of the page.
constexpr int kChartMinimumHeight = 200;

QTableWidget *table(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return t;
}

} // namespace

ComparePanel::ComparePanel(ScenarioDocument *document, AnalysisRunner *runner, QWidget *parent)
    : QWidget(parent), m_document(document), m_runner(runner)
{
    // the actions in a row on top, the variant list in a narrow resizable column: the tables and the
    // chart keep the width
    auto *layout = new QVBoxLayout(this);
    auto *actions = new QHBoxLayout;
    auto *duplicate = new QPushButton(tr("Duplicate as Variant…"), this);
    duplicate->setToolTip(tr("Snapshot the scenario as it is now; keep editing and compare"));
    auto *fromFile = new QPushButton(tr("Add Variant from File…"), this);
    auto *remove = new QPushButton(tr("Remove Variant"), this);
    actions->addWidget(duplicate);
    actions->addWidget(fromFile);
    actions->addWidget(remove);
    actions->addStretch(1);
    layout->addLayout(actions);
    auto *columns = new QSplitter(Qt::Horizontal, this);
    columns->setObjectName(QStringLiteral("compareColumns"));
    auto *sideBox = new QWidget(columns);
    auto *side = new QVBoxLayout(sideBox);
    side->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(sideBox);
    m_list->setObjectName(QStringLiteral("compareVariants"));
    m_list->setToolTip(tr("The variants compared with the current scenario; select one to remove it"));
    side->addWidget(new QLabel(tr("Variants:"), sideBox));
    side->addWidget(m_list, 1);
    sideBox->setMinimumWidth(90);
    sideBox->setMaximumWidth(240);
    columns->addWidget(sideBox);
    layout->addWidget(columns, 1);

    // tables above, the overlay chart below; the chart gets most of the height and never collapses,
    // so its axis titles and tick labels have room at the default window size
    auto *split = new QSplitter(Qt::Vertical, columns);
    split->setObjectName(QStringLiteral("compareSplitter"));
    split->setChildrenCollapsible(false);
    m_diff = table({tr("Setting")}, split);
    m_diff->setObjectName(QStringLiteral("compareDiff"));
    m_diff->setToolTip(tr("Fields whose values differ between the compared scenarios"));
    m_diff->setMinimumHeight(48);
    m_outcomes = table({tr("Traffic"), tr("Scenario"), tr("Peak replicas"), tr("P95 ms"), tr("Min over SLO"),
                        tr("Monthly cost"), tr("Cost/user"), tr("Spike absorbed")},
                       split);
    m_outcomes->setObjectName(QStringLiteral("compareOutcomes"));
    m_outcomes->setToolTip(tr("Outcome figures per traffic scenario; the better value of each group is highlighted"));
    m_outcomes->setMinimumHeight(64);
    auto *chartBox = new QWidget(split);
    auto *chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    m_chartTraffic = new QComboBox(chartBox);
    m_chartTraffic->setObjectName(QStringLiteral("compareChartTraffic"));
    m_chartTraffic->setToolTip(tr("The traffic scenario whose simulated replicas are overlaid"));
    chartLayout->addWidget(m_chartTraffic);
    m_chart = new QChartView(chartBox);
    m_chart->setObjectName(QStringLiteral("compareChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(kChartMinimumHeight);
    m_chart->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    chartLayout->addWidget(m_chart, 1);
    split->addWidget(m_diff);
    split->addWidget(m_outcomes);
    split->addWidget(chartBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setStretchFactor(2, 5);
    split->setSizes({100, 160, 500});
    columns->addWidget(split);
    columns->setStretchFactor(0, 0);
    columns->setStretchFactor(1, 1);
    columns->setSizes({130, 800});

    connect(duplicate, &QPushButton::clicked, this, &ComparePanel::duplicateDialog);
    connect(fromFile, &QPushButton::clicked, this, &ComparePanel::addFromFileDialog);
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_list->currentRow() >= 0)
            removeVariant(m_list->currentRow());
    });
    connect(m_chartTraffic, &QComboBox::currentIndexChanged, this, &ComparePanel::rebuildChart);
    connect(m_document, &ScenarioDocument::scenarioChanged, this, [this] { m_currentFieldsStale = true; });
    connect(m_runner, &AnalysisRunner::analysisReady, this, &ComparePanel::refresh);
    refresh(); // not visible yet: stale until shown
}

ComparePanel::~ComparePanel()
{
    m_optionsGeneration += 1000; // pending results are dropped
}

QMap<QString, QString> ComparePanel::flatten(const model::Scenario &scenario)
{
    QMap<QString, QString> out;
    flattenNode(model::scenarioYaml(scenario), QString(), out);
    return out;
}

QString ComparePanel::uniqueName(const QString &wanted) const
{
    const QString base = wanted.trimmed().isEmpty() ? tr("Variant") : wanted.trimmed();
    QString name = base;
    for (int n = 2;; ++n) {
        const bool taken = name == tr("Current") || std::any_of(m_variants.begin(), m_variants.end(),
                                                                   [&name](const Variant &v) { return v.name == name; });
        if (!taken)
            return name;
        name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    }
}

void ComparePanel::duplicateCurrent(const QString &name)
{
    Variant v;
    v.name = uniqueName(name);
    v.scenario = m_document->scenario();
    v.fields = flatten(v.scenario);
    optionsMaybeChanged();
    // the snapshot is the current state: its analysis is the runner's, when that is of these options
    if (m_runner->latest() && m_runner->latest()->scenarioName == v.scenario.metadata.name && !m_runner->isRunning()) {
        v.analysis = m_runner->latest();
        v.generation = m_optionsGeneration;
    }
    m_variants.push_back(std::move(v));
    m_list->addItem(m_variants.back().name);
    refresh();
}

bool ComparePanel::addVariantFromFile(const QString &path, QString *error)
{
    model::Result<model::Scenario> loaded = model::loadScenario(path);
    if (!loaded) {
        if (error)
            *error = loaded.errorString();
        return false;
    }
    Variant v;
    v.name = uniqueName(QFileInfo(path).completeBaseName());
    v.scenario = std::move(loaded).value();
    v.fields = flatten(v.scenario);
    m_variants.push_back(std::move(v));
    m_list->addItem(m_variants.back().name);
    refresh();
    return true;
}

void ComparePanel::removeVariant(int index)
{
    if (index < 0 || index >= int(m_variants.size()))
        return;
    m_variants.erase(m_variants.begin() + index);
    delete m_list->takeItem(index);
    if (isVisible())
        rebuild();
    else
        m_stale = true;
}

void ComparePanel::duplicateDialog()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Duplicate as Variant"), tr("Variant name:"), QLineEdit::Normal,
                                               uniqueName(tr("Variant %1").arg(m_variants.size() + 1)), &ok);
    if (ok)
        duplicateCurrent(name);
}

void ComparePanel::addFromFileDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Add Variant from File"), QString(),
                                                      tr("Headroom scenarios (*.yaml *.yml);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!addVariantFromFile(path, &error))
        QMessageBox::warning(this, tr("Add Variant from File"), error);
}

void ComparePanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void ComparePanel::refresh()
{
    if (!isVisible()) {
        m_stale = true; // recomputed when shown
        return;
    }
    m_stale = false;
    optionsMaybeChanged();
    for (std::size_t i = 0; i < m_variants.size(); ++i) {
        const Variant &v = m_variants[i];
        const bool current = v.analysis && v.generation == m_optionsGeneration;
        if (!current && v.requested != m_optionsGeneration)
            analyse(i);
    }
    rebuild();
}

void ComparePanel::optionsMaybeChanged()
{
    const QString key = optionsKey(m_runner->options());
    if (key == m_optionsKey)
        return;
    m_optionsKey = key;
    ++m_optionsGeneration;
}

void ComparePanel::analyse(std::size_t index)
{
    const QString name = m_variants[index].name;
    const quint64 generation = m_optionsGeneration;
    m_variants[index].requested = generation;
    auto *watcher = new QFutureWatcher<AnalysisPtr>(this);
    ++m_pending;
    ++m_analysesStarted;
    connect(watcher, &QFutureWatcher<AnalysisPtr>::finished, this, [this, watcher, name, generation] {
        --m_pending;
        watcher->deleteLater();
        if (generation != m_optionsGeneration)
            return; // the options changed meanwhile: a newer run is under way
        const auto it = std::find_if(m_variants.begin(), m_variants.end(), [&name](const Variant &v) { return v.name == name; });
        if (it == m_variants.end())
            return;
        it->analysis = watcher->result();
        it->generation = generation;
        it->requested = 0;
        if (isVisible())
            rebuild();
        else
            m_stale = true;
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [scenario = m_variants[index].scenario, options = m_runner->options()] {
        return AnalysisPtr(std::make_shared<const analysis::ScenarioAnalysis>(analysis::analyze(scenario, options)));
    }));
}

void ComparePanel::rebuild()
{
    rebuildDiff();
    rebuildOutcomes();
    {
        const QSignalBlocker block(m_chartTraffic);
        const QString current = m_chartTraffic->currentText();
        m_chartTraffic->clear();
        if (const AnalysisPtr a = m_runner->latest()) {
            for (const analysis::TrafficOutcome &o : a->traffic)
                m_chartTraffic->addItem(o.name);
        }
        m_chartTraffic->setCurrentIndex(std::max(0, m_chartTraffic->findText(current)));
    }
    rebuildChart();
    emit updated();
}

void ComparePanel::rebuildDiff()
{
    if (m_currentFieldsStale) {
        m_currentFields = flatten(m_document->scenario());
        m_currentFieldsStale = false;
    }
    QStringList headers{tr("Setting"), tr("Current")};
    for (const Variant &v : m_variants)
        headers.append(v.name);
    m_diff->setColumnCount(int(headers.size()));
    m_diff->setHorizontalHeaderLabels(headers);
    QStringList paths;
    if (!m_variants.empty()) {
        QSet<QString> all;
        for (auto it = m_currentFields.cbegin(); it != m_currentFields.cend(); ++it)
            all.insert(it.key());
        for (const Variant &v : m_variants)
            for (auto it = v.fields.cbegin(); it != v.fields.cend(); ++it)
                all.insert(it.key());
        for (const QString &path : std::as_const(all)) {
            const QString mine = m_currentFields.value(path);
            const bool differs = std::any_of(m_variants.begin(), m_variants.end(),
                                             [&](const Variant &v) { return v.fields.value(path) != mine; });
            if (differs)
                paths.append(path);
        }
        std::sort(paths.begin(), paths.end());
    }
    m_diff->setRowCount(int(paths.size()));
    for (int row = 0; row < int(paths.size()); ++row) {
        m_diff->setItem(row, 0, new QTableWidgetItem(paths[row]));
        auto cell = [](const QMap<QString, QString> &fields, const QString &path) {
            auto *item = new QTableWidgetItem(fields.contains(path) ? fields.value(path) : tr("(absent)"));
            item->setToolTip(item->text());
            return item;
        };
        m_diff->setItem(row, 1, cell(m_currentFields, paths[row]));
        for (int c = 0; c < int(m_variants.size()); ++c)
            m_diff->setItem(row, c + 2, cell(m_variants[std::size_t(c)].fields, paths[row]));
    }
}

void ComparePanel::rebuildOutcomes()
{
    struct Row {
        QString scenario;
        const analysis::TrafficOutcome *outcome;
    };
    const AnalysisPtr current = m_runner->latest();
    QStringList traffic;
    if (current) {
        for (const analysis::TrafficOutcome &o : current->traffic)
            traffic.append(o.name);
    }
    std::vector<std::vector<Row>> groups;
    for (const QString &name : std::as_const(traffic)) {
        std::vector<Row> group;
        group.push_back({tr("Current"), current->outcome(name)});
        for (const Variant &v : m_variants) {
            if (v.analysis && v.generation == m_optionsGeneration)
                group.push_back({v.name, v.analysis->outcome(name)});
            else
                group.push_back({v.name, nullptr});
        }
        groups.push_back(std::move(group));
    }
    int rows = 0;
    for (const auto &g : groups)
        rows += int(g.size());
    m_outcomes->setRowCount(rows);
    const QLocale locale;
    int row = 0;
    const QColor better(0x2e, 0x9d, 0x4f, 70);
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const auto &group = groups[gi];
        // lower is better for every column; -1 = unknown
        auto figure = [](const analysis::TrafficOutcome *o, int column) -> double {
            if (!o)
                return -1;
            const analysis::OutcomeFigures &f = o->figures;
            switch (column) {
            case 2: return f.peakReplicas;
            case 3: return f.peakP95Ms;
            case 4: return f.minutesOverSlo;
            case 5: return f.monthlyCostUsd;
            case 6: return f.costPerUserMonth;
            case 7: return f.spikeNeverAbsorbed ? 1e18 : f.spikeAbsorbedSeconds.value_or(-1);
            default: return -1;
            }
        };
        for (const Row &r : group) {
            m_outcomes->setItem(row, 0, new QTableWidgetItem(traffic[qsizetype(gi)]));
            m_outcomes->setItem(row, 1, new QTableWidgetItem(r.scenario));
            for (int column = 2; column <= 7; ++column) {
                QString text = tr("computing…");
                if (r.outcome) {
                    const analysis::OutcomeFigures &f = r.outcome->figures;
                    switch (column) {
                    case 2: text = locale.toString(f.peakReplicas); break;
                    case 3: text = locale.toString(f.peakP95Ms, 'f', 0); break;
                    case 4: text = locale.toString(f.minutesOverSlo, 'f', 1); break;
                    case 5: text = locale.toCurrencyString(f.monthlyCostUsd, QStringLiteral("$"), 0); break;
                    case 6: text = locale.toCurrencyString(f.costPerUserMonth, QStringLiteral("$"), 4); break;
                    case 7:
                        text = f.spikeNeverAbsorbed ? tr("never")
                               : f.spikeAbsorbedSeconds ? tr("%1 s").arg(locale.toString(*f.spikeAbsorbedSeconds, 'f', 0))
                                                        : tr("–");
                        break;
                    default: break;
                    }
                }
                auto *item = new QTableWidgetItem(text);
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                const double mine = figure(r.outcome, column);
                double best = -1, worst = -1;
                for (const Row &other : group) {
                    const double v = figure(other.outcome, column);
                    if (v < 0)
                        continue;
                    best = best < 0 ? v : std::min(best, v);
                    worst = std::max(worst, v);
                }
                if (mine >= 0 && mine == best && worst > best) {
                    item->setBackground(better);
                    QFont bold = item->font();
                    bold.setBold(true);
                    item->setFont(bold);
                    item->setToolTip(tr("Better than the other scenarios"));
                }
                m_outcomes->setItem(row, column, item);
            }
            ++row;
        }
    }
}

void ComparePanel::rebuildChart()
{
    // one chart for the panel's life: series are replaced, axes rescaled
    QChart *chart = m_chart->chart();
    auto *x = qobject_cast<QValueAxis *>(chart->axes(Qt::Horizontal).value(0));
    auto *y = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0));
    if (!x || !y) {
        charts::useSolidBackground(*chart);
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->setMargins(QMargins(4, 4, 4, 4));
        QFont titleFont = chart->titleFont();
        titleFont.setPointSizeF(titleFont.pointSizeF() * 0.9);
        chart->setTitleFont(titleFont);
        x = new QValueAxis(chart);
        x->setTitleText(tr("hours"));
        x->setLabelFormat(QStringLiteral("%.1f"));
        y = new QValueAxis(chart);
        y->setTitleText(tr("replicas"));
        y->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
    }
    const QString traffic = m_chartTraffic->currentText();
    chart->setTitle(tr("Total ready replicas: %1").arg(traffic));
    chart->removeAllSeries();
    double maxX = 1, maxY = 1;
    auto add = [&](const QString &name, const AnalysisPtr &a) {
        const analysis::TrafficOutcome *o = a ? a->outcome(traffic) : nullptr;
        if (!o)
            return;
        auto *series = new QLineSeries;
        series->setName(name);
        const QList<QPointF> points = totalReady(o->simulation);
        for (const QPointF &p : points) {
            maxX = std::max(maxX, p.x());
            maxY = std::max(maxY, p.y());
        }
        series->replace(points);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    };
    add(tr("Current"), m_runner->latest());
    for (const Variant &v : m_variants) {
        if (v.generation == m_optionsGeneration)
            add(v.name, v.analysis);
    }
    x->setRange(0, maxX);
    // whole replicas on nice ticks; about one tick per 60 px keeps the labels from crowding
    const int ticks = std::clamp(m_chart->height() / 60, 3, 9);
    x->setTickCount(std::clamp(m_chart->width() / 110, 3, 9));
    y->setRange(0, std::ceil(maxY * 1.1));
    y->setTickCount(ticks);
    y->applyNiceNumbers();
}

} // namespace headroom::ui
