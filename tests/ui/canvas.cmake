# The topology canvas and the connections dialog (label gui: they need a QApplication, offscreen).
headroom_add_test(tst_canvas LABEL gui SOURCES ui/tst_canvas.cpp LIBS headroom_ui)
