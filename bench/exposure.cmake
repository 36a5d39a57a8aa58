# exposure_bench: edit one cell of a 50-line × 36-month plan and recompute the full exposure (median
# of many runs), and import a generated plan.csv of N rows. Run:
#   build/bench/exposure_bench [rows]   (default 100,000 plan.csv rows)
add_executable(exposure_bench ${CMAKE_CURRENT_LIST_DIR}/exposure_bench.cpp)
target_link_libraries(exposure_bench PRIVATE ch::exposure ch::warnings_core)
