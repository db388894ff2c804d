#include "io/FileDigest.h"

#include "io/AudioFileReader.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

namespace sprocket::io
{
namespace
{
    /** OpenSSL's MD5, fed in pieces. */
    class Md5
    {
    public:
        Md5() : context (EVP_MD_CTX_new(), EVP_MD_CTX_free)
        {
            ready = context != nullptr && EVP_DigestInit_ex (context.get(), EVP_md5(), nullptr) == 1;
        }

        bool isReady() const noexcept { return ready; }
        void add (const void* bytes, size_t size) { EVP_DigestUpdate (context.get(), bytes, size); }

        std::string hex()
        {
            std::array<unsigned char, EVP_MAX_MD_SIZE> digest {};
            unsigned int length = 0;
            EVP_DigestFinal_ex (context.get(), digest.data(), &length);
            std::string text;
            for (unsigned i = 0; i < length; ++i)
            {
                char pair[3];
                std::snprintf (pair, sizeof pair, "%02x", digest[i]);
                text += pair;
            }
            return text;
        }

    private:
        std::unique_ptr<EVP_MD_CTX, decltype (&EVP_MD_CTX_free)> context;
        bool ready = false;
    };
} // namespace

core::Result<std::string> md5OfFile (const std::filesystem::path& file)
{
    std::ifstream in (file, std::ios::binary);
    if (! in)
        return core::makeError (file.string() + ": cannot read it to checksum");
    Md5 md5;
    if (! md5.isReady())
        return core::makeError ("MD5 is not available from OpenSSL");
    std::vector<char> buffer (1 << 20);
    while (in)
    {
        in.read (buffer.data(), std::streamsize (buffer.size()));
        if (in.gcount() > 0)
            md5.add (buffer.data(), size_t (in.gcount()));
    }
    if (in.bad())
        return core::makeError (file.string() + ": read failed while checksumming");
    return md5.hex();
}

core::Result<std::string> audioContentHash (const std::filesystem::path& file)
{
    auto reader = AudioFileReader::open (file);
    if (! reader)
        return reader.error();
    Md5 md5;
    if (! md5.isReady())
        return core::makeError ("MD5 is not available from OpenSSL");
    const auto& info = (*reader)->info();
    char header[64];
    const int headerLength =
        std::snprintf (header, sizeof header, "frames:%lld channels:%d\n", (long long) info.frames, info.channels);
    md5.add (header, size_t (headerLength));

    const int64_t frames = std::min (info.frames, contentHashFrames);
    constexpr int64_t block = 16384;
    std::vector<float> samples (size_t (block * info.channels));
    for (int64_t start = 0; start < frames; start += block)
    {
        const auto count = std::min (block, frames - start);
        if (auto read = (*reader)->readInterleaved (start, samples.data(), count); ! read)
            return read.error();
        static_assert (std::endian::native == std::endian::little, "the hash is defined over little-endian floats");
        md5.add (samples.data(), size_t (count * info.channels) * sizeof (float));
    }
    return md5.hex();
}
} // namespace sprocket::io
