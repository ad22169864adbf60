#include "core/alerting/promqlevaluator.h"

#include "core/alerting/promqlvectorops.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace headroom::alerting {

namespace detail {

Labels dropName(Labels labels)
{
    labels.remove(nameLabel);
    return labels;
}

LabelKey signatureKey(const Labels &labels, const VectorMatching &m)
{
    LabelKey key;
    if (m.on) {
        for (const QString &l : m.labels) {
            if (l == nameLabel)
                continue;
            if (auto it = labels.constFind(l); it != labels.cend())
                key << l << *it;
        }
    } else {
        for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
            if (it.key() != nameLabel && !m.labels.contains(it.key()))
                key << it.key() << it.value();
        }
    }
    return key;
}

// The signature as Prometheus prints it in error messages.
QString signature(const Labels &labels, const VectorMatching &m)
{
    Labels kept;
    if (m.on) {
        for (const QString &l : m.labels) {
            if (labels.contains(l))
                kept.insert(l, labels.value(l));
        }
    } else {
        kept = dropName(labels);
        for (const QString &l : m.labels)
            kept.remove(l);
    }
    return formatLabels(kept, false);
}

LabelKey fullKey(const Labels &labels)
{
    LabelKey key;
    key.reserve(labels.size() * 2);
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        key << it.key() << it.value();
    return key;
}

std::optional<double> applyOp(BinaryOp op, double l, double r, bool *keep)
{
    *keep = true;
    switch (op) {
    case BinaryOp::Add: return l + r;
    case BinaryOp::Sub: return l - r;
    case BinaryOp::Mul: return l * r;
    case BinaryOp::Div: return l / r;
    case BinaryOp::Mod: return std::fmod(l, r);
    case BinaryOp::Pow: return std::pow(l, r);
    case BinaryOp::Eq: *keep = l == r; return l;
    case BinaryOp::Ne: *keep = l != r; return l;
    case BinaryOp::Gt: *keep = l > r; return l;
    case BinaryOp::Lt: *keep = l < r; return l;
    case BinaryOp::Ge: *keep = l >= r; return l;
    case BinaryOp::Le: *keep = l <= r; return l;
    default: return std::nullopt;
    }
}

std::optional<double> binarySample(const Node &n, double l, double r, bool vectorOnRight)
{
    bool keep = true;
    double value = applyOp(n.op, l, r, &keep).value_or(0);
    if (isComparison(n.op) && vectorOnRight)
        value = r;
    if (n.returnBool)
        return keep ? 1.0 : 0.0;
    return keep ? std::optional<double>(value) : std::nullopt;
}

Labels resultLabels(const Node &n, const Labels &many, const Labels &one)
{
    Labels out = many;
    if (!isComparison(n.op) || n.returnBool)
        out.remove(nameLabel);
    const VectorMatching &m = n.matching;
    if (m.card == Cardinality::OneToOne) {
        if (m.on) {
            Labels kept;
            for (const QString &l : m.labels) {
                if (out.contains(l))
                    kept.insert(l, out.value(l));
            }
            out = kept;
        } else {
            for (const QString &l : m.labels)
                out.remove(l);
        }
    }
    for (const QString &l : m.include) {
        if (one.contains(l) && !one.value(l).isEmpty())
            out.insert(l, one.value(l));
        else
            out.remove(l);
    }
    return out;
}

LabelKey groupingKey(const Node &aggregate, const Labels &labels)
{
    LabelKey k;
    if (aggregate.without) {
        for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
            if (it.key() != nameLabel && !aggregate.grouping.contains(it.key()))
                k << it.key() << it.value();
        }
    } else {
        for (const QString &l : aggregate.grouping) {
            if (auto it = labels.constFind(l); it != labels.cend())
                k << l << *it;
        }
    }
    return k;
}

void Accumulator::add(AggregateOp op, double v)
{
    count += 1;
    if (count == 1) {
        value = mean = v;
        return;
    }
    switch (op) {
    case AggregateOp::Sum: value += v; break;
    case AggregateOp::Avg: mean += v / count - mean / count; break;
    case AggregateOp::Max:
        if (value < v || std::isnan(value))
            value = v;
        break;
    case AggregateOp::Min:
        if (value > v || std::isnan(value))
            value = v;
        break;
    case AggregateOp::Count: break;
    }
}

double Accumulator::result(AggregateOp op) const
{
    return op == AggregateOp::Avg ? mean : op == AggregateOp::Count ? count : value;
}

} // namespace detail

using namespace detail;

