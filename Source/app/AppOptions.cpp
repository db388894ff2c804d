#include "AppOptions.h"

#include <charconv>

namespace sprocket::app
{
namespace
{
    bool parseSize (const std::string& text, int& width, int& height)
    {
        const auto x = text.find_first_of ("xX");
        if (x == std::string::npos)
            return false;
        const auto parse = [] (const char* first, const char* last, int& out) {
            auto [end, ec] = std::from_chars (first, last, out);
            return ec == std::errc() && end == last;
        };
        int w = 0, h = 0;
        const char* data = text.data();
        if (! parse (data, data + x, w) || ! parse (data + x + 1, data + text.size(), h))
            return false;
        // 16k pixels a side is far beyond any screen and keeps the image under 1 GB.
        if (w < 200 || h < 150 || w > 16384 || h > 16384)
            return false;
        width = w;
        height = h;
        return true;
    }
} // namespace

core::Result<AppOptions> AppOptions::parse (const std::vector<std::string>& arguments)
{
    AppOptions options;
    bool sizeGiven = false;
    bool viewGiven = false;

    for (size_t i = 0; i < arguments.size(); ++i)
    {
        const auto& argument = arguments[i];
        if (argument == "--snapshot")
        {
            if (i + 1 >= arguments.size())
                return core::makeError ("--snapshot needs a file name");
            options.snapshotFile = arguments[++i];
        }
        else if (argument == "--view")
        {
            if (i + 1 >= arguments.size() || (arguments[i + 1] != "edit" && arguments[i + 1] != "mixer"))
                return core::makeError ("--view needs 'edit' or 'mixer'");
            options.view = arguments[++i] == "mixer" ? View::mixer : View::edit;
            viewGiven = true;
        }
        else if (argument == "--size")
        {
            if (i + 1 >= arguments.size()
                || ! parseSize (arguments[i + 1], options.snapshotWidth, options.snapshotHeight))
                return core::makeError ("--size needs WIDTHxHEIGHT, e.g. 1600x900 (200x150 to 16384x16384)");
            sizeGiven = true;
            ++i;
        }
        else if (argument.rfind ("-", 0) == 0 && argument.size() > 1)
        {
            return core::makeError ("unknown option '" + argument + "'");
        }
        else
        {
            if (options.sessionFile.has_value())
                return core::makeError ("only one session can be opened, got '" + options.sessionFile->string()
                                        + "' and '" + argument + "'");
            options.sessionFile = argument;
        }
    }

    if (sizeGiven && ! options.snapshotFile.has_value())
        return core::makeError ("--size only applies to --snapshot");
    if (viewGiven && ! options.snapshotFile.has_value())
        return core::makeError ("--view only applies to --snapshot");
    return options;
}
} // namespace sprocket::app
