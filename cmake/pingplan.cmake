# Shared build rules for pingplan's own targets.

if(PINGPLAN_SANITIZE)
  add_compile_options(-fsanitize=${PINGPLAN_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${PINGPLAN_SANITIZE})
endif()

# Warnings apply to our targets only, never to third-party headers (included as SYSTEM).
function(pingplan_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                         -Wsign-conversion -Wnon-virtual-dtor -Wold-style-cast)
  if(PINGPLAN_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# pingplan_library(NAME DEPS dep...): a static library from every .cc of the current folder.
# Folders without sources yet become INTERFACE libraries so the dependency graph stays whole.
function(pingplan_library name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  if(sources)
    add_library(${name} STATIC ${sources})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(${name} PUBLIC ${ARG_DEPS})
    pingplan_warnings(${name})
  else()
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(${name} INTERFACE ${ARG_DEPS})
  endif()
endfunction()

# pingplan_test(NAME DEPS dep... [NEEDS exe...]): one GoogleTest binary from every *_test.cc of
# the folder. NEEDS names the executables (pingplan, pingone-emulator) the tests run.
function(pingplan_test name)
  cmake_parse_arguments(ARG "" "" "DEPS;NEEDS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
  if(NOT sources)
    return()
  endif()
  add_executable(${name} ${sources})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)  # support/
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest_main GTest::gmock)
  target_compile_definitions(${name} PRIVATE
    PINGPLAN_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    PINGPLAN_BINARY_DIR="${PROJECT_BINARY_DIR}"
    PINGPLAN_EXE="$<TARGET_FILE:pingplan>"
    PINGONE_EMULATOR_EXE="$<TARGET_FILE:pingone-emulator>")
  if(ARG_NEEDS)
    add_dependencies(${name} ${ARG_NEEDS})
  endif()
  pingplan_warnings(${name})
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 300 LABELS ${name})
endfunction()
