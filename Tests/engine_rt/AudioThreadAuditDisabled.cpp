#include "AudioThreadAudit.h"

// Sanitizer builds: ThreadSanitizer and AddressSanitizer interpose malloc and the pthread locks
// themselves, so nothing is counted here; the real-time scenarios still run, for them to watch.
namespace sprocket::test
{
void AudioThreadAudit::enter() noexcept {}
void AudioThreadAudit::leave() noexcept {}
int64_t AudioThreadAudit::allocations() noexcept { return 0; }
int64_t AudioThreadAudit::frees() noexcept { return 0; }
int64_t AudioThreadAudit::locks() noexcept { return 0; }
void AudioThreadAudit::reset() noexcept {}
bool AudioThreadAudit::counting() noexcept { return false; }
} // namespace sprocket::test
