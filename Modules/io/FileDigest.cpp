#include "io/FileDigest.h"

#include <openssl/evp.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

namespace sprocket::io
{
core::Result<std::string> md5OfFile (const std::filesystem::path& file)
{
    std::ifstream in (file, std::ios::binary);
    if (! in)
        return core::makeError (file.string() + ": cannot read it to checksum");
    std::unique_ptr<EVP_MD_CTX, decltype (&EVP_MD_CTX_free)> context (EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (context == nullptr || EVP_DigestInit_ex (context.get(), EVP_md5(), nullptr) != 1)
        return core::makeError ("MD5 is not available from OpenSSL");
    std::vector<char> buffer (1 << 20);
    while (in)
    {
        in.read (buffer.data(), std::streamsize (buffer.size()));
        if (in.gcount() > 0)
            EVP_DigestUpdate (context.get(), buffer.data(), size_t (in.gcount()));
    }
    if (in.bad())
        return core::makeError (file.string() + ": read failed while checksumming");
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest {};
    unsigned int length = 0;
    EVP_DigestFinal_ex (context.get(), digest.data(), &length);
    std::string hex;
    for (unsigned i = 0; i < length; ++i)
    {
        char pair[3];
        std::snprintf (pair, sizeof pair, "%02x", digest[i]);
        hex += pair;
    }
    return hex;
}
} // namespace sprocket::io
