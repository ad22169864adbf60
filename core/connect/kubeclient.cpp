#include "core/connect/kubeclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSslCertificate>
#include <QSslKey>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace headroom::connect {

namespace {

model::Result<QByteArray> readFile(const QString &path, const QString &field)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return model::makeError(u"cannot read: %1"_s.arg(f.errorString()), field, model::SourceLocation{path, 0, 0});
    return f.readAll();
}

model::Result<QSslKey> parseKey(const QByteArray &pem, const QString &where)
{
    for (const auto algorithm : {QSsl::Rsa, QSsl::Ec}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return model::makeError(u"client key is not an RSA or EC private key in PEM form"_s, u"client-key"_s,
                            model::SourceLocation{where, 0, 0});
}

QString statusMessage(const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    if (o.value(u"kind"_s).toString() == u"Status")
        return o.value(u"message"_s).toString();
    return {};
}

} // namespace

model::Diagnostic kubeError(const HttpResponse &r)
{
    QString where = r.url.toDisplayString(QUrl::RemoveUserInfo);
    if (r.status == 0) {
        QString why = r.errorString;
        if (r.networkError == QNetworkReply::SslHandshakeFailedError)
            why.append(u" (the server certificate did not verify against the cluster's certificate-authority)"_s);
        return model::makeError(r.timedOut ? u"the API server did not answer in time"_s : why, {},
                                model::SourceLocation{where, 0, 0});
    }
    where.append(u": HTTP "_s).append(QString::number(r.status));
    const QString server = statusMessage(r.body);
    QString message;
    switch (r.status) {
    case 401:
        message = u"unauthorized: the API server rejected the credentials (token expired or revoked, or a client "
                  "certificate it does not trust)"_s;
        break;
    case 403:
        message = u"forbidden: the credentials are valid but RBAC does not allow this"_s;
        break;
    case 404:
        message = r.url.path().contains(u"metrics.k8s.io"_s)
            ? u"not found: metrics.k8s.io is not served (is metrics-server installed?)"_s
            : u"not found: the object or API does not exist on this cluster"_s;
        break;
    case 409: message = u"conflict: the object changed meanwhile; read it again"_s; break;
    case 410: message = u"gone: the list's continue token expired"_s; break;
    case 422: message = u"invalid: the API server rejected the object"_s; break;
    case 429: message = u"too many requests: the API server is throttling (API Priority and Fairness)"_s; break;
    default:
        message = r.status >= 500 ? u"the API server failed"_s : u"unexpected answer"_s;
    }
    if (!server.isEmpty())
        message.append(u" — server says: "_s).append(server);
    return model::makeError(message, {}, model::SourceLocation{where, 0, 0});
}

KubeClient::KubeClient(ResolvedContext context, QObject *parent)
    : QObject(parent), m_context(std::move(context)), m_http(new HttpClient(this)), m_ssl(QSslConfiguration::defaultConfiguration())
{
    m_warnings = m_context.warnings;
    m_policy.timeout = std::chrono::seconds(30);
}

model::Result<void> KubeClient::prepare()
{
    const KubeCluster &c = m_context.cluster;
    const KubeUser &u = m_context.user;
    QByteArray caPem = c.caData;
    if (caPem.isEmpty() && !c.caFile.isEmpty()) {
        auto data = readFile(c.caFile, u"certificate-authority"_s);
        if (!data)
            return data.errors();
        caPem = data.value();
    }
    if (c.insecureSkipTlsVerify) {
        m_ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    } else if (!caPem.isEmpty()) {
        const auto certs = QSslCertificate::fromData(caPem, QSsl::Pem);
        if (certs.isEmpty())
            return model::makeError(u"certificate-authority holds no PEM certificate"_s, u"certificate-authority"_s,
                                    model::SourceLocation{c.caFile.isEmpty() ? c.sourceFile : c.caFile, 0, 0});
        m_ssl.setCaCertificates(certs); // only the cluster's CA, as kubectl does
    }

    QByteArray certPem = u.clientCertificateData, keyPem = u.clientKeyData;
    if (certPem.isEmpty() && !u.clientCertificateFile.isEmpty()) {
        auto data = readFile(u.clientCertificateFile, u"client-certificate"_s);
        if (!data)
            return data.errors();
        certPem = data.value();
    }
    if (keyPem.isEmpty() && !u.clientKeyFile.isEmpty()) {
        auto data = readFile(u.clientKeyFile, u"client-key"_s);
        if (!data)
            return data.errors();
        keyPem = data.value();
    }
    if (!u.token.isEmpty()) {
        m_bearer = u.token.toUtf8();
    } else if (!u.tokenFile.isEmpty()) {
        auto data = readFile(u.tokenFile, u"tokenFile"_s);
        if (!data)
            return data.errors();
        m_bearer = data.value().trimmed();
    } else if (u.exec && certPem.isEmpty()) {
        if (auto r = runExecPlugin(); !r)
            return r;
    }
    if (!certPem.isEmpty() || !keyPem.isEmpty()) {
        const auto certs = QSslCertificate::fromData(certPem, QSsl::Pem);
        if (certs.isEmpty())
            return model::makeError(u"client certificate is not a PEM certificate"_s, u"client-certificate"_s,
                                    model::SourceLocation{u.sourceFile, 0, 0});
        auto key = parseKey(keyPem, u.sourceFile);
        if (!key)
            return key.errors();
        m_ssl.setLocalCertificate(certs.first());
        m_ssl.setPrivateKey(key.value());
    }
    m_prepared = true;
    return {};
}

