# Forecasting: speed (Google Benchmark) and accuracy on the M3 monthly series.
add_executable(bench_forecast_m3 m3/m3_accuracy.cpp m3/m3data.cpp m3/m3data.h)
target_link_libraries(bench_forecast_m3 PRIVATE headroom_forecast)
target_compile_definitions(bench_forecast_m3 PRIVATE HEADROOM_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
# The full run (1,228 series) takes longer than a test should; CI runs the first 50 as a smoke test.
add_test(NAME bench_forecast_m3_smoke COMMAND bench_forecast_m3 --limit 50)
set_tests_properties(bench_forecast_m3_smoke PROPERTIES LABELS bench TIMEOUT 300)

headroom_add_bench(bench_forecast SOURCES bench_forecast.cpp LIBS headroom_forecast)

# High-frequency accuracy by candidate (data exported by m3/hf_taylor.R or any CSV).
add_executable(bench_forecast_hf m3/hf_accuracy.cpp)
target_link_libraries(bench_forecast_hf PRIVATE headroom_forecast)
