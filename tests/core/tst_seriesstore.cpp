// The store's fast paths (one key per run of appends, whole-series adds) and the evaluator's
// selector cache must select and hold exactly what the plain per-sample paths do.
#include "core/alerting/promqlevaluator.h"
#include "core/alerting/seriesstore.h"

#include <QTest>

#include <random>

using namespace Qt::StringLiterals;
using namespace headroom::alerting;

namespace {

const QStringList names{u"cpu"_s, u"mem"_s, u"latency"_s};
const QStringList tiers{u"web"_s, u"api"_s, u"db"_s, u""_s};

Labels randomLabels(std::mt19937 &rng)
{
    Labels l;
    l.insert(u"__name__"_s, names[qsizetype(rng() % names.size())]);
    const QString tier = tiers[qsizetype(rng() % tiers.size())];
    if (!tier.isEmpty())
        l.insert(u"tier"_s, tier);
    if (rng() % 2)
        l.insert(u"zone"_s, u"z%1"_s.arg(rng() % 3));
    return l;
}

// Samples in random order with repeated timestamps (the later value wins).
std::vector<Sample> randomSamples(std::mt19937 &rng)
{
    std::vector<Sample> samples;
    const int n = int(rng() % 12);
    for (int i = 0; i < n; ++i)
        samples.push_back({qint64(rng() % 20) * 1000, double(rng() % 100)});
    return samples;
}

// The reference: a fresh Labels object per sample, so no append can reuse the previous key.
void appendOneByOne(SeriesStore &store, const Labels &labels, const std::vector<Sample> &samples)
{
    for (const Sample &x : samples) {
        Labels copy;
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            copy.insert(it.key(), it.value());
        store.append(copy, x.t, x.v);
    }
}

QString dump(const SeriesStore &store)
{
    QString text;
    for (const Series &s : store.series()) {
        text.append(formatLabels(s.labels)).append(u':');
        for (const Sample &x : s.samples)
            text.append(u" %1=%2"_s.arg(x.t).arg(x.v));
        text.append(u'\n');
    }
    return text;
}

std::vector<std::vector<LabelMatcher>> selectors()
{
    return {
        {{u"__name__"_s, MatchOp::Equal, u"cpu"_s, {}}},
        {{u"__name__"_s, MatchOp::Equal, u"cpu"_s, {}}, {u"tier"_s, MatchOp::Equal, u"web"_s, {}}},
        {{u"__name__"_s, MatchOp::Equal, u"mem"_s, {}}, {u"tier"_s, MatchOp::NotEqual, u"db"_s, {}}},
        {{u"tier"_s, MatchOp::Equal, u"api"_s, {}}},
        {{u"zone"_s, MatchOp::NotEqual, u""_s, {}}},
        {{u"__name__"_s, MatchOp::Equal, u"nothing"_s, {}}},
    };
}

} // namespace

class TestSeriesStore : public QObject {
    Q_OBJECT
private slots:
    void fastPathsHoldTheSameSeries_data();
    void fastPathsHoldTheSameSeries();
    void generationChangesOnlyWithNewSeries();
    void selectorCacheMatchesLinearSelection();
    void selectorCacheFollowsTheStore();
};

void TestSeriesStore::fastPathsHoldTheSameSeries_data()
{
    QTest::addColumn<unsigned>("seed");
    for (unsigned seed = 1; seed <= 20; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void TestSeriesStore::fastPathsHoldTheSameSeries()
{
    QFETCH(unsigned, seed);
    std::mt19937 rng(seed);
    SeriesStore reference, shared, whole;
    for (int i = 0; i < 30; ++i) {
        const Labels labels = randomLabels(rng);
        const std::vector<Sample> samples = randomSamples(rng);
        appendOneByOne(reference, labels, samples);
        for (const Sample &x : samples)
            shared.append(labels, x.t, x.v); // one shared Labels object: the key is formatted once
        whole.addSeries({labels, samples});
    }
    QCOMPARE(dump(shared), dump(reference));
    QCOMPARE(dump(whole), dump(reference));
    QVERIFY(!dump(reference).isEmpty());
}

void TestSeriesStore::generationChangesOnlyWithNewSeries()
{
    SeriesStore st;
    QCOMPARE(st.generation(), quint64(0));
    Labels labels{{u"__name__"_s, u"cpu"_s}};
    st.append(labels, 0, 1);
    const quint64 first = st.generation();
    QVERIFY(first != 0);
    st.append(labels, 1000, 2); // a sample, not a series
    QCOMPARE(st.generation(), first);
    labels.insert(u"tier"_s, u"web"_s); // detaches from the store's copy: a new label set
    st.append(labels, 0, 3);
    QVERIFY(st.generation() != first);
    QCOMPARE(st.series().size(), size_t(2));
    SeriesStore other;
    other.append({{u"__name__"_s, u"cpu"_s}}, 0, 1);
    QVERIFY(other.generation() != first); // stamps are unique over stores
}

void TestSeriesStore::selectorCacheMatchesLinearSelection()
{
    for (unsigned seed = 1; seed <= 20; ++seed) {
        std::mt19937 rng(seed);
        SeriesStore st;
        for (int i = 0; i < 25; ++i)
            st.addSeries({randomLabels(rng), randomSamples(rng)});
        SelectorCache cache;
        for (int round = 0; round < 2; ++round) { // the second round is answered from the cache
            for (const std::vector<LabelMatcher> &matchers : selectors()) {
                Node node;
                node.kind = NodeKind::VectorSelector;
                node.matchers = matchers;
                std::vector<const Series *> linear;
                for (const Series &s : st.series()) {
                    if (std::all_of(matchers.begin(), matchers.end(),
                                    [&](const LabelMatcher &m) { return m.matches(s.labels.value(m.name)); }))
                        linear.push_back(&s);
                }
                QCOMPARE(cache.select(st, node), linear);
                QCOMPARE(st.select(matchers), linear);
            }
        }
    }
}

void TestSeriesStore::selectorCacheFollowsTheStore()
{
    SeriesStore st;
    st.append({{u"__name__"_s, u"cpu"_s}, {u"tier"_s, u"web"_s}}, 0, 50);
    const auto parsed = parsePromql(u"sum(cpu)"_s);
    QVERIFY(parsed.ok());
    const PromqlEvaluator evaluator(st);
    QCOMPARE(evaluator.evaluate(*parsed.value(), 0)->vector.at(0).v, 50.0);
    // a new series after the first evaluation must be seen by the same evaluator
    st.append({{u"__name__"_s, u"cpu"_s}, {u"tier"_s, u"api"_s}}, 0, 20);
    QCOMPARE(evaluator.evaluate(*parsed.value(), 0)->vector.at(0).v, 70.0);
    // a different expression parsed at the same address is matched anew
    const auto other = parsePromql(u"sum(cpu{tier=\"api\"})"_s);
    QVERIFY(other.ok());
    QCOMPARE(evaluator.evaluate(*other.value(), 0)->vector.at(0).v, 20.0);
}

QTEST_GUILESS_MAIN(TestSeriesStore)
#include "tst_seriesstore.moc"
