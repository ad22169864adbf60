#include "ui/dialogs/connectionjob.h"

#include "core/connect/httpclient.h"
#include "core/connect/kubeclient.h"
#include "core/connect/prometheusclient.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

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
    case model::DataSourceKind::PostgreSQL: {
        const auto [host, port] = endpointHostPort(m_connection);
        if (host.isEmpty() || port == 0)
            return finish(false, tr("Cannot read a host and port from \"%1\"").arg(m_connection.endpoint));
        testTcp(host, port);
        return;
    }
    }
}

void ConnectionJob::testTcp(const QString &host, quint16 port)
{
    m_socket = new QTcpSocket(this);
    QTcpSocket *socket = m_socket;
    connect(socket, &QTcpSocket::connected, this, [this, host, port] {
        finish(true, tr("%1:%2 accepts connections").arg(host).arg(port));
    });
    connect(socket, &QTcpSocket::errorOccurred, this,
            [this, socket](QAbstractSocket::SocketError) { finish(false, socket->errorString()); });
    QTimer::singleShot(10'000, socket, [this] { finish(false, tr("No answer within 10 s")); });
    socket->connectToHost(host, port);
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
    delete m_socket.data();
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
