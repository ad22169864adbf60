#pragma once

#include "core/model/scenario.h"

#include <QList>
#include <QString>

/// The saved connections of the Connections dialog (QSettings group "connections"). Secrets are
/// never part of it: `credentialRef` names the keychain entry (connect::SecretStore).
namespace headroom::ui {

struct Connection {
    QString name;
    model::DataSourceKind kind = model::DataSourceKind::Prometheus;
    QString endpoint;       ///< URL, host:port, DSN without password, or the kubeconfig context
    QString kubeconfig;     ///< Kubernetes: the kubeconfig file; empty = $KUBECONFIG or ~/.kube/config
    QString credentialRef;  ///< keychain entry name; empty = no secret
    bool operator==(const Connection &) const = default;
};

QList<Connection> loadConnections();
void saveConnections(const QList<Connection> &connections);
/// The keychain entry name for a connection's secret: "connection/<kind>/<name>".
QString credentialRefFor(const Connection &connection);
QString kindName(model::DataSourceKind kind);

} // namespace headroom::ui
