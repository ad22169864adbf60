#include "ui/dialogs/connectionlist.h"

#include <QSettings>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace headroom::ui {

namespace {

const QString kLegacyArray = u"connections"_s;
const QString kKubeconfigGroup = u"connectionKubeconfigs"_s;

/// A settings key for any name ('/' and '\\' would otherwise open sub-groups).
QString settingsKey(const QString &name)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(name));
}

} // namespace

QString kindName(model::DataSourceKind kind)
{
    switch (kind) {
    case model::DataSourceKind::Kubernetes: return u"kubernetes"_s;
    case model::DataSourceKind::Prometheus: return u"prometheus"_s;
    case model::DataSourceKind::Redis: return u"redis"_s;
    case model::DataSourceKind::PostgreSQL: return u"postgresql"_s;
    case model::DataSourceKind::Pricing: return u"pricing"_s;
    }
    return {};
}

QString credentialRefFor(const Connection &connection)
{
    return u"connection/%1/%2"_s.arg(kindName(connection.kind), connection.name);
}

QList<Connection> connectionsFromScenario(const model::Scenario &scenario)
{
    QSettings settings;
    settings.beginGroup(kKubeconfigGroup);
    QList<Connection> out;
    for (const model::DataSource &d : scenario.spec.dataSources) {
        Connection c{d.name, d.kind, d.endpoint, {}, d.credentialRef, d.queries};
        if (c.kind == model::DataSourceKind::Kubernetes)
            c.kubeconfig = settings.value(settingsKey(c.name)).toString();
        out.append(c);
    }
    return out;
}

model::DataSource toDataSource(const Connection &connection)
{
    return {connection.name, connection.kind, connection.endpoint, connection.credentialRef, connection.queries};
}

QList<model::DataSource> toDataSources(const QList<Connection> &connections)
{
    QList<model::DataSource> out;
    for (const Connection &c : connections)
        out.append(toDataSource(c));
    return out;
}

void saveKubeconfigPaths(const QList<Connection> &connections)
{
    QSettings settings;
    settings.beginGroup(kKubeconfigGroup);
    for (const Connection &c : connections) {
        if (c.kind != model::DataSourceKind::Kubernetes)
            continue;
        if (c.kubeconfig.isEmpty())
            settings.remove(settingsKey(c.name));
        else
            settings.setValue(settingsKey(c.name), c.kubeconfig);
    }
}

QList<Connection> loadLegacyConnections()
{
    QSettings settings;
    QList<Connection> out;
    const int count = settings.beginReadArray(kLegacyArray);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        Connection c;
        c.name = settings.value(u"name"_s).toString();
        c.kind = model::DataSourceKind(std::clamp(settings.value(u"kind"_s).toInt(), 0, 4));
        c.endpoint = settings.value(u"endpoint"_s).toString();
        c.kubeconfig = settings.value(u"kubeconfig"_s).toString();
        c.credentialRef = settings.value(u"credentialRef"_s).toString();
        if (!c.name.isEmpty())
            out.append(c);
    }
    settings.endArray();
    return out;
}

void clearLegacyConnections()
{
    QSettings().remove(kLegacyArray);
}

} // namespace headroom::ui
