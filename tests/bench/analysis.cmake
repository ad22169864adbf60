# A full recompute of WebTools Pro, its stages, and the incremental recompute after each what-if lever.
headroom_add_bench(bench_analysis SOURCES bench_analysis.cpp LIBS headroom_analysis)
