# Tests of the GUI shell (label gui) and of the path-based field access it edits through (unit).
headroom_add_test(tst_scenariopath LABEL unit SOURCES ui/tst_scenariopath.cpp LIBS headroom_model)
headroom_add_test(tst_scenariodocument LABEL unit SOURCES ui/tst_scenariodocument.cpp LIBS headroom_ui)
headroom_add_test(tst_analysisrunner LABEL unit SOURCES ui/tst_analysisrunner.cpp LIBS headroom_ui)
headroom_add_test(tst_scenariotreemodel LABEL gui SOURCES ui/tst_scenariotreemodel.cpp LIBS headroom_ui)
headroom_add_test(tst_mainwindow LABEL gui SOURCES ui/tst_mainwindow.cpp LIBS headroom_ui)
headroom_add_test(tst_theme LABEL gui SOURCES ui/tst_theme.cpp LIBS headroom_ui)
include(ui/whatif.cmake OPTIONAL)
