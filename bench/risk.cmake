# risk_bench: Monte Carlo Cost-at-Risk throughput (workload W1 and variants) against the simple
# reference in reference_mc.cpp; figures and command in docs/risk.md §7.
add_executable(risk_bench
    ${CMAKE_CURRENT_LIST_DIR}/risk_bench.cpp
    ${CMAKE_CURRENT_LIST_DIR}/reference_mc.cpp)
target_link_libraries(risk_bench PRIVATE ch::risk ch::warnings_core)
