#include "core/connect/kubeconfig.h"

#include "core/model/yamlio.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

using namespace Qt::StringLiterals;

namespace headroom::connect {

namespace {

struct Parser {
    QString path;
    QString dir;
    model::Diagnostics errors;

    void error(const YAML::Node &node, const QString &field, const QString &message)
    {
        errors.append(model::makeError(message, field, model::locationOf(node, path)));
    }
    QString str(const YAML::Node &map, const char *key) const
    {
        const YAML::Node n = map[key];
        return n && n.IsScalar() ? model::scalarText(n) : QString();
    }
    bool flag(const YAML::Node &map, const char *key) const
    {
        return str(map, key).compare(u"true"_s, Qt::CaseInsensitive) == 0;
    }
    QString file(const YAML::Node &map, const char *key) const
    {
        const QString f = str(map, key);
        if (f.isEmpty())
            return {};
        return QDir::cleanPath(QDir::isAbsolutePath(f) ? f : QDir(dir).absoluteFilePath(f));
    }
    QByteArray data(const YAML::Node &map, const char *key, const QString &field)
    {
        const QString b64 = str(map, key);
        if (b64.isEmpty())
            return {};
        auto decoded = QByteArray::fromBase64Encoding(b64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            error(map[key], field, u"not valid base64"_s);
            return {};
        }
        return *decoded;
    }
};

template <typename Fn>
void forEachNamed(Parser &p, const YAML::Node &root, const char *section, const char *inner, Fn fn)
{
    const YAML::Node list = root[section];
    if (!list || list.IsNull())
        return;
    if (!list.IsSequence()) {
        p.error(list, QString::fromLatin1(section), u"expected a list"_s);
        return;
    }
    int i = 0;
    for (const YAML::Node &entry : list) {
        const QString field = u"%1[%2]"_s.arg(QString::fromLatin1(section)).arg(i++);
        const QString name = entry.IsMap() ? p.str(entry, "name") : QString();
        if (name.isEmpty()) {
            p.error(entry, field + u".name"_s, u"every entry needs a name"_s);
            continue;
        }
        const YAML::Node body = entry[inner];
        fn(name, body && body.IsMap() ? body : YAML::Node(YAML::NodeType::Map), field + u'.' + QString::fromLatin1(inner));
    }
}

KubeExec parseExec(Parser &p, const YAML::Node &n, const QString &field)
{
    KubeExec e;
    e.apiVersion = p.str(n, "apiVersion");
    e.command = p.str(n, "command");
    if (e.command.contains(u'/') && !QDir::isAbsolutePath(e.command))
        e.command = QDir::cleanPath(QDir(p.dir).absoluteFilePath(e.command));
    if (n["args"] && n["args"].IsSequence()) {
        for (const YAML::Node &a : n["args"])
            e.args.append(model::scalarText(a));
    }
    if (n["env"] && n["env"].IsSequence()) {
        for (const YAML::Node &v : n["env"])
            e.env.append({p.str(v, "name"), p.str(v, "value")});
    }
    e.interactiveMode = p.str(n, "interactiveMode");
    e.provideClusterInfo = p.flag(n, "provideClusterInfo");
    e.installHint = p.str(n, "installHint");
    if (e.command.isEmpty())
        p.error(n, field + u".command"_s, u"an exec plugin needs a command"_s);
    return e;
}

} // namespace

model::Result<KubeConfig> parseKubeconfig(const QByteArray &text, const QString &path)
{
    model::Diagnostics diagnostics;
    KubeConfig config;
    config.files.append(path);
    if (text.trimmed().isEmpty())
        return config; // an empty file is an empty config
    auto root = model::parseYamlText(text, path, &diagnostics);
    if (!root)
        return diagnostics;
    if (!root->IsMap())
        return model::makeError(u"expected a kubeconfig mapping (kind: Config)"_s, {}, model::locationOf(*root, path));
    Parser p{path, QFileInfo(path).absolutePath(), {}};
    config.currentContext = p.str(*root, "current-context");
    forEachNamed(p, *root, "clusters", "cluster", [&](const QString &name, const YAML::Node &n, const QString &field) {
        KubeCluster c;
        c.name = name;
        c.server = p.str(n, "server");
        c.caData = p.data(n, "certificate-authority-data", field + u".certificate-authority-data"_s);
        c.caFile = p.file(n, "certificate-authority");
        c.insecureSkipTlsVerify = p.flag(n, "insecure-skip-tls-verify");
        c.tlsServerName = p.str(n, "tls-server-name");
        c.sourceFile = path;
        if (c.server.isEmpty())
            p.error(n, field + u".server"_s, u"a cluster needs a server URL"_s);
        if (!c.caData.isEmpty() && !c.caFile.isEmpty())
            p.error(n, field, u"certificate-authority and certificate-authority-data are both set; use one"_s);
        if (!config.clusters.contains(name))
            config.clusters.insert(name, c);
    });
    forEachNamed(p, *root, "users", "user", [&](const QString &name, const YAML::Node &n, const QString &field) {
        KubeUser u;
        u.name = name;
        u.token = p.str(n, "token");
        u.tokenFile = p.file(n, "tokenFile");
        u.clientCertificateData = p.data(n, "client-certificate-data", field + u".client-certificate-data"_s);
        u.clientCertificateFile = p.file(n, "client-certificate");
        u.clientKeyData = p.data(n, "client-key-data", field + u".client-key-data"_s);
        u.clientKeyFile = p.file(n, "client-key");
        if (n["exec"] && n["exec"].IsMap())
            u.exec = parseExec(p, n["exec"], field + u".exec"_s);
        u.hasBasicAuth = !p.str(n, "username").isEmpty() || !p.str(n, "password").isEmpty();
        u.hasAuthProvider = n["auth-provider"] && n["auth-provider"].IsMap();
        u.sourceFile = path;
        const bool cert = !u.clientCertificateData.isEmpty() || !u.clientCertificateFile.isEmpty();
        const bool key = !u.clientKeyData.isEmpty() || !u.clientKeyFile.isEmpty();
        if (cert != key)
            p.error(n, field, u"client-certificate and client-key must be set together"_s);
        if (!config.users.contains(name))
            config.users.insert(name, u);
    });
    forEachNamed(p, *root, "contexts", "context", [&](const QString &name, const YAML::Node &n, const QString &) {
        if (!config.contexts.contains(name))
            config.contexts.insert(name, KubeContext{name, p.str(n, "cluster"), p.str(n, "user"), p.str(n, "namespace")});
    });
    if (!p.errors.isEmpty())
        return p.errors;
    return config;
}

model::Result<KubeConfig> mergeKubeconfigs(const QStringList &paths)
{
    KubeConfig merged;
    for (const QString &path : paths) {
        QFile f(path);
        if (!f.exists())
            continue;
        if (!f.open(QIODevice::ReadOnly))
            return model::makeError(u"cannot read: %1"_s.arg(f.errorString()), {}, model::SourceLocation{path, 0, 0});
        auto one = parseKubeconfig(f.readAll(), path);
        if (!one)
            return one.errors();
        for (auto it = one->clusters.cbegin(); it != one->clusters.cend(); ++it)
            if (!merged.clusters.contains(it.key()))
                merged.clusters.insert(it.key(), it.value());
        for (auto it = one->users.cbegin(); it != one->users.cend(); ++it)
            if (!merged.users.contains(it.key()))
                merged.users.insert(it.key(), it.value());
        for (auto it = one->contexts.cbegin(); it != one->contexts.cend(); ++it)
            if (!merged.contexts.contains(it.key()))
                merged.contexts.insert(it.key(), it.value());
        if (merged.currentContext.isEmpty())
            merged.currentContext = one->currentContext;
        merged.files.append(path);
    }
    return merged;
}

QStringList kubeconfigPaths(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return {explicitPath};
    const QString env = qEnvironmentVariable("KUBECONFIG");
    if (!env.isEmpty()) {
        QStringList paths;
        QSet<QString> seen;
        for (const QString &p : env.split(QDir::listSeparator(), Qt::SkipEmptyParts)) {
            if (!seen.contains(p)) {
                seen.insert(p);
                paths.append(p);
            }
        }
        return paths;
    }
    return {QDir::home().filePath(u".kube/config"_s)};
}

model::Result<KubeConfig> loadKubeconfig(const QString &explicitPath)
{
    if (!explicitPath.isEmpty() && !QFileInfo::exists(explicitPath))
        return model::makeError(u"kubeconfig file does not exist"_s, u"--kubeconfig"_s,
                                model::SourceLocation{explicitPath, 0, 0});
    return mergeKubeconfigs(kubeconfigPaths(explicitPath));
}

model::Result<ResolvedContext> resolveContext(const KubeConfig &config, const QString &contextOverride)
{
    const QString name = contextOverride.isEmpty() ? config.currentContext : contextOverride;
    const model::SourceLocation where{config.files.join(QDir::listSeparator()), 0, 0};
    if (name.isEmpty())
        return model::makeError(u"no context chosen: current-context is not set; pass --context"_s, u"current-context"_s, where);
    if (!config.contexts.contains(name))
        return model::makeError(u"context was not found for specified context: %1"_s.arg(name), u"contexts"_s, where);
    ResolvedContext r;
    r.context = config.contexts.value(name);
    if (r.context.ns.isEmpty())
        r.context.ns = u"default"_s;
    model::Diagnostics errors;
    if (!config.clusters.contains(r.context.cluster))
        errors.append(model::makeError(u"cluster \"%1\" was not found for context \"%2\""_s.arg(r.context.cluster, name),
                                       u"contexts"_s, where));
    if (!config.users.contains(r.context.user))
        errors.append(model::makeError(u"user \"%1\" was not found for context \"%2\""_s.arg(r.context.user, name),
                                       u"contexts"_s, where));
    if (!errors.isEmpty())
        return errors;
    r.cluster = config.clusters.value(r.context.cluster);
    r.user = config.users.value(r.context.user);
    if (!r.user.token.isEmpty() && r.user.hasBasicAuth)
        return model::makeError(u"user \"%1\": more than one authentication method found"_s.arg(r.user.name), u"users"_s,
                                {r.user.sourceFile, 0, 0});
    if (r.user.exec && r.user.hasAuthProvider)
        return model::makeError(u"user \"%1\": exec and auth-provider cannot both be set"_s.arg(r.user.name), u"users"_s,
                                {r.user.sourceFile, 0, 0});
    if (r.user.hasBasicAuth)
        r.warnings.append(u"user \"%1\": basic auth (username/password) is not supported; Kubernetes removed it in 1.19"_s.arg(r.user.name));
    if (r.user.hasAuthProvider)
        r.warnings.append(u"user \"%1\": auth-provider plugins are not supported; use an exec plugin"_s.arg(r.user.name));
    if (r.cluster.insecureSkipTlsVerify)
        r.warnings.append(u"cluster \"%1\": insecure-skip-tls-verify is set; the server's certificate is NOT checked"_s.arg(r.cluster.name));
    return r;
}

} // namespace headroom::connect
