#include "core/topology/clusterlayout.h"
#include "core/topology/redisslots.h"

#include <QTest>

#include <hiredis/hiredis.h>

#include <algorithm>
#include <memory>

using namespace headroom::topology;

/// Checks the slot arithmetic against a real Redis Cluster (tests/scripts/redis-cluster.sh,
/// 3 masters + 3 replicas, address in HEADROOM_TEST_REDIS).
class TestRedisClusterLive : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void keySlotsMatchClusterKeyslot();
    void createLayoutMatchesClusterShards();
    void createLayoutMatchesClusterNodes();
    void cleanupTestCase();

private:
    struct ReplyDeleter {
        void operator()(redisReply *r) const { freeReplyObject(r); }
    };
    using Reply = std::unique_ptr<redisReply, ReplyDeleter>;
    Reply command(const char *format, const QByteArray &arg = {});

    QByteArray m_address;
    redisContext *m_redis = nullptr;
};

TestRedisClusterLive::Reply TestRedisClusterLive::command(const char *format, const QByteArray &arg)
{
    void *reply = arg.isNull() ? redisCommand(m_redis, format) : redisCommand(m_redis, format, arg.constData(), size_t(arg.size()));
    return Reply(static_cast<redisReply *>(reply));
}

void TestRedisClusterLive::initTestCase()
{
    m_address = qgetenv("HEADROOM_TEST_REDIS");
    if (m_address.isEmpty())
        QFAIL("HEADROOM_TEST_REDIS is not set: start tests/scripts/redis-cluster.sh and export HEADROOM_TEST_REDIS=127.0.0.1:7000");
    const qsizetype colon = m_address.lastIndexOf(':');
    const QByteArray host = m_address.left(colon);
    const int port = m_address.mid(colon + 1).toInt();
    const timeval timeout{5, 0};
    m_redis = redisConnectWithTimeout(host.constData(), port, timeout);
    if (!m_redis || m_redis->err)
        QFAIL(qPrintable(QStringLiteral("Redis Cluster at %1 (HEADROOM_TEST_REDIS) is unreachable: %2")
                             .arg(QString::fromUtf8(m_address),
                                  QString::fromUtf8(m_redis ? m_redis->errstr : "out of memory"))));
    const Reply info = command("CLUSTER INFO");
    QVERIFY2(info && info->type != REDIS_REPLY_ERROR,
             qPrintable(QStringLiteral("%1 is not a cluster node").arg(QString::fromUtf8(m_address))));
    QVERIFY2(QByteArray(info->str, qsizetype(info->len)).contains("cluster_state:ok"), "cluster_state is not ok");
}

void TestRedisClusterLive::keySlotsMatchClusterKeyslot()
{
    QList<QByteArray> keys{"", "{}", "{", "}", "}{", "{}{x}", "a{b}c", "a{{b}}c", "a{b}{c}", "{user:1000}.following",
                           "k\xc3\xa4se", "\xe6\x97\xa5{\xe3\x82\xbf}", QByteArray("\0bin{\xff}", 8)};
    for (int i = 0; i < 1000; ++i) {
        switch (i % 4) {
        case 0: keys << "key:" + QByteArray::number(i); break;
        case 1: keys << "user:{" + QByteArray::number(i % 97) + "}:session:" + QByteArray::number(i); break;
        case 2: keys << "{" + QByteArray::number(i * 7919, 16) + "}" + QByteArray(i % 5, '{'); break;
        default: keys << QByteArray(i % 3, '}') + "order{}" + QByteArray::number(i) + "{tag}"; break;
        }
    }
    int compared = 0;
    for (const QByteArray &key : keys) {
        const Reply reply = command("CLUSTER KEYSLOT %b", key);
        QVERIFY2(reply && reply->type == REDIS_REPLY_INTEGER, qPrintable(QStringLiteral("no KEYSLOT reply from %1")
                                                                              .arg(QString::fromUtf8(m_address))));
        QVERIFY2(keySlot(key) == int(reply->integer),
                 qPrintable(QStringLiteral("key %1: ours %2, Redis %3").arg(QString::fromLatin1(key.toHex()))
                                .arg(keySlot(key))
                                .arg(reply->integer)));
        ++compared;
    }
    QVERIFY(compared > 1000);
}

void TestRedisClusterLive::createLayoutMatchesClusterShards()
{
    const Reply shards = command("CLUSTER SHARDS");
    QVERIFY2(shards && shards->type == REDIS_REPLY_ARRAY, "CLUSTER SHARDS did not return an array");
    QList<QPair<SlotRange, int>> live; // range, nodes in the shard
    for (size_t s = 0; s < shards->elements; ++s) {
        const redisReply *shard = shards->element[s];
        const redisReply *slotList = nullptr;
        const redisReply *nodes = nullptr;
        for (size_t f = 0; f + 1 < shard->elements; f += 2) {
            const QByteArray field(shard->element[f]->str, qsizetype(shard->element[f]->len));
            if (field == "slots")
                slotList = shard->element[f + 1];
            else if (field == "nodes")
                nodes = shard->element[f + 1];
        }
        QVERIFY(slotList && nodes);
        for (size_t i = 0; i + 1 < slotList->elements; i += 2)
            live.append({{int(slotList->element[i]->integer), int(slotList->element[i + 1]->integer)}, int(nodes->elements)});
    }
    std::sort(live.begin(), live.end(), [](const auto &a, const auto &b) { return a.first.first < b.first.first; });
    const auto created = createClusterLayout(6, 1);
    QVERIFY(created.ok());
    QCOMPARE(live.size(), created->masterCount());
    for (int m = 0; m < created->masterCount(); ++m) {
        QCOMPARE(live[m].first, created->ranges(m).first());
        QCOMPARE(live[m].second, 1 + created->master(m).replicas);
    }
}

void TestRedisClusterLive::createLayoutMatchesClusterNodes()
{
    const Reply nodes = command("CLUSTER NODES");
    QVERIFY2(nodes && nodes->type != REDIS_REPLY_ERROR, "CLUSTER NODES failed");
    QList<SlotRange> ranges;
    for (const QByteArray &line : QByteArray(nodes->str, qsizetype(nodes->len)).split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() < 9 || !fields[2].split(',').contains("master") || fields[2].contains("fail"))
            continue;
        for (qsizetype i = 8; i < fields.size(); ++i) {
            if (fields[i].startsWith('['))
                continue; // migrating / importing markers
            const QList<QByteArray> bounds = fields[i].split('-');
            ranges.append({bounds[0].toInt(), bounds.value(1, bounds[0]).toInt()});
        }
    }
    std::sort(ranges.begin(), ranges.end(), [](SlotRange a, SlotRange b) { return a.first < b.first; });
    const ClusterLayout expected = layoutForMasters(3, 1);
    QCOMPARE(ranges, (QList<SlotRange>{expected.ranges(0).first(), expected.ranges(1).first(), expected.ranges(2).first()}));
}

void TestRedisClusterLive::cleanupTestCase()
{
    if (m_redis)
        redisFree(m_redis);
}

QTEST_GUILESS_MAIN(TestRedisClusterLive)
#include "tst_redisclusterlive.moc"
