# JUCE compiled once into one static library that the app and its tests link
# (BUILD-NOTES §2). Modules/ never link it.
find_package(JUCE 7.0.5 CONFIG REQUIRED)
# Debian's JUCE is "+ds": the modules include the system codec headers, so we link them.
pkg_check_modules(JUCE_SYSTEM_LIBS REQUIRED IMPORTED_TARGET
  zlib flac vorbis vorbisenc vorbisfile ogg libpng libjpeg)

add_library(juce_static STATIC)
target_link_libraries(juce_static
  PRIVATE
    juce::juce_core juce::juce_events juce::juce_data_structures
    juce::juce_audio_basics juce::juce_audio_formats juce::juce_audio_devices
    juce::juce_audio_processors juce::juce_audio_utils juce::juce_dsp
    juce::juce_graphics juce::juce_gui_basics juce::juce_gui_extra
  PUBLIC
    juce::juce_recommended_config_flags
    PkgConfig::JUCE_SYSTEM_LIBS)
target_compile_definitions(juce_static
  PUBLIC
    JUCE_WEB_BROWSER=0
    JUCE_USE_CURL=0
    JUCE_DISPLAY_SPLASH_SCREEN=0
    JUCE_REPORT_APP_USAGE=0
    JUCE_STRICT_REFCOUNTEDPOINTER=1
    JUCE_PLUGINHOST_LV2=1
    JUCE_PLUGINHOST_VST3=1
    # JACK next to ALSA: needs only <jack/jack.h> (libjack-jackd2-dev) at build time; JUCE
    # dlopen()s libjack.so.0 at run time, so machines without JACK still start (BUILD-NOTES §4).
    JUCE_JACK=1
  INTERFACE
    $<TARGET_PROPERTY:juce_static,COMPILE_DEFINITIONS>)
# SYSTEM so JUCE's own warnings do not drown ours.
target_include_directories(juce_static SYSTEM
  INTERFACE $<TARGET_PROPERTY:juce_static,INCLUDE_DIRECTORIES>)
set_target_properties(juce_static PROPERTIES
  POSITION_INDEPENDENT_CODE ON
  VISIBILITY_INLINES_HIDDEN ON
  C_VISIBILITY_PRESET hidden
  CXX_VISIBILITY_PRESET hidden)
