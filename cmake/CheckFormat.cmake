# Fails when any C++ file differs from the project's .clang-format (clang-format 14).
file(GLOB_RECURSE sources ${SOURCE_DIR}/shared/*.cpp ${SOURCE_DIR}/shared/*.h
    ${SOURCE_DIR}/daemon/*.cpp ${SOURCE_DIR}/daemon/*.h ${SOURCE_DIR}/desktop/*.cpp ${SOURCE_DIR}/desktop/*.h
    ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h ${SOURCE_DIR}/bench/*.cpp ${SOURCE_DIR}/bench/*.h)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${sources} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "clang-format: files above need formatting (clang-format -i)")
endif()
