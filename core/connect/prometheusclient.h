#pragma once

#include "core/connect/httpclient.h"
#include "core/model/result.h"
#include "core/model/scenario.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <vector>

/// Prometheus HTTP API client (/api/v1/query, /api/v1/query_range), Prometheus 2.x.
namespace headroom::connect {

/// One time series. Timestamps are Unix seconds (fractions allowed), ascending; values may be
/// NaN or ±Inf, as Prometheus writes them ("NaN", "+Inf", "-Inf").
struct PromSeries {
    QMap<QString, QString> labels; ///< including __name__ when the result has one
    std::vector<double> timestamps;
    std::vector<double> values;
};

/// A parsed answer. Instant vectors give one point per series; matrices many.
struct PromQueryResult {
    QString resultType;   ///< "matrix", "vector", "scalar" or "string"
    QList<PromSeries> series;
    QStringList warnings; ///< as the server sent them, prefixed with the request URL
    int requests = 0;     ///< HTTP requests it took (a long range is split)
};

/// Parses a Prometheus API response body. An error envelope, a non-2xx status or a malformed body
/// becomes a diagnostic naming `url`, the HTTP status, errorType and the server's message.
/// A range-query matrix takes the streaming fast path (promscanner.h); everything else, and anything
/// the fast path does not recognise, goes to parsePromResponseGeneric, so the results are identical.
model::Result<PromQueryResult> parsePromResponse(const QByteArray &body, int httpStatus, const QUrl &url);
/// The general parser (QJsonDocument): every result type, every error located. For tests and
/// benchmarks that compare it with the fast path; use parsePromResponse otherwise.
model::Result<PromQueryResult> parsePromResponseGeneric(const QByteArray &body, int httpStatus, const QUrl &url);

/// The server rejects a range query whose (end-start)/step exceeds this many points per series.
inline constexpr qint64 kPromMaxPointsPerSeries = 11'000;

/// One query_range call of a split range. Times in Unix seconds; `end` is the last evaluated time.
struct PromRangeChunk {
    qint64 start = 0;
    qint64 end = 0;
};

/// Splits [start, end] at `stepSeconds` into calls of at most `maxPoints` points each, aligned so
/// that the merged answer equals one unsplit query (every chunk starts at start + k*step).
QList<PromRangeChunk> planRangeQuery(qint64 start, qint64 end, qint64 stepSeconds,
                                     qint64 maxPoints = kPromMaxPointsPerSeries);
/// The smallest whole-second step that covers [start, end] in one call of <= maxPoints points.
qint64 stepForSingleCall(qint64 start, qint64 end, qint64 maxPoints = kPromMaxPointsPerSeries);

/// The history a forecast needs: one result per purpose of DataSource::queries ("requests",
/// "cpu", "memory", ...), in the order of the map.
using PromHistory = QMap<QString, PromQueryResult>;

class PrometheusClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrometheusClient)
public:
    /// `baseUrl` like "http://127.0.0.1:9090" or "https://host/prometheus" (a path prefix is kept).
    PrometheusClient(QUrl baseUrl, HttpClient *http, QObject *parent = nullptr);

    /// Sent as "Authorization: Bearer ..."; read it from the SecretStore, never from a file.
    void setBearerToken(const QString &token) { m_token = token; }
    void setRetryPolicy(RetryPolicy policy) { m_policy = policy; }

    /// Instant query at `time` (now when invalid).
    QFuture<model::Result<PromQueryResult>> query(const QString &promql, const QDateTime &time = {});
    /// Range query [start, end] every `step`; split into several calls when longer than 11,000
    /// points, then merged by label set. The first failing call fails the whole query.
    QFuture<model::Result<PromQueryResult>> queryRange(const QString &promql, const QDateTime &start,
                                                       const QDateTime &end, std::chrono::seconds step);
    /// Runs every query of `source` (kind Prometheus) over [start, end].
    QFuture<model::Result<PromHistory>> fetchHistory(const model::DataSource &source, const QDateTime &start,
                                                      const QDateTime &end, std::chrono::seconds step);

private:
    QNetworkRequest request(const QString &path, const QList<QPair<QString, QString>> &query) const;

    QUrl m_base;
    HttpClient *m_http;
    QString m_token;
    RetryPolicy m_policy;
};

} // namespace headroom::connect