namespace {

struct EvalFailure {
    Position pos;
    QString message;
};

class Evaluation {
public:
    Evaluation(const SeriesStore &store, SelectorCache &selectors, qint64 ts, qint64 lookbackMs)
        : m_store(store), m_selectors(selectors), m_ts(ts), m_lookback(lookbackMs) {}

    Value eval(const Node &n)
    {
        switch (n.kind) {
        case NodeKind::Number: return scalar(n.number);
        case NodeKind::VectorSelector: return vectorValue(selectInstant(n));
        case NodeKind::MatrixSelector: {
            Value v;
            v.type = ValueType::Matrix;
            v.matrix = selectRange(n);
            return v;
        }
        case NodeKind::Unary: {
            Value v = eval(*n.args[0]);
            if (v.type == ValueType::Scalar)
                return scalar(-v.scalar);
            for (VectorSample &s : v.vector) {
                s.v = -s.v;
                s.labels = dropName(std::move(s.labels));
            }
            return v;
        }
        case NodeKind::Binary: return binary(n);
        case NodeKind::Aggregate: return aggregate(n);
        case NodeKind::Call: return call(n);
        }
        return scalar(0);
    }

private:
    static Value scalar(double v)
    {
        Value out;
        out.type = ValueType::Scalar;
        out.scalar = v;
        return out;
    }
    static Value vectorValue(Vector v)
    {
        Value out;
        out.vector = std::move(v);
        return out;
    }

    Vector selectInstant(const Node &n) const
    {
        const qint64 refTime = m_ts - n.offsetMs;
        Vector out;
        for (const Series *s : m_selectors.select(m_store, n)) {
            auto it = std::upper_bound(s->samples.begin(), s->samples.end(), refTime,
                                       [](qint64 t, const Sample &x) { return t < x.t; });
            if (it == s->samples.begin())
                continue;
            --it;
            if (it->t < refTime - m_lookback || isStaleMarker(it->v))
                continue;
            out.push_back({s->labels, it->v});
        }
        return out;
    }

    std::vector<Series> selectRange(const Node &n) const
    {
        const qint64 end = m_ts - n.offsetMs;
        const qint64 start = end - n.rangeMs;
        std::vector<Series> out;
        for (const Series *s : m_selectors.select(m_store, n)) {
            auto lo = std::lower_bound(s->samples.begin(), s->samples.end(), start,
                                       [](const Sample &x, qint64 t) { return x.t < t; });
            Series r{s->labels, {}};
            for (auto it = lo; it != s->samples.end() && it->t <= end; ++it) {
                if (!isStaleMarker(it->v))
                    r.samples.push_back(*it);
            }
            if (!r.samples.empty())
                out.push_back(std::move(r));
        }
        return out;
    }

    Value binary(const Node &n)
    {
        Value l = eval(*n.args[0]);
        Value r = eval(*n.args[1]);
        if (l.type == ValueType::Scalar && r.type == ValueType::Scalar) {
            bool keep = true;
            double v = applyOp(n.op, l.scalar, r.scalar, &keep).value_or(0);
            if (n.returnBool)
                v = keep ? 1 : 0;
            return scalar(v);
        }
        if (l.type == ValueType::Scalar || r.type == ValueType::Scalar)
            return vectorScalar(n, l.type == ValueType::Scalar ? r.vector : l.vector,
                                l.type == ValueType::Scalar ? l.scalar : r.scalar, l.type == ValueType::Scalar);
        if (n.op == BinaryOp::And || n.op == BinaryOp::Or || n.op == BinaryOp::Unless)
            return vectorValue(setOperation(n, std::move(l.vector), std::move(r.vector)));
        return vectorValue(vectorVector(n, l.vector, r.vector));
    }

    static Value vectorScalar(const Node &n, const Vector &vec, double s, bool scalarOnLeft)
    {
        Vector out;
        for (const VectorSample &sample : vec) {
            double lv = sample.v;
            double rv = s;
            if (scalarOnLeft)
                std::swap(lv, rv);
            const std::optional<double> value = binarySample(n, lv, rv, scalarOnLeft);
            if (!value)
                continue;
            const bool drop = !isComparison(n.op) || n.returnBool;
            out.push_back({drop ? dropName(sample.labels) : sample.labels, *value});
        }
        return vectorValue(std::move(out));
    }

