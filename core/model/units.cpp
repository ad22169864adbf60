#include "core/model/units.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom::model {

namespace {

// Reads a non-negative decimal number (digits, optional fraction, optional exponent when allowed)
// from the front of text; returns the number of characters consumed or 0.
qsizetype readNumber(QStringView text, double *out, bool allowExponent)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    if (i < n && text[i] == u'+')
        ++i;
    const qsizetype digitsStart = i;
    while (i < n && text[i].isDigit())
        ++i;
    if (i < n && text[i] == u'.') {
        ++i;
        while (i < n && text[i].isDigit())
            ++i;
    }
    if (i == digitsStart || (i == digitsStart + 1 && text[digitsStart] == u'.'))
        return 0;
    qsizetype end = i;
    if (allowExponent && i < n && (text[i] == u'e' || text[i] == u'E')) {
        qsizetype j = i + 1;
        if (j < n && (text[j] == u'+' || text[j] == u'-'))
            ++j;
        const qsizetype expStart = j;
        while (j < n && text[j].isDigit())
            ++j;
        if (j > expStart)
            end = j;
    }
    bool ok = false;
    *out = text.left(end).toDouble(&ok);
    return ok ? end : 0;
}

} // namespace

std::optional<Milliseconds> parseDuration(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    double totalMs = 0;
    while (!text.isEmpty()) {
        double number = 0;
        const qsizetype used = readNumber(text, &number, false);
        if (used == 0)
            return std::nullopt;
        text = text.mid(used);
        qsizetype unitLen = 0;
        while (unitLen < text.size() && text[unitLen].isLetter())
            ++unitLen;
        const QStringView unit = text.left(unitLen);
        double factor = 0;
        if (unit == u"ms")
            factor = 1;
        else if (unit == u"s")
            factor = 1000;
        else if (unit == u"m")
            factor = 60'000;
        else if (unit == u"h")
            factor = 3'600'000;
        else if (unit == u"d")
            factor = 86'400'000;
        else if (unit == u"w")
            factor = 7 * 86'400'000.0;
        else if (unit == u"us" || unit == u"µs")
            factor = 0.001;
        else if (unit == u"ns")
            factor = 1e-6;
        else
            return std::nullopt;
        totalMs += number * factor;
        text = text.mid(unitLen);
    }
    if (totalMs > static_cast<double>(std::numeric_limits<std::int64_t>::max() / 2))
        return std::nullopt;
    return Milliseconds(static_cast<std::int64_t>(std::llround(totalMs)));
}

QString formatDuration(Milliseconds duration)
{
    std::int64_t ms = duration.count();
    if (ms == 0)
        return QStringLiteral("0s");
    if (ms % 1000 != 0)
        return QString::number(ms) + u"ms";
    std::int64_t s = ms / 1000;
    QString out;
    if (s >= 3600) {
        out += QString::number(s / 3600) + u'h';
        s %= 3600;
    }
    if (s >= 60) {
        out += QString::number(s / 60) + u'm';
        s %= 60;
    }
    if (s > 0)
        out += QString::number(s) + u's';
    return out;
}

std::optional<double> parseByteSize(QStringView text)
{
    text = text.trimmed();
    double number = 0;
    const qsizetype used = readNumber(text, &number, false);
    if (used == 0)
        return std::nullopt;
    const QString unit = text.mid(used).trimmed().toString();
    struct Unit {
        const char16_t *name;
        double factor;
    };
    static const Unit units[] = {
        {u"", 1},          {u"B", 1},
        {u"k", 1e3},       {u"K", 1e3},       {u"KB", 1e3},      {u"kB", 1e3},
        {u"M", 1e6},       {u"MB", 1e6},      {u"G", 1e9},       {u"GB", 1e9},
        {u"T", 1e12},      {u"TB", 1e12},     {u"P", 1e15},      {u"PB", 1e15},
        {u"Ki", 1024.0},   {u"KiB", 1024.0},  {u"Mi", 1048576.0}, {u"MiB", 1048576.0},
        {u"Gi", 1073741824.0}, {u"GiB", 1073741824.0},
        {u"Ti", 1099511627776.0}, {u"TiB", 1099511627776.0},
        {u"Pi", 1125899906842624.0}, {u"PiB", 1125899906842624.0},
    };
    for (const Unit &u : units) {
        if (unit == QStringView(u.name))
            return number * u.factor;
    }
    return std::nullopt;
}