model::Result<void> KubeClient::runExecPlugin()
{
    const KubeExec &e = *m_context.user.exec;
    const model::SourceLocation where{m_context.user.sourceFile, 0, 0};
    if (e.interactiveMode == u"Always")
        return model::makeError(u"exec plugin \"%1\" needs an interactive terminal (interactiveMode: Always); "
                                "run it in a terminal first or use a token"_s.arg(e.command), u"users.exec"_s, where);
    m_warnings.append(u"running the exec credential plugin \"%1\" for user \"%2\" (from %3)"_s.arg(
        e.command, m_context.user.name, m_context.user.sourceFile));
    const QString apiVersion = e.apiVersion.isEmpty() ? u"client.authentication.k8s.io/v1"_s : e.apiVersion;
    QJsonObject spec{{u"interactive"_s, false}};
    if (e.provideClusterInfo) {
        spec.insert(u"cluster"_s, QJsonObject{{u"server"_s, m_context.cluster.server},
                                              {u"tls-server-name"_s, m_context.cluster.tlsServerName},
                                              {u"insecure-skip-tls-verify"_s, m_context.cluster.insecureSkipTlsVerify},
                                              {u"certificate-authority-data"_s,
                                               QString::fromLatin1(m_context.cluster.caData.toBase64())}});
    }
    const QJsonObject request{{u"apiVersion"_s, apiVersion}, {u"kind"_s, u"ExecCredential"_s}, {u"spec"_s, spec}};
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : e.env)
        env.insert(name, value);
    env.insert(u"KUBERNETES_EXEC_INFO"_s, QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(e.command, e.args);
    process.closeWriteChannel(); // no terminal: plugins must not prompt
    if (!process.waitForFinished(30'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        process.kill();
        QString hint = e.installHint.isEmpty() ? QString() : u" — "_s.append(e.installHint);
        return model::makeError(u"exec plugin \"%1\" failed: %2%3"_s.arg(
                                    e.command,
                                    process.error() == QProcess::FailedToStart
                                        ? process.errorString()
                                        : QString::fromUtf8(process.readAllStandardError().trimmed().left(300)),
                                    hint),
                                u"users.exec"_s, where);
    }
    const QJsonObject reply = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    const QJsonObject status = reply.value(u"status"_s).toObject();
    if (reply.value(u"apiVersion"_s).toString() != apiVersion)
        return model::makeError(u"exec plugin \"%1\" answered apiVersion \"%2\", expected \"%3\""_s.arg(
                                    e.command, reply.value(u"apiVersion"_s).toString(), apiVersion),
                                u"users.exec"_s, where);
    if (const QString token = status.value(u"token"_s).toString(); !token.isEmpty()) {
        m_bearer = token.toUtf8();
        return {};
    }
    const QByteArray cert = status.value(u"clientCertificateData"_s).toString().toUtf8();
    const QByteArray key = status.value(u"clientKeyData"_s).toString().toUtf8();
    if (cert.isEmpty() || key.isEmpty())
        return model::makeError(u"exec plugin \"%1\" returned neither a token nor a client certificate"_s.arg(e.command),
                                u"users.exec"_s, where);
    m_context.user.clientCertificateData = cert;
    m_context.user.clientKeyData = key;
    const auto certs = QSslCertificate::fromData(cert, QSsl::Pem);
    auto parsedKey = parseKey(key, m_context.user.sourceFile);
    if (certs.isEmpty() || !parsedKey)
        return model::makeError(u"exec plugin \"%1\" returned an unreadable client certificate"_s.arg(e.command),
                                u"users.exec"_s, where);
    m_ssl.setLocalCertificate(certs.first());
    m_ssl.setPrivateKey(parsedKey.value());
    return {};
}

QNetworkRequest KubeClient::makeRequest(const QString &path, const QUrlQuery &query) const
{
    QUrl url(m_context.cluster.server);
    QString prefix = url.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix.append(path));
    url.setQuery(query);
    QNetworkRequest req(url);
    req.setSslConfiguration(m_ssl);
    req.setRawHeader("Accept", "application/json");
    req.setRawHeader("User-Agent", "headroom/0.1");
    if (!m_bearer.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_bearer);
    if (!m_context.cluster.tlsServerName.isEmpty())
        req.setPeerVerifyName(m_context.cluster.tlsServerName);
    return req;
}

