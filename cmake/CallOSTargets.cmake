# House settings shared by every CallOS target: strict Qt defines (no implicit
# ASCII casts, no foreach, no deprecated API), warnings, optional sanitizers.

function(callos_apply_settings target)
  target_compile_definitions(${target} PRIVATE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
  if(CALLOS_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(CALLOS_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# A library of one CallOS layer.
function(callos_add_library target)
  add_library(${target} STATIC ${ARGN})
  callos_apply_settings(${target})
endfunction()

# An executable (kept thin: main.cpp plus wiring).
function(callos_add_executable target)
  add_executable(${target} ${ARGN})
  callos_apply_settings(${target})
endfunction()
