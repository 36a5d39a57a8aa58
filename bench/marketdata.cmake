# price_csv_bench: parse + aggregate a generated price CSV held in memory (no disk I/O), median of
# several runs; also times generateReferenceDataset() + writeDatasetFiles(). Run:
#   build/bench/price_csv_bench [rows]   (default 1,000,000 rows)
add_executable(price_csv_bench ${CMAKE_CURRENT_LIST_DIR}/price_csv_bench.cpp)
target_link_libraries(price_csv_bench PRIVATE ch::marketdata ch::warnings_core)
