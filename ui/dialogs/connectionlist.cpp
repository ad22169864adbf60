#include "ui/dialogs/connectionlist.h"

#include <QSettings>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace headroom::ui {

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

QList<Connection> loadConnections()
{
    QSettings settings;
    QList<Connection> out;
    const int count = settings.beginReadArray(u"connections"_s);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        Connection c;
        c.name = settings.value(u"name"_s).toString();
        c.kind = model::DataSourceKind(std::clamp(settings.value(u"kind"_s).toInt(), 0, 4));
        c.endpoint = settings.value(u"endpoint"_s).toString();
        c.kubeconfig = settings.value(u"kubeconfig"_s).toString();
        c.credentialRef = settings.value(u"credentialRef"_s).toString();
        out.append(c);
    }
    settings.endArray();
    return out;
}

void saveConnections(const QList<Connection> &connections)
{
    QSettings settings;
    settings.beginWriteArray(u"connections"_s, int(connections.size()));
    for (qsizetype i = 0; i < connections.size(); ++i) {
        settings.setArrayIndex(int(i));
        settings.setValue(u"name"_s, connections[i].name);
        settings.setValue(u"kind"_s, int(connections[i].kind));
        settings.setValue(u"endpoint"_s, connections[i].endpoint);
        settings.setValue(u"kubeconfig"_s, connections[i].kubeconfig);
        settings.setValue(u"credentialRef"_s, connections[i].credentialRef);
    }
    settings.endArray();
}

} // namespace headroom::ui
