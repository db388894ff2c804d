# Common settings for Sprocket's own targets: our warning set, never applied to JUCE.
# -Wno-restrict: GCC 12 false positive on std::string concatenation (GCC bug 105329).
function(sprocket_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wnon-virtual-dtor
                                           -Wno-restrict)
endfunction()

# sprocket_module(NAME SOURCES... DEPENDS ...): one static library per module folder,
# namespace sprocket::<name>, included as <name>/Header.h.
function(sprocket_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS;PRIVATE_DEPENDS" ${ARGN})
  add_library(sprocket_${name} STATIC ${ARG_SOURCES})
  add_library(sprocket::${name} ALIAS sprocket_${name})
  target_include_directories(sprocket_${name} PUBLIC ${PROJECT_SOURCE_DIR}/Modules)
  target_link_libraries(sprocket_${name} PUBLIC ${ARG_DEPENDS} PRIVATE ${ARG_PRIVATE_DEPENDS})
  set_target_properties(sprocket_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  sprocket_target_defaults(sprocket_${name})
endfunction()
