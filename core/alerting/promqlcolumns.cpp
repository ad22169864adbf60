#include "core/alerting/promqlcolumns.h"

#include "core/alerting/promqlvectorops.h"

#include <QHash>

#include <algorithm>
#include <bit>

namespace headroom::alerting {

using namespace detail;

namespace {

// Pair entries beyond this many values are not worth precomputing (quadratic matching).
constexpr size_t maxValues = 50'000'000;

class ColumnEvaluation {
public:
    ColumnEvaluation(const SeriesStore &store, qint64 startMs, qint64 stepMs, size_t steps, qint64 lookbackMs,
                     ColumnCache *cache = nullptr)
        : m_store(store), m_start(startMs), m_step(stepMs), m_steps(steps), m_lookback(lookbackMs), m_cache(cache) {}

    std::optional<Columns> eval(const Node &n)
    {
        if (!m_cache)
            return evalUncached(n);
        const QString key = nodeKey(n);
        if (const auto it = m_cache->results.constFind(key); it != m_cache->results.cend())
            return *it;
        std::optional<Columns> c = evalUncached(n);
        m_cache->results.insert(key, c);
        return c;
    }

private:
    // Everything about a node that its result depends on (not its position in the text); strings
    // are length-prefixed, so no two different nodes give the same key.
    static void appendText(QString &k, const QString &text)
    {
        k.append(QString::number(text.size())).append(u':').append(text);
    }
    static void appendList(QString &k, const QStringList &list)
    {
        k.append(QString::number(list.size())).append(u'[');
        for (const QString &s : list)
            appendText(k, s);
    }
    static QString nodeKey(const Node &n)
    {
        QString k = QString::number(int(n.kind)) + u'|';
        switch (n.kind) {
        case NodeKind::Number:
            k.append(QString::number(std::bit_cast<quint64>(n.number), 16));
            break;
        case NodeKind::VectorSelector:
        case NodeKind::MatrixSelector:
            k.append(QString::number(n.matchers.size())).append(u'{');
            for (const LabelMatcher &m : n.matchers) {
                appendText(k, m.name);
                k.append(QString::number(int(m.op)));
                appendText(k, m.value);
            }
            k.append(QString::number(n.rangeMs)).append(u'|').append(QString::number(n.offsetMs));
            break;
        case NodeKind::Unary:
        case NodeKind::Binary:
            k.append(QString::number(int(n.op))).append(n.returnBool ? u'b' : u'-').append(n.hasMatching ? u'm' : u'-');
            k.append(QString::number(int(n.matching.card))).append(n.matching.on ? u'o' : u'i');
            appendList(k, n.matching.labels);
            appendList(k, n.matching.include);
            break;
        case NodeKind::Aggregate:
            k.append(QString::number(int(n.aggregate))).append(n.without ? u'w' : u'-');
            appendList(k, n.grouping);
            break;
        case NodeKind::Call:
            appendText(k, n.function);
            break;
        }
        k.append(QString::number(n.args.size())).append(u'(');
        for (const NodePtr &a : n.args)
            appendText(k, nodeKey(*a));
        return k;
    }

    std::optional<Columns> evalUncached(const Node &n)
    {
        switch (n.kind) {
        case NodeKind::Number: {
            Columns c = scalarColumns();
            std::fill(c.scalars.begin(), c.scalars.end(), n.number);
            return c;
        }
        case NodeKind::VectorSelector: return selector(n);
        case NodeKind::Unary: return unary(n);
        case NodeKind::Binary: return binary(n);
        case NodeKind::Aggregate: return aggregate(n);
        case NodeKind::MatrixSelector:
        case NodeKind::Call: return std::nullopt;
        }
        return std::nullopt;
    }

    Columns scalarColumns() const
    {
        Columns c;
        c.scalar = true;
        c.steps = m_steps;
        c.scalars.assign(m_steps, 0.0);
        c.failed.assign(m_steps, 0);
        return c;
    }
    Columns vectorColumns() const
    {
        Columns c;
        c.steps = m_steps;
        c.failed.assign(m_steps, 0);
        return c;
    }
    ColumnEntry entry(Labels labels) const
    {
        return {std::move(labels), std::vector<double>(m_steps, 0.0), std::vector<char>(m_steps, 0)};
    }
    qint64 timestamp(size_t k) const { return m_start + qint64(k) * m_step; }

