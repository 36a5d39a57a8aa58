# desk_reliability: the trading desk's crash-safety driver (scripts/reliability_check.sh runs it,
# kills it with SIGKILL at random points and verifies the book; docs/trading-controls.md).
add_executable(desk_reliability ${CMAKE_CURRENT_LIST_DIR}/desk_reliability.cpp)
target_link_libraries(desk_reliability PRIVATE ch::storage ch::broker Qt6::Core ch::warnings)
