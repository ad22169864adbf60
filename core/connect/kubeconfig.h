#pragma once

#include "core/model/result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

/// kubeconfig files, loaded and merged the way kubectl (client-go clientcmd) does it.
namespace headroom::connect {

struct KubeCluster {
    QString name;
    QString server;               ///< https://host:port[/prefix]
    QByteArray caData;            ///< PEM (certificate-authority-data, base64-decoded)
    QString caFile;               ///< certificate-authority, absolute
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QString sourceFile;           ///< the kubeconfig that defined it
};

/// An exec credential plugin (client.authentication.k8s.io/v1 or v1beta1).
struct KubeExec {
    QString apiVersion;
    QString command;              ///< resolved against the kubeconfig's folder when it has a '/'
    QStringList args;
    QList<QPair<QString, QString>> env;
    QString interactiveMode;      ///< Never, IfAvailable, Always
    bool provideClusterInfo = false;
    QString installHint;
};

struct KubeUser {
    QString name;
    QString token;                ///< a static bearer token (kept out of messages)
    QString tokenFile;            ///< absolute
    QByteArray clientCertificateData; ///< PEM
    QString clientCertificateFile;
    QByteArray clientKeyData;         ///< PEM
    QString clientKeyFile;
    std::optional<KubeExec> exec;
    bool hasBasicAuth = false;    ///< username/password: legacy, not supported (a warning)
    bool hasAuthProvider = false; ///< removed in-tree providers (a warning)
    QString sourceFile;
};

struct KubeContext {
    QString name;
    QString cluster;
    QString user;
    QString ns;                   ///< empty = "default"
};

struct KubeConfig {
    QMap<QString, KubeCluster> clusters;
    QMap<QString, KubeUser> users;
    QMap<QString, KubeContext> contexts;
    QString currentContext;
    QStringList files;            ///< the files merged, in order
};

/// One context with its cluster and user, ready to connect.
struct ResolvedContext {
    KubeContext context;
    KubeCluster cluster;
    KubeUser user;
    QStringList warnings;
};

/// Parses one kubeconfig. Relative paths are resolved against the file's folder; `-data` fields
/// are base64-decoded. Errors name the file, line and field.
model::Result<KubeConfig> parseKubeconfig(const QByteArray &text, const QString &path);
/// Merges files in order: the first file that defines a cluster/user/context name wins, and the
/// first non-empty current-context wins. Missing files are skipped; unreadable or invalid ones fail.
model::Result<KubeConfig> mergeKubeconfigs(const QStringList &paths);
/// The files kubectl would read: `explicitPath` alone (it must exist) when given, else the
/// entries of $KUBECONFIG (':'-separated, duplicates dropped), else ~/.kube/config.
QStringList kubeconfigPaths(const QString &explicitPath = {});
/// Loads what kubeconfigPaths() names. An explicit path that does not exist is an error.
model::Result<KubeConfig> loadKubeconfig(const QString &explicitPath = {});
/// `contextOverride` (--context) wins over current-context. Checks the context's cluster and user
/// exist and that the user has at most one of token / basic auth, and not exec with auth-provider.
model::Result<ResolvedContext> resolveContext(const KubeConfig &config, const QString &contextOverride = {});

} // namespace headroom::connect
