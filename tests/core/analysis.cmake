# The end-to-end scenario analysis the console, the comparison and the report share.
headroom_add_test(tst_analysis LABEL unit SOURCES core/tst_analysis.cpp LIBS headroom_analysis)
