#pragma once

// The engine's single-producer, single-consumer queues: moodycamel's ReaderWriterQueue (Debian's
// libreaderwriterqueue-dev). It hands items over with plain stores ordered by fences, which
// ThreadSanitizer cannot follow, and the library switches on its happens-before annotations
// only through clang's __has_feature. GCC announces TSan with __SANITIZE_THREAD__ instead, so
// the same annotations are switched on here (libtsan provides both functions).
#if defined(__SANITIZE_THREAD__) && ! defined(AE_TSAN_ANNOTATE_RELEASE)
namespace moodycamel
{
inline int ae_tsan_global;
}
extern "C" void AnnotateHappensBefore (const char*, int, void*);
extern "C" void AnnotateHappensAfter (const char*, int, void*);
#define AE_TSAN_ANNOTATE_RELEASE() AnnotateHappensBefore (__FILE__, __LINE__, (void*)(&::moodycamel::ae_tsan_global))
#define AE_TSAN_ANNOTATE_ACQUIRE() AnnotateHappensAfter (__FILE__, __LINE__, (void*)(&::moodycamel::ae_tsan_global))
#endif

#include <readerwriterqueue/readerwriterqueue.h>
