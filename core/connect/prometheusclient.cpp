#include "core/connect/prometheusclient.h"

#include "core/connect/promscanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace headroom::connect {

namespace {

model::Diagnostic promError(const QUrl &url, int status, const QString &message)
{
    QString where = url.toDisplayString(QUrl::RemoveUserInfo);
    if (status != 0)
        where.append(u": HTTP "_s).append(QString::number(status));
    return model::makeError(message, {}, model::SourceLocation{where, 0, 0});
}

double parseSampleValue(const QJsonValue &v, bool *ok)
{
    const QString text = v.toString();
    if (text == u"NaN")
        return std::numeric_limits<double>::quiet_NaN();
    if (text == u"+Inf")
        return std::numeric_limits<double>::infinity();
    if (text == u"-Inf")
        return -std::numeric_limits<double>::infinity();
    return text.toDouble(ok);
}

/// [t, "v"] -> (t, v); false when the pair is malformed.
bool parsePoint(const QJsonValue &point, double *t, double *v)
{
    const QJsonArray pair = point.toArray();
    if (pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isString())
        return false;
    bool ok = true;
    *t = pair.at(0).toDouble();
    *v = parseSampleValue(pair.at(1), &ok);
    return ok;
}

model::Result<PromSeries> parseSeries(const QJsonObject &object, bool matrix)
{
    PromSeries series;
    const QJsonObject metric = object.value(u"metric"_s).toObject();
    for (auto it = metric.begin(); it != metric.end(); ++it)
        series.labels.insert(it.key(), it.value().toString());
    double t = 0, v = 0;
    if (!matrix) {
        if (!parsePoint(object.value(u"value"_s), &t, &v))
            return model::makeError(u"malformed sample in data.result[].value"_s);
        series.timestamps.push_back(t);
        series.values.push_back(v);
        return series;
    }
    const QJsonArray values = object.value(u"values"_s).toArray();
    series.timestamps.reserve(size_t(values.size()));
    series.values.reserve(size_t(values.size()));
    for (const QJsonValue &point : values) {
        if (!parsePoint(point, &t, &v))
            return model::makeError(u"malformed sample in data.result[].values"_s);
        series.timestamps.push_back(t);
        series.values.push_back(v);
    }
    return series;
}

QString seriesKey(const QMap<QString, QString> &labels)
{
    QString key;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        key.append(it.key()).append(QChar(0x1f)).append(it.value()).append(QChar(0x1e));
    return key;
}

/// Appends `next` (a later chunk) to `into`, series matched by label set.
void mergeInto(PromQueryResult &into, PromQueryResult &&next)
{
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < into.series.size(); ++i)
        index.insert(seriesKey(into.series[i].labels), i);
    for (PromSeries &s : next.series) {
        const auto it = index.constFind(seriesKey(s.labels));
        if (it == index.cend()) {
            index.insert(seriesKey(s.labels), into.series.size());
            into.series.append(std::move(s));
            continue;
        }
        PromSeries &target = into.series[*it];
        target.timestamps.insert(target.timestamps.end(), s.timestamps.begin(), s.timestamps.end());
        target.values.insert(target.values.end(), s.values.begin(), s.values.end());
    }
    into.warnings.append(next.warnings);
    into.requests += next.requests;
    if (into.resultType.isEmpty())
        into.resultType = next.resultType;
}

QString unixSeconds(const QDateTime &time)
{
    return QString::number(time.toMSecsSinceEpoch() / 1000.0, 'f', 3);
}

} // namespace

model::Result<PromQueryResult> parsePromResponse(const QByteArray &body, int httpStatus, const QUrl &url)
{
    if (httpStatus >= 200 && httpStatus < 300) {
        if (auto matrix = scanPromMatrix(body, url))
            return std::move(*matrix);
    }
    return parsePromResponseGeneric(body, httpStatus, url);
}

