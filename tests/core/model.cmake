headroom_add_test(tst_units LABEL unit SOURCES core/tst_units.cpp LIBS headroom_model)
headroom_add_test(tst_scenarioio LABEL unit SOURCES core/tst_scenarioio.cpp LIBS headroom_model)
headroom_add_test(tst_csv LABEL unit SOURCES core/tst_csv.cpp LIBS headroom_model)
