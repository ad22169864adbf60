# headroom_alerting: PromQL subset, rule files, alert state machine, SLO report.
headroom_add_test(tst_promqlparser LABEL unit SOURCES core/tst_promqlparser.cpp LIBS headroom_alerting)
headroom_add_test(tst_promqlevaluator LABEL unit SOURCES core/tst_promqlevaluator.cpp LIBS headroom_alerting)
headroom_add_test(tst_ruleevaluator LABEL unit SOURCES core/tst_ruleevaluator.cpp LIBS headroom_alerting)
