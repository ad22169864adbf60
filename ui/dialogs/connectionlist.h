#pragma once

#include "core/model/scenario.h"

#include <QList>
#include <QMap>
#include <QString>

/// The connections of the Connections dialog are the document's data sources (`spec.dataSources`),
/// saved with the scenario file and edited through the undo stack. Secrets are never part of them:
/// `credentialRef` names the keychain entry (connect::SecretStore), the same name `headroom-cli
/// ... --password-secret NAME` reads. The kubeconfig file of a Kubernetes context is a path on this
/// machine, so it stays in the local settings, keyed by the data source's name.
namespace headroom::ui {

struct Connection {
    QString name;
    model::DataSourceKind kind = model::DataSourceKind::Prometheus;
    QString endpoint;       ///< URL, host:port, DSN without password, or the kubeconfig context
    QString kubeconfig;     ///< Kubernetes: the kubeconfig file; empty = $KUBECONFIG or ~/.kube/config
    QString credentialRef;  ///< keychain entry name; empty = no secret
    QMap<QString, QString> queries; ///< Prometheus: purpose -> PromQL, kept as the file has them
    bool operator==(const Connection &) const = default;
};

/// The scenario's data sources, each Kubernetes one with its kubeconfig path from the local settings.
QList<Connection> connectionsFromScenario(const model::Scenario &scenario);
/// A connection as the scenario stores it (without the machine-local kubeconfig path).
model::DataSource toDataSource(const Connection &connection);
QList<model::DataSource> toDataSources(const QList<Connection> &connections);
/// Remembers the kubeconfig paths of the Kubernetes connections in the local settings.
void saveKubeconfigPaths(const QList<Connection> &connections);

/// Connections an earlier version kept in the settings (array "connections"); empty once migrated.
QList<Connection> loadLegacyConnections();
/// Forgets the legacy list after its entries moved into a scenario.
void clearLegacyConnections();

/// The keychain entry name for a connection's secret: "connection/<kind>/<name>".
QString credentialRefFor(const Connection &connection);
QString kindName(model::DataSourceKind kind);

} // namespace headroom::ui
