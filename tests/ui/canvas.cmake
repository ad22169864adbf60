# The topology canvas and the connections dialog (label gui: they need a QApplication, offscreen).
headroom_add_test(tst_canvas LABEL gui SOURCES ui/tst_canvas.cpp LIBS headroom_ui)
headroom_add_test(tst_canvasupdates LABEL gui SOURCES ui/tst_canvasupdates.cpp LIBS headroom_ui)
headroom_add_test(tst_connections LABEL gui SOURCES ui/tst_connections.cpp LIBS headroom_ui headroom_fixtureserver)
target_compile_definitions(tst_connections PRIVATE HEADROOM_TEST_TLS_DIR="${HEADROOM_TEST_TLS_DIR}")
if(HEADROOM_SERVICE_TESTS)
    # "Test connection" against the Redis Cluster and PostgreSQL of tests/run-all.sh
    add_test(NAME tst_connections_live COMMAND tst_connections liveRedisCluster livePostgres)
    set_tests_properties(tst_connections_live PROPERTIES LABELS integration TIMEOUT 120
        ENVIRONMENT "HEADROOM_LIVE=1;HEADROOM_KEYCHAIN_LIVE=1;QT_QPA_PLATFORM=offscreen;${HEADROOM_CONNECT_LSAN}")
endif()
