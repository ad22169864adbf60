headroom_add_bench(bench_cost SOURCES bench_cost.cpp LIBS headroom_cost)
