# From a what-if slider change to the redrawn what-if, alerts and compare views.
headroom_add_bench(bench_whatif SOURCES bench_whatif.cpp LIBS headroom_ui)
