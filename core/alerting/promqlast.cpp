#include "core/alerting/promqlast.h"

using namespace Qt::StringLiterals;

namespace headroom::alerting {

bool LabelMatcher::matches(const QString &labelValue) const
{
    switch (op) {
    case MatchOp::Equal: return labelValue == value;
    case MatchOp::NotEqual: return labelValue != value;
    case MatchOp::RegexMatch: return regex.match(labelValue).hasMatch();
    case MatchOp::RegexNoMatch: return !regex.match(labelValue).hasMatch();
    }
    return false;
}

bool isComparison(BinaryOp op)
{
    return op == BinaryOp::Eq || op == BinaryOp::Ne || op == BinaryOp::Gt || op == BinaryOp::Lt || op == BinaryOp::Ge
        || op == BinaryOp::Le;
}

bool isSetOperator(BinaryOp op)
{
    return op == BinaryOp::And || op == BinaryOp::Or || op == BinaryOp::Unless;
}

QString binaryOpText(BinaryOp op)
{
    static const char16_t *const texts[] = {u"+", u"-", u"*", u"/", u"%", u"^", u"==", u"!=", u">", u"<",
                                            u">=", u"<=", u"and", u"or", u"unless"};
    return QString::fromUtf16(texts[int(op)]);
}

ValueType Node::type() const
{
    switch (kind) {
    case NodeKind::Number: return ValueType::Scalar;
    case NodeKind::VectorSelector: return ValueType::Vector;
    case NodeKind::MatrixSelector: return ValueType::Matrix;
    case NodeKind::Unary: return args[0]->type();
    case NodeKind::Binary:
        return args[0]->type() == ValueType::Scalar && args[1]->type() == ValueType::Scalar ? ValueType::Scalar
                                                                                            : ValueType::Vector;
    case NodeKind::Aggregate: return ValueType::Vector;
    case NodeKind::Call: return function == u"scalar" || function == u"time" ? ValueType::Scalar : ValueType::Vector;
    }
    return ValueType::Scalar;
}

QString Node::selectorText() const
{
    QString text = metric;
    QStringList parts;
    for (const LabelMatcher &m : matchers) {
        if (m.name == u"__name__" && m.op == MatchOp::Equal && m.value == metric)
            continue;
        static const char16_t *const ops[] = {u"=", u"!=", u"=~", u"!~"};
        QString value = m.value;
        value.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
        parts.append(m.name + QString::fromUtf16(ops[int(m.op)]) + u'"' + value + u'"');
    }
    if (!parts.isEmpty() || text.isEmpty())
        text.append(u'{').append(parts.join(u","_s)).append(u'}');
    return text;
}

} // namespace headroom::alerting