    // PromqlEvaluator's instant selection: the newest sample in [t - lookback, t], none when it is a
    // staleness marker; found by moving forward through the ascending timestamps.
    Columns selector(const Node &n) const
    {
        Columns c = vectorColumns();
        for (const Series *s : m_store.select(n.matchers)) {
            ColumnEntry e = entry(s->labels);
            const std::vector<Sample> &xs = s->samples;
            size_t next = 0;
            for (size_t k = 0; k < m_steps; ++k) {
                const qint64 ref = timestamp(k) - n.offsetMs;
                while (next < xs.size() && xs[next].t <= ref)
                    ++next;
                if (next == 0)
                    continue;
                const Sample &x = xs[next - 1];
                if (x.t < ref - m_lookback || isStaleMarker(x.v))
                    continue;
                e.values[k] = x.v;
                e.present[k] = 1;
            }
            c.entries.push_back(std::move(e));
        }
        return c;
    }

    std::optional<Columns> unary(const Node &n)
    {
        std::optional<Columns> c = eval(*n.args[0]);
        if (!c)
            return std::nullopt;
        for (double &v : c->scalars)
            v = -v;
        for (ColumnEntry &e : c->entries) {
            for (double &v : e.values)
                v = -v;
            e.labels = dropName(std::move(e.labels));
        }
        return c;
    }

    std::optional<Columns> binary(const Node &n)
    {
        std::optional<Columns> l = eval(*n.args[0]);
        if (!l)
            return std::nullopt;
        std::optional<Columns> r = eval(*n.args[1]);
        if (!r)
            return std::nullopt;
        if (l->scalar && r->scalar) {
            Columns c = scalarColumns();
            for (size_t k = 0; k < m_steps; ++k) {
                c.failed[k] = l->failed[k] || r->failed[k];
                bool keep = true;
                double v = applyOp(n.op, l->scalars[k], r->scalars[k], &keep).value_or(0);
                if (n.returnBool)
                    v = keep ? 1 : 0;
                c.scalars[k] = v;
            }
            return c;
        }
        if (l->scalar || r->scalar)
            return vectorScalar(n, l->scalar ? *r : *l, l->scalar ? *l : *r, l->scalar);
        if (isSetOperator(n.op))
            return std::nullopt;
        return vectorVector(n, *l, *r);
    }

    Columns vectorScalar(const Node &n, Columns &vec, const Columns &s, bool scalarOnLeft) const
    {
        Columns c = vectorColumns();
        for (size_t k = 0; k < m_steps; ++k)
            c.failed[k] = vec.failed[k] || s.failed[k];
        const bool drop = !isComparison(n.op) || n.returnBool;
        for (ColumnEntry &in : vec.entries) {
            ColumnEntry out = entry(drop ? dropName(in.labels) : in.labels);
            for (size_t k = 0; k < m_steps; ++k) {
                if (!in.present[k])
                    continue;
                double lv = in.values[k];
                double rv = s.scalars[k];
                if (scalarOnLeft)
                    std::swap(lv, rv);
                const std::optional<double> value = binarySample(n, lv, rv, scalarOnLeft);
                out.values[k] = value.value_or(0);
                out.present[k] = value ? 1 : 0;
            }
            c.entries.push_back(std::move(out));
        }
        return c;
    }

    // Matching signatures as small integers, interned once per entry.
    static std::vector<int> signatures(const Columns &side, const VectorMatching &m, QHash<LabelKey, int> &ids)
    {
        std::vector<int> out;
        out.reserve(side.entries.size());
        for (const ColumnEntry &e : side.entries) {
            LabelKey key = signatureKey(e.labels, m);
            auto it = ids.constFind(key);
            if (it == ids.cend())
                it = ids.insert(std::move(key), int(ids.size()));
            out.push_back(*it);
        }
        return out;
    }

