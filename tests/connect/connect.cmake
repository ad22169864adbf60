# Connector tests (issue 7). Fixture-server tests always run; tests that need the real services
# of tests/run-all.sh are registered only with HEADROOM_SERVICE_TESTS, labelled integration.
headroom_add_test(tst_secretstore LABEL unit SOURCES connect/tst_secretstore.cpp LIBS headroom_connect
    ENV "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/headroom-test-bus;DISPLAY=")
if(HEADROOM_SERVICE_TESTS)
    add_test(NAME tst_secretstore_keychain COMMAND tst_secretstore keychainRoundTrip)
    set_tests_properties(tst_secretstore_keychain PROPERTIES LABELS integration TIMEOUT 120
        ENVIRONMENT "HEADROOM_KEYCHAIN_LIVE=1")
endif()

headroom_add_test(tst_prometheusclient LABEL unit SOURCES connect/tst_prometheusclient.cpp LIBS headroom_connect)
if(HEADROOM_SERVICE_TESTS)
    add_test(NAME tst_prometheusclient_live COMMAND tst_prometheusclient
        liveHistoryEqualsBackfill liveErrorNamesUrlAndStatus liveFetchHistory)
    set_tests_properties(tst_prometheusclient_live PROPERTIES LABELS integration TIMEOUT 300 ENVIRONMENT "HEADROOM_LIVE=1")
endif()

headroom_add_test(tst_redisinspector LABEL unit SOURCES connect/tst_redisinspector.cpp LIBS headroom_connect)
if(HEADROOM_SERVICE_TESTS)
    add_test(NAME tst_redisinspector_live COMMAND tst_redisinspector liveCluster liveSentinel)
    set_tests_properties(tst_redisinspector_live PROPERTIES LABELS integration TIMEOUT 120 ENVIRONMENT "HEADROOM_LIVE=1")
endif()

headroom_add_test(tst_pginspector LABEL unit SOURCES connect/tst_pginspector.cpp LIBS headroom_connect)
if(HEADROOM_SERVICE_TESTS)
    add_test(NAME tst_pginspector_live COMMAND tst_pginspector liveTopology liveThroughPgBouncerWithPassword liveWrongPassword)
    set_tests_properties(tst_pginspector_live PROPERTIES LABELS integration TIMEOUT 120 ENVIRONMENT "HEADROOM_LIVE=1")
endif()
