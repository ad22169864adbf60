#include "ui/dialogs/connectionjob.h"

#include "core/connect/httpclient.h"
#include "core/connect/kubeclient.h"
#include "core/connect/pginspector.h"
#include "core/connect/prometheusclient.h"
#include "core/connect/redisinspector.h"
#include "ui/backgroundwork.h"
#include "ui/dialogs/futurewatch.h"

#include <QRegularExpression>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace headroom::ui {

ConnectionJob::ConnectionJob(Connection connection, QString secret, QObject *parent)
    : QObject(parent), m_connection(std::move(connection)), m_secret(std::move(secret))
{
}

ConnectionJob::~ConnectionJob()
{
    m_finished = true; // nobody listens any more
    cancel();
}

std::pair<QString, quint16> endpointHostPort(const Connection &connection)
{
    const QString text = connection.endpoint.trimmed();
    const quint16 defaultPort = connection.kind == model::DataSourceKind::PostgreSQL ? 5432 : 6379;
    if (text.contains(u"://"_s)) {
        const QUrl url(text);
        return {url.host(), quint16(url.port(defaultPort))};
    }
    if (text.contains(u'=')) {
        const auto value = [&](const QString &key) {
            const auto m = QRegularExpression(u"(?:^|\\s)"_s + key + u"\\s*=\\s*(\\S+)"_s).match(text);
            return m.hasMatch() ? m.captured(1) : QString();
        };
        const QString port = value(u"port"_s);
        return {value(u"host"_s), port.isEmpty() ? defaultPort : quint16(port.toUInt())};
    }
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon < 0)
        return {text, defaultPort};
    return {text.left(colon), quint16(text.mid(colon + 1).toUInt())};
}

connect::KubeClient *ConnectionJob::kubeClient(QString *error)
{
    const auto config = connect::loadKubeconfig(m_connection.kubeconfig);
    if (!config) {
        *error = config.errorString();
        return nullptr;
    }
    auto context = connect::resolveContext(config.value(), m_connection.endpoint);
    if (!context) {
        *error = context.errorString();
        return nullptr;
    }
    if (!m_secret.isEmpty())
        context->user.token = m_secret;
    auto *client = new connect::KubeClient(context.value(), this);
    if (const auto prepared = client->prepare(); !prepared) {
        *error = prepared.errorString();
        delete client;
        return nullptr;
    }
    m_kube = client;
    return client;
}

void ConnectionJob::testConnection()
{
    switch (m_connection.kind) {
    case model::DataSourceKind::Kubernetes: {
        QString error;
        connect::KubeClient *client = kubeClient(&error);
        if (!client)
            return finish(false, error);
        m_client = client;
        m_request = client->get(u"/version"_s).then(client, [this, self = QPointer(this)](
                                                                 const model::Result<connect::KubeResponse> &r) {
            if (!self || m_finished)
                return;
            if (!r)
                return finish(false, r.errorString());
            finish(true, tr("Kubernetes %1 answers").arg(r->object.value(u"gitVersion"_s).toString()));
        });
        return;
    }
    case model::DataSourceKind::Prometheus:
    case model::DataSourceKind::Pricing: {
        m_http = new connect::HttpClient(this);
        auto *prometheus = new connect::PrometheusClient(QUrl(m_connection.endpoint), m_http, m_http);
        if (!m_secret.isEmpty())
            prometheus->setBearerToken(m_secret);
        m_client = m_http;
        m_request = prometheus->query(u"1"_s).then(m_http.data(), [this, self = QPointer(this)](
                                                                      const model::Result<connect::PromQueryResult> &r) {
            if (!self || m_finished)
                return;
            finish(r.ok(), r ? tr("Prometheus answers queries") : r.errorString());
        });
        return;
    }
    case model::DataSourceKind::Redis:
        return testRedis();
    case model::DataSourceKind::PostgreSQL:
        return testPostgres();
    }
}

