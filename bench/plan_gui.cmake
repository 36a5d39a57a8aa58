# plan_gui_bench: the Plan page's edit path on a 50-line × 36-month plan — one cell typed into the
# grid model, saved to the workspace, exposure recomputed and the Exposure page's models refreshed
# (median of many edits) — and a plan.csv import of N rows through storage. Run:
#   build/bench/plan_gui_bench [rows]   (default 100,000 plan.csv rows; offscreen by default)
add_executable(plan_gui_bench ${CMAKE_CURRENT_LIST_DIR}/plan_gui_bench.cpp)
target_link_libraries(plan_gui_bench PRIVATE ch::ui ch::storage ch::exposure Qt6::Widgets ch::warnings)
