# Cost module: catalog, cost engine, savings plan, CLI.
headroom_add_test(tst_catalog LABEL unit SOURCES core/tst_catalog.cpp LIBS headroom_cost)
headroom_add_test(tst_costmodel LABEL unit SOURCES core/tst_costmodel.cpp core/costfixture.h LIBS headroom_cost)
headroom_add_test(tst_savingsplan LABEL unit SOURCES core/tst_savingsplan.cpp LIBS headroom_cost)

# headroom-cli cost: the WebTools Pro bill, its CSV contract, catalog overrides and located errors.
headroom_add_cli_test(cli_cost_summary ARGS cost --start 2026-12-01 --days 30 EXIT 0
    PASS "Daily cost: \\$[0-9]+\\.[0-9][0-9] average.*Monthly cost: \\$[0-9]+.*Cost per active user per month: \\$0\\.0[0-9]+.*spot_instance_increase.*reserved_instance_purchase.*right_sizing.*Total potential savings: \\$[0-9]+.*daily warning \\$1500\\.00/day: not crossed.*cost per user \\$0\\.10/month: not crossed")
headroom_add_cli_test(cli_cost_csv_stdout ARGS cost --start 2026-12-01 --days 2 --out - EXIT 0
    PASS "^date,tier,region,purchase_option,instance_type,nodes,hourly_price_usd,cost_usd,price_source,price_date,unit\n2026-12-01,web,us-east-1,on_demand,Standard,[0-9.]+,0\\.2,[0-9.]+,plan-document,plan document \\(undated\\),node")
headroom_add_cli_test(cli_cost_plan_mix ARGS cost --start 2026-12-01 --days 2 --mix plan --out - EXIT 0
    PASS "web,us-east-1,spot,Standard,[0-9.]+,0\\.07,[0-9.]+,.plan-document. spot -65% \\(aws, typical, aws-discounts\\).*api,us-east-1,reserved_1y,Performance,[0-9.]+,0\\.315,")
headroom_add_cli_test(cli_cost_csv_override ARGS cost --start 2026-12-01 --days 1 --catalog tests/data/cost-cli/overrides.csv --out - EXIT 0
    PASS "web,us-east-1,on_demand,Standard,[0-9.]+,0\\.25,[0-9.]+,quote-2026-11,2026-11-20,node")
headroom_add_cli_test(cli_cost_yaml_overlay ARGS cost --start 2026-12-01 --days 1 --catalog tests/data/cost-cli/overlay.yaml --out - EXIT 0
    PASS "api,us-east-1,on_demand,Performance,[0-9.]+,0\\.4,[0-9.]+,quote-2026-11,2026-11-20,node")
headroom_add_cli_test(cli_cost_measured_utilization ARGS cost --start 2026-12-01 --days 7 --utilization api=25 EXIT 0
    PASS "right_sizing api: \\$[0-9.]+/month, risk low[^\n]*\n[^\n]*from Performance to Standard")
headroom_add_cli_test(cli_cost_threshold_crossed ARGS cost tests/data/cost-cli/tight.yaml --start 2026-12-01 --days 5 EXIT 0
    PASS "daily warning \\$48\\.50/day: first crossed 2026-12-02 \\(day 2, \\$52\\.8000\\).*daily critical \\$1000\\.00/day: not crossed")
headroom_add_cli_test(cli_cost_bad_catalog ARGS cost --catalog tests/data/catalog-bad/two-errors.yaml EXIT 1
    PASS "two-errors.yaml:6:[0-9]+: instances\\[0\\]\\.vcpu: expected a number.*two-errors.yaml:7:[0-9]+: instances\\[1\\]\\.onDemandHourly: expected a number")
headroom_add_cli_test(cli_cost_bad_csv ARGS cost --catalog tests/data/catalog-bad/bad-cells.csv EXIT 1
    PASS "bad-cells.csv:3:2: on_demand_hourly: expected a number, got 'zero'")
headroom_add_cli_test(cli_cost_bad_days ARGS cost --days 0 EXIT 2 PASS "days")
headroom_add_cli_test(cli_cost_bad_utilization ARGS cost --utilization api=high EXIT 2 PASS "TIER=CPU")
headroom_add_cli_test(cli_cost_unknown_tier ARGS cost --utilization nope=20 EXIT 2 PASS "no tier 'nope'")
