#include "core/autoscale/recommendationwindow.h"
#include "core/autoscale/replicacalculator.h"
#include "core/autoscale/simulator.h"
#include "core/model/scenarioio.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

using namespace headroom::autoscale;
using namespace std::chrono_literals;

namespace {

headroom::model::Scenario smallWebTools()
{
    auto s = headroom::model::defaultScenario();
    s.spec.demand.concurrentUsers = 5000; // the plan's max replicas leave room for a 10x spike at this size
    return s;
}

SimulationResult run(const headroom::model::Scenario &s, const QString &traffic, std::chrono::milliseconds d,
                     ScalingPolicyKind policy = ScalingPolicyKind::Hpa)
{
    const auto spec = resolveTraffic(s, traffic);
    if (!spec)
        return {};
    SimulationOptions o;
    o.policy = policy;
    return simulate(s, spec.value(), d, o);
}

const TierTimeline *tier(const SimulationResult &r, const char *id)
{
    for (const TierTimeline &t : r.tiers)
        if (t.tierId == QLatin1String(id))
            return &t;
    return nullptr;
}

} // namespace

class TestSimulator : public QObject {
    Q_OBJECT
private slots:
    void resultShape();
    void steadyIsFlat();
    void spikeIsAbsorbed();
    void regionLossRemovesAndReplacesPods();
    void customPolicyDiffers();
    void nodesCappedByMaxNodes();
    void cancel();
    void uniformMatchesPodLevel_data();
    void uniformMatchesPodLevel();
    void cliSpikeReport();
    void cliBadTraffic();
    void tickSeriesMatchesVector_data();
    void tickSeriesMatchesVector();
    void windowMatchesScan_data();
    void windowMatchesScan();
    void seriesBuffersReused();
    void summaryMatchesTimeline_data();
    void summaryMatchesTimeline();
};

void TestSimulator::resultShape()
{
    const auto r = run(smallWebTools(), QStringLiteral("steady"), 1h);
    QCOMPARE(r.ticks, 240);
    QCOMPARE(r.stepMs, 15000);
    QCOMPARE(r.startMs, SimulationOptions{}.startMs);
    QCOMPARE(r.tiers.size(), std::size_t(3));
    QCOMPARE(r.tiers[0].tierId, QStringLiteral("web"));
    QCOMPARE(r.tiers[2].tierId, QStringLiteral("processing"));
    for (const TierTimeline &t : r.tiers) {
        QCOMPARE(t.demand.size(), std::size_t(240));
        QCOMPARE(t.p95LatencyMs.size(), std::size_t(240));
        QCOMPARE(t.nodes.size(), std::size_t(240));
    }
    QCOMPARE(r.summaries.size(), std::size_t(3));
    // 5000 users x 0.1 requests/s; processing gets 5000 x 0.001 jobs/s
    QCOMPARE(tier(r, "api")->demand[0], 500.0);
    QCOMPARE(tier(r, "processing")->demand[0], 5.0);
}

void TestSimulator::steadyIsFlat()
{
    const auto r = run(smallWebTools(), QStringLiteral("steady"), 2h);
    for (const TierTimeline &t : r.tiers) {
        const int first = t.desiredReplicas.front();
        for (std::size_t i = 0; i < t.desiredReplicas.size(); ++i) {
            QCOMPARE(t.desiredReplicas[i], first);
            QCOMPARE(t.droppedPerSecond[i], 0.0);
        }
    }
    for (const TierSummary &s : r.summaries) {
        QCOMPARE(s.minutesOverSlo, 0.0);
        QVERIFY(!s.eventAtSeconds);
    }
    // web: 5000 users x 0.35 mCPU over 500m requests at a 70 % target -> 5 replicas
    QCOMPARE(tier(r, "web")->desiredReplicas.front(), 5);
    QCOMPARE(tier(r, "web")->cpuUtilization.front(), 70.0);
}