model::Result<PromQueryResult> parsePromResponseGeneric(const QByteArray &body, int httpStatus, const QUrl &url)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (httpStatus < 200 || httpStatus >= 300)
            return promError(url, httpStatus, u"unexpected answer: %1"_s.arg(QString::fromUtf8(body.left(200))));
        return promError(url, httpStatus, u"malformed JSON at offset %1: %2"_s.arg(parseError.offset)
                                              .arg(parseError.errorString()));
    }
    const QJsonObject root = doc.object();
    const QString status = root.value(u"status"_s).toString();
    if (status == u"error" || httpStatus < 200 || httpStatus >= 300) {
        return promError(url, httpStatus, u"%1: %2"_s.arg(root.value(u"errorType"_s).toString(u"error"_s),
                                                          root.value(u"error"_s).toString(u"no message"_s)));
    }
    if (status != u"success")
        return promError(url, httpStatus, u"status: expected \"success\" or \"error\", got \"%1\""_s.arg(status));

    PromQueryResult result;
    result.requests = 1;
    for (const QJsonValue &w : root.value(u"warnings"_s).toArray())
        result.warnings.append(url.toDisplayString(QUrl::RemoveUserInfo).append(u": "_s).append(w.toString()));
    const QJsonObject data = root.value(u"data"_s).toObject();
    result.resultType = data.value(u"resultType"_s).toString();
    const QJsonValue raw = data.value(u"result"_s);
    if (result.resultType == u"scalar" || result.resultType == u"string") {
        PromSeries s;
        double t = 0, v = 0;
        if (result.resultType == u"scalar" && !parsePoint(raw, &t, &v))
            return promError(url, httpStatus, u"data.result: malformed scalar"_s);
        s.timestamps.push_back(t);
        s.values.push_back(v);
        result.series.append(std::move(s));
        return result;
    }
    if (result.resultType != u"matrix" && result.resultType != u"vector")
        return promError(url, httpStatus, u"data.resultType: unknown type \"%1\""_s.arg(result.resultType));
    const bool matrix = result.resultType == u"matrix";
    const QJsonArray items = raw.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        auto series = parseSeries(items.at(i).toObject(), matrix);
        if (!series)
            return promError(url, httpStatus, u"data.result[%1]: %2"_s.arg(i).arg(series.error().message));
        result.series.append(std::move(series).value());
    }
    return result;
}

QList<PromRangeChunk> planRangeQuery(qint64 start, qint64 end, qint64 stepSeconds, qint64 maxPoints)
{
    QList<PromRangeChunk> chunks;
    if (stepSeconds <= 0 || end < start || maxPoints < 1)
        return chunks;
    const qint64 span = (maxPoints - 1) * stepSeconds; // a chunk of maxPoints points
    for (qint64 s = start; s <= end; s += span + stepSeconds)
        chunks.append({s, std::min(end, s + span)});
    return chunks;
}

qint64 stepForSingleCall(qint64 start, qint64 end, qint64 maxPoints)
{
    const qint64 range = std::max<qint64>(0, end - start);
    return std::max<qint64>(1, (range + maxPoints - 2) / std::max<qint64>(1, maxPoints - 1));
}

PrometheusClient::PrometheusClient(QUrl baseUrl, HttpClient *http, QObject *parent)
    : QObject(parent), m_base(std::move(baseUrl)), m_http(http)
{
}

QNetworkRequest PrometheusClient::request(const QString &path, const QList<QPair<QString, QString>> &query) const
{
    QUrl url = m_base;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base.append(path));
    QUrlQuery q;
    for (const auto &[key, value] : query)
        q.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(q);
    QNetworkRequest req(url);
    req.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    return req;
}

QFuture<model::Result<PromQueryResult>> PrometheusClient::query(const QString &promql, const QDateTime &time)
{
    QList<QPair<QString, QString>> q{{u"query"_s, promql}};
    if (time.isValid())
        q.append({u"time"_s, unixSeconds(time)});
    return m_http->get(request(u"/api/v1/query"_s, q), m_policy).then(this, [](const HttpResponse &r) {
        if (r.status == 0)
            return model::Result<PromQueryResult>(promError(r.url, 0, r.describe()));
        return parsePromResponse(r.body, r.status, r.url);
    });
}

