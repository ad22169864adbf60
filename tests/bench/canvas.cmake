# The topology canvas: panning a 500-node / 5,000-pod cluster and following a new analysis.
headroom_add_bench(bench_canvas GUI SOURCES bench_canvas.cpp LIBS headroom_ui)
