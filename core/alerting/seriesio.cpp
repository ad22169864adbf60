#include "core/alerting/seriesio.h"

#include "core/alerting/alerttemplate.h"
#include "core/alerting/promqllexer.h"
#include "core/model/yamlio.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace headroom::alerting {

namespace {

model::Diagnostic lineError(const QString &source, int line, int column, const QString &message)
{
    return model::makeError(message, QString(), {source, line, column});
}

// Parses `name{a="b",c="d"} value [ts]` with the PromQL lexer (names, braces, strings, numbers).
std::optional<QString> parseSampleLine(const QString &line, Labels *labels, double *value, std::optional<double> *ts,
                                       int *column)
{
    std::vector<Token> tokens = PromqlLexer(line).tokenize();
    size_t i = 0;
    auto fail = [&](const QString &message) {
        *column = tokens[std::min(i, tokens.size() - 1)].pos.column;
        return std::optional<QString>(message);
    };
    if (tokens[i].kind != TokenKind::Identifier)
        return fail(u"expected a metric name"_s);
    labels->insert(u"__name__"_s, tokens[i++].text);
    if (tokens[i].kind == TokenKind::LeftBrace) {
        ++i;
        while (tokens[i].kind == TokenKind::Identifier) {
            const QString name = tokens[i++].text;
            if (tokens[i].kind != TokenKind::Assign)
                return fail(u"expected '=' after label name"_s);
            ++i;
            if (tokens[i].kind != TokenKind::String)
                return fail(u"expected a quoted label value"_s);
            labels->insert(name, tokens[i++].text);
            if (tokens[i].kind == TokenKind::Comma)
                ++i;
        }
        if (tokens[i].kind != TokenKind::RightBrace)
            return fail(u"expected '}'"_s);
        ++i;
    }
    auto number = [&](double *out) {
        double sign = 1;
        if (tokens[i].kind == TokenKind::Sub || tokens[i].kind == TokenKind::Add) {
            sign = tokens[i].kind == TokenKind::Sub ? -1 : 1;
            ++i;
        }
        if (tokens[i].kind != TokenKind::Number)
            return false;
        *out = sign * tokens[i++].number;
        return true;
    };
    if (!number(value))
        return fail(u"expected a sample value"_s);
    double t = 0;
    if (tokens[i].kind != TokenKind::End) {
        if (!number(&t))
            return fail(u"expected a timestamp in seconds"_s);
        *ts = t;
    }
    if (tokens[i].kind != TokenKind::End)
        return fail(u"unexpected text after the sample"_s);
    return std::nullopt;
}

QString promDuration(qint64 ms)
{
    return ms % 1000 == 0 ? u"%1s"_s.arg(ms / 1000) : u"%1ms"_s.arg(ms);
}

} // namespace

model::Result<SeriesStore> parseOpenMetrics(const QByteArray &text, const QString &sourceName, qint64 defaultTimestampMs)
{
    SeriesStore store;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString line = QString::fromUtf8(lines[n]).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        Labels labels;
        double value = 0;
        std::optional<double> ts;
        int column = 1;
        if (const auto problem = parseSampleLine(line, &labels, &value, &ts, &column))
            return lineError(sourceName, int(n + 1), column, *problem);
        store.append(labels, ts ? qint64(std::llround(*ts * 1000)) : defaultTimestampMs, value);
    }
    return store;
}

model::Result<void> readQueryRangeResponse(const QByteArray &json, const QString &sourceName, SeriesStore *store)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (doc.isNull())
        return model::makeError(u"invalid JSON: %1"_s.arg(error.errorString()), QString(), {sourceName, 0, 0});
    const QJsonObject root = doc.object();
    if (root.value(u"status"_s).toString() != u"success")
        return model::makeError(u"Prometheus answered %1: %2"_s.arg(root.value(u"errorType"_s).toString(),
                                                                   root.value(u"error"_s).toString()),
                                u"status"_s, {sourceName, 0, 0});
    const QJsonObject data = root.value(u"data"_s).toObject();
    if (data.value(u"resultType"_s).toString() != u"matrix")
        return model::makeError(u"expected a matrix result"_s, u"data.resultType"_s, {sourceName, 0, 0});
    for (const QJsonValue &series : data.value(u"result"_s).toArray()) {
        Labels labels;
        const QJsonObject metric = series.toObject().value(u"metric"_s).toObject();
        for (auto it = metric.begin(); it != metric.end(); ++it)
            labels.insert(it.key(), it.value().toString());
        for (const QJsonValue &point : series.toObject().value(u"values"_s).toArray()) {
            const QJsonArray pair = point.toArray();
            bool ok = false;
            const double v = pair.at(1).toString().toDouble(&ok);
            const QString text = pair.at(1).toString();
            const double value = ok ? v : (text == u"+Inf" ? qInf() : text == u"-Inf" ? -qInf() : qQNaN());
            store->append(labels, qint64(std::llround(pair.at(0).toDouble() * 1000)), value);
        }
    }
    return {};
}

