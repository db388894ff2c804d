#pragma once

#include <filesystem>
#include <string>
#include <unistd.h>

namespace sprocket::test
{
/** An empty folder for one test, under a folder private to this process (so parallel ctest
    runs and two checkouts never share files), removed when the process ends. */
inline std::filesystem::path freshTempFolder (const std::string& name)
{
    struct ProcessFolder
    {
        std::filesystem::path path = std::filesystem::temp_directory_path() / ("sprocket-test-" + std::to_string (::getpid()));
        ~ProcessFolder()
        {
            std::error_code ignored;
            std::filesystem::remove_all (path, ignored);
        }
    };
    static ProcessFolder root;
    const auto folder = root.path / name;
    std::filesystem::remove_all (folder);
    std::filesystem::create_directories (folder);
    return folder;
}
} // namespace sprocket::test
