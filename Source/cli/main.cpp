#include "CommandLine.h"
#include "Commands.h"

#include <cstdio>
#include <string>
#include <vector>

namespace
{
constexpr const char* usage = R"(usage: sprocket-cli COMMAND ...

  info FILE [--json]             an audio file's format and BWF/iXML metadata, a movie's picture and
                                 timecode (.mov .mp4 .m4v .mxf .mkv), or a session's summary
  validate SESSION               check a session and its media; exit 2 and one "path: message" line per problem
  render SESSION -o DIR [--stems] [--format wav|flac] [--bit-depth 16|24|32f]
                                 render the printmaster (and one file per bus with --stems)
  play SESSION [--device none|NAME] [--from TC] [--seconds N] [--stress-edits N] [--block-size N]
                                 play through the real-time engine: headless at real-time pace
                                 (--device none, the default), reporting underruns, xruns and
                                 callback-time percentiles; or on a sound card ("default" or a name)
  deliver SESSION [--spec FILE] -o DIR
                                 print the deliverables a spec lists (printmaster, stems, M&E, downmixes)
                                 with checksums.md5 and manifest.json; exit 1 when a file fails (clips);
                                 without --spec, the spec stored in the session's "delivery" field
  processors [--json]            every processor type with its parameters (id, name, unit, min, max, default)
  loudness FILE... [--json] [--threads N]
                                 EBU R128 / BS.1770-4 loudness of audio files: integrated, range, true and
                                 sample peak, max momentary and short-term (progress on stderr)
  qc FILE|SESSION --spec NAME|SPEC.json [-o REPORT.html] [--json]
                                 check a printmaster (a file, or a session's mix) against a delivery spec
                                 (ebu-r128, atsc-a85, streaming, or your own): loudness, true-peak overs,
                                 clipping, silence, phase, DC offset; HTML report; exit 1 when it fails
  synccheck FILE|SESSION --pop TC [--frame-rate R] [--track NAME|ID] [--json]
                                 find the 2-pop (a one-frame 1 kHz beep) and report its offset from TC,
                                 the expected timecode, in frames and samples (a file's timecode from its
                                 bext, a session's from its start); exit 3 when there is no pop

Exit codes: 0 success, 1 the work failed, 2 bad usage or invalid input, 3 synccheck found no 2-pop.
)";
}

int main (int argc, char** argv)
{
    using namespace sprocket::cli;
    if (argc < 2)
    {
        std::fputs (usage, stderr);
        return exitInvalid;
    }
    const std::string command = argv[1];
    const std::vector<std::string> arguments (argv + 2, argv + argc);

    if (command == "--help" || command == "-h" || command == "help")
    {
        std::fputs (usage, stdout);
        return exitSuccess;
    }
    if (command == "info")
        return runInfo (arguments);
    if (command == "validate")
        return runValidate (arguments);
    if (command == "render")
        return runRender (arguments);
    if (command == "play")
        return runPlay (arguments);
    if (command == "processors")
        return runProcessors (arguments);
    if (command == "loudness")
        return runLoudness (arguments);
    if (command == "deliver")
        return runDeliver (arguments);
    if (command == "qc")
        return runQc (arguments);
    if (command == "synccheck")
        return runSyncCheck (arguments);

    printError ("unknown command '" + command + "' (try --help)");
    return exitInvalid;
}
