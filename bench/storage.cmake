# workspace_bench: demo workspace open + load (+ market snapshot) latency, and price CSV import
# throughput. Run: build/bench/workspace_bench [rows]   (default 1,000,000 CSV rows)
add_executable(workspace_bench ${CMAKE_CURRENT_LIST_DIR}/workspace_bench.cpp)
target_link_libraries(workspace_bench PRIVATE ch::storage ch::pricing Qt6::Core ch::warnings)
