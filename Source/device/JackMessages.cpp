#include "device/JackMessages.h"

#include <dlfcn.h>
#include <initializer_list>

namespace sprocket::device
{
namespace
{
    void ignore (const char*) {}
    using SetHandler = void (*) (void (*) (const char*));
} // namespace

void quietenJackMessages()
{
    // The same library JUCE dlopen()s (by the same name), so the handlers reach its calls. The
    // handle is kept open for the life of the process, as JUCE keeps its own.
    static void* const library = dlopen ("libjack.so.0", RTLD_LAZY);
    if (library == nullptr)
        return;
    for (const char* name : { "jack_set_error_function", "jack_set_info_function" })
        if (auto set = reinterpret_cast<SetHandler> (dlsym (library, name)))
            set (ignore);
}
} // namespace sprocket::device
