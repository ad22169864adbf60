#pragma once

#include "core/connect/clusterimport.h"
#include "ui/dialogs/connectionlist.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

namespace headroom::connect {
class HttpClient;
class KubeClient;
} // namespace headroom::connect

namespace headroom::ui {

/// One asynchronous "Test connection" or "Import from cluster" for a saved connection, with the
/// existing connectors: KubeClient (GET /version, fetchClusterSnapshot), PrometheusClient (the
/// query "1"), the Redis inspector (AUTH with the secret, CLUSTER INFO / NODES and INFO replication
/// of every node: cluster state and shard count; a server with cluster mode off is reported as a
/// single server) and the PostgreSQL inspector (login with the secret as password, server version,
/// primary or replica by pg_is_in_recovery()). Redis and PostgreSQL run on a worker thread.
/// Every failure names host:port. finished() comes exactly once; cancel() drops the clients, so
/// their pending answers are never delivered.
class ConnectionJob final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionJob)
public:
    /// `secret`: the token or password read from the SecretStore (may be empty).
    ConnectionJob(Connection connection, QString secret, QObject *parent = nullptr);
    ~ConnectionJob() override;

    void testConnection();
    /// Kubernetes only: fetches the cluster snapshot; imported() precedes a successful finished().
    void importCluster();
    void cancel();
    bool isFinished() const { return m_finished; }

signals:
    void imported(const headroom::connect::ClusterSnapshot &snapshot);
    void finished(bool ok, const QString &message);

private:
    connect::KubeClient *kubeClient(QString *error);
    void testRedis();
    void testPostgres();
    void finish(bool ok, const QString &message);

    Connection m_connection;
    QString m_secret;
    QPointer<connect::KubeClient> m_kube;
    QPointer<connect::HttpClient> m_http;
    /// The connector with a request in flight and the end of that request. A connector must not
    /// be destroyed while its continuations are pending, so cancel() detaches it and it deletes
    /// itself once the request is over.
    QPointer<QObject> m_client;
    QFuture<void> m_request;
    bool m_finished = false;
};

/// host and port of a Redis seed ("host:port") or a PostgreSQL DSN ("host=h port=p ..." or
/// "postgresql://user@h:p/db"); port 0 when none could be read.
std::pair<QString, quint16> endpointHostPort(const Connection &connection);

} // namespace headroom::ui