QFuture<model::Result<PromQueryResult>> PrometheusClient::queryRange(const QString &promql, const QDateTime &start,
                                                                     const QDateTime &end, std::chrono::seconds step)
{
    struct State {
        QPromise<model::Result<PromQueryResult>> promise;
        QList<PromRangeChunk> chunks;
        qsizetype next = 0;
        PromQueryResult merged;
        std::function<void()> run;
    };
    auto state = std::make_shared<State>();
    state->promise.start();
    auto future = state->promise.future();
    const qint64 stepSeconds = step.count();
    state->chunks = planRangeQuery(start.toSecsSinceEpoch(), end.toSecsSinceEpoch(), stepSeconds);
    if (state->chunks.isEmpty()) {
        state->promise.addResult(promError(m_base, 0, u"query_range: need start <= end and step > 0 (start %1, "
                                                      "end %2, step %3 s)"_s.arg(start.toString(Qt::ISODate),
                                                                                 end.toString(Qt::ISODate))
                                                          .arg(stepSeconds)));
        state->promise.finish();
        return future;
    }
    state->run = [this, state, promql, stepSeconds] {
        const PromRangeChunk chunk = state->chunks.at(state->next++);
        const QNetworkRequest req = request(u"/api/v1/query_range"_s,
                                            {{u"query"_s, promql},
                                             {u"start"_s, QString::number(chunk.start)},
                                             {u"end"_s, QString::number(chunk.end)},
                                             {u"step"_s, QString::number(stepSeconds)}});
        m_http->get(req, m_policy).then(this, [state](const HttpResponse &r) {
            auto part = r.status == 0 ? model::Result<PromQueryResult>(promError(r.url, 0, r.describe()))
                                      : parsePromResponse(r.body, r.status, r.url);
            if (!part) {
                state->promise.addResult(std::move(part));
            } else {
                mergeInto(state->merged, std::move(part).value());
                if (state->next < state->chunks.size()) {
                    state->run();
                    return;
                }
                state->promise.addResult(std::move(state->merged));
            }
            state->promise.finish();
            state->run = nullptr; // breaks the state <-> run cycle
        });
    };
    state->run();
    return future;
}

QFuture<model::Result<PromHistory>> PrometheusClient::fetchHistory(const model::DataSource &source,
                                                                    const QDateTime &start, const QDateTime &end,
                                                                    std::chrono::seconds step)
{
    struct State {
        QPromise<model::Result<PromHistory>> promise;
        QStringList purposes;
        QMap<QString, QString> queries;
        qsizetype next = 0;
        PromHistory history;
        std::function<void()> run;
    };
    auto state = std::make_shared<State>();
    state->promise.start();
    auto future = state->promise.future();
    state->queries = source.queries;
    state->purposes = source.queries.keys();
    if (state->purposes.isEmpty()) {
        state->promise.addResult(model::makeError(
            u"data source \"%1\" has no queries; add one per purpose (requests, cpu, memory)"_s.arg(source.name),
            u"spec.dataSources.queries"_s));
        state->promise.finish();
        return future;
    }
    state->run = [this, state, start, end, step, name = source.name] {
        const QString purpose = state->purposes.at(state->next++);
        queryRange(state->queries.value(purpose), start, end, step)
            .then(this, [state, purpose, name](model::Result<PromQueryResult> r) {
                if (!r) {
                    model::Diagnostic d = r.error();
                    d.fieldPath = u"spec.dataSources[%1].queries.%2"_s.arg(name, purpose);
                    state->promise.addResult(model::Result<PromHistory>(d));
                } else {
                    state->history.insert(purpose, std::move(r).value());
                    if (state->next < state->purposes.size()) {
                        state->run();
                        return;
                    }
                    state->promise.addResult(std::move(state->history));
                }
                state->promise.finish();
                state->run = nullptr;
            });
    };
    state->run();
    return future;
}

} // namespace headroom::connect
