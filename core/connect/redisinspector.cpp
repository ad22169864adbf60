#include "core/connect/redisinspector.h"

#include <hiredis/hiredis.h>

#include <QHash>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <climits>
#include <memory>
#include <sys/time.h>

using namespace Qt::StringLiterals;

namespace headroom::connect {

namespace {

struct ContextDeleter {
    void operator()(redisContext *c) const { redisFree(c); }
};
using ContextPtr = std::unique_ptr<redisContext, ContextDeleter>;

model::Diagnostic redisError(const RedisEndpoint &ep, const QString &message)
{
    return model::makeError(message, {}, model::SourceLocation{u"redis://"_s.append(ep.address()), 0, 0});
}

RespValue convert(const redisReply *reply)
{
    RespValue v;
    if (!reply)
        return v;
    switch (reply->type) {
    case REDIS_REPLY_STRING:
        v.type = RespValue::Type::String;
        v.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_STATUS:
        v.type = RespValue::Type::Status;
        v.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_ERROR:
        v.type = RespValue::Type::Error;
        v.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_INTEGER:
        v.type = RespValue::Type::Integer;
        v.integer = reply->integer;
        break;
    case REDIS_REPLY_ARRAY:
        v.type = RespValue::Type::Array;
        for (size_t i = 0; i < reply->elements; ++i)
            v.elements.append(convert(reply->element[i]));
        break;
    default:
        break;
    }
    return v;
}

/// One blocking connection, used on a worker thread only.
class Connection {
public:
    static model::Result<std::shared_ptr<Connection>> open(const RedisEndpoint &ep);
    model::Result<RespValue> command(const QList<QByteArray> &args);

private:
    Connection(RedisEndpoint ep, ContextPtr c) : m_ep(std::move(ep)), m_context(std::move(c)) {}
    RedisEndpoint m_ep;
    ContextPtr m_context;
};

model::Result<std::shared_ptr<Connection>> Connection::open(const RedisEndpoint &ep)
{
    if (ep.tls)
        return redisError(ep, u"TLS was requested, but this build's hiredis (0.14, Debian 12) has no TLS support; "
                              "connect through a TLS tunnel (stunnel, spiped) or turn TLS off for this data source"_s);
    timeval tv{};
    tv.tv_sec = long(ep.timeout.count() / 1000);
    tv.tv_usec = long(ep.timeout.count() % 1000) * 1000;
    QString lastError;
    for (int attempt = 0; attempt < std::max(1, ep.attempts); ++attempt) {
        if (attempt > 0)
            QThread::msleep(200UL << (attempt - 1)); // worker thread: a short backoff is fine here
        ContextPtr c(redisConnectWithTimeout(ep.host.toUtf8().constData(), ep.port, tv));
        if (!c) {
            lastError = u"out of memory"_s;
            continue;
        }
        if (c->err) {
            lastError = QString::fromUtf8(c->errstr);
            continue;
        }
        redisSetTimeout(c.get(), tv);
        auto conn = std::shared_ptr<Connection>(new Connection(ep, std::move(c)));
        if (!ep.password.isEmpty()) {
            QList<QByteArray> auth{"AUTH"};
            if (!ep.username.isEmpty())
                auth.append(ep.username.toUtf8());
            auth.append(ep.password.toUtf8());
            auto r = conn->command(auth);
            if (!r) // the message is the server's, never the password
                return redisError(ep, u"AUTH failed: %1"_s.arg(r.error().message));
        }
        return conn;
    }
    return redisError(ep, u"cannot connect: %1"_s.arg(lastError));
}

model::Result<RespValue> Connection::command(const QList<QByteArray> &args)
{
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        lengths.push_back(size_t(a.size()));
    }
    auto *reply = static_cast<redisReply *>(
        redisCommandArgv(m_context.get(), int(argv.size()), argv.data(), lengths.data()));
    QByteArray name = args.value(0);
    if (args.size() > 1 && name != "AUTH")
        name.append(' ').append(args[1]);
    if (!reply)
        return redisError(m_ep, u"%1: %2"_s.arg(QString::fromUtf8(name), QString::fromUtf8(m_context->errstr)));
    RespValue v = convert(reply);
    freeReplyObject(reply);
    if (v.type == RespValue::Type::Error)
        return redisError(m_ep, u"%1: %2"_s.arg(QString::fromUtf8(name), QString::fromUtf8(v.text)));
    return v;
}

bool parseSlots(const QByteArray &token, QList<SlotRange> *ranges)
{
    if (token.startsWith('['))
        return true; // [slot->-id] / [slot-<-id]: migration markers, not ownership
    bool ok1 = false, ok2 = false;
    const qsizetype dash = token.indexOf('-');
    if (dash < 0) {
        const int s = token.toInt(&ok1);
        if (ok1)
            ranges->append({s, s});
        return ok1;
    }
    const int first = token.left(dash).toInt(&ok1);
    const int last = token.mid(dash + 1).toInt(&ok2);
    if (!ok1 || !ok2 || first > last || first < 0 || last > 16383)
        return false;
    ranges->append({first, last});
    return true;
}

int countSlots(const QList<SlotRange> &slotRanges)
{
    int n = 0;
    for (const SlotRange &r : slotRanges)
        n += r.last - r.first + 1;
    return n;
}

std::optional<qint64> infoInt(const QMap<QString, QString> &info, const QString &key)
{
    bool ok = false;
    const qint64 v = info.value(key).toLongLong(&ok);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

} // namespace

int RedisShard::slotCount() const
{
    return countSlots(slotRanges);
}

model::Result<QList<RedisNode>> parseClusterNodes(const QByteArray &text)
{
    QList<RedisNode> nodes;
    int lineNo = 0;
    for (const QByteArray &line : text.split('\n')) {
        ++lineNo;
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        const QList<QByteArray> f = trimmed.split(' ');
        auto bad = [&](const QString &why) {
            return model::makeError(u"CLUSTER NODES line %1: %2: \"%3\""_s.arg(lineNo).arg(why,
                                                                                    QString::fromUtf8(trimmed)));
        };
        if (f.size() < 8)
            return bad(u"expected at least 8 fields"_s);
        RedisNode n;
        n.id = QString::fromLatin1(f[0]);
        QByteArray addr = f[1];
        addr = addr.left(addr.indexOf('@') < 0 ? addr.size() : addr.indexOf('@'));
        const qsizetype colon = addr.lastIndexOf(':');
        bool okPort = false;
        n.port = colon < 0 ? 0 : addr.mid(colon + 1).toInt(&okPort);
        if (!okPort)
            return bad(u"address must be ip:port@cport"_s);
        n.host = QString::fromUtf8(addr.left(colon));
        n.flags = QString::fromLatin1(f[2]).split(u',');
        n.masterId = f[3] == "-" ? QString() : QString::fromLatin1(f[3]);
        n.connected = f[7] == "connected";
        for (qsizetype i = 8; i < f.size(); ++i) {
            if (!parseSlots(f[i], &n.slotRanges))
                return bad(u"bad slot range \"%1\""_s.arg(QString::fromLatin1(f[i])));
        }
        nodes.append(std::move(n));
    }
    if (nodes.isEmpty())
        return model::makeError(u"CLUSTER NODES: empty answer"_s);
    return nodes;
}

QMap<QString, QString> parseInfo(const QByteArray &text)
{
    QMap<QString, QString> info;
    QByteArray body = text;
    if (body.startsWith("txt:"))
        body = body.mid(4); // RESP3 verbatim string
    for (const QByteArray &line : body.split('\n')) {
        const QByteArray l = line.trimmed();
        if (l.isEmpty() || l.startsWith('#'))
            continue;
        const qsizetype colon = l.indexOf(':');
        if (colon > 0)
            info.insert(QString::fromUtf8(l.left(colon)), QString::fromUtf8(l.mid(colon + 1)));
    }
    return info;
}

QMap<QString, QString> fieldArray(const RespValue &reply)
{
    QMap<QString, QString> map;
    for (qsizetype i = 0; i + 1 < reply.elements.size(); i += 2) {
        const RespValue &value = reply.elements[i + 1];
        map.insert(QString::fromUtf8(reply.elements[i].text),
                   value.type == RespValue::Type::Integer ? QString::number(value.integer)
                                                          : QString::fromUtf8(value.text));
    }
    return map;
}

QMap<QString, QString> parseClusterShardsHealth(const RespValue &reply)
{
    QMap<QString, QString> health;
    for (const RespValue &shard : reply.elements) {
        for (qsizetype i = 0; i + 1 < shard.elements.size(); i += 2) {
            if (shard.elements[i].text != "nodes")
                continue;
            for (const RespValue &node : shard.elements[i + 1].elements) {
                const auto fields = fieldArray(node);
                health.insert(fields.value(u"id"_s), fields.value(u"health"_s));
            }
        }
    }
    return health;
}

RedisClusterTopology groupShards(const QList<RedisNode> &nodes)
{
    RedisClusterTopology t;
    QHash<QString, qsizetype> byMaster;
    for (const RedisNode &n : nodes) {
        if (n.isMaster() && !n.slotRanges.isEmpty() && !n.isFailed()) {
            byMaster.insert(n.id, t.shards.size());
            RedisShard s;
            s.master = n;
            s.slotRanges = n.slotRanges;
            std::sort(s.slotRanges.begin(), s.slotRanges.end(), [](auto a, auto b) { return a.first < b.first; });
            t.slotsAssigned += s.slotCount();
            t.shards.append(std::move(s));
        }
    }
    for (const RedisNode &n : nodes) {
        if (byMaster.contains(n.id))
            continue;
        const auto it = byMaster.constFind(n.masterId);
        if (!n.isMaster() && it != byMaster.cend() && !n.isFailed())
            t.shards[*it].replicas.append(n);
        else
            t.otherNodes.append(n);
    }
    std::sort(t.shards.begin(), t.shards.end(),
              [](const RedisShard &a, const RedisShard &b) { return a.slotRanges.first().first < b.slotRanges.first().first; });
    if (t.slotsAssigned != 16384)
        t.warnings.append(u"%1 of 16384 slots are assigned to a reachable master"_s.arg(t.slotsAssigned));
    return t;
}

/// Fills memory and replication fields of `node` from its own INFO.
static void readNodeInfo(RedisNode &node, const RedisEndpoint &seed, QStringList &warnings)
{
    RedisEndpoint ep = seed;
    ep.host = node.host;
    ep.port = node.port;
    ep.attempts = 1;
    auto conn = Connection::open(ep);
    if (!conn) {
        warnings.append(conn.error().toString());
        return;
    }
    auto mem = conn.value()->command({"INFO", "memory"});
    auto repl = conn.value()->command({"INFO", "replication"});
    if (!mem || !repl) {
        warnings.append((mem ? repl : mem).error().toString());
        return;
    }
    const auto m = parseInfo(mem->text);
    const auto r = parseInfo(repl->text);
    if (auto used = infoInt(m, u"used_memory"_s))
        node.usedMemoryBytes = double(*used);
    if (auto max = infoInt(m, u"maxmemory"_s))
        node.maxMemoryBytes = double(*max);
    node.replicationOffset = infoInt(r, r.value(u"role"_s) == u"master" ? u"master_repl_offset"_s
                                                                          : u"slave_repl_offset"_s);
    node.linkStatus = r.value(u"master_link_status"_s);
}

model::Result<RedisClusterTopology> inspectRedisCluster(const RedisEndpoint &seed)
{
    auto conn = Connection::open(seed);
    if (!conn)
        return conn.errors();
    auto info = conn.value()->command({"CLUSTER", "INFO"});
    if (!info)
        return info.errors();
    auto nodesReply = conn.value()->command({"CLUSTER", "NODES"});
    if (!nodesReply)
        return nodesReply.errors();
    auto nodes = parseClusterNodes(nodesReply->text);
    if (!nodes)
        return redisError(seed, nodes.error().message);
    // CLUSTER SHARDS is new in 7.0: older servers answer an error, which only costs the health column.
    QStringList warnings;
    if (auto shards = conn.value()->command({"CLUSTER", "SHARDS"})) {
        const auto health = parseClusterShardsHealth(shards.value());
        for (RedisNode &n : nodes.value())
            n.health = health.value(n.id);
    } else {
        warnings.append(shards.error().toString());
    }
    for (RedisNode &n : nodes.value()) {
        if (n.host.isEmpty()) // "myself" may show ":0" before the first gossip round
            n.host = seed.host;
        if (!n.isFailed())
            readNodeInfo(n, seed, warnings);
    }
    RedisClusterTopology t = groupShards(nodes.value());
    t.clusterState = parseInfo(info->text).value(u"cluster_state"_s);
    t.warnings.append(warnings);
    for (RedisShard &s : t.shards) {
        for (RedisNode &r : s.replicas) {
            if (s.master.replicationOffset && r.replicationOffset)
                r.lagBytes = std::max<qint64>(0, *s.master.replicationOffset - *r.replicationOffset);
        }
    }
    return t;
}

QFuture<model::Result<RedisClusterTopology>> inspectRedisClusterAsync(const RedisEndpoint &seed, QThreadPool *pool)
{
    return QtConcurrent::run(pool ? pool : QThreadPool::globalInstance(), [seed] { return inspectRedisCluster(seed); });
}

model::Result<QList<SentinelMaster>> inspectSentinel(const RedisEndpoint &sentinel)
{
    auto conn = Connection::open(sentinel);
    if (!conn)
        return conn.errors();
    auto masters = conn.value()->command({"SENTINEL", "MASTERS"});
    if (!masters)
        return masters.errors();
    QList<SentinelMaster> result;
    for (const RespValue &row : masters->elements) {
        const auto f = fieldArray(row);
        SentinelMaster m;
        m.name = f.value(u"name"_s);
        m.host = f.value(u"ip"_s);
        m.port = f.value(u"port"_s).toInt();
        m.flags = f.value(u"flags"_s).split(u',', Qt::SkipEmptyParts);
        m.quorum = f.value(u"quorum"_s).toInt();
        m.replicas = f.value(u"num-slaves"_s).toInt();
        m.otherSentinels = f.value(u"num-other-sentinels"_s).toInt();
        auto replicas = conn.value()->command({"SENTINEL", "REPLICAS", m.name.toUtf8()});
        if (!replicas)
            return replicas.errors();
        for (const RespValue &r : replicas->elements)
            m.replicaFields.append(fieldArray(r));
        result.append(std::move(m));
    }
    return result;
}

QFuture<model::Result<QList<SentinelMaster>>> inspectSentinelAsync(const RedisEndpoint &sentinel)
{
    return QtConcurrent::run([sentinel] { return inspectSentinel(sentinel); });
}

model::RedisCluster toScenarioRedis(const RedisClusterTopology &topology, int sentinels)
{
    model::RedisCluster r;
    r.shards = int(topology.shards.size());
    int minReplicas = topology.shards.isEmpty() ? 0 : INT_MAX;
    double memory = 0;
    for (const RedisShard &s : topology.shards) {
        minReplicas = std::min(minReplicas, int(s.replicas.size()));
        const double max = s.master.maxMemoryBytes.value_or(0);
        memory = std::max(memory, max > 0 ? max : s.master.usedMemoryBytes.value_or(0));
    }
    r.replicasPerShard = minReplicas;
    r.maxMemoryPerShardBytes = memory;
    r.sentinels = sentinels;
    return r;
}

} // namespace headroom::connect
