# Capacity module: growth model, Erlang C, USL, the per-day capacity plan; CLI plan/queue/usl.
headroom_add_test(tst_growthmodel LABEL unit SOURCES core/tst_growthmodel.cpp LIBS headroom_capacity)
headroom_add_test(tst_erlangc LABEL unit SOURCES core/tst_erlangc.cpp LIBS headroom_capacity)
headroom_add_test(tst_usl LABEL unit SOURCES core/tst_usl.cpp LIBS headroom_capacity)
headroom_add_test(tst_capacityplan LABEL unit SOURCES core/tst_capacityplan.cpp LIBS headroom_capacity)

# headroom-cli plan / queue / usl fit: exit codes 0 ok, 1 bad input, 2 usage; output shapes.
headroom_add_cli_test(cli_plan_help EXIT 0 ARGS plan --help PASS "tier._required.*cache_gb")
headroom_add_cli_test(cli_plan_default EXIT 0 ARGS plan --days 2 --start 2026-01-01
    PASS "date,day,users,web_demand,web_required,web_planned,api_demand.*storage_tb\n2026-01-01,0,100000.00,100000.000,180,50,")
headroom_add_cli_test(cli_plan_shortfall EXIT 0 ARGS plan --days 2 --start 2026-01-01
    PASS "warning: tier 'web': maxReplicas 50 is below the 181 replicas required on days 0..1")
headroom_add_cli_test(cli_plan_phases EXIT 0 ARGS plan --days 1 --start 2026-01-01 --growth phases
    PASS "2026-01-01,0,10000.00,")
headroom_add_cli_test(cli_plan_bad_days EXIT 2 ARGS plan --days 0 PASS "--days expects a whole number")
headroom_add_cli_test(cli_plan_bad_growth EXIT 2 ARGS plan --growth linear PASS "--growth expects compound or phases")
headroom_add_cli_test(cli_plan_bad_start EXIT 2 ARGS plan --start 2026-13-01 PASS "--start expects a date")
headroom_add_cli_test(cli_plan_missing_file EXIT 1 ARGS plan tests/data/capacity-webtools/missing.yaml
    PASS "missing.yaml")

headroom_add_cli_test(cli_queue_servers EXIT 0 ARGS queue --arrival-rate 2 --service-rate 3 --servers 2
    PASS "\"meanWaitSeconds\": 0.04166.*\"p95ResponseSeconds\": 1.09.*\"probabilityOfWaiting\": 0.1666.*\"utilization\": 0.333")
headroom_add_cli_test(cli_queue_target EXIT 0 ARGS queue --arrival-rate 100 --service-rate 20 --target-p95 0.2
    PASS "\"p95ResponseSeconds\": 0.163.*\"servers\": 7")
headroom_add_cli_test(cli_queue_impossible EXIT 1 ARGS queue --arrival-rate 100 --service-rate 1 --target-p95 2
    PASS "impossible target: the service time alone has a P95 of 2.99573")
headroom_add_cli_test(cli_queue_unstable EXIT 1 ARGS queue --arrival-rate 10 --service-rate 1 --servers 10
    PASS "unstable queue: arrival rate 10 is not below")
headroom_add_cli_test(cli_queue_negative EXIT 1 ARGS queue --arrival-rate -1 --service-rate 1 --servers 1
    PASS "arrivalRate: arrival rate must be a finite number >= 0")
headroom_add_cli_test(cli_queue_both EXIT 2 ARGS queue --arrival-rate 1 --service-rate 1 --servers 2 --target-p95 5
    PASS "exactly one of --servers and --target-p95")
headroom_add_cli_test(cli_queue_missing EXIT 2 ARGS queue --servers 2 PASS "--arrival-rate and --service-rate are required")
headroom_add_cli_test(cli_queue_not_number EXIT 2 ARGS queue --arrival-rate fast --service-rate 1 --servers 1
    PASS "--arrival-rate expects a number")

headroom_add_cli_test(cli_usl_fit EXIT 0 ARGS usl fit --input tests/data/capacity-usl/specsdm91.csv
    PASS "\"kappa\": 0.0001043.*\"lambda\": 89.99.*\"peakN\": 96.5.*\"sigma\": 0.02772.*\"standardErrors\": {[^}]*\"kappa\": 1.98")
headroom_add_cli_test(cli_usl_bad_value EXIT 1 ARGS usl fit --input tests/data/capacity-usl/bad-value.csv
    PASS "bad-value.csv:3:1: throughput: expected a number, got 'lots'")
headroom_add_cli_test(cli_usl_missing_file EXIT 1 ARGS usl fit --input tests/data/capacity-usl/none.csv PASS "none.csv")
headroom_add_cli_test(cli_usl_no_input EXIT 2 ARGS usl fit PASS "--input is required")
headroom_add_cli_test(cli_usl_no_subcommand EXIT 2 ARGS usl PASS "missing subcommand")
headroom_add_cli_test(cli_usl_help EXIT 0 ARGS usl fit --help PASS "peakN")
