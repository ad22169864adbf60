# Connector tests (issue 7). In sanitizer builds, LeakSanitizer skips OpenSSL's per-thread state (lsan.supp).
set(HEADROOM_CONNECT_LSAN "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/connect/lsan.supp")
# Fixture-server tests always run; tests that need the real services
# of tests/run-all.sh are registered only with HEADROOM_SERVICE_TESTS, labelled integration.
headroom_add_test(tst_secretstore LABEL unit SOURCES connect/tst_secretstore.cpp LIBS headroom_connect
    ENV "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/headroom-test-bus;DISPLAY=;${HEADROOM_CONNECT_LSAN}")
if(HEADROOM_SERVICE_TESTS)
    add_test(NAME tst_secretstore_keychain COMMAND tst_secretstore keychainRoundTrip)
    set_tests_properties(tst_secretstore_keychain PROPERTIES LABELS integration TIMEOUT 120
        ENVIRONMENT "HEADROOM_KEYCHAIN_LIVE=1;${HEADROOM_CONNECT_LSAN}")
endif()

headroom_add_test(tst_prometheusclient LABEL unit SOURCES connect/tst_prometheusclient.cpp LIBS headroom_connect ENV "${HEADROOM_CONNECT_LSAN}")
if(HEADROOM_SERVICE_TESTS)
    add_test(NAME tst_prometheusclient_live COMMAND tst_prometheusclient
        liveHistoryEqualsBackfill liveErrorNamesUrlAndStatus liveFetchHistory)
    set_tests_properties(tst_prometheusclient_live PROPERTIES LABELS integration TIMEOUT 300 ENVIRONMENT "HEADROOM_LIVE=1;${HEADROOM_CONNECT_LSAN}")
endif()

headroom_add_test(tst_promscanner LABEL unit SOURCES connect/tst_promscanner.cpp LIBS headroom_connect ENV "${HEADROOM_CONNECT_LSAN}")

headroom_add_test(tst_redisinspector LABEL unit SOURCES connect/tst_redisinspector.cpp LIBS headroom_connect ENV "${HEADROOM_CONNECT_LSAN}")
if(HEADROOM_SERVICE_TESTS)
    add_test(NAME tst_redisinspector_live COMMAND tst_redisinspector liveCluster liveSentinel)
    set_tests_properties(tst_redisinspector_live PROPERTIES LABELS integration TIMEOUT 120 ENVIRONMENT "HEADROOM_LIVE=1;${HEADROOM_CONNECT_LSAN}")
endif()

headroom_add_test(tst_pginspector LABEL unit SOURCES connect/tst_pginspector.cpp LIBS headroom_connect ENV "${HEADROOM_CONNECT_LSAN}")
if(HEADROOM_SERVICE_TESTS)
    add_test(NAME tst_pginspector_live COMMAND tst_pginspector liveTopology liveThroughPgBouncerWithPassword liveWrongPassword)
    set_tests_properties(tst_pginspector_live PROPERTIES LABELS integration TIMEOUT 120 ENVIRONMENT "HEADROOM_LIVE=1;${HEADROOM_CONNECT_LSAN}")
endif()

# A throw-away CA, server and client certificates for the HTTPS fixture server, made at build time.
find_program(OPENSSL_EXECUTABLE openssl REQUIRED)
set(HEADROOM_TEST_TLS_DIR ${CMAKE_CURRENT_BINARY_DIR}/connect-tls)
add_custom_command(OUTPUT ${HEADROOM_TEST_TLS_DIR}/server.pem ${HEADROOM_TEST_TLS_DIR}/client-ec.pem
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/connect/make-test-certs.sh ${HEADROOM_TEST_TLS_DIR}
    DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/connect/make-test-certs.sh
    COMMENT "Generating test TLS certificates")
add_custom_target(headroom_test_tls DEPENDS ${HEADROOM_TEST_TLS_DIR}/server.pem)

add_library(headroom_fixtureserver STATIC connect/fixtureserver.cpp connect/fixtureserver.h)
target_link_libraries(headroom_fixtureserver PUBLIC Qt6::Network)
add_dependencies(headroom_fixtureserver headroom_test_tls)

headroom_add_test(tst_kubeconfig LABEL unit SOURCES connect/tst_kubeconfig.cpp LIBS headroom_connect ENV "${HEADROOM_CONNECT_LSAN}")
headroom_add_test(tst_kubeclient LABEL unit SOURCES connect/tst_kubeclient.cpp
    LIBS headroom_connect headroom_fixtureserver
    ENV "${HEADROOM_CONNECT_LSAN}")
target_compile_definitions(tst_kubeclient PRIVATE HEADROOM_TEST_TLS_DIR="${HEADROOM_TEST_TLS_DIR}")
add_dependencies(tst_kubeclient headroom-cli)
headroom_add_test(tst_kubeactions LABEL unit SOURCES connect/tst_kubeactions.cpp
    LIBS headroom_connect headroom_fixtureserver
    ENV "${HEADROOM_CONNECT_LSAN}")
target_compile_definitions(tst_kubeactions PRIVATE HEADROOM_TEST_TLS_DIR="${HEADROOM_TEST_TLS_DIR}")
add_dependencies(tst_kubeactions headroom-cli)
headroom_add_test(tst_pricefetcher LABEL unit SOURCES connect/tst_pricefetcher.cpp
    LIBS headroom_connect headroom_fixtureserver
    ENV "${HEADROOM_CONNECT_LSAN}")
target_compile_definitions(tst_pricefetcher PRIVATE HEADROOM_TEST_TLS_DIR="${HEADROOM_TEST_TLS_DIR}")

# headroom-cli's connector commands (prices fetch, inspect, secret); the live cases read the real
# Redis Cluster and PostgreSQL with passwords from the keychain of tests/run-all.sh.
headroom_add_test(tst_cliconnect LABEL unit SOURCES connect/tst_cliconnect.cpp
    LIBS headroom_connect headroom_fixtureserver
    ENV "${HEADROOM_CONNECT_LSAN}")
target_compile_definitions(tst_cliconnect PRIVATE HEADROOM_TEST_TLS_DIR="${HEADROOM_TEST_TLS_DIR}")
add_dependencies(tst_cliconnect headroom-cli)
if(HEADROOM_SERVICE_TESTS)
    add_test(NAME tst_cliconnect_live COMMAND tst_cliconnect liveInspectRedis liveInspectPostgresWithKeychainPasswords)
    set_tests_properties(tst_cliconnect_live PROPERTIES LABELS integration TIMEOUT 300
        ENVIRONMENT "HEADROOM_LIVE=1;HEADROOM_KEYCHAIN_LIVE=1;${HEADROOM_CONNECT_LSAN}")
    add_test(NAME tst_kubeclient_keychain COMMAND tst_kubeclient cliImportTokenFromKeychain)
    set_tests_properties(tst_kubeclient_keychain PROPERTIES LABELS integration TIMEOUT 120
        ENVIRONMENT "HEADROOM_KEYCHAIN_LIVE=1;${HEADROOM_CONNECT_LSAN}")
endif()
