# Parses the Flatpak manifest offline. flatpak-builder exits 0 on unknown keys and only warns,
# so any warning fails the check too.
execute_process(COMMAND ${FLATPAK_BUILDER} --show-manifest ${MANIFEST}
    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE errors)
if(NOT rc EQUAL 0 OR errors MATCHES "WARNING|ERROR|error:")
    message(FATAL_ERROR "flatpak-builder --show-manifest ${MANIFEST} (exit ${rc}):\n${errors}")
endif()
