# The topology canvas and the connections dialog (label gui: they need a QApplication, offscreen).
headroom_add_test(tst_canvas LABEL gui SOURCES ui/tst_canvas.cpp LIBS headroom_ui)
headroom_add_test(tst_connections LABEL gui SOURCES ui/tst_connections.cpp LIBS headroom_ui headroom_fixtureserver)
target_compile_definitions(tst_connections PRIVATE HEADROOM_TEST_TLS_DIR="${HEADROOM_TEST_TLS_DIR}")
