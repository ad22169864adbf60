#include "core/alerting/promqlparser.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace headroom::alerting {

namespace {

const std::vector<FunctionSignature> &functions()
{
    using V = ValueType;
    static const std::vector<FunctionSignature> table = {
        {u"rate", {V::Matrix}, V::Vector},
        {u"increase", {V::Matrix}, V::Vector},
        {u"avg_over_time", {V::Matrix}, V::Vector},
        {u"max_over_time", {V::Matrix}, V::Vector},
        {u"min_over_time", {V::Matrix}, V::Vector},
        {u"sum_over_time", {V::Matrix}, V::Vector},
        {u"count_over_time", {V::Matrix}, V::Vector},
        {u"quantile_over_time", {V::Scalar, V::Matrix}, V::Vector},
        {u"histogram_quantile", {V::Scalar, V::Vector}, V::Vector},
        {u"abs", {V::Vector}, V::Vector},
        {u"clamp_min", {V::Vector, V::Scalar}, V::Vector},
        {u"clamp_max", {V::Vector, V::Scalar}, V::Vector},
        {u"scalar", {V::Vector}, V::Scalar},
        {u"vector", {V::Scalar}, V::Vector},
        {u"time", {}, V::Scalar},
    };
    return table;
}

// Known PromQL names outside the subset, so that the error can say what they are.
const QSet<QString> &unsupportedAggregations()
{
    static const QSet<QString> names = {u"topk"_s, u"bottomk"_s, u"quantile"_s, u"stddev"_s, u"stdvar"_s,
                                        u"count_values"_s, u"group"_s, u"limitk"_s, u"limit_ratio"_s};
    return names;
}

QString typeName(ValueType t)
{
    switch (t) {
    case ValueType::Scalar: return u"scalar"_s;
    case ValueType::Vector: return u"instant vector"_s;
    case ValueType::Matrix: return u"range vector"_s;
    }
    return {};
}

struct ParseFailure {
    Position pos;
    QString message;
};

class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

    NodePtr parseAll()
    {
        NodePtr root = parseExpr(0);
        if (cur().kind != TokenKind::End)
            fail(cur().pos, u"unexpected %1 after the end of the expression"_s.arg(describe(cur())));
        return root;
    }

private:
    const Token &cur() const { return m_tokens[m_index]; }
    const Token &peekToken(int ahead = 1) const
    {
        return m_tokens[std::min<size_t>(m_index + ahead, m_tokens.size() - 1)];
    }
    Token take()
    {
        Token t = cur();
        if (m_index + 1 < m_tokens.size())
            ++m_index;
        return t;
    }
    [[noreturn]] static void fail(Position pos, QString message) { throw ParseFailure{pos, std::move(message)}; }
    static QString describe(const Token &t)
    {
        switch (t.kind) {
        case TokenKind::End: return u"end of input"_s;
        case TokenKind::Error: return t.text;
        case TokenKind::String: return u"string \"%1\""_s.arg(t.text);
        default: return u"'%1'"_s.arg(t.text);
        }
    }
    Token expect(TokenKind kind, const QString &what)
    {
        if (cur().kind == TokenKind::Error)
            fail(cur().pos, cur().text);
        if (cur().kind != kind)
            fail(cur().pos, u"expected %1, got %2"_s.arg(what, describe(cur())));
        return take();
    }
    bool isKeyword(const Token &t, const char16_t *word) const
    {
        return t.kind == TokenKind::Identifier && t.text == QStringView(word);
    }

    // Binary operator at the current token: precedence (higher binds tighter) or -1.
    int binaryPrecedence(BinaryOp *op) const
    {
        const Token &t = cur();
        switch (t.kind) {
        case TokenKind::Add: *op = BinaryOp::Add; return 4;
        case TokenKind::Sub: *op = BinaryOp::Sub; return 4;
        case TokenKind::Mul: *op = BinaryOp::Mul; return 5;
        case TokenKind::Div: *op = BinaryOp::Div; return 5;
        case TokenKind::Mod: *op = BinaryOp::Mod; return 5;
        case TokenKind::Pow: *op = BinaryOp::Pow; return 6;
        case TokenKind::Eq: *op = BinaryOp::Eq; return 3;
        case TokenKind::Ne: *op = BinaryOp::Ne; return 3;
        case TokenKind::Gt: *op = BinaryOp::Gt; return 3;
        case TokenKind::Lt: *op = BinaryOp::Lt; return 3;
        case TokenKind::Ge: *op = BinaryOp::Ge; return 3;
        case TokenKind::Le: *op = BinaryOp::Le; return 3;
        case TokenKind::Identifier:
            if (t.text == u"and") { *op = BinaryOp::And; return 2; }
            if (t.text == u"unless") { *op = BinaryOp::Unless; return 2; }
            if (t.text == u"or") { *op = BinaryOp::Or; return 1; }
            if (t.text == u"atan2")
                fail(t.pos, u"the atan2 operator is not supported"_s);
            return -1;
        default: return -1;
        }
    }

