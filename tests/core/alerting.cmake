# headroom_alerting: PromQL subset, rule files, alert state machine, SLO report.
headroom_add_test(tst_promqlparser LABEL unit SOURCES core/tst_promqlparser.cpp LIBS headroom_alerting)
headroom_add_test(tst_promqlevaluator LABEL unit SOURCES core/tst_promqlevaluator.cpp LIBS headroom_alerting)
headroom_add_test(tst_promqlcolumns LABEL unit SOURCES core/tst_promqlcolumns.cpp LIBS headroom_alerting)
headroom_add_test(tst_ruleevaluator LABEL unit SOURCES core/tst_ruleevaluator.cpp LIBS headroom_alerting)
headroom_add_test(tst_sloreport LABEL unit SOURCES core/tst_sloreport.cpp LIBS headroom_alerting)
headroom_add_test(tst_seriesstore LABEL unit SOURCES core/tst_seriesstore.cpp LIBS headroom_alerting)

# CLI: the plan's own rules over a spike, the CSV contract, located rule-file errors, usage errors.
headroom_add_cli_test(cli_alerts_csv ARGS alerts --series tests/data/alerting/spike.om --out -
    PASS "ResponseTimeDegradation,\"{action=\"\"immediate_scale_up\"\", alertname=\"\"ResponseTimeDegradation\"\", severity=\"\"critical\"\"}\",firing,2026-01-01T00:08:00Z,2026-01-01T00:10:30Z")
headroom_add_cli_test(cli_alerts_slo_report ARGS alerts --series tests/data/alerting/spike.om
    PASS "FAIL +Availability: 99.9% uptime: [0-9.]+ %, [0-9.]+ min in breach.*error budget used [0-9.]+%")
headroom_add_cli_test(cli_alerts_bad_rule ARGS alerts --rules tests/data/alerting/bad-expr.yml --series tests/data/alerting/spike.om
    EXIT 1 PASS "bad-expr.yml:6:15: groups\\[0\\].rules\\[0\\].expr: PromQL 1:1: function 'predict_linear' is not supported")
headroom_add_cli_test(cli_alerts_no_source ARGS alerts --out - EXIT 2 PASS "exactly one of --traffic, --series or --prometheus")

# Integration: Prometheus' own rule engine (promtool) must agree with Headroom over backfilled history.
if(HEADROOM_SERVICE_TESTS)
    add_test(NAME tst_alerting_promtool COMMAND bash ${PROJECT_SOURCE_DIR}/tests/scripts/alerting-promtool-check.sh
        $<TARGET_FILE:headroom-cli>)
    set_tests_properties(tst_alerting_promtool PROPERTIES LABELS integration TIMEOUT 300)
endif()

# Fuzzing the PromQL parser (clang + libFuzzer only): cmake -DHEADROOM_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++
option(HEADROOM_FUZZ "Build libFuzzer targets (clang only)" OFF)
if(HEADROOM_FUZZ AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    add_executable(fuzz_promql ${PROJECT_SOURCE_DIR}/tests/fuzz/fuzz_promql.cpp)
    target_compile_options(fuzz_promql PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(fuzz_promql PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(fuzz_promql PRIVATE headroom_alerting)
endif()
if(HEADROOM_FUZZ AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    # coverage feedback from the library under test, not just the harness
    target_compile_options(headroom_alerting PRIVATE -fsanitize=fuzzer-no-link)
endif()
