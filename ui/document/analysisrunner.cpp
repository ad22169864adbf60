#include "ui/document/analysisrunner.h"

#include "ui/backgroundwork.h"
#include "ui/document/scenariodocument.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace headroom::ui {

namespace {

struct Computed {
    AnalysisPtr analysis;
    double elapsedMs = 0;
    bool preview = false; ///< the focus traffic scenario only; the complete analysis follows
};

/// The traffic scenarios an analysis with `options` covers (analysis::analyze's rule).
QStringList analysedTraffic(const model::Scenario &scenario, const analysis::AnalysisOptions &options)
{
    QStringList names = options.traffic;
    if (names.isEmpty()) {
        for (const model::TrafficScenario &t : scenario.spec.traffic)
            names.append(t.name);
    }
    return names;
}

int stages(const analysis::AnalysisOptions &options, qsizetype traffic)
{
    return 2 + int(traffic) + (options.topology ? 1 : 0);
}

} // namespace

AnalysisRunner::AnalysisRunner(ScenarioDocument *document, QObject *parent)
    : QObject(parent), m_document(document)
{
    qRegisterMetaType<AnalysisPtr>();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(30);
    connect(&m_debounce, &QTimer::timeout, this, &AnalysisRunner::start);
    connect(m_document, &ScenarioDocument::scenarioChanged, this, &AnalysisRunner::schedule);
}

AnalysisRunner::~AnalysisRunner()
{
    // Running computations see a new generation, stop at their next stage, and their results
    // are dropped: the watchers are children of this object and die with it.
    m_generation->fetch_add(1);
}

void AnalysisRunner::setOptions(const analysis::AnalysisOptions &options)
{
    m_options = options;
    schedule();
}

void AnalysisRunner::schedule()
{
    m_generation->fetch_add(1); // whatever runs now is stale
    m_debounce.start();
}

void AnalysisRunner::start()
{
    const quint64 generation = m_generation->fetch_add(1) + 1;
    auto *watcher = new QFutureWatcher<Computed>(this);
    ++m_running;
    emit started(generation);
    connect(watcher, &QFutureWatcher<Computed>::progressValueChanged, this, [this, watcher](int value) {
        emit progress(value, watcher->progressMaximum());
    });
    connect(watcher, &QFutureWatcher<Computed>::resultReadyAt, this, [this, watcher, generation](int index) {
        const Computed result = watcher->resultAt(index);
        if (result.preview && generation == m_generation->load() && result.analysis && !result.analysis->cancelled)
            emit previewReady(result.analysis, result.elapsedMs);
    });
    connect(watcher, &QFutureWatcher<Computed>::finished, this, [this, watcher, generation] {
        --m_running;
        watcher->deleteLater();
        const bool fresh = generation == m_generation->load();
        const int count = watcher->future().resultCount();
        if (!fresh || watcher->isCanceled() || count == 0) {
            emit discarded(generation);
            return;
        }
        const Computed result = watcher->resultAt(count - 1);
        if (result.preview || !result.analysis || result.analysis->cancelled) {
            emit discarded(generation);
            return;
        }
        m_latest = result.analysis;
        emit analysisReady(m_latest, result.elapsedMs);
    });
    // The worker only sees its own copies, an immutable earlier analysis and an atomic: nothing
    // it touches can go away under it.
    const model::Scenario scenario = m_document->scenario();
    const QStringList traffic = analysedTraffic(scenario, m_options);
    QString focus = traffic.contains(m_focusTraffic) ? m_focusTraffic : traffic.value(0);
    if (traffic.size() < 2 && !m_options.evaluateAlerts)
        focus.clear(); // the preview would be the whole analysis
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [scenario, options = m_options, previous = m_latest, focus,
                                                            trafficCount = traffic.size(), current = m_generation,
                                                            generation](QPromise<Computed> &promise) {
        QElapsedTimer timer;
        timer.start();
        const int first = focus.isEmpty() ? 0 : stages(options, 1);
        const int all = first + stages(options, std::max<qsizetype>(trafficCount, 1));
        int offset = 0;
        auto stillCurrent = [&](int done, int) {
            if (current->load() != generation || promise.isCanceled())
                return false;
            promise.setProgressRange(0, all);
            promise.setProgressValue(offset + done);
            return true;
        };
        std::vector<const analysis::ScenarioAnalysis *> earlier{previous.get()};
        AnalysisPtr preview;
        if (!focus.isEmpty()) {
            analysis::AnalysisOptions focused = options;
            focused.traffic = QStringList{focus};
            // the views draw without them; the complete analysis adds them
            focused.evaluateAlerts = false;
            focused.savingsPlan = false;
            preview = std::make_shared<const analysis::ScenarioAnalysis>(
                analysis::analyze(scenario, focused, stillCurrent, earlier));
            promise.addResult(Computed{preview, double(timer.nsecsElapsed()) / 1e6, true});
            if (preview->cancelled)
                return;
            earlier.insert(earlier.begin(), preview.get());
            offset = first;
        }
        auto complete = [&] {
            Computed c;
            c.analysis = std::make_shared<const analysis::ScenarioAnalysis>(
                analysis::analyze(scenario, options, stillCurrent, earlier));
            c.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
            promise.addResult(std::move(c));
        };
        // After a preview, the views draw it while the rest is computed: that must not take a
        // core from their paint.
        if (preview)
            runAtLowPriority(complete);
        else
            complete();
    }));
}

AnalysisPtr AnalysisRunner::computeNow()
{
    m_debounce.stop();
    m_generation->fetch_add(1);
    QElapsedTimer timer;
    timer.start();
    m_latest = std::make_shared<const analysis::ScenarioAnalysis>(
        analysis::analyze(m_document->scenario(), m_options, {}, m_latest.get()));
    emit analysisReady(m_latest, double(timer.nsecsElapsed()) / 1e6);
    return m_latest;
}

} // namespace headroom::ui