    NodePtr parseExpr(int minPrecedence)
    {
        struct DepthGuard {
            int &depth;
            explicit DepthGuard(int &d) : depth(++d) {}
            ~DepthGuard() { --depth; }
        } guard(m_depth);
        if (m_depth > 256)
            fail(cur().pos, u"expression nested too deeply"_s);
        NodePtr lhs = parseUnary();
        for (;;) {
            BinaryOp op{};
            const int prec = binaryPrecedence(&op);
            if (prec < 0 || prec < minPrecedence)
                return lhs;
            auto node = std::make_unique<Node>();
            node->kind = NodeKind::Binary;
            node->pos = cur().pos;
            node->op = op;
            take();
            parseBinaryModifiers(*node);
            // ^ is right-associative, all others left-associative
            NodePtr rhs = parseExpr(op == BinaryOp::Pow ? prec : prec + 1);
            node->args.push_back(std::move(lhs));
            node->args.push_back(std::move(rhs));
            checkBinary(*node);
            lhs = std::move(node);
        }
    }

    QStringList parseLabelList()
    {
        expect(TokenKind::LeftParen, u"'('"_s);
        QStringList labels;
        while (cur().kind != TokenKind::RightParen) {
            labels.append(expect(TokenKind::Identifier, u"a label name"_s).text);
            if (cur().kind != TokenKind::Comma)
                break;
            take();
        }
        expect(TokenKind::RightParen, u"')'"_s);
        return labels;
    }

    void parseBinaryModifiers(Node &node)
    {
        if (isKeyword(cur(), u"bool")) {
            if (!isComparison(node.op))
                fail(cur().pos, u"bool modifier can only be used on comparison operators"_s);
            node.returnBool = true;
            take();
        }
        if (isKeyword(cur(), u"on") || isKeyword(cur(), u"ignoring")) {
            node.hasMatching = true;
            node.matching.on = cur().text == u"on";
            take();
            node.matching.labels = parseLabelList();
            if (isKeyword(cur(), u"group_left") || isKeyword(cur(), u"group_right")) {
                if (isSetOperator(node.op))
                    fail(cur().pos, u"no grouping allowed for \"%1\" operation"_s.arg(binaryOpText(node.op)));
                node.matching.card = cur().text == u"group_left" ? Cardinality::ManyToOne : Cardinality::OneToMany;
                take();
                if (cur().kind == TokenKind::LeftParen)
                    node.matching.include = parseLabelList();
            }
        } else if (isKeyword(cur(), u"group_left") || isKeyword(cur(), u"group_right")) {
            fail(cur().pos, u"%1 requires on(...) or ignoring(...) before it"_s.arg(cur().text));
        }
        if (isSetOperator(node.op))
            node.matching.card = Cardinality::ManyToMany;
    }

    void checkBinary(const Node &node)
    {
        const ValueType l = node.args[0]->type();
        const ValueType r = node.args[1]->type();
        if (l == ValueType::Matrix || r == ValueType::Matrix)
            fail(node.pos, u"binary operator '%1' cannot be applied to a range vector"_s.arg(binaryOpText(node.op)));
        if (isSetOperator(node.op) && (l != ValueType::Vector || r != ValueType::Vector))
            fail(node.pos, u"set operator '%1' needs instant vectors on both sides"_s.arg(binaryOpText(node.op)));
        if (isComparison(node.op) && !node.returnBool && l == ValueType::Scalar && r == ValueType::Scalar)
            fail(node.pos, u"comparisons between scalars must use the bool modifier"_s);
        if (node.hasMatching && (l != ValueType::Vector || r != ValueType::Vector))
            fail(node.pos, u"vector matching only allowed between instant vectors"_s);
    }

    NodePtr parseUnary()
    {
        if (cur().kind == TokenKind::Sub || cur().kind == TokenKind::Add) {
            const Token t = take();
            NodePtr operand = parseExpr(6); // binds looser than ^, tighter than * /
            if (operand->type() == ValueType::Matrix)
                fail(t.pos, u"unary '%1' cannot be applied to a range vector"_s.arg(t.text));
            if (t.kind == TokenKind::Add)
                return operand;
            if (operand->kind == NodeKind::Number) {
                operand->number = -operand->number;
                operand->pos = t.pos;
                return operand;
            }
            auto node = std::make_unique<Node>();
            node->kind = NodeKind::Unary;
            node->pos = t.pos;
            node->args.push_back(std::move(operand));
            return node;
        }
        return parsePostfix(parsePrimary());
    }

