# From a what-if slider change to the recomputed analysis and the rendered Charts page and
# Topology canvas (engine, charts, canvas and total times per lever), and to the redrawn what-if,
# alerts and compare views. Run with QT_QPA_PLATFORM=offscreen.
headroom_add_bench(bench_whatif GUI SOURCES bench_whatif.cpp LIBS headroom_ui)
