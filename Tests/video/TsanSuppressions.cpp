// FFmpeg's frame-threaded decoders pass pictures between their own threads and ours by reference
// counts kept with atomics inside libavutil, which is not built with ThreadSanitizer: TSan sees a
// buffer allocated on one thread and freed on another with nothing ordering them. Reports whose
// stacks run through FFmpeg's libraries are suppressed; races in Sprocket's code still fail.
#if defined(__SANITIZE_THREAD__)
extern "C" const char* __tsan_default_suppressions()
{
    return "race:libavutil.so\n"
           "race:libavcodec.so\n"
           "race:libavformat.so\n"
           "race:libswscale.so\n";
}
#endif