QFuture<model::Result<KubeResponse>> KubeClient::request(const QByteArray &verb, const QString &path,
                                                          const QUrlQuery &query, const QByteArray &body,
                                                          const QByteArray &contentType)
{
    if (!m_prepared) {
        if (auto r = prepare(); !r) {
            QPromise<model::Result<KubeResponse>> p;
            p.start();
            p.addResult(model::Result<KubeResponse>(r.errors()));
            p.finish();
            return p.future();
        }
    }
    QNetworkRequest req = makeRequest(path, query);
    if (!contentType.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    return m_http->send(verb, req, body, m_policy).then(this, [](const HttpResponse &r) -> model::Result<KubeResponse> {
        if (!r.isHttpSuccess())
            return kubeError(r);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return model::makeError(u"malformed JSON at offset %1: %2"_s.arg(error.offset).arg(error.errorString()), {},
                                    model::SourceLocation{r.url.toDisplayString(QUrl::RemoveUserInfo)
                                                              .append(u": HTTP "_s)
                                                              .append(QString::number(r.status)),
                                                          0, 0});
        KubeResponse k{r.status, doc.object(), {}};
        for (const auto &[name, value] : r.headers) {
            if (name.compare("Warning", Qt::CaseInsensitive) == 0)
                k.warnings.append(QString::fromUtf8(value));
        }
        return k;
    });
}

QFuture<model::Result<QList<QJsonObject>>> KubeClient::listAll(const QString &path, const QUrlQuery &query,
                                                               int pageSize, int maxRestarts)
{
    struct State {
        QPromise<model::Result<QList<QJsonObject>>> promise;
        QList<QJsonObject> items;
        QString continueToken;
        int restarts = 0;
        std::function<void()> run;
    };
    auto state = std::make_shared<State>();
    state->promise.start();
    auto future = state->promise.future();
    state->run = [this, state, path, query, pageSize, maxRestarts] {
        QUrlQuery q = query;
        q.addQueryItem(u"limit"_s, QString::number(pageSize));
        if (!state->continueToken.isEmpty())
            q.addQueryItem(u"continue"_s, QString::fromLatin1(QUrl::toPercentEncoding(state->continueToken)));
        request("GET", path, q).then(this, [state, maxRestarts](model::Result<KubeResponse> r) {
            auto done = [&](model::Result<QList<QJsonObject>> result) {
                state->promise.addResult(std::move(result));
                state->promise.finish();
                state->run = nullptr;
            };
            if (!r) {
                const bool expired = r.error().where.file.endsWith(u"HTTP 410"_s);
                if (expired && !state->continueToken.isEmpty() && state->restarts < maxRestarts) {
                    ++state->restarts; // the snapshot is gone: list again from the start, like client-go's pager
                    state->items.clear();
                    state->continueToken.clear();
                    state->run();
                    return;
                }
                return done(r.errors());
            }
            for (const QJsonValue &item : r->object.value(u"items"_s).toArray())
                state->items.append(item.toObject());
            state->continueToken = r->object.value(u"metadata"_s).toObject().value(u"continue"_s).toString();
            if (!state->continueToken.isEmpty()) {
                state->run();
                return;
            }
            done(std::move(state->items));
        });
    };
    state->run();
    return future;
}

} // namespace headroom::connect
