#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace sprocket::io::test
{
/** A fresh folder under the system temp folder, removed with everything in it on destruction. */
class TemporaryFolder
{
public:
    TemporaryFolder()
    {
        auto pattern = (std::filesystem::temp_directory_path() / "sprocket-io-XXXXXX").string();
        path = ::mkdtemp (pattern.data()) != nullptr ? std::filesystem::path (pattern) : std::filesystem::path();
    }

    ~TemporaryFolder()
    {
        std::error_code ec;
        std::filesystem::permissions (path, std::filesystem::perms::owner_all, ec);
        std::filesystem::remove_all (path, ec);
    }

    std::filesystem::path operator/ (const std::string& name) const { return path / name; }

    std::filesystem::path path;
};

inline void writeTextFile (const std::filesystem::path& file, const std::string& text)
{
    std::ofstream (file, std::ios::binary) << text;
}
} // namespace sprocket::io::test
