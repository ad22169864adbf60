#pragma once

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;

/// Asynchronous HTTP with a deadline per attempt, bounded retries with exponential backoff, and
/// TLS verification left on (whatever QSslConfiguration the request carries is used as is).
/// Headers are never logged: Authorization values must not reach messages or logs.
namespace headroom::connect {

/// How long to wait and how often to try again.
struct RetryPolicy {
    std::chrono::milliseconds timeout{30'000};      ///< per attempt, from send to the last byte
    int maxAttempts = 3;                            ///< >= 1; only idempotent requests are retried
    std::chrono::milliseconds initialBackoff{250};  ///< wait before the 2nd attempt
    double backoffFactor = 2.0;                     ///< each further wait is this much longer
    std::chrono::milliseconds maxBackoff{10'000};   ///< cap, also for a server's Retry-After
};

/// What came back. `status` is the HTTP status, 0 when there was no HTTP answer at all.
struct HttpResponse {
    QUrl url;                  ///< the request URL (the query included; never carries secrets)
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;       ///< transport error text, empty when an HTTP answer arrived
    bool timedOut = false;
    int attempts = 0;

    bool isHttpSuccess() const { return status >= 200 && status < 300; }
    /// Case-insensitive header lookup; empty when absent.
    QByteArray header(const QByteArray &name) const;
    /// "GET https://host/path: HTTP 403" / "... : timed out after 30 s" — for messages.
    QString describe() const;
};

class HttpClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)
public:
    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    /// Sends `verb` with `body`. The future always finishes (success, HTTP error, transport
    /// error or timeout). GET/HEAD are retried on transport errors, timeouts, 429, 502, 503 and
    /// 504; other verbs only when `retryUnsafe` is set.
    QFuture<HttpResponse> send(const QByteArray &verb, const QNetworkRequest &request, const QByteArray &body = {},
                               RetryPolicy policy = {}, bool retryUnsafe = false);
    QFuture<HttpResponse> get(const QNetworkRequest &request, RetryPolicy policy = {})
    {
        return send("GET", request, {}, policy);
    }

    QNetworkAccessManager *manager() const { return m_manager; }

private:
    struct Call;
    void attempt(const std::shared_ptr<Call> &call);
    void finishAttempt(const std::shared_ptr<Call> &call, QNetworkReply *reply);

    QNetworkAccessManager *m_manager;
};

/// Runs the event loop until `future` finishes or `timeout` passes; true when finished.
/// For the CLI and tests; the GUI connects a QFutureWatcher instead.
bool waitUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout);
template <typename T>
bool waitFor(const QFuture<T> &future, std::chrono::milliseconds timeout)
{
    return waitUntil([future] { return future.isFinished(); }, timeout);
}

} // namespace headroom::connect
