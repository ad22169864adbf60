# headroom-cli: the exit-code and message contract of DESIGN.md.
headroom_add_cli_test(cli_validate_default ARGS validate resources/scenarios/webtools-pro.yaml EXIT 0
    PASS "valid scenario 'WebTools Pro'")
headroom_add_cli_test(cli_validate_three_mistakes ARGS validate tests/data/invalid-three/scenario.yaml EXIT 1
    PASS "scenario.yaml:14:31: spec.tiers.0..autoscaling.targetCPUUtilization: must be <= 100, got 170.*scenario.yaml:15:26: spec.tiers.0..autoscaling.scaleUpCooldown: a duration needs a unit.*scenario.yaml:17:79: spec.cacheHierarchy.0..replicaton: unknown key 'replicaton' .did you mean 'replicationFactor'")
headroom_add_cli_test(cli_validate_missing_file ARGS validate tests/data/no-such-file.yaml EXIT 1
    PASS "no-such-file.yaml: cannot read file")
headroom_add_cli_test(cli_validate_no_argument ARGS validate EXIT 2 PASS "missing argument")
headroom_add_cli_test(cli_unknown_command ARGS frobnicate EXIT 2 PASS "unknown command")
headroom_add_cli_test(cli_unknown_option ARGS show --frobnicate EXIT 2 PASS "Unknown option 'frobnicate'")
headroom_add_cli_test(cli_show_default ARGS show EXIT 0
    PASS "Scenario: WebTools Pro.*web +replicas 3..50, CPU 70%, memory 80%.*Regions: 9 in 3 groups")
headroom_add_cli_test(cli_show_file ARGS show resources/scenarios/webtools-pro.yaml EXIT 0 PASS "Traffic scenarios: steady")
headroom_add_cli_test(cli_show_invalid ARGS show tests/data/invalid-three/scenario.yaml EXIT 1 PASS "must be <= 100")
headroom_add_cli_test(cli_help ARGS --help EXIT 0 PASS "Commands:.*validate.*simulate")
foreach(cmd validate show forecast plan queue usl simulate hpa cost redis shard alerts report import apply inspect prices secret)
    headroom_add_cli_test(cli_help_${cmd} ARGS ${cmd} --help EXIT 0 PASS "Usage: headroom-cli ${cmd}")
endforeach()
add_test(NAME cli_schema_reference_in_sync COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:headroom-cli>
    "-DARGS=show;--schema" -DFILE=${PROJECT_SOURCE_DIR}/resources/scenarios/SCHEMA.md "-DFROM=| field |"
    -P ${PROJECT_SOURCE_DIR}/tests/cli/compare_output.cmake)
set_tests_properties(cli_schema_reference_in_sync PROPERTIES LABELS cli)

# The Debian package: built, checked, installed and run from /usr/bin (CI only: needs root and apt).
if(HEADROOM_SERVICE_TESTS)
    add_test(NAME package_deb COMMAND ${PROJECT_SOURCE_DIR}/tests/scripts/package-check.sh
        ${CMAKE_BINARY_DIR} ${PROJECT_SOURCE_DIR})
    set_tests_properties(package_deb PROPERTIES LABELS package RUN_SERIAL TRUE TIMEOUT 600
        PASS_REGULAR_EXPRESSION "installed package: headroom-cli runs from /usr/bin, headroom renders its window")
endif()

# The plan's own alert rules over a simulated 10x spike of WebTools Pro.
headroom_add_cli_test(cli_alerts_spike ARGS alerts --traffic spike-10x --duration 3h EXIT 0
    PASS "SLOs.*Handle 10x traffic spikes within 5 minutes.*Alerts.*ErrorRateSpike .*tier=\"api\".* firing 2026-01-05T01:0")
headroom_add_cli_test(cli_alerts_bad_traffic ARGS alerts --traffic "spike(factor=)" EXIT 2 PASS "--traffic: ")

# The region-loss what-if on WebTools Pro names the tiers that overflow and by how much.
headroom_add_cli_test(cli_topology_region_loss ARGS topology --lose eu-west-1 --peak EXIT 0
    PASS "Region loss of eu-west-1.*tiers over usable capacity: web.*eu-central-1.*\\+[0-9.]+%.*Cache hierarchy: .*Redis Cluster:")
headroom_add_cli_test(cli_topology_unknown_region ARGS topology --lose mars-1 EXIT 1 PASS "mars-1")
