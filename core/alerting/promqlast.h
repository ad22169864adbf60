#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

/// The syntax tree of the PromQL subset Headroom evaluates (see PromqlParser for the grammar).
namespace headroom::alerting {

/// Where a token starts in the expression text: 0-based offset, 1-based line and column.
struct Position {
    int offset = 0;
    int line = 1;
    int column = 1;
};

enum class MatchOp { Equal, NotEqual, RegexMatch, RegexNoMatch };

/// One label matcher of a selector. Regular expressions are fully anchored, as in Prometheus.
struct LabelMatcher {
    QString name;
    MatchOp op = MatchOp::Equal;
    QString value;
    QRegularExpression regex; ///< compiled `^(?:value)$` for =~ and !~
    bool matches(const QString &labelValue) const;
};

enum class NodeKind { Number, VectorSelector, MatrixSelector, Unary, Binary, Aggregate, Call };

enum class BinaryOp { Add, Sub, Mul, Div, Mod, Pow, Eq, Ne, Gt, Lt, Ge, Le, And, Or, Unless };
enum class Cardinality { OneToOne, ManyToOne, OneToMany, ManyToMany };
enum class AggregateOp { Sum, Avg, Max, Min, Count };
enum class ValueType { Scalar, Vector, Matrix };

bool isComparison(BinaryOp op);
bool isSetOperator(BinaryOp op);
QString binaryOpText(BinaryOp op);

/// How two vectors are matched: `on(...)`/`ignoring(...)` with `group_left/right(...)`.
struct VectorMatching {
    Cardinality card = Cardinality::OneToOne;
    bool on = false;            ///< true: `on(labels)`; false: `ignoring(labels)` (empty = all but __name__)
    QStringList labels;
    QStringList include;        ///< extra labels copied from the "one" side with group_left/right
};

/// One node. A single struct with the fields of every kind keeps the tree simple to walk;
/// `kind` says which fields are meaningful.
struct Node {
    NodeKind kind = NodeKind::Number;
    Position pos;
    // Number
    double number = 0;
    // VectorSelector / MatrixSelector
    QString metric;                      ///< may be empty when only matchers are given
    std::vector<LabelMatcher> matchers;  ///< includes a __name__ matcher when `metric` is set
    qint64 rangeMs = 0;                  ///< MatrixSelector: the `[5m]` range
    qint64 offsetMs = 0;                 ///< `offset 5m`
    // Unary (negation) / Binary
    BinaryOp op = BinaryOp::Add;
    bool returnBool = false;
    VectorMatching matching;
    bool hasMatching = false;            ///< on/ignoring was written
    // Aggregate
    AggregateOp aggregate = AggregateOp::Sum;
    QStringList grouping;
    bool without = false;
    // Call
    QString function;
    // operands: Unary 1, Binary 2, Aggregate 1, Call n
    std::vector<std::unique_ptr<Node>> args;

    ValueType type() const;
    /// The selector as PromQL text (`name{a="b"}`), without range or offset.
    QString selectorText() const;
};

using NodePtr = std::unique_ptr<Node>;

/// Visits every node depth-first.
template <typename Fn>
void walk(const Node &node, Fn &&fn)
{
    fn(node);
    for (const NodePtr &child : node.args)
        walk(*child, fn);
}

} // namespace headroom::alerting