    static Vector setOperation(const Node &n, Vector lhs, Vector rhs)
    {
        QSet<LabelKey> rightSigs;
        for (const VectorSample &s : rhs)
            rightSigs.insert(signatureKey(s.labels, n.matching));
        Vector out;
        if (n.op == BinaryOp::Or) {
            QSet<LabelKey> leftSigs;
            for (VectorSample &s : lhs) {
                leftSigs.insert(signatureKey(s.labels, n.matching));
                out.push_back(std::move(s));
            }
            for (VectorSample &s : rhs) {
                if (!leftSigs.contains(signatureKey(s.labels, n.matching)))
                    out.push_back(std::move(s));
            }
            return out;
        }
        const bool wantMatch = n.op == BinaryOp::And;
        for (VectorSample &s : lhs) {
            if (rightSigs.contains(signatureKey(s.labels, n.matching)) == wantMatch)
                out.push_back(std::move(s));
        }
        return out;
    }

    Vector vectorVector(const Node &n, const Vector &left, const Vector &right)
    {
        const VectorMatching &m = n.matching;
        const bool oneToMany = m.card == Cardinality::OneToMany;
        const Vector &manySide = oneToMany ? right : left;
        const Vector &oneSide = oneToMany ? left : right;
        QHash<LabelKey, const VectorSample *> ones;
        for (const VectorSample &s : oneSide) {
            LabelKey sig = signatureKey(s.labels, m);
            if (ones.contains(sig))
                throw EvalFailure{n.pos, u"found duplicate series for the match group %1 on the %2 hand-side of the operation: [%3, %4]; many-to-many matching not allowed: matching labels must be unique on one side"_s
                                             .arg(signature(s.labels, m), oneToMany ? u"left"_s : u"right"_s, formatLabels(ones.value(sig)->labels), formatLabels(s.labels))};
            ones.insert(std::move(sig), &s);
        }
        Vector out;
        QSet<LabelKey> seenResults; // for one-to-one: the one match each signature may have
        QSet<LabelKey> resultKeys;
        for (const VectorSample &s : manySide) {
            LabelKey sig = signatureKey(s.labels, m);
            const VectorSample *other = ones.value(sig);
            if (!other)
                continue;
            double vl = s.v;
            double vr = other->v;
            if (oneToMany)
                std::swap(vl, vr);
            const std::optional<double> value = binarySample(n, vl, vr);
            if (!value)
                continue;
            Labels labels = resultLabels(n, s.labels, other->labels);
            if (m.card == Cardinality::OneToOne) {
                if (seenResults.contains(sig))
                    throw EvalFailure{n.pos, u"multiple matches for labels %1: many-to-one matching must be explicit (group_left/group_right)"_s
                                                 .arg(signature(s.labels, m))};
                seenResults.insert(std::move(sig));
            } else {
                LabelKey key = fullKey(labels);
                if (resultKeys.contains(key))
                    throw EvalFailure{n.pos, u"multiple matches for labels: grouping labels must ensure unique matches"_s};
                resultKeys.insert(std::move(key));
            }
            out.push_back({std::move(labels), *value});
        }
        return out;
    }

    Value aggregate(const Node &n)
    {
        const Value in = eval(*n.args[0]);
        struct Group {
            Labels labels;
            Accumulator acc;
        };
        QHash<LabelKey, qsizetype> index;
        std::vector<Group> groups;
        for (const VectorSample &s : in.vector) {
            LabelKey k = groupingKey(n, s.labels);
            auto it = index.constFind(k);
            if (it == index.cend()) {
                Labels key;
                for (qsizetype i = 0; i + 1 < k.size(); i += 2)
                    key.insert(k[i], k[i + 1]);
                it = index.insert(std::move(k), qsizetype(groups.size()));
                groups.push_back({key, {}});
            }
            groups[size_t(*it)].acc.add(n.aggregate, s.v);
        }
        Vector out;
        for (Group &g : groups)
            out.push_back({std::move(g.labels), g.acc.result(n.aggregate)});
        return vectorValue(std::move(out));
    }

    Value call(const Node &n);

