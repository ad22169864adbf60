#include "core/alerting/promqllexer.h"

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace headroom::alerting {

namespace {

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == u'_';
}
bool isIdentChar(QChar c)
{
    return isIdentStart(c) || c.isDigit() || c == u':'; // recording-rule names such as job:rate5m:sum
}
qint64 unitMs(QStringView unit)
{
    if (unit == u"ms")
        return 1;
    if (unit == u"s")
        return 1000;
    if (unit == u"m")
        return 60'000;
    if (unit == u"h")
        return 3'600'000;
    if (unit == u"d")
        return 86'400'000;
    if (unit == u"w")
        return 7 * 86'400'000LL;
    if (unit == u"y")
        return 365 * 86'400'000LL;
    return 0;
}

} // namespace

std::optional<qint64> parsePromDuration(QStringView text)
{
    qint64 total = 0;
    int i = 0;
    if (text.isEmpty())
        return std::nullopt;
    while (i < text.size()) {
        const int digitsStart = i;
        while (i < text.size() && text[i].isDigit())
            ++i;
        if (i == digitsStart || i - digitsStart > 12)
            return std::nullopt;
        const qint64 amount = text.mid(digitsStart, i - digitsStart).toLongLong();
        const int unitStart = i;
        while (i < text.size() && text[i].isLetter())
            ++i;
        const qint64 factor = unitMs(text.mid(unitStart, i - unitStart));
        if (factor == 0)
            return std::nullopt;
        total += amount * factor;
        if (total > 100LL * 365 * 86'400'000LL)
            return std::nullopt;
    }
    return total;
}

QChar PromqlLexer::peek(int ahead) const
{
    const int at = m_offset + ahead;
    return at < m_text.size() ? m_text[at] : QChar();
}

void PromqlLexer::advance()
{
    if (m_offset >= m_text.size())
        return;
    if (m_text[m_offset] == u'\n') {
        ++m_line;
        m_column = 1;
    } else {
        ++m_column;
    }
    ++m_offset;
}

std::vector<Token> PromqlLexer::tokenize()
{
    std::vector<Token> tokens;
    for (;;) {
        tokens.push_back(next());
        const TokenKind kind = tokens.back().kind;
        if (kind == TokenKind::End || kind == TokenKind::Error)
            return tokens;
    }
}

Token PromqlLexer::next()
{
    for (;;) { // skip blanks and comments
        while (peek().isSpace())
            advance();
        if (peek() != u'#')
            break;
        while (!peek().isNull() && peek() != u'\n')
            advance();
    }
    Token t;
    t.pos = {m_offset, m_line, m_column};
    const QChar c = peek();
    if (c.isNull())
        return t;
    if (c.isDigit() || (c == u'.' && peek(1).isDigit()))
        return lexNumberOrDuration();
    if (isIdentStart(c)) {
        while (isIdentChar(peek()))
            advance();
        t.kind = TokenKind::Identifier;
        t.text = m_text.mid(t.pos.offset, m_offset - t.pos.offset);
        // Inf and NaN are numbers in PromQL
        if (t.text.compare(u"inf"_s, Qt::CaseInsensitive) == 0 || t.text.compare(u"nan"_s, Qt::CaseInsensitive) == 0) {
            t.kind = TokenKind::Number;
            t.number = t.text.size() == 3 && t.text[0].toLower() == u'i' ? std::numeric_limits<double>::infinity()
                                                                           : std::numeric_limits<double>::quiet_NaN();
        }
        return t;
    }
    if (c == u'"' || c == u'\'' || c == u'`')
        return lexString(c);
    struct Op {
        const char16_t *text;
        TokenKind kind;
    };
    static const Op ops[] = {
        {u"==", TokenKind::Eq}, {u"!=", TokenKind::Ne}, {u">=", TokenKind::Ge}, {u"<=", TokenKind::Le},
        {u"=~", TokenKind::RegexMatch}, {u"!~", TokenKind::RegexNoMatch}, {u"(", TokenKind::LeftParen},
        {u")", TokenKind::RightParen}, {u"{", TokenKind::LeftBrace}, {u"}", TokenKind::RightBrace},
        {u"[", TokenKind::LeftBracket}, {u"]", TokenKind::RightBracket}, {u",", TokenKind::Comma},
        {u"@", TokenKind::At}, {u"+", TokenKind::Add}, {u"-", TokenKind::Sub}, {u"*", TokenKind::Mul},
        {u"/", TokenKind::Div}, {u"%", TokenKind::Mod}, {u"^", TokenKind::Pow}, {u">", TokenKind::Gt},
        {u"<", TokenKind::Lt}, {u"=", TokenKind::Assign}, {u":", TokenKind::Colon},
    };
    for (const Op &op : ops) {
        const QStringView text(op.text);
        if (QStringView(m_text).mid(m_offset).startsWith(text)) {
            for (int i = 0; i < text.size(); ++i)
                advance();
            t.kind = op.kind;
            t.text = text.toString();
            return t;
        }
    }
    t.kind = TokenKind::Error;
    t.text = u"unexpected character '%1'"_s.arg(c);
    return t;
}

