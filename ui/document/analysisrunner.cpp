#include "ui/document/analysisrunner.h"

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
};

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
    connect(watcher, &QFutureWatcher<Computed>::finished, this, [this, watcher, generation] {
        --m_running;
        watcher->deleteLater();
        const bool fresh = generation == m_generation->load();
        if (!fresh || watcher->isCanceled() || watcher->future().resultCount() == 0) {
            emit discarded(generation);
            return;
        }
        const Computed result = watcher->result();
        if (!result.analysis || result.analysis->cancelled) {
            emit discarded(generation);
            return;
        }
        m_latest = result.analysis;
        emit analysisReady(m_latest, result.elapsedMs);
    });
    // The worker only sees its own copies and an atomic: nothing it touches can go away under it.
    watcher->setFuture(QtConcurrent::run([scenario = m_document->scenario(), options = m_options,
                                          current = m_generation, generation](QPromise<Computed> &promise) {
        QElapsedTimer timer;
        timer.start();
        auto stillCurrent = [&](int done, int total) {
            if (current->load() != generation || promise.isCanceled())
                return false;
            promise.setProgressRange(0, total);
            promise.setProgressValue(done);
            return true;
        };
        Computed c;
        c.analysis = std::make_shared<const analysis::ScenarioAnalysis>(analysis::analyze(scenario, options, stillCurrent));
        c.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
        promise.addResult(std::move(c));
    }));
}

AnalysisPtr AnalysisRunner::computeNow()
{
    m_debounce.stop();
    m_generation->fetch_add(1);
    QElapsedTimer timer;
    timer.start();
    m_latest = std::make_shared<const analysis::ScenarioAnalysis>(analysis::analyze(m_document->scenario(), m_options));
    emit analysisReady(m_latest, double(timer.nsecsElapsed()) / 1e6);
    return m_latest;
}

} // namespace headroom::ui
