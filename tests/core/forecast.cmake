# Forecasting (core/forecast): unit tests and CLI checks.
headroom_add_test(tst_forecastets LABEL unit SOURCES core/tst_forecastets.cpp LIBS headroom_forecast)
headroom_add_test(tst_forecasttheta LABEL unit SOURCES core/tst_forecasttheta.cpp LIBS headroom_forecast)
headroom_add_test(tst_forecastseries LABEL unit SOURCES core/tst_forecastseries.cpp LIBS headroom_forecast)
headroom_add_test(tst_forecaster LABEL unit SOURCES core/tst_forecaster.cpp LIBS headroom_forecast)
headroom_add_test(tst_forecastmultiseasonal LABEL unit SOURCES core/tst_forecastmultiseasonal.cpp LIBS headroom_forecast)
headroom_add_test(tst_forecaststl LABEL unit SOURCES core/tst_forecaststl.cpp LIBS headroom_forecast)
headroom_add_test(tst_forecastdshw LABEL unit SOURCES core/tst_forecastdshw.cpp LIBS headroom_forecast)

set(fc_data tests/data/forecast)
headroom_add_cli_test(cli_forecast_csv ARGS forecast --input ${fc_data}/monthly.csv --horizon 6 --out -
    PASS "h,forecast,lo95,hi95.1,[-0-9.e]+,[-0-9.e]+,[-0-9.e]+.*6," EXIT 0)
headroom_add_cli_test(cli_forecast_level ARGS forecast --input ${fc_data}/monthly.csv --horizon 3 --level 80
    PASS "h,forecast,lo80,hi80" EXIT 0)
headroom_add_cli_test(cli_forecast_summary ARGS forecast --input ${fc_data}/monthly.csv --horizon 3 --season 12
    PASS "monthly.csv: method [^;]+; backtest sMAPE [0-9.]+ MASE [0-9.]+ coverage" EXIT 0)
headroom_add_cli_test(cli_forecast_bad_value ARGS forecast --input ${fc_data}/garbage.csv --horizon 3
    PASS "garbage.csv:6:2: value: expected a number, got 'abc'" EXIT 1)
headroom_add_cli_test(cli_forecast_unordered ARGS forecast --input ${fc_data}/unordered.csv --horizon 3
    PASS "unordered.csv:8:1: t: times must strictly increase" EXIT 1)
headroom_add_cli_test(cli_forecast_missing_file ARGS forecast --input ${fc_data}/no-such.csv --horizon 3
    PASS "no-such.csv" EXIT 1)
headroom_add_cli_test(cli_forecast_bad_horizon ARGS forecast --input ${fc_data}/monthly.csv --horizon 0
    PASS "--horizon" EXIT 2)
headroom_add_cli_test(cli_forecast_no_input ARGS forecast --horizon 3
    PASS "--input" EXIT 2)
headroom_add_cli_test(cli_forecast_bad_season ARGS forecast --input ${fc_data}/monthly.csv --horizon 3 --season x
    PASS "--season" EXIT 2)
headroom_add_cli_test(cli_forecast_bad_level ARGS forecast --input ${fc_data}/monthly.csv --horizon 3 --level 100
    PASS "--level" EXIT 2)
headroom_add_cli_test(cli_forecast_help ARGS forecast --help
    PASS "backtest sMAPE" EXIT 0)
headroom_add_cli_test(cli_forecast_batch ARGS forecast --input-dir tests/data/forecast-batch --out-dir ${CMAKE_CURRENT_BINARY_DIR}/forecast-batch-out --horizon 4
    PASS "a.csv: method.*b.csv: method" EXIT 0)