QStringList referencedSelectors(const std::vector<CompiledGroup> &groups)
{
    QStringList out;
    for (const CompiledGroup &g : groups) {
        for (const CompiledRule &r : g.rules) {
            walk(*r.expr, [&out](const Node &n) {
                if ((n.kind == NodeKind::VectorSelector || n.kind == NodeKind::MatrixSelector) && !out.contains(n.selectorText()))
                    out.append(n.selectorText());
            });
        }
    }
    return out;
}

qint64 maximumLookbackMs(const std::vector<CompiledGroup> &groups)
{
    qint64 longest = 0;
    for (const CompiledGroup &g : groups) {
        for (const CompiledRule &r : g.rules)
            walk(*r.expr, [&longest](const Node &n) { longest = std::max(longest, n.rangeMs + std::max<qint64>(0, n.offsetMs)); });
    }
    return longest + 5 * 60'000;
}

model::Result<QByteArray> promtoolTest(const QString &ruleFilePath, const std::vector<CompiledGroup> &groups,
                                       const SeriesStore &store, qint64 startMs, qint64 endMs, qint64 stepMs)
{
    if (stepMs <= 0 || groups.empty())
        return model::makeError(u"a positive step and at least one rule group are needed"_s);
    qint64 evalInterval = 0;
    for (const CompiledGroup &g : groups)
        evalInterval = std::gcd(evalInterval, g.intervalMs);
    YAML::Node root(YAML::NodeType::Map);
    root["rule_files"].push_back(ruleFilePath.toStdString());
    root["evaluation_interval"] = promDuration(evalInterval).toStdString();
    YAML::Node test(YAML::NodeType::Map);
    test["interval"] = promDuration(stepMs).toStdString();
    YAML::Node inputs(YAML::NodeType::Sequence);
    for (const Series &s : store.series()) {
        QStringList values;
        size_t next = 0;
        for (qint64 t = startMs; t <= endMs; t += stepMs) {
            while (next < s.samples.size() && s.samples[next].t < t)
                ++next;
            if (next < s.samples.size() && s.samples[next].t == t)
                values << (isStaleMarker(s.samples[next].v) ? u"stale"_s : formatGoFloat(s.samples[next].v));
            else
                values << u"_"_s;
        }
        YAML::Node input(YAML::NodeType::Map);
        input["series"] = formatLabels(s.labels).toStdString();
        input["values"] = values.join(u' ').toStdString();
        inputs.push_back(input);
    }
    test["input_series"] = inputs;
    YAML::Node alertTests(YAML::NodeType::Sequence);
    const EvaluationObserver observer = [&](const CompiledGroup &group, qint64 ts, const std::vector<AlertInstance> &active) {
        for (const CompiledRule &rule : group.rules) {
            YAML::Node t(YAML::NodeType::Map);
            t["eval_time"] = promDuration(ts - startMs).toStdString();
            t["alertname"] = rule.rule.alert.toStdString();
            YAML::Node expected(YAML::NodeType::Sequence);
            for (const AlertInstance &a : active) {
                if (a.alert != rule.rule.alert || a.state != AlertState::Firing)
                    continue;
                YAML::Node alert(YAML::NodeType::Map);
                YAML::Node labels(YAML::NodeType::Map);
                for (auto it = a.labels.cbegin(); it != a.labels.cend(); ++it) {
                    if (it.key() != u"alertname")
                        labels[it.key().toStdString()] = it.value().toStdString();
                }
                alert["exp_labels"] = labels;
                YAML::Node annotations(YAML::NodeType::Map);
                for (auto it = a.annotations.cbegin(); it != a.annotations.cend(); ++it)
                    annotations[it.key().toStdString()] = it.value().toStdString();
                if (annotations.size() > 0)
                    alert["exp_annotations"] = annotations;
                expected.push_back(alert);
            }
            t["exp_alerts"] = expected;
            alertTests.push_back(t);
        }
    };
    evaluateRules(groups, store, startMs, endMs, observer);
    test["alert_rule_test"] = alertTests;
    root["tests"].push_back(test);
    return model::emitYaml(root);
}

} // namespace headroom::alerting
