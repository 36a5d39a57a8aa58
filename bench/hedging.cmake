# hedging_bench: the demo workspace's hedge recommendation end to end (load, hedge ratios and risk
# inputs, recommendation with its 11-point frontier, Monte Carlo CaR before and after).
# Run: build/bench/hedging_bench [paths] [repeats]   (defaults 20,000 and 3); figures in
# docs/hedging.md, "Using it".
add_executable(hedging_bench ${CMAKE_CURRENT_LIST_DIR}/hedging_bench.cpp)
target_link_libraries(hedging_bench PRIVATE ch::storage ch::hedging ch::pricing Qt6::Core
                      ch::warnings)
