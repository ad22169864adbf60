#include "core/connect/httpclient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QPromise>
#include <QTimer>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace headroom::connect {

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString HttpResponse::describe() const
{
    QString text = url.toDisplayString(QUrl::RemoveUserInfo);
    if (timedOut)
        return text.append(u": timed out"_s);
    if (status != 0)
        return text.append(u": HTTP "_s).append(QString::number(status));
    return text.append(u": "_s).append(errorString.isEmpty() ? u"no answer"_s : errorString);
}

struct HttpClient::Call {
    QByteArray verb;
    QNetworkRequest request;
    QByteArray body;
    RetryPolicy policy;
    bool retryable = false;
    int attempts = 0;
    QPromise<HttpResponse> promise;
};

HttpClient::HttpClient(QObject *parent) : QObject(parent), m_manager(new QNetworkAccessManager(this))
{
    m_manager->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

HttpClient::~HttpClient() = default;

QFuture<HttpResponse> HttpClient::send(const QByteArray &verb, const QNetworkRequest &request,
                                       const QByteArray &body, RetryPolicy policy, bool retryUnsafe)
{
    auto call = std::make_shared<Call>();
    call->verb = verb;
    call->request = request;
    call->body = body;
    call->policy = policy;
    call->policy.maxAttempts = std::max(1, policy.maxAttempts);
    call->retryable = retryUnsafe || verb == "GET" || verb == "HEAD";
    call->promise.start();
    auto future = call->promise.future();
    attempt(call);
    return future;
}

void HttpClient::attempt(const std::shared_ptr<Call> &call)
{
    ++call->attempts;
    QNetworkReply *reply = call->body.isEmpty() && (call->verb == "GET" || call->verb == "HEAD")
        ? m_manager->sendCustomRequest(call->request, call->verb)
        : m_manager->sendCustomRequest(call->request, call->verb, call->body);
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply] {
        reply->setProperty("headroomTimedOut", true);
        reply->abort();
    });
    timer->start(call->policy.timeout);
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] { finishAttempt(call, reply); });
}

static bool isTransient(const HttpResponse &r)
{
    if (r.timedOut)
        return true;
    if (r.status == 429 || r.status == 502 || r.status == 503 || r.status == 504)
        return true;
    if (r.status != 0)
        return false;
    switch (r.networkError) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default: // TLS failures, bad URLs and the like do not heal by themselves
        return false;
    }
}

void HttpClient::finishAttempt(const std::shared_ptr<Call> &call, QNetworkReply *reply)
{
    reply->deleteLater();
    HttpResponse r;
    r.url = call->request.url();
    r.attempts = call->attempts;
    r.timedOut = reply->property("headroomTimedOut").toBool();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    r.networkError = reply->error();
    if (r.status == 0 && r.networkError != QNetworkReply::NoError)
        r.errorString = r.timedOut ? u"timed out after %1 ms"_s.arg(call->policy.timeout.count())
                                   : reply->errorString();

    if (call->retryable && call->attempts < call->policy.maxAttempts && isTransient(r)) {
        double wait = double(call->policy.initialBackoff.count())
            * std::pow(call->policy.backoffFactor, call->attempts - 1);
        bool okRetryAfter = false;
        const int retryAfter = r.header("Retry-After").toInt(&okRetryAfter);
        if (okRetryAfter)
            wait = std::max(wait, retryAfter * 1000.0);
        wait = std::min(wait, double(call->policy.maxBackoff.count()));
        QTimer::singleShot(std::chrono::milliseconds(qint64(wait)), this, [this, call] { attempt(call); });
        return;
    }
    call->promise.addResult(std::move(r));
    call->promise.finish();
}

bool waitUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout)
{
    QDeadlineTimer deadline(timeout);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

} // namespace headroom::connect
