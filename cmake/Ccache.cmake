# Use ccache when present. juce_core expands __DATE__/__TIME__, so without the
# time_macros sloppiness every "warm" build would recompile it (BUILD-NOTES §2).
# CCACHE_BASEDIR makes paths under the checkout relative, so a fresh clone in another folder
# (as CI makes) hits the cache of earlier builds.
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(ccache_env CCACHE_SLOPPINESS=time_macros CCACHE_BASEDIR=${PROJECT_SOURCE_DIR})
  set(CMAKE_C_COMPILER_LAUNCHER env ${ccache_env} ${CCACHE_PROGRAM})
  set(CMAKE_CXX_COMPILER_LAUNCHER env ${ccache_env} ${CCACHE_PROGRAM})
endif()
