# Connector benchmarks (issue 7): a 5,000-pod / 500-node import, query_range parsing.
headroom_add_bench(bench_connect SOURCES bench_connect.cpp LIBS headroom_connect headroom_fixtureserver)
target_compile_definitions(bench_connect PRIVATE HEADROOM_TEST_TLS_DIR="${HEADROOM_TEST_TLS_DIR}")
