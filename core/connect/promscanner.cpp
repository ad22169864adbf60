#include "core/connect/promscanner.h"

#include <QStringDecoder>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace headroom::connect {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xC0 | (cp >> 6))).append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(char(0xE0 | (cp >> 12))).append(char(0x80 | ((cp >> 6) & 0x3F))).append(char(0x80 | (cp & 0x3F)));
    } else {
        out.append(char(0xF0 | (cp >> 18)))
            .append(char(0x80 | ((cp >> 12) & 0x3F)))
            .append(char(0x80 | ((cp >> 6) & 0x3F)))
            .append(char(0x80 | (cp & 0x3F)));
    }
}

/// A forward-only reader over the body. Every function returns false on anything unexpected,
/// which makes the caller give up on the fast path (never an error of its own).
class Scanner {
public:
    explicit Scanner(const QByteArray &body) : m_p(body.constData()), m_end(body.constData() + body.size()) {}

    bool atEnd()
    {
        skipSpace();
        return m_p == m_end;
    }
    bool eat(char c)
    {
        skipSpace();
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    /// `{ "key": value, ... }`; `member(key)` reads each value.
    template <typename Fn>
    bool object(Fn &&member)
    {
        if (!eat('{'))
            return false;
        if (eat('}'))
            return true;
        QString key;
        do {
            if (!string(&key) || !eat(':') || !member(key))
                return false;
        } while (eat(','));
        return eat('}');
    }
    /// `[ element, ... ]`; `element()` reads each one.
    template <typename Fn>
    bool array(Fn &&element)
    {
        if (!eat('['))
            return false;
        if (eat(']'))
            return true;
        do {
            if (!element())
                return false;
        } while (eat(','));
        return eat(']');
    }

    bool string(QString *out);
    bool number(double *out);
    bool sampleValue(double *out);

private:
    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    static bool decode(const char *p, const char *end, QString *out);

    const char *m_p;
    const char *m_end;
};

/// A JSON string with its escapes decoded; plain ASCII (the usual case) without a detour.
bool Scanner::string(QString *out)
{
    if (!eat('"'))
        return false;
    const char *start = m_p;
    bool plain = true;
    while (m_p != m_end && *m_p != '"') {
        const auto c = static_cast<unsigned char>(*m_p);
        if (c == '\\') {
            if (m_end - m_p < 2)
                return false;
            plain = false;
            m_p += 2;
            continue;
        }
        if (c < 0x20)
            return false; // raw control characters are not JSON
        plain = plain && c < 0x80;
        ++m_p;
    }
    if (m_p == m_end)
        return false;
    const char *stop = m_p++;
    if (plain) {
        *out = QString::fromLatin1(start, stop - start);
        return true;
    }
    return decode(start, stop, out);
}

bool Scanner::decode(const char *p, const char *end, QString *out)
{
    QByteArray utf8;
    utf8.reserve(end - p);
    auto hex4 = [&](const char *at, char32_t *unit) {
        if (end - at < 4)
            return false;
        char32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(at[i]);
            if (h < 0)
                return false;
            v = v * 16 + char32_t(h);
        }
        *unit = v;
        return true;
    };
    while (p != end) {
        if (*p != '\\') {
            utf8.append(*p++);
            continue;
        }
        const char e = p[1];
        p += 2;
        switch (e) {
        case '"': utf8.append('"'); break;
        case '\\': utf8.append('\\'); break;
        case '/': utf8.append('/'); break;
        case 'b': utf8.append('\b'); break;
        case 'f': utf8.append('\f'); break;
        case 'n': utf8.append('\n'); break;
        case 'r': utf8.append('\r'); break;
        case 't': utf8.append('\t'); break;
        case 'u': {
            char32_t unit = 0;
            if (!hex4(p, &unit))
                return false;
            p += 4;
            if (unit >= 0xDC00 && unit <= 0xDFFF)
                return false; // a lone low surrogate
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                char32_t low = 0;
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, &low) || low < 0xDC00 || low > 0xDFFF)
                    return false;
                p += 6;
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            }
            appendUtf8(utf8, unit);
            break;
        }
        default:
            return false;
        }
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    *out = decoder.decode(utf8);
    return !decoder.hasError();
}