    std::optional<Columns> vectorVector(const Node &n, const Columns &left, const Columns &right) const
    {
        const VectorMatching &m = n.matching;
        const bool oneToMany = m.card == Cardinality::OneToMany;
        const bool oneToOne = m.card == Cardinality::OneToOne;
        const Columns &manySide = oneToMany ? right : left;
        const Columns &oneSide = oneToMany ? left : right;
        QHash<LabelKey, int> sigIds;
        const std::vector<int> manySig = signatures(manySide, m, sigIds);
        const std::vector<int> oneSig = signatures(oneSide, m, sigIds);

        struct Pair {
            size_t one = 0;
            size_t entry = 0; // index into `pairs`' output entries
            int resultKey = -1;
        };
        std::vector<std::vector<Pair>> pairsOf(manySide.entries.size());
        std::vector<std::pair<size_t, size_t>> order; // (many, one) of each output entry
        QHash<LabelKey, int> resultKeyIds;
        Columns c = vectorColumns();

        std::vector<int> oneAt(size_t(sigIds.size()), -1);
        std::vector<char> seen(size_t(sigIds.size()), 0);
        std::vector<char> seenResult;
        std::vector<int> touched;
        std::vector<int> touchedResults;
        for (size_t k = 0; k < m_steps; ++k) {
            bool failed = left.failed[k] || right.failed[k];
            for (size_t o = 0; o < oneSide.entries.size() && !failed; ++o) {
                if (!oneSide.entries[o].present[k])
                    continue;
                int &at = oneAt[size_t(oneSig[o])];
                if (at >= 0)
                    failed = true; // duplicate series for the match group on the "one" side
                at = int(o);
                touched.push_back(oneSig[o]);
            }
            for (size_t i = 0; i < manySide.entries.size() && !failed; ++i) {
                const ColumnEntry &s = manySide.entries[i];
                if (!s.present[k])
                    continue;
                const int o = oneAt[size_t(manySig[i])];
                if (o < 0)
                    continue;
                const ColumnEntry &other = oneSide.entries[size_t(o)];
                double vl = s.values[k];
                double vr = other.values[k];
                if (oneToMany)
                    std::swap(vl, vr);
                const std::optional<double> sample = binarySample(n, vl, vr);
                if (!sample)
                    continue;
                const double value = *sample;
                auto pair = std::find_if(pairsOf[i].begin(), pairsOf[i].end(), [o](const Pair &p) { return p.one == size_t(o); });
                if (pair == pairsOf[i].end()) {
                    if ((c.entries.size() + 1) * m_steps > maxValues)
                        return std::nullopt;
                    Labels labels = resultLabels(n, s.labels, other.labels);
                    int keyId = -1;
                    if (!oneToOne) {
                        LabelKey key = fullKey(labels);
                        auto it = resultKeyIds.constFind(key);
                        if (it == resultKeyIds.cend())
                            it = resultKeyIds.insert(std::move(key), int(resultKeyIds.size()));
                        keyId = *it;
                        seenResult.resize(size_t(resultKeyIds.size()), 0);
                    }
                    pairsOf[i].push_back({size_t(o), c.entries.size(), keyId});
                    order.emplace_back(i, size_t(o));
                    c.entries.push_back(entry(std::move(labels)));
                    pair = pairsOf[i].end() - 1;
                }
                if (oneToOne) {
                    char &already = seen[size_t(manySig[i])];
                    if (already) {
                        failed = true; // many-to-one matching must be explicit
                        break;
                    }
                    already = 1;
                } else {
                    char &already = seenResult[size_t(pair->resultKey)];
                    if (already) {
                        failed = true; // grouping labels must ensure unique matches
                        break;
                    }
                    already = 1;
                    touchedResults.push_back(pair->resultKey);
                }
                ColumnEntry &out = c.entries[pair->entry];
                out.values[k] = value;
                out.present[k] = 1;
            }
            for (const int t : touched) {
                oneAt[size_t(t)] = -1;
                seen[size_t(t)] = 0;
            }
            for (const int t : touchedResults)
                seenResult[size_t(t)] = 0;
            touched.clear();
            touchedResults.clear();
            if (failed) {
                c.failed[k] = 1;
                for (ColumnEntry &e : c.entries)
                    e.present[k] = 0;
            }
        }
        // at each timestamp a many-side entry matches at most one entry of the other side, so ordering
        // the entries by (many, one) keeps PromqlEvaluator's order (the many side's) at every timestamp
        std::vector<size_t> byPair(c.entries.size());
        for (size_t i = 0; i < byPair.size(); ++i)
            byPair[i] = i;
        std::stable_sort(byPair.begin(), byPair.end(), [&order](size_t a, size_t b) { return order[a] < order[b]; });
        std::vector<ColumnEntry> sorted;
        sorted.reserve(c.entries.size());
        for (const size_t i : byPair)
            sorted.push_back(std::move(c.entries[i]));
        c.entries = std::move(sorted);
        return c;
    }

