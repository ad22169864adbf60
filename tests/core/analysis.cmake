# The end-to-end scenario analysis the console, the comparison and the report share.
headroom_add_test(tst_analysis LABEL unit SOURCES core/tst_analysis.cpp LIBS headroom_analysis)
# The incremental analysis equals a full one after every what-if lever (many full analyses: slow).
headroom_add_test(tst_analysisincremental LABEL unit TIMEOUT 300 SOURCES core/tst_analysisincremental.cpp
    core/analysisdump.h LIBS headroom_analysis)
