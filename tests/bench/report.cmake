# Charts (LTTB, building and rendering the four charts) and the full PDF/CSV report.
headroom_add_bench(bench_charts GUI SOURCES bench_charts.cpp LIBS headroom_ui)
headroom_add_bench(bench_report GUI SOURCES bench_report.cpp LIBS headroom_ui)
