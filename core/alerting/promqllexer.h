#pragma once

#include "core/alerting/promqlast.h"

#include <QString>

#include <vector>

namespace headroom::alerting {

enum class TokenKind {
    End, Identifier, Number, Duration, String,
    LeftParen, RightParen, LeftBrace, RightBrace, LeftBracket, RightBracket, Comma, Colon, At,
    Add, Sub, Mul, Div, Mod, Pow, Eq, Ne, Gt, Lt, Ge, Le, Assign, RegexMatch, RegexNoMatch,
    Error,
};

struct Token {
    TokenKind kind = TokenKind::End;
    QString text;       ///< identifier, raw number/duration text, unquoted string, or error message
    double number = 0;  ///< Number
    qint64 ms = 0;      ///< Duration
    Position pos;
};

/// Splits a PromQL expression into tokens. Never fails: bad input gives an Error token whose
/// text is the message. Comments (`# ...`) are skipped.
class PromqlLexer final {
public:
    explicit PromqlLexer(QString text) : m_text(std::move(text)) {}
    std::vector<Token> tokenize();

private:
    Token next();
    Token lexNumberOrDuration();
    Token lexString(QChar quote);
    void advance();
    QChar peek(int ahead = 0) const;

    QString m_text;
    int m_offset = 0;
    int m_line = 1;
    int m_column = 1;
};

/// Parses a Prometheus duration such as `5m`, `1h30m`, `90s`, `250ms`; nullopt when malformed.
std::optional<qint64> parsePromDuration(QStringView text);

} // namespace headroom::alerting
