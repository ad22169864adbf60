# Cost module: catalog, cost engine, savings plan, CLI.
headroom_add_test(tst_catalog LABEL unit SOURCES core/tst_catalog.cpp LIBS headroom_cost)
headroom_add_test(tst_costmodel LABEL unit SOURCES core/tst_costmodel.cpp core/costfixture.h LIBS headroom_cost)
headroom_add_test(tst_savingsplan LABEL unit SOURCES core/tst_savingsplan.cpp LIBS headroom_cost)
