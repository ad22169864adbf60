#pragma once

#include "core/connect/httpclient.h"
#include "core/connect/kubeconfig.h"
#include "core/model/result.h"

#include <QByteArray>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

/// A Kubernetes API client for one kubeconfig context: TLS as the context says (CA data or file,
/// client certificate, tls-server-name; verification off only with insecure-skip-tls-verify),
/// bearer tokens from the kubeconfig, a token file or an exec plugin, paginated lists that restart
/// on 410 Gone, and errors that say what 401/403/404 mean.
namespace headroom::connect {

/// A successful answer: HTTP 2xx and a JSON object body.
struct KubeResponse {
    int status = 0;
    QJsonObject object;
    QStringList warnings; ///< "Warning" headers (deprecated APIs and the like)
};

class KubeClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubeClient)
public:
    /// Owns its HttpClient: QNetworkAccessManager reuses connections per host and port whatever
    /// their TLS settings, so clients with different credentials must not share one.
    explicit KubeClient(ResolvedContext context, QObject *parent = nullptr);

    /// Builds the TLS configuration and reads credentials: CA and client certificate files, the
    /// token file, or runs the exec plugin (blocking, at most 30 s, with a warning; plugins that
    /// need a terminal, interactiveMode Always, are refused). Call once before any request.
    model::Result<void> prepare();
    /// Warnings from the kubeconfig and prepare() (insecure TLS, exec plugin run, ...).
    QStringList warnings() const { return m_warnings; }
    const ResolvedContext &context() const { return m_context; }
    void setRetryPolicy(RetryPolicy policy) { m_policy = policy; }
    RetryPolicy retryPolicy() const { return m_policy; }

    /// One request. `path` is an API path ("/api/v1/nodes"); the server URL's own path is a prefix.
    /// Non-2xx answers and bodies that are not a JSON object become diagnostics located at the URL
    /// and status, worded for 401/403/404/409/410/422/429/5xx.
    QFuture<model::Result<KubeResponse>> request(const QByteArray &verb, const QString &path,
                                                 const QUrlQuery &query = {}, const QByteArray &body = {},
                                                 const QByteArray &contentType = {});
    QFuture<model::Result<KubeResponse>> get(const QString &path, const QUrlQuery &query = {})
    {
        return request("GET", path, query);
    }
    /// Every item of a list, fetched `pageSize` at a time (limit/continue). When a continue token
    /// has expired (410 Gone) the list restarts from the beginning, at most `maxRestarts` times.
    QFuture<model::Result<QList<QJsonObject>>> listAll(const QString &path, const QUrlQuery &query = {},
                                                       int pageSize = 500, int maxRestarts = 3);

private:
    model::Result<void> runExecPlugin();
    QNetworkRequest makeRequest(const QString &path, const QUrlQuery &query) const;

    ResolvedContext m_context;
    HttpClient *m_http;
    RetryPolicy m_policy;
    QSslConfiguration m_ssl;
    QByteArray m_bearer;
    QStringList m_warnings;
    bool m_prepared = false;
};

/// Maps an HTTP answer of the API server to a diagnostic (exposed for tests).
model::Diagnostic kubeError(const HttpResponse &response);

} // namespace headroom::connect