    const SeriesStore &m_store;
    SelectorCache &m_selectors;
    qint64 m_ts;
    qint64 m_lookback;
};

Value Evaluation::call(const Node &n)
{
    const QString &f = n.function;
    if (f == u"time")
        return scalar(double(m_ts) / 1000);
    if (f == u"vector") {
        return vectorValue({{Labels(), eval(*n.args[0]).scalar}});
    }
    if (f == u"scalar") {
        const Value v = eval(*n.args[0]);
        return scalar(v.vector.size() == 1 ? v.vector.front().v : std::numeric_limits<double>::quiet_NaN());
    }
    if (f == u"abs" || f == u"clamp_min" || f == u"clamp_max") {
        Value v = eval(*n.args[0]);
        const double bound = n.args.size() > 1 ? eval(*n.args[1]).scalar : 0;
        for (VectorSample &s : v.vector) {
            if (f == u"abs")
                s.v = std::fabs(s.v);
            else if (f == u"clamp_min")
                s.v = std::isnan(s.v) || std::isnan(bound) ? std::numeric_limits<double>::quiet_NaN() : std::max(s.v, bound);
            else
                s.v = std::isnan(s.v) || std::isnan(bound) ? std::numeric_limits<double>::quiet_NaN() : std::min(s.v, bound);
            s.labels = dropName(std::move(s.labels));
        }
        return v;
    }
    if (f == u"histogram_quantile") {
        const double phi = eval(*n.args[0]).scalar;
        const Value v = eval(*n.args[1]);
        QHash<QString, qsizetype> index;
        std::vector<std::pair<Labels, std::vector<Bucket>>> groups;
        for (const VectorSample &s : v.vector) {
            bool ok = false;
            const QString le = s.labels.value(u"le"_s);
            double upper = le.toDouble(&ok);
            if (!ok && (le == u"+Inf" || le == u"Inf" || le == u"+inf" || le == u"inf"))
                upper = std::numeric_limits<double>::infinity(), ok = true;
            if (!ok)
                continue; // buckets without a usable le are ignored, as in Prometheus
            Labels key = dropName(s.labels);
            key.remove(u"le"_s);
            const QString k = formatLabels(key);
            if (!index.contains(k)) {
                index.insert(k, qsizetype(groups.size()));
                groups.push_back({key, {}});
            }
            groups[size_t(index.value(k))].second.push_back({upper, s.v});
        }
        Vector out;
        for (auto &[labels, buckets] : groups)
            out.push_back({labels, bucketQuantile(phi, std::move(buckets))});
        return vectorValue(std::move(out));
    }
    // range-vector functions
    double phi = 0;
    const Node *rangeArg = n.args.back().get();
    if (f == u"quantile_over_time")
        phi = eval(*n.args[0]).scalar;
    const Value m = eval(*rangeArg);
    Vector out;
    for (const Series &s : m.matrix) {
        std::optional<double> v;
        const auto &xs = s.samples;
        if (f == u"rate" || f == u"increase") {
            const qint64 end = m_ts - rangeArg->offsetMs;
            v = extrapolatedRate(xs, end - rangeArg->rangeMs, end, true, f == u"rate");
        } else if (f == u"count_over_time") {
            v = double(xs.size());
        } else if (f == u"sum_over_time") {
            double sum = 0;
            for (const Sample &x : xs)
                sum += x.v;
            v = sum;
        } else if (f == u"avg_over_time") {
            double mean = 0;
            double count = 0;
            for (const Sample &x : xs) {
                count += 1;
                mean += x.v / count - mean / count;
            }
            v = mean;
        } else if (f == u"max_over_time" || f == u"min_over_time") {
            const bool isMax = f == u"max_over_time";
            double best = xs.front().v;
            for (const Sample &x : xs) {
                if ((isMax ? x.v > best : x.v < best) || std::isnan(best))
                    best = x.v;
            }
            v = best;
        } else if (f == u"quantile_over_time") {
            std::vector<double> values;
            for (const Sample &x : xs)
                values.push_back(x.v);
            v = quantileOf(phi, std::move(values));
        }
        if (v)
            out.push_back({dropName(s.labels), *v});
    }
    return vectorValue(std::move(out));
}

} // namespace

const std::vector<const Series *> &SelectorCache::select(const SeriesStore &store, const Node &selector)
{
    if (m_store != &store || m_generation != store.generation() || m_first != store.series().data()) {
        m_entries.clear();
        m_store = &store;
        m_generation = store.generation();
        m_first = store.series().data();
    }
    const auto same = [](const LabelMatcher &a, const LabelMatcher &b) {
        return a.name == b.name && a.op == b.op && a.value == b.value;
    };
    for (const Entry &e : m_entries) {
        if (e.node == &selector
            && std::equal(e.matchers.begin(), e.matchers.end(), selector.matchers.begin(), selector.matchers.end(), same))
            return e.series;
    }
    m_entries.push_back({&selector, selector.matchers, store.select(selector.matchers)});
    return m_entries.back().series;
}

model::Result<Value> PromqlEvaluator::evaluate(const Node &expr, qint64 timestampMs) const
{
    try {
        Evaluation evaluation(m_store, m_selectors, timestampMs, m_lookbackMs);
        return evaluation.eval(expr);
    } catch (const EvalFailure &f) {
        return model::makeError(u"PromQL %1:%2: %3"_s.arg(f.pos.line).arg(f.pos.column).arg(f.message), u"expr"_s);
    }
}

} // namespace headroom::alerting