void TestSimulator::spikeIsAbsorbed()
{
    const auto r = run(smallWebTools(), QStringLiteral("spike-10x"), 3h);
    for (const TierSummary &s : r.summaries) {
        QVERIFY(s.eventAtSeconds);
        QCOMPARE(*s.eventAtSeconds, 3600.0);
        QVERIFY2(s.spikeAbsorbedAfterSeconds, qPrintable(s.tierId));
        QVERIFY(*s.spikeAbsorbedAfterSeconds > 0);
        QVERIFY(*s.spikeAbsorbedAfterSeconds < 20 * 60);
        QVERIFY(s.peakReplicas >= s.peakNeededReplicas);
    }
    const TierTimeline *web = tier(r, "web");
    QCOMPARE(*std::max_element(web->neededReplicas.begin(), web->neededReplicas.end()), 50);
    // the web tier's 3 minute scale-up stabilization delays the first scale-up: nothing before +1h3m
    const std::size_t spikeTick = 240;
    QCOMPARE(web->desiredReplicas[spikeTick + 8], web->desiredReplicas[spikeTick]);
    QVERIFY(web->droppedPerSecond[spikeTick + 8] > 0);
    // scale-down after the spike is gradual and ends at the baseline size
    QCOMPARE(web->desiredReplicas.back(), web->desiredReplicas.front());
}

void TestSimulator::regionLossRemovesAndReplacesPods()
{
    const auto r = run(smallWebTools(), QStringLiteral("region-loss"), 2h);
    const TierTimeline *api = tier(r, "api");
    const std::size_t at = 240;
    QVERIFY(api->readyReplicas[at] < api->readyReplicas[at - 1]);
    QVERIFY(api->pendingReplicas[at] + api->readyReplicas[at] <= api->desiredReplicas[at]);
    QCOMPARE(api->readyReplicas[at + 40], api->desiredReplicas[at + 40]); // replaced within 10 minutes
    for (const TierSummary &s : r.summaries)
        QVERIFY(s.spikeAbsorbedAfterSeconds);
}

void TestSimulator::customPolicyDiffers()
{
    const auto hpa = run(smallWebTools(), QStringLiteral("spike-10x"), 2h);
    const auto custom = run(smallWebTools(), QStringLiteral("spike-10x"), 2h, ScalingPolicyKind::Custom);
    QCOMPARE(custom.ticks, hpa.ticks);
    QVERIFY(tier(custom, "web")->desiredReplicas != tier(hpa, "web")->desiredReplicas);
    // 100 requests/s per replica: the api tier at 5000 requests/s wants 50
    QCOMPARE(custom.summaries[1].peakReplicas, 50);
}

void TestSimulator::nodesCappedByMaxNodes()
{
    auto s = smallWebTools();
    s.spec.simulation.maxNodes = 6;
    const auto r = run(s, QStringLiteral("spike-10x"), 2h);
    for (std::size_t i = 0; i < std::size_t(r.ticks); ++i) {
        int total = 0;
        for (const TierTimeline &t : r.tiers)
            total += t.nodes[i];
        QVERIFY(total <= 6);
    }
    QVERIFY(!r.summaries[0].spikeAbsorbedAfterSeconds); // the web tier never gets its replicas scheduled
}

void TestSimulator::cancel()
{
    const auto s = smallWebTools();
    const auto spec = resolveTraffic(s, QStringLiteral("steady"));
    int calls = 0;
    const auto r = simulate(s, spec.value(), 24h, {}, [&calls](int done, int total) {
        ++calls;
        return done < total / 2;
    });
    QVERIFY(calls >= 1);
    QVERIFY(r.ticks > 0 && r.ticks < 5760);
    QCOMPARE(r.tiers[0].demand.size(), std::size_t(r.ticks));
}

void TestSimulator::uniformMatchesPodLevel_data()
{
    QTest::addColumn<int>("ready");
    QTest::addColumn<int>("unready");
    QTest::addColumn<qint64>("usage"); // per ready pod, milli-CPU of 1000m requests
    QTest::addColumn<int>("target");
    for (int ready : {1, 3, 7})
        for (int unready : {0, 2, 5})
            for (qint64 usage : {100, 450, 520, 900, 3000})
                QTest::addRow("r%d u%d %lld", ready, unready, static_cast<long long>(usage))
                    << ready << unready << usage << 50;
}

