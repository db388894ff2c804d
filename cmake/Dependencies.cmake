# Every third-party dependency comes from a Debian 12 package; see third_party/README.md.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(Eigen3 3.3 REQUIRED NO_MODULE)
find_package(pugixml REQUIRED)
pkg_check_modules(SNDFILE REQUIRED IMPORTED_TARGET sndfile)
pkg_check_modules(SOXR REQUIRED IMPORTED_TARGET soxr)
# MD5 for deliverables manifests (EVP API; libssl-dev).
pkg_check_modules(LIBCRYPTO REQUIRED IMPORTED_TARGET libcrypto)
pkg_check_modules(FFTW3F REQUIRED IMPORTED_TARGET fftw3f)
# Cue lists as CSV: libcsv (libcsv-dev) ships no pkg-config file.
find_path(LIBCSV_INCLUDE_DIR csv.h REQUIRED)
find_library(LIBCSV_LIBRARY csv REQUIRED)
add_library(libcsv INTERFACE)
target_include_directories(libcsv SYSTEM INTERFACE ${LIBCSV_INCLUDE_DIR})
target_link_libraries(libcsv INTERFACE ${LIBCSV_LIBRARY})
# Reference movies: demux, decode and scale with FFmpeg (Modules/video only).
pkg_check_modules(FFMPEG REQUIRED IMPORTED_TARGET libavformat libavcodec libswscale libavutil)

# moodycamel's readerwriterqueue is header-only (libreaderwriterqueue-dev).
find_path(READERWRITERQUEUE_INCLUDE_DIR readerwriterqueue/readerwriterqueue.h REQUIRED)
add_library(readerwriterqueue INTERFACE)
target_include_directories(readerwriterqueue SYSTEM INTERFACE ${READERWRITERQUEUE_INCLUDE_DIR})
