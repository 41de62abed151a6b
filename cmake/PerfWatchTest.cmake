# perfwatch_add_test(NAME tst_x SOURCES a.cpp LIBS lib... [LABELS l...] [ENVIRONMENT k=v...])
# One Qt Test executable per tested class, registered with ctest.
function(perfwatch_add_test)
    cmake_parse_arguments(ARG "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE perfwatch_common_cfg Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${ARG_NAME} PRIVATE
        PERFWATCH_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures"
        PERFWATCH_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        PERFWATCH_BINARY_DIR="${PROJECT_BINARY_DIR}")
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    # A daemon in a test runs on the event dispatcher perfwatchd's main() chooses (Qt's own,
    # not GLib's); the desktop client keeps GLib's, as it does when it runs.
    set(dispatcher "")
    if("perfwatchd_core" IN_LIST ARG_LIBS)
        set(dispatcher "QT_NO_GLIB=1;")
    endif()
    set_tests_properties(${ARG_NAME} PROPERTIES TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${dispatcher}${ARG_ENVIRONMENT}")
    if(ARG_LABELS)
        set_tests_properties(${ARG_NAME} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
endfunction()