QString formatByteSize(double bytes)
{
    struct Unit {
        double factor;
        const char16_t *name;
    };
    static const Unit decimal[] = {{1e15, u"PB"}, {1e12, u"TB"}, {1e9, u"GB"}, {1e6, u"MB"}, {1e3, u"KB"}};
    static const Unit binary[] = {{1125899906842624.0, u"PiB"}, {1099511627776.0, u"TiB"},
                                  {1073741824.0, u"GiB"}, {1048576.0, u"MiB"}, {1024.0, u"KiB"}};
    const auto exact = [](double v) { return std::fabs(v - std::round(v)) < 1e-9 * std::max(1.0, v); };
    const auto whole = [](double v, const char16_t *name) {
        QString text = QString::number(static_cast<long long>(std::llround(v)));
        text.append(QStringView(name));
        return text;
    };
    for (const Unit &u : decimal) {
        if (bytes >= u.factor && exact(bytes / u.factor))
            return whole(bytes / u.factor, u.name);
    }
    for (const Unit &u : binary) {
        if (bytes >= u.factor && exact(bytes / u.factor))
            return whole(bytes / u.factor, u.name);
    }
    if (exact(bytes))
        return whole(bytes, u"B");
    return QString::number(bytes, 'g', QLocale::FloatingPointShortest) + u'B';
}

std::optional<Quantity> Quantity::parse(QStringView text)
{
    text = text.trimmed();
    bool negative = false;
    if (text.startsWith(u'-')) {
        negative = true;
        text = text.mid(1);
    }
    double number = 0;
    const qsizetype used = readNumber(text, &number, true);
    if (used == 0)
        return std::nullopt;
    const QStringView suffix = text.mid(used);
    struct Suffix {
        const char16_t *name;
        double factor;
    };
    static const Suffix suffixes[] = {
        {u"", 1},       {u"n", 1e-9},   {u"u", 1e-6},   {u"m", 1e-3},   {u"k", 1e3},
        {u"M", 1e6},    {u"G", 1e9},    {u"T", 1e12},   {u"P", 1e15},   {u"E", 1e18},
        {u"Ki", 1024.0}, {u"Mi", 1048576.0}, {u"Gi", 1073741824.0}, {u"Ti", 1099511627776.0},
        {u"Pi", 1125899906842624.0}, {u"Ei", 1152921504606846976.0},
    };
    for (const Suffix &s : suffixes) {
        if (suffix == QStringView(s.name)) {
            // an exponent and a suffix cannot be combined ("1e3k" is not a quantity)
            if (!suffix.isEmpty() && text.left(used).contains(u'e', Qt::CaseInsensitive))
                return std::nullopt;
            Quantity q;
            q.m_value = (negative ? -number : number) * s.factor;
            q.m_text = (negative ? QStringLiteral("-") : QString()) + text.toString();
            return q;
        }
    }
    return std::nullopt;
}

Quantity Quantity::fromValue(double value)
{
    Quantity q;
    q.m_value = value;
    return q;
}

Quantity Quantity::fromMilli(std::int64_t milli)
{
    Quantity q;
    q.m_value = static_cast<double>(milli) / 1000.0;
    return q;
}

std::int64_t Quantity::milliValue() const
{
    const double milli = m_value * 1000.0;
    // tolerate binary floating-point noise before rounding up
    const double rounded = std::round(milli);
    if (std::fabs(milli - rounded) < 1e-6 * std::max(1.0, std::fabs(milli)))
        return static_cast<std::int64_t>(rounded);
    return static_cast<std::int64_t>(std::ceil(milli));
}

QString Quantity::toString() const
{
    if (!m_text.isEmpty())
        return m_text;
    const std::int64_t milli = milliValue();
    if (milli % 1000 == 0)
        return QString::number(milli / 1000);
    return QString::number(milli) + u'm';
}

} // namespace headroom::model
