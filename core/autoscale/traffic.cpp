#include "core/autoscale/traffic.h"

#include "core/model/units.h"
#include "core/model/yamlio.h"

#include <QDateTime>
#include <QHash>

#include <cmath>
#include <numbers>

namespace headroom::autoscale {

using Kind = TrafficFactor::Kind;

namespace {

constexpr double Day = 86'400.0;

/// A recursive-descent reader over the spec text that reports the column of every problem.
class SpecParser {
public:
    explicit SpecParser(const QString &text) : m_text(text) {}

    model::Result<TrafficSpec> parse()
    {
        TrafficSpec spec;
        spec.text = m_text;
        skipSpace();
        if (atEnd())
            return fail(QStringLiteral("empty traffic spec; expected e.g. 'baseline * spike(factor=10, at=1h)'"));
        do {
            skipSpace();
            if (!term(spec))
                return m_error;
            skipSpace();
        } while (accept(u'*'));
        if (!atEnd())
            return fail(QStringLiteral("unexpected '%1'; terms are joined with '*'").arg(m_text[m_pos]));
        return spec;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    void skipSpace()
    {
        while (!atEnd() && m_text[m_pos].isSpace())
            ++m_pos;
    }
    bool accept(QChar c)
    {
        skipSpace();
        if (!atEnd() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    model::Diagnostic fail(const QString &message, qsizetype at = -1)
    {
        const qsizetype col = (at < 0 ? m_pos : at) + 1;
        m_error = model::makeError(QStringLiteral("traffic spec column %1: %2").arg(col).arg(message));
        return m_error;
    }
    QString word()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && (m_text[m_pos].isLetterOrNumber() || m_text[m_pos] == u'-' || m_text[m_pos] == u'_'
                            || m_text[m_pos] == u'.' || m_text[m_pos] == u'%'))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }

    bool term(TrafficSpec &spec)
    {
        const qsizetype start = m_pos;
        const QString w = word();
        if (w.isEmpty()) {
            fail(atEnd() ? QStringLiteral("expected a term after '*'")
                         : QStringLiteral("unexpected '%1'; expected baseline, a number or a function").arg(m_text[m_pos]));
            return false;
        }
        if (w.compare(u"baseline", Qt::CaseInsensitive) == 0)
            return true;
        bool isNumber = false;
        QString numberText = w;
        if (numberText.endsWith(u'x', Qt::CaseInsensitive))
            numberText.chop(1);
        const double number = numberText.toDouble(&isNumber);
        if (isNumber) {
            if (number < 0) {
                fail(QStringLiteral("a multiplier cannot be negative"), start);
                return false;
            }
            TrafficFactor f;
            f.value = number;
            spec.factors.push_back(f);
            return true;
        }
        static const QHash<QString, Kind> kinds{{QStringLiteral("diurnal"), Kind::Diurnal},
            {QStringLiteral("weekly"), Kind::Weekly}, {QStringLiteral("growth"), Kind::Growth},
            {QStringLiteral("spike"), Kind::Spike}, {QStringLiteral("regionloss"), Kind::RegionLoss},
            {QStringLiteral("retrystorm"), Kind::RetryStorm}};
        const auto kind = kinds.constFind(w.toLower());
        if (kind == kinds.cend()) {
            QStringList names = kinds.keys();
            names.sort();
            fail(QStringLiteral("unknown function '%1'; expected one of: baseline, %2%3")
                     .arg(w, names.join(QStringLiteral(", ")), model::didYouMean(w.toLower(), names)),
                 start);
            return false;
        }
        if (!accept(u'(')) {
            fail(QStringLiteral("expected '(' after %1").arg(w));
            return false;
        }
        QHash<QString, std::pair<QString, qsizetype>> args;
        skipSpace();
        if (!accept(u')')) {
            do {
                skipSpace();
                const qsizetype keyAt = m_pos;
                const QString key = word().toLower();
                if (key.isEmpty() || !accept(u'=')) {
                    fail(QStringLiteral("expected key=value"), keyAt);
                    return false;
                }
                skipSpace();
                const qsizetype valueAt = m_pos;
                const QString value = word();
                if (value.isEmpty()) {
                    fail(QStringLiteral("expected a value for %1").arg(key));
                    return false;
                }
                args.insert(key, {value, valueAt});
                skipSpace();
            } while (accept(u','));
            if (!accept(u')')) {
                fail(QStringLiteral("expected ',' or ')'"));
                return false;
            }
        }
        return factor(*kind, w.toLower(), args, start, spec);
    }

    using Args = QHash<QString, std::pair<QString, qsizetype>>;

    bool number(const Args &args, const char *key, double fallback, double *out, bool percentAllowed = true)
    {
        const auto it = args.constFind(QString::fromLatin1(key));
        if (it == args.cend()) {
            *out = fallback;
            return true;
        }
        QString text = it->first;
        double scale = 1;
        if (percentAllowed && text.endsWith(u'%')) {
            text.chop(1);
            scale = 0.01;
        }
        bool ok = false;
        *out = text.toDouble(&ok) * scale;
        if (!ok)
            fail(QStringLiteral("%1: expected a number, got '%2'").arg(QString::fromLatin1(key), it->first), it->second);
        return ok;
    }
    bool duration(const Args &args, const char *key, double fallback, double *seconds)
    {
        const auto it = args.constFind(QString::fromLatin1(key));
        if (it == args.cend()) {
            *seconds = fallback;
            return true;
        }
        const auto d = model::parseDuration(it->first);
        if (!d) {
            fail(QStringLiteral("%1: expected a duration such as 30s, 15m or 2h, got '%2'")
                     .arg(QString::fromLatin1(key), it->first),
                 it->second);
            return false;
        }
        *seconds = d->count() / 1000.0;
        return true;
    }
    bool onlyKeys(const Args &args, const QString &fn, const QStringList &allowed)
    {
        for (auto it = args.cbegin(); it != args.cend(); ++it)
            if (!allowed.contains(it.key())) {
                fail(QStringLiteral("%1() has no argument '%2'; expected: %3%4")
                         .arg(fn, it.key(), allowed.join(QStringLiteral(", ")), model::didYouMean(it.key(), allowed)),
                     it->second - it.key().size() - 1);
                return false;
            }
        return true;
    }

    bool factor(Kind kind, const QString &fn, const Args &a, qsizetype start, TrafficSpec &spec)
    {
        TrafficFactor f;
        f.kind = kind;
        bool ok = true;
        switch (kind) {
        case Kind::Diurnal:
            ok = onlyKeys(a, fn, {QStringLiteral("peak"), QStringLiteral("amplitude")})
                && duration(a, "peak", 14 * 3600.0, &f.peakSeconds) && number(a, "amplitude", 0.4, &f.value);
            if (ok && (f.value < 0 || f.value > 1)) {
                fail(QStringLiteral("diurnal amplitude must be within 0..1"), start);
                ok = false;
            }
            break;
        case Kind::Weekly:
            ok = onlyKeys(a, fn, {QStringLiteral("weekend")}) && number(a, "weekend", 0.7, &f.value);
            break;
        case Kind::Growth:
            ok = onlyKeys(a, fn, {QStringLiteral("rate")}) && number(a, "rate", 0.15, &f.value);
            break;
        case Kind::Spike:
            ok = onlyKeys(a, fn, {QStringLiteral("factor"), QStringLiteral("at"), QStringLiteral("ramp"),
                                  QStringLiteral("hold"), QStringLiteral("decay")})
                && number(a, "factor", 10, &f.value, false) && duration(a, "at", 3600, &f.atSeconds)
                && duration(a, "ramp", 60, &f.rampSeconds) && duration(a, "hold", 1800, &f.holdSeconds)
                && duration(a, "decay", 900, &f.decaySeconds);
            break;
        case Kind::RetryStorm:
            ok = onlyKeys(a, fn, {QStringLiteral("factor"), QStringLiteral("at"), QStringLiteral("duration"),
                                  QStringLiteral("ramp"), QStringLiteral("decay")})
                && number(a, "factor", 3, &f.value, false) && duration(a, "at", 3600, &f.atSeconds)
                && duration(a, "duration", 600, &f.holdSeconds) && duration(a, "ramp", 0, &f.rampSeconds)
                && duration(a, "decay", 120, &f.decaySeconds);
            break;
        case Kind::RegionLoss: {
            ok = onlyKeys(a, fn, {QStringLiteral("region"), QStringLiteral("at"), QStringLiteral("duration")})
                && duration(a, "at", 3600, &f.atSeconds) && duration(a, "duration", 7200, &f.holdSeconds);
            const auto region = a.constFind(QStringLiteral("region"));
            if (ok && region == a.cend()) {
                fail(QStringLiteral("regionloss() needs region=ID"), start);
                ok = false;
            }
            if (ok) {
                f.region = region->first;
                spec.outages.push_back(RegionOutage{f.region, 0, f.atSeconds, f.holdSeconds});
            }
            break;
        }
        case Kind::Constant:
            break;
        }
        if (ok && f.value < 0) {
            fail(QStringLiteral("%1(): values must not be negative").arg(fn), start);
            ok = false;
        }
        if (ok)
            spec.factors.push_back(f);
        return ok;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    model::Diagnostic m_error;
};

/// 1 -> peak linearly over `ramp`, held for `hold`, back to 1 over `decay`.
double pulse(double t, double at, double ramp, double hold, double decay, double peak)
{
    const double dt = t - at;
    if (dt < 0)
        return 1;
    if (dt < ramp)
        return 1 + (peak - 1) * dt / ramp;
    if (dt < ramp + hold)
        return peak;
    if (dt < ramp + hold + decay)
        return peak - (peak - 1) * (dt - ramp - hold) / decay;
    return 1;
}

} // namespace

double TrafficSpec::multiplier(double t, std::int64_t startMs) const
{
    double m = 1;
    for (const TrafficFactor &f : factors) {
        switch (f.kind) {
        case Kind::Constant:
            m *= f.value;
            break;
        case Kind::Diurnal: {
            const double abs = static_cast<double>(startMs) / 1000.0 + t;
            const double tod = std::fmod(abs, Day);
            m *= 1 + f.value * std::cos(2 * std::numbers::pi * (tod - f.peakSeconds) / Day);
            break;
        }
        case Kind::Weekly: {
            // 1970-01-01 was a Thursday: day 0 -> Thursday; Saturday and Sunday are days 2 and 3 mod 7
            const auto day = static_cast<std::int64_t>(std::floor((static_cast<double>(startMs) / 1000.0 + t) / Day));
            const int dow = static_cast<int>(((day % 7) + 7) % 7);
            if (dow == 2 || dow == 3)
                m *= f.value;
            break;
        }
        case Kind::Growth:
            m *= std::pow(1 + f.value / 30.0, t / Day);
            break;
        case Kind::Spike:
            m *= pulse(t, f.atSeconds, f.rampSeconds, f.holdSeconds, f.decaySeconds, f.value);
            break;
        case Kind::RetryStorm:
            m *= pulse(t, f.atSeconds, f.rampSeconds, std::max(0.0, f.holdSeconds - f.rampSeconds), f.decaySeconds, f.value);
            break;
        case Kind::RegionLoss:
            break; // demand is global and unchanged: the lost region's traffic moves to the others
        }
    }
    if (!points.empty()) {
        const double hours = t / 3600.0;
        double curve = points.back().second;
        if (hours <= points.front().first) {
            curve = points.front().second;
        } else {
            for (std::size_t i = 1; i < points.size(); ++i) {
                if (hours <= points[i].first) {
                    const auto &[h0, v0] = points[i - 1];
                    const auto &[h1, v1] = points[i];
                    curve = h1 > h0 ? v0 + (v1 - v0) * (hours - h0) / (h1 - h0) : v1;
                    break;
                }
            }
        }
        m *= curve;
    }
    return m;
}

std::vector<double> TrafficSpec::series(std::int64_t startMs, double step, int n) const
{
    std::vector<double> out(static_cast<std::size_t>(std::max(0, n)), 1.0);
    const double start = static_cast<double>(startMs) / 1000.0;
    for (const TrafficFactor &f : factors) {
        switch (f.kind) {
        case Kind::Constant:
            for (double &v : out)
                v *= f.value;
            break;
        case Kind::Diurnal: {
            // rotate (cos, sin) by a fixed angle per tick, re-anchored exactly once per simulated day
            const double w = 2 * std::numbers::pi / Day;
            const double dc = std::cos(w * step), ds = std::sin(w * step);
            const int anchorEvery = std::max(1, static_cast<int>(Day / step));
            double c = 0, s = 0;
            for (int i = 0; i < n; ++i) {
                if (i % anchorEvery == 0) {
                    const double phase = w * (std::fmod(start + i * step, Day) - f.peakSeconds);
                    c = std::cos(phase);
                    s = std::sin(phase);
                }
                out[static_cast<std::size_t>(i)] *= 1 + f.value * c;
                const double nc = c * dc - s * ds;
                s = s * dc + c * ds;
                c = nc;
            }
            break;
        }
        case Kind::Growth: {
            const double perStep = std::pow(1 + f.value / 30.0, step / Day);
            double g = 1;
            for (double &v : out) {
                v *= g;
                g *= perStep;
            }
            break;
        }
        // the factors below are evaluated per tick as multiplier() does, without its dispatch: it
        // computes 1 * factor, and x * 1 == x, so skipping the ticks at factor 1 changes nothing
        case Kind::Weekly:
            for (int i = 0; i < n; ++i) {
                const auto day = static_cast<std::int64_t>(std::floor((start + i * step) / Day));
                const int dow = static_cast<int>(((day % 7) + 7) % 7);
                if (dow == 2 || dow == 3)
                    out[static_cast<std::size_t>(i)] *= f.value;
            }
            break;
        case Kind::Spike:
            for (int i = 0; i < n; ++i)
                out[static_cast<std::size_t>(i)]
                    *= pulse(i * step, f.atSeconds, f.rampSeconds, f.holdSeconds, f.decaySeconds, f.value);
            break;
        case Kind::RetryStorm:
            for (int i = 0; i < n; ++i)
                out[static_cast<std::size_t>(i)] *= pulse(i * step, f.atSeconds, f.rampSeconds,
                                                          std::max(0.0, f.holdSeconds - f.rampSeconds),
                                                          f.decaySeconds, f.value);
            break;
        case Kind::RegionLoss:
            break; // demand is global: multiplier() leaves it unchanged
        }
    }
    if (!points.empty()) {
        TrafficSpec curve;
        curve.points = points;
        for (int i = 0; i < n; ++i)
            out[static_cast<std::size_t>(i)] *= curve.multiplier(i * step, startMs);
    }
    return out;
}

double TrafficSpec::lostShare(double t) const
{
    double lost = 0;
    for (const RegionOutage &o : outages)
        if (t >= o.atSeconds && t < o.atSeconds + o.durationSeconds)
            lost += o.share;
    return std::min(lost, 1.0);
}

model::Result<TrafficSpec> parseTrafficSpec(const QString &text)
{
    return SpecParser(text).parse();
}

model::Result<TrafficSpec> resolveTraffic(const model::Scenario &scenario, const QString &nameOrSpec)
{
    TrafficSpec spec;
    if (const model::TrafficScenario *named = scenario.traffic(nameOrSpec)) {
        if (!named->spec.trimmed().isEmpty()) {
            auto parsed = parseTrafficSpec(named->spec);
            if (!parsed) {
                model::Diagnostic d = parsed.error();
                d.message = QStringLiteral("traffic '%1': %2").arg(named->name, d.message);
                return d;
            }
            spec = std::move(parsed).value();
        }
        for (qsizetype i = 0; i < named->points.size(); ++i) {
            const QList<double> &p = named->points[i];
            if (p.size() != 2 || p[1] < 0 || (!spec.points.empty() && p[0] < spec.points.back().first))
                return model::makeError(QStringLiteral("traffic '%1': points[%2] must be [hours, multiplier] with "
                                                       "increasing hours and a multiplier >= 0").arg(named->name).arg(i));
            spec.points.emplace_back(p[0], p[1]);
        }
        spec.name = named->name;
    } else {
        auto parsed = parseTrafficSpec(nameOrSpec);
        if (!parsed)
            return parsed;
        spec = std::move(parsed).value();
    }
    for (RegionOutage &o : spec.outages) {
        bool found = false;
        QStringList known;
        for (const model::RegionGroup &g : scenario.spec.regions.groups)
            for (const model::Region &r : g.regions) {
                known.append(r.id);
                if (r.id == o.region) {
                    o.share = g.trafficShare / 100.0 * r.trafficShare / 100.0;
                    found = true;
                }
            }
        if (!found)
            return model::makeError(QStringLiteral("traffic: regionloss(): no region '%1' in the scenario; it has: %2%3")
                                        .arg(o.region, known.join(QStringLiteral(", ")), model::didYouMean(o.region, known)));
    }
    return spec;
}

} // namespace headroom::autoscale