void ConnectionJob::testRedis()
{
    const auto [host, port] = endpointHostPort(m_connection);
    if (host.isEmpty() || port == 0)
        return finish(false, tr("Cannot read a host and port from \"%1\"").arg(m_connection.endpoint));
    connect::RedisEndpoint endpoint;
    endpoint.host = host;
    endpoint.port = port;
    endpoint.password = m_secret;
    endpoint.attempts = 1;
    const QString address = endpoint.address();
    whenFinished(connect::inspectRedisClusterAsync(endpoint, backgroundPool()), this,
        [this, address](const model::Result<connect::RedisClusterTopology> &r) {
            if (m_finished)
                return;
            if (!r) {
                const QString message = r.error().message;
                // the server answered (AUTH passed): it is a single server, not a cluster node
                if (message.contains(u"cluster support disabled"_s))
                    return finish(true, tr("Redis at %1 answers; cluster mode is off (a single server)").arg(address));
                return finish(false, tr("Redis at %1: %2").arg(address, message));
            }
            int replicas = 0;
            for (const connect::RedisShard &shard : r->shards)
                replicas += int(shard.replicas.size());
            QString text = tr("Redis Cluster at %1: cluster_state %2, %n shard(s)", nullptr, int(r->shards.size()))
                               .arg(address, r->clusterState);
            text.append(tr(", %n replica(s)", nullptr, replicas));
            if (!r->warnings.isEmpty())
                text.append(u"\n"_s).append(r->warnings.join(u'\n'));
            finish(r->clusterState == u"ok"_s, text);
        });
}

void ConnectionJob::testPostgres()
{
    auto endpoint = connect::pgEndpointFromDsn(m_connection.endpoint);
    if (!endpoint)
        return finish(false, endpoint.errorString());
    endpoint->password = m_secret;
    endpoint->attempts = 1;
    const QString address = endpoint->address();
    whenFinished(QtConcurrent::run(backgroundPool(), [endpoint = endpoint.value()] { return connect::inspectPostgres(endpoint); }), this,
        [this, address](const model::Result<connect::PgServer> &r) {
            if (m_finished)
                return;
            if (!r)
                return finish(false, tr("PostgreSQL at %1: %2").arg(address, r.error().message));
            if (r->inRecovery && r->upstream.isEmpty()) // the WAL sender is visible to privileged roles only
                return finish(true, tr("PostgreSQL %1 at %2: replica (in recovery)").arg(r->version, address));
            if (r->inRecovery)
                return finish(true, tr("PostgreSQL %1 at %2: replica (in recovery), streaming from %3")
                                        .arg(r->version, address, r->upstream));
            finish(true, tr("PostgreSQL %1 at %2: primary, %n streaming replica(s)", nullptr, int(r->replicas.size()))
                             .arg(r->version, address));
        });
}

void ConnectionJob::importCluster()
{
    if (m_connection.kind != model::DataSourceKind::Kubernetes)
        return finish(false, tr("Only a Kubernetes connection can be imported"));
    QString error;
    connect::KubeClient *client = kubeClient(&error);
    if (!client)
        return finish(false, error);
    m_client = client;
    m_request = connect::fetchClusterSnapshot(client, 500).then(client, [this, self = QPointer(this)](
                                                                            const model::Result<connect::ClusterSnapshot> &r) {
        if (!self || m_finished)
            return;
        if (!r)
            return finish(false, r.errorString());
        emit imported(r.value());
        finish(true, tr("Imported %n node(s)", nullptr, int(r->nodes.size())));
    });
}

void ConnectionJob::cancel()
{
    if (m_client && !m_request.isFinished()) {
        QObject *client = m_client;
        client->disconnect(this);
        client->setParent(nullptr);
        m_request.then([client] { client->deleteLater(); });
    }
    if (!m_finished) {
        m_finished = true;
        emit finished(false, tr("Cancelled"));
    }
}

void ConnectionJob::finish(bool ok, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(ok, message);
}

} // namespace headroom::ui
