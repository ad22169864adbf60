# Charts (LTTB, builders, the chart view and page) and the PDF/CSV report.
headroom_add_test(tst_chartslttb LABEL unit SOURCES ui/tst_chartslttb.cpp LIBS headroom_ui)
headroom_add_test(tst_charts LABEL gui SOURCES ui/tst_charts.cpp LIBS headroom_ui TIMEOUT 300)
headroom_add_test(tst_chartdraw LABEL gui SOURCES ui/tst_chartdraw.cpp LIBS headroom_ui TIMEOUT 300)
headroom_add_test(tst_report LABEL unit SOURCES ui/tst_report.cpp LIBS headroom_ui TIMEOUT 600)
add_dependencies(tst_report headroom-cli)
