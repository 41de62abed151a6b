# One INTERFACE target carries the compiler settings every PerfWatch target links.
add_library(perfwatch_common_cfg INTERFACE)
target_compile_features(perfwatch_common_cfg INTERFACE cxx_std_20)
target_compile_options(perfwatch_common_cfg INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual)
target_compile_definitions(perfwatch_common_cfg INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_NO_CONTEXTLESS_CONNECT
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
