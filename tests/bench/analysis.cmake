# A full recompute of WebTools Pro, its stages, and the incremental recompute after each what-if lever.
headroom_add_bench(bench_analysis SOURCES bench_analysis.cpp LIBS headroom_analysis)
# Not a benchmark: every number of the analysis and the cost engine as text, for comparing two builds bit for bit
# (build it in both trees, run `analysis_dump OUT` in each, then `cmp`).
add_executable(analysis_dump analysis_dump.cpp)
target_link_libraries(analysis_dump PRIVATE headroom_analysis)
