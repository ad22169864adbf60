#include "core/alerting/alerttemplate.h"

#include <QRegularExpression>

#include <charconv>
#include <cstdio>
#include <cmath>

using namespace Qt::StringLiterals;

namespace headroom::alerting {

namespace {

QString formatC(const char *format, double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return QString::fromLatin1(buf);
}

QString humanize(double v)
{
    if (v == 0 || std::isnan(v) || std::isinf(v))
        return formatC("%.4g", v);
    static const char *const big[] = {"", "k", "M", "G", "T", "P", "E", "Z", "Y"};
    static const char *const small[] = {"", "m", "u", "n", "p", "f", "a", "z", "y"};
    int i = 0;
    if (std::fabs(v) >= 1) {
        while (std::fabs(v) >= 1000 && i < 8) {
            v /= 1000;
            ++i;
        }
        return formatC("%.4g", v) + QString::fromLatin1(big[i]);
    }
    while (std::fabs(v) < 1 && i < 8) {
        v *= 1000;
        ++i;
    }
    return formatC("%.4g", v) + QString::fromLatin1(small[i]);
}

// Evaluates one `{{ ... }}` action; nullopt when it is outside the supported subset.
std::optional<QString> evalAction(QString action, const Labels &labels, double value)
{
    action = action.trimmed();
    if (action.startsWith(u'-'))
        action = action.mid(1).trimmed();
    if (action.endsWith(u'-')) {
        action.chop(1);
        action = action.trimmed();
    }
    static const QRegularExpression labelRef(uR"re(^(?:\$labels|\.Labels)\.([A-Za-z_][A-Za-z0-9_]*)$)re"_s);
    static const QRegularExpression valuePipe(uR"re(^(?:\$value|\.Value)\s*(?:\|\s*(humanize|humanizePercentage))?$)re"_s);
    static const QRegularExpression printfValue(uR"re(^printf\s+"(%[-+ 0#]*[0-9]*(?:\.[0-9]+)?[fegd])"\s+(?:\$value|\.Value)$)re"_s);
    if (const auto m = labelRef.match(action); m.hasMatch())
        return labels.value(m.captured(1));
    if (const auto m = valuePipe.match(action); m.hasMatch()) {
        if (m.captured(1) == u"humanize")
            return humanize(value);
        if (m.captured(1) == u"humanizePercentage")
            return formatC("%.4g%%", value * 100);
        return formatGoFloat(value);
    }
    if (const auto m = printfValue.match(action); m.hasMatch()) {
        const QByteArray format = m.captured(1).toUtf8();
        // std::snprintf rounds exactly like Go (half to even on the binary value); QString::asprintf does not
        char buf[512];
        if (format.endsWith('d'))
            std::snprintf(buf, sizeof buf, QByteArray(format.chopped(1) + "lld").constData(), static_cast<long long>(value));
        else
            std::snprintf(buf, sizeof buf, format.constData(), value);
        return QString::fromLatin1(buf);
    }
    return std::nullopt;
}

template <typename Fn>
QString forEachAction(const QString &text, Fn &&fn)
{
    QString out;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(u"{{"_s, pos);
        if (open < 0) {
            out.append(QStringView(text).mid(pos));
            break;
        }
        const qsizetype close = text.indexOf(u"}}"_s, open + 2);
        if (close < 0) {
            out.append(fn(QString(), false));
            break;
        }
        out.append(QStringView(text).mid(pos, open - pos));
        out.append(fn(text.mid(open + 2, close - open - 2), true));
        pos = close + 2;
    }
    return out;
}

} // namespace

QString formatGoFloat(double v)
{
    if (std::isnan(v))
        return u"NaN"_s;
    if (std::isinf(v))
        return v > 0 ? u"+Inf"_s : u"-Inf"_s;
    if (v == 0)
        return std::signbit(v) ? u"-0"_s : u"0"_s;
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    const QString sci = QString::fromLatin1(buf, r.ptr - buf); // e.g. -1.2345e+06
    const qsizetype e = sci.indexOf(u'e');
    const int exponent = sci.mid(e + 1).toInt();
    const bool negative = sci.startsWith(u'-');
    QString digits = sci.left(e).remove(u'-').remove(u'.');
    if (exponent < -4 || exponent >= 6) {
        QString mantissa = digits.left(1);
        if (digits.size() > 1)
            mantissa.append(u'.').append(QStringView(digits).mid(1));
        const QString exp = QString::number(std::abs(exponent)).rightJustified(2, u'0');
        return (negative ? u"-"_s : QString()) + mantissa + (exponent < 0 ? u"e-"_s : u"e+"_s) + exp;
    }
    QString out;
    if (exponent < 0) {
        out = u"0."_s + QString(-exponent - 1, u'0') + digits;
    } else if (digits.size() <= exponent + 1) {
        out = digits + QString(exponent + 1 - digits.size(), u'0');
    } else {
        out = digits.left(exponent + 1) + u'.' + digits.mid(exponent + 1);
    }
    return negative ? u"-"_s + out : out;
}

QString expandTemplate(const QString &text, const Labels &labels, double value)
{
    return forEachAction(text, [&](const QString &action, bool closed) {
        if (!closed)
            return QString();
        return evalAction(action, labels, value).value_or(u"{{"_s + action + u"}}"_s);
    });
}

QString checkTemplate(const QString &text)
{
    QString problem;
    forEachAction(text, [&](const QString &action, bool closed) {
        if (!problem.isEmpty())
            return QString();
        if (!closed)
            problem = u"template has '{{' without a closing '}}'"_s;
        else if (!evalAction(action, {}, 0))
            problem = u"template action '{{%1}}' is not supported (supported: $value, $labels.name, .Value, .Labels.name, "
                      "humanize, humanizePercentage, printf \"%%.2f\" $value)"_s.arg(action);
        return QString();
    });
    return problem;
}

} // namespace headroom::alerting