    NodePtr parsePostfix(NodePtr node)
    {
        for (;;) {
            if (cur().kind == TokenKind::LeftBracket) {
                const Token open = take();
                if (node->kind != NodeKind::VectorSelector || node->offsetMs != 0)
                    fail(open.pos, u"ranges only allowed for vector selectors (subqueries are not supported)"_s);
                const Token d = expect(TokenKind::Duration, u"a duration such as 5m"_s);
                if (cur().kind == TokenKind::Colon)
                    fail(cur().pos, u"subqueries ([range:step]) are not supported"_s);
                expect(TokenKind::RightBracket, u"']'"_s);
                if (d.ms <= 0)
                    fail(d.pos, u"range must be positive"_s);
                node->kind = NodeKind::MatrixSelector;
                node->rangeMs = d.ms;
            } else if (isKeyword(cur(), u"offset")) {
                const Token t = take();
                if (node->kind != NodeKind::VectorSelector && node->kind != NodeKind::MatrixSelector)
                    fail(t.pos, u"offset modifier must be preceded by a selector"_s);
                bool negative = false;
                if (cur().kind == TokenKind::Sub) {
                    negative = true;
                    take();
                }
                node->offsetMs = (negative ? -1 : 1) * expect(TokenKind::Duration, u"a duration after offset"_s).ms;
            } else if (cur().kind == TokenKind::At) {
                fail(cur().pos, u"the @ modifier is not supported"_s);
            } else {
                return node;
            }
        }
    }

    NodePtr parsePrimary()
    {
        const Token &t = cur();
        switch (t.kind) {
        case TokenKind::Number: {
            auto node = std::make_unique<Node>();
            node->kind = NodeKind::Number;
            node->pos = t.pos;
            node->number = t.number;
            take();
            return node;
        }
        case TokenKind::LeftParen: {
            take();
            NodePtr inner = parseExpr(0);
            expect(TokenKind::RightParen, u"')'"_s);
            return inner;
        }
        case TokenKind::LeftBrace: return parseSelector(QString(), t.pos);
        case TokenKind::Identifier: return parseIdentifier();
        case TokenKind::String: fail(t.pos, u"string literals are not supported"_s);
        case TokenKind::Duration: fail(t.pos, u"a duration (%1) is only allowed inside [] or after offset"_s.arg(t.text));
        case TokenKind::Error: fail(t.pos, t.text);
        case TokenKind::End: fail(t.pos, u"unexpected end of input"_s);
        default: fail(t.pos, u"unexpected %1"_s.arg(describe(t)));
        }
    }

    NodePtr parseIdentifier()
    {
        const Token t = take();
        static const QHash<QString, AggregateOp> aggregations = {{u"sum"_s, AggregateOp::Sum},
            {u"avg"_s, AggregateOp::Avg}, {u"max"_s, AggregateOp::Max}, {u"min"_s, AggregateOp::Min},
            {u"count"_s, AggregateOp::Count}};
        const bool followedByGrouping = isKeyword(cur(), u"by") || isKeyword(cur(), u"without");
        if (aggregations.contains(t.text) && (cur().kind == TokenKind::LeftParen || followedByGrouping))
            return parseAggregation(t, aggregations.value(t.text));
        if (unsupportedAggregations().contains(t.text) && (cur().kind == TokenKind::LeftParen || followedByGrouping))
            fail(t.pos, u"aggregation '%1' is not supported"_s.arg(t.text));
        if (cur().kind == TokenKind::LeftParen)
            return parseCall(t);
        static const QStringList keywords = {u"by"_s, u"without"_s, u"on"_s, u"ignoring"_s, u"group_left"_s,
            u"group_right"_s, u"bool"_s, u"offset"_s, u"and"_s, u"or"_s, u"unless"_s};
        if (keywords.contains(t.text))
            fail(t.pos, u"unexpected keyword '%1'"_s.arg(t.text));
        return parseSelector(t.text, t.pos);
    }

    NodePtr parseAggregation(const Token &name, AggregateOp op)
    {
        auto node = std::make_unique<Node>();
        node->kind = NodeKind::Aggregate;
        node->pos = name.pos;
        node->aggregate = op;
        auto grouping = [&] {
            node->without = cur().text == u"without";
            take();
            node->grouping = parseLabelList();
        };
        bool grouped = false;
        if (isKeyword(cur(), u"by") || isKeyword(cur(), u"without")) {
            grouping();
            grouped = true;
        }
        const Token open = expect(TokenKind::LeftParen, u"'('"_s);
        NodePtr arg = parseExpr(0);
        if (cur().kind == TokenKind::Comma)
            fail(cur().pos, u"aggregation '%1' takes one argument"_s.arg(name.text));
        expect(TokenKind::RightParen, u"')'"_s);
        if (arg->type() != ValueType::Vector)
            fail(open.pos, u"expected an instant vector in aggregation '%1', got a %2"_s.arg(name.text, typeName(arg->type())));
        node->args.push_back(std::move(arg));
        if (!grouped && (isKeyword(cur(), u"by") || isKeyword(cur(), u"without")))
            grouping();
        return node;
    }