/// A number in the strict JSON grammar, converted as QJsonValue::toDouble() does: integers as
/// 64-bit integers first, everything else correctly rounded.
bool Scanner::number(double *out)
{
    skipSpace();
    const char *b = m_p;
    const char *q = b;
    if (q != m_end && *q == '-')
        ++q;
    if (q == m_end || !isDigit(*q))
        return false;
    if (*q == '0')
        ++q;
    else
        while (q != m_end && isDigit(*q))
            ++q;
    bool integral = true;
    if (q != m_end && *q == '.') {
        integral = false;
        if (++q == m_end || !isDigit(*q))
            return false;
        while (q != m_end && isDigit(*q))
            ++q;
    }
    if (q != m_end && (*q == 'e' || *q == 'E')) {
        integral = false;
        if (++q != m_end && (*q == '+' || *q == '-'))
            ++q;
        if (q == m_end || !isDigit(*q))
            return false;
        while (q != m_end && isDigit(*q))
            ++q;
    }
    if (integral) {
        std::int64_t n = 0;
        const auto [ptr, ec] = std::from_chars(b, q, n);
        if (ec != std::errc() || ptr != q)
            return false; // beyond 64 bits: leave it to the general parser
        *out = double(n);
    } else {
        const auto [ptr, ec] = std::from_chars(b, q, *out);
        if (ec != std::errc() || ptr != q)
            return false;
    }
    m_p = q;
    return true;
}

/// A sample value: "NaN", "+Inf", "-Inf" or a plain decimal such as "12.5", "-3e-4".
bool Scanner::sampleValue(double *out)
{
    if (!eat('"'))
        return false;
    const auto *q = static_cast<const char *>(std::memchr(m_p, '"', size_t(m_end - m_p)));
    if (!q)
        return false;
    const char *b = m_p;
    const auto len = q - b;
    m_p = q + 1;
    if (len == 3 && std::memcmp(b, "NaN", 3) == 0) {
        *out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (len == 4 && (std::memcmp(b, "+Inf", 4) == 0 || std::memcmp(b, "-Inf", 4) == 0)) {
        *out = b[0] == '-' ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        return true;
    }
    if (len == 0 || *b == '+')
        return false;
    for (const char *c = b; c != q; ++c) {
        if (!isDigit(*c) && *c != '.' && *c != '-' && *c != '+' && *c != 'e' && *c != 'E')
            return false; // whitespace, other spellings of infinity, escapes: the general parser decides
    }
    const auto [ptr, ec] = std::from_chars(b, q, *out);
    return ec == std::errc() && ptr == q;
}

bool scanSeries(Scanner &s, QList<PromSeries> *out, size_t sizeHint)
{
    PromSeries series;
    bool haveMetric = false, haveValues = false;
    auto label = [&](const QString &name) {
        QString value;
        if (series.labels.contains(name) || !s.string(&value))
            return false;
        series.labels.insert(name, value);
        return true;
    };
    auto point = [&] {
        double t = 0, v = 0;
        if (!s.eat('[') || !s.number(&t) || !s.eat(',') || !s.sampleValue(&v) || !s.eat(']'))
            return false;
        series.timestamps.push_back(t);
        series.values.push_back(v);
        return true;
    };
    const bool ok = s.object([&](const QString &key) {
        if (key == u"metric" && !std::exchange(haveMetric, true))
            return s.object(label);
        if (key == u"values" && !std::exchange(haveValues, true)) {
            series.timestamps.reserve(sizeHint);
            series.values.reserve(sizeHint);
            return s.array(point);
        }
        return false;
    });
    if (!ok)
        return false;
    out->append(std::move(series));
    return true;
}

} // namespace

std::optional<PromQueryResult> scanPromMatrix(const QByteArray &body, const QUrl &url)
{
    Scanner s(body);
    PromQueryResult result;
    result.requests = 1;
    QString status;
    bool haveStatus = false, haveData = false, haveWarnings = false, haveType = false, haveResult = false;
    auto series = [&] {
        const size_t hint = result.series.isEmpty() ? 0 : result.series.constLast().values.size();
        return scanSeries(s, &result.series, hint);
    };
    auto dataMember = [&](const QString &key) {
        if (key == u"resultType" && !std::exchange(haveType, true))
            return s.string(&result.resultType);
        if (key == u"result" && !std::exchange(haveResult, true))
            return s.array(series);
        return false;
    };
    auto warning = [&] {
        QString text;
        if (!s.string(&text))
            return false;
        result.warnings.append(url.toDisplayString(QUrl::RemoveUserInfo).append(u": "_s).append(text));
        return true;
    };
    const bool ok = s.object([&](const QString &key) {
        if (key == u"status" && !std::exchange(haveStatus, true))
            return s.string(&status);
        if (key == u"data" && !std::exchange(haveData, true))
            return s.object(dataMember);
        if (key == u"warnings" && !std::exchange(haveWarnings, true))
            return s.array(warning);
        return false;
    });
    if (!ok || !s.atEnd() || status != u"success" || result.resultType != u"matrix" || !haveResult)
        return std::nullopt;
    return result;
}

} // namespace headroom::connect
