# ch::warnings: the warning set every target links PRIVATE. Core targets add -Wconversion through
# ch::warnings_core. CI configures with CH_WARNINGS_AS_ERRORS=ON.
add_library(ch_warnings INTERFACE)
add_library(ch::warnings ALIAS ch_warnings)
target_compile_options(ch_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                             -Wold-style-cast)
# GCC 12 at -O3 reports false -Wrestrict/-Wstringop-overflow positives inside libstdc++'s
# std::string operator+ (GCC bug 105329/105651); they are not in our code.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(ch_warnings INTERFACE -Wno-restrict -Wno-stringop-overflow)
endif()
if(CH_WARNINGS_AS_ERRORS)
    target_compile_options(ch_warnings INTERFACE -Werror)
endif()

add_library(ch_warnings_core INTERFACE)
add_library(ch::warnings_core ALIAS ch_warnings_core)
target_link_libraries(ch_warnings_core INTERFACE ch_warnings)
target_compile_options(ch_warnings_core INTERFACE -Wconversion -Wsign-conversion)
