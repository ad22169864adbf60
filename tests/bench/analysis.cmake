# A full recompute of WebTools Pro and its stages.
headroom_add_bench(bench_analysis SOURCES bench_analysis.cpp LIBS headroom_analysis)
