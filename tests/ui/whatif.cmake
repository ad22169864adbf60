# What-if dock, traffic drawing, comparison, Alerts & SLOs, the command palette and the views' previews (label gui).
headroom_add_test(tst_whatif LABEL gui SOURCES ui/tst_whatif.cpp LIBS headroom_ui)
headroom_add_test(tst_compare LABEL gui SOURCES ui/tst_compare.cpp LIBS headroom_ui)
headroom_add_test(tst_alertspanel LABEL gui SOURCES ui/tst_alertspanel.cpp LIBS headroom_ui)
headroom_add_test(tst_commandpalette LABEL gui SOURCES ui/tst_commandpalette.cpp LIBS headroom_ui)
headroom_add_test(tst_previewviews LABEL gui SOURCES ui/tst_previewviews.cpp LIBS headroom_ui)