Token PromqlLexer::lexNumberOrDuration()
{
    Token t;
    t.pos = {m_offset, m_line, m_column};
    // A duration is digits followed by a unit letter (and possibly more digit/unit pairs).
    int i = m_offset;
    while (i < m_text.size() && m_text[i].isDigit())
        ++i;
    if (i < m_text.size() && unitMs(QStringView(m_text).mid(i, 1)) != 0 && !(m_text[i] == u'e' || m_text[i] == u'E')) {
        while (peek().isLetterOrNumber())
            advance();
        t.text = m_text.mid(t.pos.offset, m_offset - t.pos.offset);
        if (const auto ms = parsePromDuration(t.text)) {
            t.kind = TokenKind::Duration;
            t.ms = *ms;
        } else {
            t.kind = TokenKind::Error;
            t.text = u"bad duration '%1'"_s.arg(t.text);
        }
        return t;
    }
    if (peek() == u'0' && (peek(1) == u'x' || peek(1) == u'X')) {
        advance();
        advance();
        while (peek().isLetterOrNumber())
            advance();
    } else {
        while (peek().isDigit() || peek() == u'.')
            advance();
        if ((peek() == u'e' || peek() == u'E')
            && (peek(1).isDigit() || ((peek(1) == u'+' || peek(1) == u'-') && peek(2).isDigit()))) {
            advance();
            advance();
            while (peek().isDigit())
                advance();
        }
        if (isIdentChar(peek())) {
            while (isIdentChar(peek()))
                advance();
        }
    }
    t.text = m_text.mid(t.pos.offset, m_offset - t.pos.offset);
    bool ok = false;
    if (t.text.startsWith(u"0x"_s, Qt::CaseInsensitive))
        t.number = double(t.text.mid(2).toULongLong(&ok, 16));
    else
        t.number = t.text.toDouble(&ok);
    t.kind = ok ? TokenKind::Number : TokenKind::Error;
    if (!ok)
        t.text = u"bad number or duration '%1'"_s.arg(t.text);
    return t;
}

Token PromqlLexer::lexString(QChar quote)
{
    Token t;
    t.pos = {m_offset, m_line, m_column};
    advance();
    QString value;
    for (;;) {
        const QChar c = peek();
        if (c.isNull() || (c == u'\n' && quote != u'`')) {
            t.kind = TokenKind::Error;
            t.text = u"unterminated string"_s;
            return t;
        }
        advance();
        if (c == quote)
            break;
        if (c == u'\\' && quote != u'`') {
            const QChar e = peek();
            advance();
            switch (e.unicode()) {
            case 'n': value.append(u'\n'); break;
            case 't': value.append(u'\t'); break;
            case 'r': value.append(u'\r'); break;
            case '\\': value.append(u'\\'); break;
            case '"': value.append(u'"'); break;
            case '\'': value.append(u'\''); break;
            default:
                // keep unknown escapes (regexes such as "\\d" are written "\\d" in PromQL)
                value.append(u'\\');
                if (!e.isNull())
                    value.append(e);
                break;
            }
            continue;
        }
        value.append(c);
    }
    t.kind = TokenKind::String;
    t.text = value;
    return t;
}

} // namespace headroom::alerting
