# ch_add_module_test(<module> SOURCES <files...> LIBS <targets...> [TIMEOUT <s>])
# One Qt Test executable per module (tst_<module>), linking only that module and ch::test_support.
# The shared main in tests/support runs every test class registered with CH_REGISTER_TEST.
function(ch_add_module_test module)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set(target tst_${module})
    add_executable(${target} ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE ch::test_support ${ARG_LIBS} ch::warnings)
    set_target_properties(${target} PROPERTIES AUTOMOC ON)
    add_test(NAME ${target} COMMAND ${target})
    set_tests_properties(${target} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;CH_SOURCE_DIR=${PROJECT_SOURCE_DIR};CH_BINARY_DIR=${PROJECT_BINARY_DIR}"
        TIMEOUT ${ARG_TIMEOUT}
        LABELS ${module})
endfunction()
