# Cost module: catalog, cost engine, savings plan, CLI.
headroom_add_test(tst_catalog LABEL unit SOURCES core/tst_catalog.cpp LIBS headroom_cost)