    std::optional<Columns> aggregate(const Node &n)
    {
        std::optional<Columns> in = eval(*n.args[0]);
        if (!in || in->scalar)
            return std::nullopt;
        Columns c = vectorColumns();
        c.failed = in->failed;
        QHash<LabelKey, int> index;
        std::vector<int> groupOf;
        for (const ColumnEntry &e : in->entries) {
            LabelKey k = groupingKey(n, e.labels);
            auto it = index.constFind(k);
            if (it == index.cend()) {
                Labels key;
                for (qsizetype i = 0; i + 1 < k.size(); i += 2)
                    key.insert(k[i], k[i + 1]);
                it = index.insert(std::move(k), int(c.entries.size()));
                c.entries.push_back(entry(std::move(key)));
            }
            groupOf.push_back(*it);
        }
        std::vector<Accumulator> acc(c.entries.size());
        for (size_t k = 0; k < m_steps; ++k) {
            if (c.failed[k])
                continue;
            std::fill(acc.begin(), acc.end(), Accumulator());
            int lastOpened = -1;
            for (size_t i = 0; i < in->entries.size(); ++i) {
                if (!in->entries[i].present[k])
                    continue;
                Accumulator &a = acc[size_t(groupOf[i])];
                if (a.count == 0) {
                    // PromqlEvaluator lists groups in the order their first sample comes; the entries'
                    // fixed order must agree
                    if (groupOf[i] < lastOpened)
                        return std::nullopt;
                    lastOpened = groupOf[i];
                }
                a.add(n.aggregate, in->entries[i].values[k]);
            }
            for (size_t g = 0; g < acc.size(); ++g) {
                if (acc[g].count > 0) {
                    c.entries[g].values[k] = acc[g].result(n.aggregate);
                    c.entries[g].present[k] = 1;
                }
            }
        }
        return c;
    }

    const SeriesStore &m_store;
    qint64 m_start;
    qint64 m_step;
    size_t m_steps;
    qint64 m_lookback;
    ColumnCache *m_cache;
};

} // namespace

std::optional<Columns> evaluateColumns(const SeriesStore &store, const Node &expr, qint64 startMs, qint64 stepMs,
                                       size_t steps, qint64 lookbackMs)
{
    if (stepMs <= 0)
        return std::nullopt;
    return ColumnEvaluation(store, startMs, stepMs, steps, lookbackMs).eval(expr);
}

std::optional<Columns> evaluateColumns(const SeriesStore &store, const Node &expr, qint64 startMs, qint64 stepMs,
                                       size_t steps, qint64 lookbackMs, ColumnCache &cache)
{
    if (stepMs <= 0)
        return std::nullopt;
    if (cache.generation != store.generation() || cache.startMs != startMs || cache.stepMs != stepMs
        || cache.steps != steps || cache.lookbackMs != lookbackMs) {
        cache.results.clear();
        cache.generation = store.generation();
        cache.startMs = startMs;
        cache.stepMs = stepMs;
        cache.steps = steps;
        cache.lookbackMs = lookbackMs;
    }
    return ColumnEvaluation(store, startMs, stepMs, steps, lookbackMs, &cache).eval(expr);
}

} // namespace headroom::alerting