    NodePtr parseCall(const Token &name)
    {
        const FunctionSignature *sig = findFunction(name.text);
        if (!sig)
            fail(name.pos, u"function '%1' is not supported"_s.arg(name.text));
        auto node = std::make_unique<Node>();
        node->kind = NodeKind::Call;
        node->pos = name.pos;
        node->function = name.text;
        take(); // (
        while (cur().kind != TokenKind::RightParen) {
            node->args.push_back(parseExpr(0));
            if (cur().kind != TokenKind::Comma)
                break;
            take();
        }
        expect(TokenKind::RightParen, u"')'"_s);
        if (node->args.size() != sig->args.size())
            fail(name.pos, u"function '%1' expects %2 argument(s), got %3"_s.arg(name.text).arg(sig->args.size()).arg(node->args.size()));
        for (size_t i = 0; i < sig->args.size(); ++i) {
            if (node->args[i]->type() != sig->args[i])
                fail(node->args[i]->pos, u"expected a %1 as argument %2 of '%3', got a %4"_s.arg(typeName(sig->args[i]))
                                             .arg(i + 1).arg(name.text, typeName(node->args[i]->type())));
        }
        return node;
    }

    NodePtr parseSelector(const QString &metric, Position pos)
    {
        auto node = std::make_unique<Node>();
        node->kind = NodeKind::VectorSelector;
        node->pos = pos;
        node->metric = metric;
        if (!metric.isEmpty())
            node->matchers.push_back({u"__name__"_s, MatchOp::Equal, metric, {}});
        if (cur().kind == TokenKind::LeftBrace) {
            take();
            while (cur().kind != TokenKind::RightBrace) {
                node->matchers.push_back(parseMatcher());
                if (cur().kind != TokenKind::Comma)
                    break;
                take();
            }
            expect(TokenKind::RightBrace, u"'}'"_s);
        }
        bool nonEmpty = false;
        for (const LabelMatcher &m : node->matchers)
            nonEmpty = nonEmpty || !m.matches(QString());
        if (!nonEmpty)
            fail(pos, u"vector selector must contain at least one non-empty matcher"_s);
        return node;
    }

    LabelMatcher parseMatcher()
    {
        LabelMatcher m;
        m.name = expect(TokenKind::Identifier, u"a label name"_s).text;
        const Token op = take();
        switch (op.kind) {
        case TokenKind::Assign: m.op = MatchOp::Equal; break;
        case TokenKind::Ne: m.op = MatchOp::NotEqual; break;
        case TokenKind::RegexMatch: m.op = MatchOp::RegexMatch; break;
        case TokenKind::RegexNoMatch: m.op = MatchOp::RegexNoMatch; break;
        case TokenKind::Eq: fail(op.pos, u"use '=' not '==' in a label matcher"_s);
        default: fail(op.pos, u"expected a matcher operator (=, !=, =~, !~), got %1"_s.arg(describe(op)));
        }
        const Token value = expect(TokenKind::String, u"a quoted label value"_s);
        m.value = value.text;
        if (m.op == MatchOp::RegexMatch || m.op == MatchOp::RegexNoMatch) {
            m.regex = QRegularExpression(u"^(?:"_s + m.value + u")$"_s, QRegularExpression::DotMatchesEverythingOption);
            if (!m.regex.isValid())
                fail(value.pos, u"invalid regular expression \"%1\": %2"_s.arg(m.value, m.regex.errorString()));
        }
        return m;
    }

    std::vector<Token> m_tokens;
    size_t m_index = 0;
    int m_depth = 0;
};

model::SourceLocation locate(const model::SourceLocation &origin, Position pos)
{
    model::SourceLocation where = origin;
    if (origin.line <= 0)
        return {origin.file, pos.line, pos.column};
    if (pos.line == 1)
        where.column = origin.column + pos.column - 1;
    else {
        where.line = origin.line + pos.line - 1;
        where.column = pos.column;
    }
    return where;
}

} // namespace

const FunctionSignature *findFunction(QStringView name)
{
    for (const FunctionSignature &f : functions()) {
        if (name == QStringView(f.name))
            return &f;
    }
    return nullptr;
}

model::Result<Expression> parsePromql(const QString &text, const model::SourceLocation &origin)
{
    try {
        Parser parser(PromqlLexer(text).tokenize());
        return Expression(parser.parseAll());
    } catch (const ParseFailure &f) {
        const QString message = u"PromQL %1:%2: %3"_s.arg(f.pos.line).arg(f.pos.column).arg(f.message);
        return model::makeError(message, u"expr"_s, locate(origin, f.pos));
    }
}

} // namespace headroom::alerting
