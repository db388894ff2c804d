#pragma once

#include "core/Error.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sprocket::app
{
/** The app's command line:
      sprocket [SESSION]
      sprocket --snapshot FILE.png [--view edit|mixer] [--size WxH] [SESSION] */
struct AppOptions
{
    std::optional<std::filesystem::path> sessionFile;
    std::optional<std::filesystem::path> snapshotFile;
    int snapshotWidth = 1600;
    int snapshotHeight = 900;
    /** Which window --snapshot draws; only the edit window exists yet. */
    enum class View
    {
        edit,
        mixer
    };
    View view = View::edit;

    static constexpr const char* usage = "usage: sprocket [SESSION]\n"
                                         "       sprocket --snapshot FILE.png [--view edit|mixer] [--size WxH] [SESSION]\n";

    static core::Result<AppOptions> parse (const std::vector<std::string>& arguments);
};
} // namespace sprocket::app