void TestSimulator::uniformMatchesPodLevel()
{
    QFETCH(int, ready);
    QFETCH(int, unready);
    QFETCH(qint64, usage);
    QFETCH(int, target);
    const std::int64_t now = 1'767'225'600'000;
    std::vector<PodState> pods;
    PodMetricsInfo metrics;
    for (int i = 0; i < ready + unready; ++i) {
        PodState p;
        p.name = QString::number(i);
        p.phase = i < ready ? PodPhase::Running : PodPhase::Pending;
        p.ready = i < ready;
        p.startTimeMs = now - 3'600'000;
        p.readyTransitionMs = now - 3'500'000;
        p.containers.push_back(ContainerRequests{QStringLiteral("c"), {{QStringLiteral("cpu"), 1000}}});
        pods.push_back(p);
        if (i < ready)
            metrics.insert(p.name, PodMetric{usage, now, 30'000});
    }
    const int current = ready + unready;
    const ReplicaCalculator calc(pods, now, ControllerSettings{});
    const MetricResult podLevel = calc.resourceUtilization(current, target, QStringLiteral("cpu"), {}, metrics, Tolerances{});
    const double util = std::floor(double(usage) * ready * 100 / (ready * 1000.0));
    const double corrected = std::floor(double(usage) * ready * 100 / ((ready + unready) * 1000.0));
    const int uniform = ReplicaCalculator::uniformReplicas(current, util / target, corrected / target, ready, unready,
                                                           Tolerances{});
    QCOMPARE(uniform, podLevel.replicas.value_or(-1));
}

void TestSimulator::cliSpikeReport()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("spike.csv"));
    QProcess p;
    p.start(QStringLiteral(HEADROOM_CLI), {QStringLiteral("simulate"), QStringLiteral("--traffic"), QStringLiteral("spike-10x"),
                                           QStringLiteral("--duration"), QStringLiteral("3h"), QStringLiteral("--users"),
                                           QStringLiteral("5000"), QStringLiteral("--out"), csv});
    QVERIFY(p.waitForFinished(60'000));
    QCOMPARE(p.exitCode(), 0);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    for (const char *t : {"web:", "api:", "processing:"}) {
        const auto line = out.section(QString::fromLatin1(t), 1, 1).section(u'\n', 0, 0);
        QVERIFY2(line.contains(QStringLiteral("reached the needed replicas")), qPrintable(out));
    }
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines[0], QByteArray("time,tier,demand,desired,ready,pending,nodes,cpu_pct,mem_pct,queue_depth,p95_ms,dropped_per_s"));
    QCOMPARE(lines.size(), 1 + 720 * 3 + 1); // header, rows, final newline
    QVERIFY(lines[1].startsWith("2026-01-05T00:00:00Z,web,"));
}

void TestSimulator::cliBadTraffic()
{
    QProcess p;
    p.start(QStringLiteral(HEADROOM_CLI), {QStringLiteral("simulate"), QStringLiteral("--traffic"),
                                           QStringLiteral("baseline * spike(factor=ten)")});
    QVERIFY(p.waitForFinished(60'000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(p.readAllStandardError().contains("column 25"));
}

void TestSimulator::tickSeriesMatchesVector_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("runLength"); // mean ticks between changes (0: a new value at every tick)
    QTest::addColumn<bool>("byBlocks");  // appended as the simulator does, a block at a time
    for (int length : {0, 1, 31, 32, 33, 64, 65, 1000})
        for (int runLength : {0, 3, 40, 5000})
            for (bool byBlocks : {false, true})
                QTest::addRow("n%d run%d %s", length, runLength, byBlocks ? "blocks" : "values")
                    << length << runLength << byBlocks;
}

void TestSimulator::tickSeriesMatchesVector()
{
    QFETCH(int, length);
    QFETCH(int, runLength);
    QFETCH(bool, byBlocks);
    QRandomGenerator rng(quint32(length * 7919 + runLength));
    // values that a == test would merge but the series must keep apart: 0.0 and -0.0, NaNs
    const double special[] = {0.0, -0.0, std::numeric_limits<double>::quiet_NaN(),
                              std::numeric_limits<double>::infinity(), 1e9};
    std::vector<double> doubles;
    std::vector<int> ints;
    double d = 1.5;
    int n = 3;
    for (int i = 0; i < length; ++i) {
        if (runLength == 0 || rng.bounded(runLength) == 0) {
            d = rng.bounded(4) == 0 ? special[rng.bounded(5)] : rng.generateDouble() * 100;
            n = int(rng.bounded(50));
        }
        doubles.push_back(d);
        ints.push_back(n);
    }
    TickSeries<double> ds;
    TickSeries<int> is;
    ds.reserve(std::size_t(length));
    const std::size_t block = TickSeries<double>::BlockSize;
    if (byBlocks) {
        for (std::size_t at = 0; at < doubles.size(); at += block) {
            const std::size_t count = std::min(block, doubles.size() - at);
            ds.appendBlock(doubles.data() + at, count);
            is.appendBlock(ints.data() + at, count);
        }
    } else {
        for (std::size_t i = 0; i < doubles.size(); ++i) {
            ds.push_back(doubles[i]);
            is.push_back(ints[i]);
        }
    }
    ds.squeeze();
    QCOMPARE(ds.size(), doubles.size());
    QCOMPARE(is.size(), ints.size());
    QCOMPARE(ds.empty(), doubles.empty());
    for (std::size_t i = 0; i < doubles.size(); ++i) {
        QCOMPARE(std::bit_cast<std::uint64_t>(ds[i]), std::bit_cast<std::uint64_t>(doubles[i]));
        QCOMPARE(is[i], ints[i]);
    }
    QCOMPARE(is.toVector(), ints);
    QCOMPARE(is, TickSeries<int>(ints));
    // equality is the vectors' (== per tick), whether or not the two store the same blocks
    QCOMPARE(ds == TickSeries<double>(doubles), doubles == doubles); // false with a NaN
    if (!doubles.empty()) {
        std::vector<double> changed = doubles;
        changed[changed.size() / 2] += 1;
        QCOMPARE(ds == TickSeries<double>(changed), doubles == changed);
        std::vector<double> signs = doubles;
        for (double &d : signs)
            if (d == 0)
                d = -d; // other bits, equal values
        QCOMPARE(ds == TickSeries<double>(signs), doubles == signs);
    }
    if (!ints.empty()) {
        std::vector<int> changed = ints;
        changed[changed.size() / 2] += 1;
        QVERIFY(!(is == TickSeries<int>(changed)));
    }
    if (!ints.empty()) {
        QCOMPARE(is.front(), ints.front());
        QCOMPARE(is.back(), ints.back());
        QCOMPARE(*std::max_element(is.begin(), is.end()), *std::max_element(ints.begin(), ints.end()));
        QCOMPARE(is.end() - is.begin(), std::ptrdiff_t(ints.size()));
        TickSeries<int> other(ints);
        other.push_back(ints.back() + 1);
        QVERIFY(!(is == other));
    }
    // a scaled view of shared values reads base x scale, and stores its values once appended to
    const auto base = std::make_shared<const std::vector<double>>(doubles);
    TickSeries<double> view = TickSeries<double>::scaled(base, 2.5, doubles.size());
    QCOMPARE(view.size(), doubles.size());
    for (std::size_t i = 0; i < doubles.size(); ++i)
        QCOMPARE(std::bit_cast<std::uint64_t>(view[i]), std::bit_cast<std::uint64_t>(doubles[i] * 2.5));
    const TickSeries<double> copy = view;
    view.push_back(7);
    QCOMPARE(view.size(), doubles.size() + 1);
    QCOMPARE(view.back(), 7.0);
    QCOMPARE(copy.size(), doubles.size());
    for (std::size_t i = 0; i < doubles.size(); ++i)
        QCOMPARE(std::bit_cast<std::uint64_t>(view[i]), std::bit_cast<std::uint64_t>(copy[i]));
    // appending one value at a time after blocks continues the last block
    ds.push_back(-0.0);
    QCOMPARE(std::bit_cast<std::uint64_t>(ds.back()), std::bit_cast<std::uint64_t>(-0.0));
    QCOMPARE(ds.size(), doubles.size() + 1);
    if (!doubles.empty())
        QCOMPARE(std::bit_cast<std::uint64_t>(ds[doubles.size() - 1]), std::bit_cast<std::uint64_t>(doubles.back()));
}


void TestSimulator::windowMatchesScan_data()
{
    QTest::addColumn<int>("upSeconds");   // -1: the legacy path (no behavior)
    QTest::addColumn<int>("downSeconds");
    QTest::addColumn<int>("runLength");   // mean syncs between changes of the recorded value
    QTest::addColumn<int>("readEvery");   // mean syncs between reads of the window (1: every sync)
    for (auto [up, down] : {std::pair{60, 300}, std::pair{0, 300}, std::pair{45, 45}, std::pair{-1, 300}})
        for (int runLength : {1, 4, 60})
            for (int readEvery : {1, 3, 50})
                QTest::addRow("up%d down%d run%d read%d", up, down, runLength, readEvery)
                    << up << down << runLength << readEvery;
}

/// The window's extremes against a scan over every recommendation recorded, with runs of equal
/// recommendations recorded without reading the window in between (a size held at a bound).
void TestSimulator::windowMatchesScan()
{
    QFETCH(int, upSeconds);
    QFETCH(int, downSeconds);
    QFETCH(int, runLength);
    QFETCH(int, readEvery);
    const bool legacy = upSeconds < 0;
    std::optional<ResolvedBehavior> behavior;
    ControllerSettings settings;
    if (legacy) {
        settings.downscaleStabilizationWindow = std::chrono::seconds(downSeconds);
    } else {
        behavior.emplace();
        behavior->scaleUp.stabilizationWindowSeconds = upSeconds;
        behavior->scaleDown.stabilizationWindowSeconds = downSeconds;
    }
    RecommendationWindow window(behavior, settings);
    std::vector<Recommendation> all;
    QRandomGenerator rng(quint32(upSeconds * 1000 + downSeconds * 10 + runLength * 7 + readEvery));
    int value = 10;
    int reads = 0;
    for (int i = 0; i < 3000; ++i) {
        const std::int64_t now = 1'767'225'600'000 + std::int64_t(i) * 15'000;
        if (rng.bounded(runLength) == 0)
            value = 5 + int(rng.bounded(30));
        if (rng.bounded(readEvery) == 0) {
            const int proposal = 5 + int(rng.bounded(30));
            const std::int64_t upCut = now - std::int64_t(std::max(upSeconds, 0)) * 1000;
            const std::int64_t downCut = now - std::int64_t(downSeconds) * 1000;
            WindowExtremes expected{proposal, proposal};
            for (const Recommendation &r : all) {
                // with a behavior a recommendation exactly one window old is out, on the legacy path in
                if (!legacy && r.timeMs > upCut)
                    expected.up = std::min(expected.up, r.replicas);
                if (legacy ? r.timeMs >= downCut : r.timeMs > downCut)
                    expected.down = std::max(expected.down, r.replicas);
            }
            const WindowExtremes got = window.extremes(proposal, now);
            QCOMPARE(got.up, expected.up);
            QCOMPARE(got.down, expected.down);
            ++reads;
            window.add(proposal, now);
            all.push_back({proposal, now});
        } else {
            window.add(value, now);
            all.push_back({value, now});
        }
    }
    QVERIFY(reads > 0);
}

/// Large series buffers go back to the cache and come out again for a request of their size, once;
/// small ones and other sizes do not; the cache keeps at most MaxBytes, releasing the oldest.
void TestSimulator::seriesBuffersReused()
{
    using Cache = SeriesBufferCache;
    const std::size_t size = (std::size_t(1) << 20) + 24; // a size no other test leaves behind
    void *a = Cache::allocate(size);
    std::memset(a, 0x5a, size);
    Cache::deallocate(a, size);
    void *b = Cache::allocate(size);
    QCOMPARE(b, a);
    void *c = Cache::allocate(size); // the buffer is out: new storage
    QVERIFY(c != a);
    void *d = Cache::allocate(size + 8);
    QVERIFY(d != a && d != c);
    Cache::deallocate(d, size + 8);
    Cache::deallocate(c, size);
    Cache::deallocate(b, size);
    void *e = Cache::allocate(size); // the newest of that size
    QCOMPARE(e, b);
    Cache::deallocate(e, size);

    const std::size_t keptBefore = Cache::keptBytes();
    void *small = Cache::allocate(Cache::MinBytes - 8);
    Cache::deallocate(small, Cache::MinBytes - 8);
    QCOMPARE(Cache::keptBytes(), keptBefore);

    const std::size_t big = Cache::MaxBytes / 2 - 40;
    void *first = Cache::allocate(big);
    void *second = Cache::allocate(big);
    void *third = Cache::allocate(big);
    Cache::deallocate(first, big);
    Cache::deallocate(second, big);
    Cache::deallocate(third, big); // the first goes
    QVERIFY(Cache::keptBytes() <= Cache::MaxBytes);
    void *again = Cache::allocate(big);
    void *again2 = Cache::allocate(big);
    QCOMPARE(again, third);
    QCOMPARE(again2, second);
    Cache::deallocate(again, big);
    Cache::deallocate(again2, big);

    // a series reserved in a reused buffer (holding the old values) reads as what was appended
    std::vector<double> values(20'000);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = double(i % 97) * 0.5;
    for (int round = 0; round < 2; ++round) {
        TickSeries<double> series;
        series.reserve(values.size());
        for (std::size_t at = 0; at < values.size(); at += TickSeries<double>::BlockSize)
            series.appendBlock(values.data() + at, std::min(TickSeries<double>::BlockSize, values.size() - at));
        QCOMPARE(series.toVector(), values);
        std::reverse(values.begin(), values.end());
    }
}

void TestSimulator::summaryMatchesTimeline_data()
{
    QTest::addColumn<QString>("traffic");
    QTest::addColumn<int>("ticks");     // of 15 s; runs of whole and partial blocks of 32 ticks
    QTest::addColumn<int>("cancelAt");  // progress returns false once this many ticks are done (0: never)
    QTest::addColumn<int>("users");
    for (const char *traffic : {"spike-10x", "region-loss", "diurnal", "steady"})
        for (int ticks : {1, 31, 32, 241, 960})
            QTest::addRow("%s %d", traffic, ticks) << QString::fromLatin1(traffic) << ticks << 0 << 5000;
    // the default size: the processing tier falls behind and counts late jobs
    QTest::addRow("spike-10x full size") << QStringLiteral("spike-10x") << 1441 << 0 << 0;
    QTest::addRow("spike-10x cancelled") << QStringLiteral("spike-10x") << 9000 << 4096 << 0;
}

/// Each tier's run summary against one computed here from its timeline: peaks, minutes over the SLO
/// (the ticks with p95 over it or work shed), spike absorption (the first catch-up after the event).
void TestSimulator::summaryMatchesTimeline()
{
    QFETCH(QString, traffic);
    QFETCH(int, ticks);
    QFETCH(int, cancelAt);
    QFETCH(int, users);
    auto scenario = users > 0 ? smallWebTools() : headroom::model::defaultScenario();
    const auto spec = resolveTraffic(scenario, traffic);
    QVERIFY(spec);
    const auto r = simulate(scenario, spec.value(), std::chrono::milliseconds(std::int64_t(ticks) * 15'000), {},
                            [cancelAt](int done, int) { return cancelAt == 0 || done < cancelAt; });
    QCOMPARE(r.ticks, cancelAt > 0 ? cancelAt : ticks);
    const double dt = 15;
    QCOMPARE(r.summaries.size(), r.tiers.size());
    int overAnywhere = 0;
    for (std::size_t k = 0; k < r.tiers.size(); ++k) {
        const TierTimeline &t = r.tiers[k];
        const TierSummary &s = r.summaries[k];
        QCOMPARE(t.readyReplicas.size(), std::size_t(r.ticks));
        const double sloMs = scenario.spec.tiers[int(k)].p95Slo->count() / 1000.0 * 1000;
        double minutes = 0;
        int peak = 0, peakNodes = 0, peakNeeded = 0;
        std::optional<double> absorbed, deficitStart;
        bool sawDeficit = false, decided = false;
        int neededInDeficit = 0;
        for (std::size_t i = 0; i < std::size_t(r.ticks); ++i) {
            const double tSec = double(i) * dt;
            if (t.p95LatencyMs[i] > sloMs || t.droppedPerSecond[i] > 0)
                minutes += dt / 60.0;
            peak = std::max(peak, t.desiredReplicas[i]);
            peakNodes = std::max(peakNodes, t.nodes[i]);
            peakNeeded = std::max(peakNeeded, t.neededReplicas[i]);
            if (decided || !s.eventAtSeconds || tSec < *s.eventAtSeconds)
                continue;
            if (t.readyReplicas[i] < t.neededReplicas[i]) {
                deficitStart = deficitStart.value_or(tSec);
                sawDeficit = true;
                neededInDeficit = std::max(neededInDeficit, t.neededReplicas[i]);
            } else if (deficitStart) {
                if (t.readyReplicas[i] >= neededInDeficit)
                    absorbed = tSec - *s.eventAtSeconds;
                decided = true;
            }
        }
        if (s.eventAtSeconds && !sawDeficit && r.ticks > 0 && *s.eventAtSeconds < r.ticks * dt)
            absorbed = 0;
        QCOMPARE(s.minutesOverSlo, minutes);
        QCOMPARE(s.peakReplicas, peak);
        QCOMPARE(s.peakNodes, peakNodes);
        QCOMPARE(s.peakNeededReplicas, peakNeeded);
        QCOMPARE(s.spikeAbsorbedAfterSeconds.has_value(), absorbed.has_value());
        if (absorbed)
            QCOMPARE(*s.spikeAbsorbedAfterSeconds, *absorbed);
        overAnywhere += minutes > 0;
    }
    if (users == 0)
        QVERIFY(overAnywhere > 0); // the rows at full size do count minutes over the SLO
}

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
