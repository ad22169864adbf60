# Topology engine: Redis Cluster slots, sharding, regions, databases, caches.
headroom_add_test(tst_redisslots LABEL unit SOURCES core/tst_redisslots.cpp LIBS headroom_topology)
headroom_add_test(tst_rediscluster LABEL unit SOURCES core/tst_rediscluster.cpp LIBS headroom_topology)
headroom_add_test(tst_sharding LABEL unit SOURCES core/tst_sharding.cpp LIBS headroom_topology)
headroom_add_test(tst_regions LABEL unit SOURCES core/tst_regions.cpp LIBS headroom_topology)
headroom_add_test(tst_databasetopology LABEL unit SOURCES core/tst_databasetopology.cpp LIBS headroom_topology)
headroom_add_test(tst_cachehierarchy LABEL unit SOURCES core/tst_cachehierarchy.cpp LIBS headroom_topology)
headroom_add_test(tst_chetime LABEL unit SOURCES core/tst_chetime.cpp LIBS headroom_topology)
headroom_add_test(tst_cachesweep LABEL unit SOURCES core/tst_cachesweep.cpp LIBS headroom_topology)
headroom_add_test(tst_topologyanalysis LABEL unit SOURCES core/tst_topologyanalysis.cpp LIBS headroom_topology)

headroom_add_cli_test(cli_redis_slot ARGS redis slot somekey foo{hash_tag} PASS "somekey\t11058\nfoo{hash_tag}\t2515")
headroom_add_cli_test(cli_redis_slot_help ARGS redis slot --help PASS "KEY<TAB>SLOT")
headroom_add_cli_test(cli_redis_slot_nokey ARGS redis slot EXIT 2 PASS "missing argument")
headroom_add_cli_test(cli_redis_layout ARGS redis layout 6 --replicas 1 PASS "master-2\t1\t5462\t5461-10922")
headroom_add_cli_test(cli_redis_rebalance_add ARGS redis rebalance --masters 3 --add
    PASS "^1366	master-2	master-4	5461-6826
1365	master-3	master-4	10923-12287
1365	master-1	master-4	0-1364
moved	4096	0.25
$")
headroom_add_cli_test(cli_redis_rebalance_remove ARGS redis rebalance --masters 4 --remove 2 PASS "moved	4096	0.25")
headroom_add_cli_test(cli_redis_rebalance_usage ARGS redis rebalance --masters 3 EXIT 2 PASS "exactly one of")
headroom_add_cli_test(cli_shard_move_modulo ARGS shard move --method modulo --from 3 --to 4
    PASS "moved_fraction\t0.75\n.*basis\texact")
headroom_add_cli_test(cli_shard_move_ring ARGS shard move --method consistent --from 10 --to 11 --keys 50000
    PASS "moved_fraction\t0.0[89]")
headroom_add_cli_test(cli_shard_move_badmethod ARGS shard move --method md5 --from 3 --to 4 EXIT 2
    PASS "--method expects modulo")
headroom_add_cli_test(cli_shard_locate_jump ARGS shard locate --method jump --shards 1000 0 PASS "^0\t0\n$")
headroom_add_cli_test(cli_shard_locate_hugering ARGS shard locate --method consistent --shards 1000000 --vnodes 1000 x
    EXIT 2 PASS "exceeds 50000000 points")
headroom_add_cli_test(cli_shard_hot ARGS shard hot --method jump --shards 10 --zipf 1.2 PASS "hot_shard\t[0-9]")

# Against the real Redis Cluster of tests/scripts/redis-cluster.sh (HEADROOM_TEST_REDIS).
if(HEADROOM_SERVICE_TESTS)
    headroom_add_test(tst_redisclusterlive LABEL integration SOURCES core/tst_redisclusterlive.cpp
        LIBS headroom_topology PkgConfig::HIREDIS)
endif()
