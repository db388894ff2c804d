# Use ccache when present. juce_core expands __DATE__/__TIME__, so without the
# time_macros sloppiness every "warm" build would recompile it (BUILD-NOTES §2).
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_C_COMPILER_LAUNCHER env CCACHE_SLOPPINESS=time_macros ${CCACHE_PROGRAM})
  set(CMAKE_CXX_COMPILER_LAUNCHER env CCACHE_SLOPPINESS=time_macros ${CCACHE_PROGRAM})
endif()
