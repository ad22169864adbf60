headroom_add_test(tst_hpareplicacalculator LABEL unit SOURCES core/tst_hpareplicacalculator.cpp LIBS headroom_autoscale)
headroom_add_test(tst_hpabehavior LABEL unit SOURCES core/tst_hpabehavior.cpp LIBS headroom_autoscale)
headroom_add_test(tst_hpacontroller LABEL unit SOURCES core/tst_hpacontroller.cpp LIBS headroom_autoscale)
headroom_add_test(tst_hpaexplain LABEL unit SOURCES core/tst_hpaexplain.cpp LIBS headroom_autoscale)
