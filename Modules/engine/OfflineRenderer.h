#pragma once

#include "core/Error.h"
#include "io/AudioFormat.h"
#include "session/Session.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace sprocket::engine
{
struct OfflineRenderOptions
{
    std::filesystem::path outputFolder;
    bool stems = false;
    io::ContainerFormat container = io::ContainerFormat::wav;
    io::SampleFormat sampleFormat = io::SampleFormat::pcm24;
    int blockSize = 4096;
    /** Called with 0..1 as the render advances (about every 1%). */
    std::function<void (double)> onProgress;
    /** Asked every block: true stops the render ("render cancelled"); no file is left. */
    std::function<bool()> isCancelled;
};

struct RenderedFile
{
    std::string role; // "PM" for the printmaster, else the bus id
    std::filesystem::path path;
};

struct RenderSummary
{
    std::vector<RenderedFile> files;
    int64_t frames = 0;
    std::vector<std::string> problems; // RenderPlan::problems: rendered around, worth a warning
};

/** The file name a render gives a role: "<session name>_<role>.<ext>", with characters a
    file name cannot hold ('/', NUL) replaced by '_'. */
std::string renderFileName (const std::string& sessionName, const std::string& role, io::ContainerFormat container);

/** Renders [0, end of last clip) of a valid session through MixEngine, faster than real time:
    the printmaster, and with stems one file per bus (after the bus gain, before the master
    gain). 16-bit output is TPDF-dithered; WAV gets a bext chunk whose time reference is the
    start timecode. A file appears under its final name only once it is complete. */
core::Result<RenderSummary> renderOffline (const session::Session& session, const OfflineRenderOptions& options);
} // namespace sprocket::engine
