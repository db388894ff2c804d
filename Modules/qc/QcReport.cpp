#include "qc/QcReport.h"

#include "core/Timecode.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace sprocket::qc
{
namespace
{
    nlohmann::json numberOrNull (double value)
    {
        return std::isfinite (value) ? nlohmann::json (value) : nlohmann::json();
    }

    std::string escaped (const std::string& text)
    {
        std::string out;
        for (char c : text)
            switch (c)
            {
                case '<':
                    out += "&lt;";
                    break;
                case '>':
                    out += "&gt;";
                    break;
                case '&':
                    out += "&amp;";
                    break;
                case '"':
                    out += "&quot;";
                    break;
                default:
                    out += c;
            }
        return out;
    }

    /** The timecode of a position in the programme, counted from its start. */
    std::string timecode (const QcSubject& subject, double sampleRate, int64_t frames)
    {
        const auto rate = (int64_t) std::llround (sampleRate);
        const auto count = core::frameCountFromSamples (subject.startSample + frames, subject.frameRate, rate);
        return core::formatTimecode (core::timecodeFromFrameCount (count, subject.frameRate), subject.frameRate);
    }

    std::string channelName (int channels, int channel)
    {
        static const char* const surround[] = { "L", "R", "C", "LFE", "Ls", "Rs", "Lrs", "Rrs" };
        if (channel < 0)
            return "all";
        if (channels == 1)
            return "M";
        if (channels == 2)
            return channel == 0 ? "L" : "R";
        if ((channels == 6 || channels == 8) && channel < 8)
            return surround[channel];
        return std::to_string (channel + 1);
    }

    /** Who an event concerns: a channel, a pair ("L/R", "Ls/Rs") for phase, or "all". */
    std::string eventChannel (const RuleResult& rule, int channels, const ProgrammeEvent& e)
    {
        if (rule.id == "phase" && e.channel >= 0)
            return channelName (channels, e.channel) + "/" + channelName (channels, e.channel + 1);
        return channelName (channels, e.channel);
    }

    /** The loudness-over-time plot: momentary (thin) and short-term (bold) against time, the
        target and its tolerance as a band, true-peak overs as red ticks along the top. */
    std::string plot (const ProgrammeProfile& profile, const QcVerdict& verdict)
    {
        const double width = 960, height = 300, left = 48, right = 12, top = 12, bottom = 28;
        const double low = -60.0, high = 0.0;
        const double seconds = std::max (1.0, (double) profile.frames / profile.sampleRate);
        auto x = [&] (double t) { return left + (width - left - right) * t / seconds; };
        auto y = [&] (double lufs) {
            const double clamped = std::clamp (std::isfinite (lufs) ? lufs : low, low, high);
            return top + (height - top - bottom) * (high - clamped) / (high - low);
        };
        std::ostringstream svg;
        svg.setf (std::ios::fixed);
        svg.precision (1);
        svg << "<svg class=\"plot\" viewBox=\"0 0 " << width << ' ' << height
            << "\" role=\"img\" aria-label=\"Loudness over time\">\n";
        const auto& spec = verdict.spec;
        svg << "<rect class=\"target\" x=\"" << left << "\" y=\"" << y (spec.targetLufs + spec.toleranceLu) << "\" width=\""
            << width - left - right << "\" height=\""
            << y (spec.targetLufs - spec.toleranceLu) - y (spec.targetLufs + spec.toleranceLu) << "\"/>\n";
        for (double level = low; level <= high; level += 10.0)
            svg << "<line class=\"grid\" x1=\"" << left << "\" x2=\"" << width - right << "\" y1=\"" << y (level) << "\" y2=\""
                << y (level) << "\"/><text x=\"" << left - 6 << "\" y=\"" << y (level) + 4 << "\" text-anchor=\"end\">"
                << (int) level << "</text>\n";
        // Time labels (m:ss, or h:mm:ss) at the first of these spacings that gives at most 12.
        double tick = 3600;
        for (double candidate : { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800 })
            if (seconds / candidate <= 12)
            {
                tick = candidate;
                break;
            }
        for (double t = 0; t <= seconds; t += tick)
        {
            const int whole = (int) t;
            char label[16];
            if (whole >= 3600)
                std::snprintf (label, sizeof (label), "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60);
            else
                std::snprintf (label, sizeof (label), "%d:%02d", whole / 60, whole % 60);
            svg << "<text x=\"" << x (t) << "\" y=\"" << height - 8 << "\" text-anchor=\"middle\">" << label << "</text>\n";
        }
        auto line = [&] (const std::vector<float>& values, const char* cls) {
            // At most one point per horizontal pixel: the loudest reading of each.
            const size_t stride = std::max<size_t> (1, values.size() / (size_t) (width - left - right));
            svg << "<polyline class=\"" << cls << "\" points=\"";
            for (size_t i = 0; i < values.size(); i += stride)
            {
                float highest = -INFINITY;
                for (size_t j = i; j < std::min (values.size(), i + stride); ++j)
                    highest = std::max (highest, values[j]);
                svg << x ((double) (i + 1) * 0.1) << ',' << y (highest) << ' ';
            }
            svg << "\"/>\n";
        };
        line (profile.momentaryLufs, "momentary");
        line (profile.shortTermLufs, "shortterm");
        for (const auto& rule : verdict.rules)
            if (rule.id == "true_peak")
                for (const auto& over : rule.events)
                    svg << "<rect class=\"over\" x=\"" << x ((double) over.start / profile.sampleRate) << "\" y=\"" << top
                        << "\" width=\""
                        << std::max (1.5,
                                     x ((double) over.end / profile.sampleRate) - x ((double) over.start / profile.sampleRate))
                        << "\" height=\"6\"/>\n";
        svg << "</svg>\n";
        return svg.str();
    }
} // namespace

std::string qcJson (const QcSubject& subject, const ProgrammeProfile& profile, const QcVerdict& verdict,
                    const std::filesystem::path& reportPath)
{
    nlohmann::json json;
    json["file"] = subject.input.string();
    json["spec"] = verdict.spec.name;
    json["passed"] = verdict.passed();
    json["report"] = reportPath.string();
    json["channels"] = profile.channels;
    json["sample_rate"] = profile.sampleRate;
    json["duration_s"] = (double) profile.frames / profile.sampleRate;
    json["integrated_lufs"] = numberOrNull (profile.loudness.integratedLufs);
    json["dialogue_lufs"] = verdict.spec.dialogueGated ? numberOrNull (verdict.dialogue.lufs) : nlohmann::json();
    json["loudness_range_lu"] = numberOrNull (profile.loudness.loudnessRangeLu);
    json["true_peak_dbtp"] = numberOrNull (profile.loudness.truePeakDbtp);
    json["sample_peak_dbfs"] = numberOrNull (profile.loudness.samplePeakDbfs);
    json["max_momentary_lufs"] = numberOrNull (profile.loudness.maxMomentaryLufs);
    json["max_short_term_lufs"] = numberOrNull (profile.loudness.maxShortTermLufs);
    auto rules = nlohmann::json::array();
    for (const auto& rule : verdict.rules)
    {
        nlohmann::json r;
        r["id"] = rule.id;
        r["passed"] = rule.passed;
        r["value"] = numberOrNull (rule.value);
        r["measured"] = rule.measured;
        r["limit"] = rule.limit;
        auto events = nlohmann::json::array();
        for (const auto& e : rule.events)
            events.push_back ({ { "start_s", (double) e.start / profile.sampleRate },
                                { "end_s", (double) e.end / profile.sampleRate },
                                { "timecode", timecode (subject, profile.sampleRate, e.start) },
                                { "channel", eventChannel (rule, profile.channels, e) },
                                { "value", numberOrNull (e.value) } });
        r["events"] = events;
        rules.push_back (r);
    }
    json["rules"] = rules;
    return json.dump (2);
}

core::Result<bool> writeQcReport (const std::filesystem::path& file, const QcSubject& subject, const ProgrammeProfile& profile,
                                  const QcVerdict& verdict)
{
    std::ostringstream html;
    const bool passed = verdict.passed();
    html << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>QC " << escaped (subject.description)
         << " — " << escaped (verdict.spec.name) << "</title>\n<style>\n"
         << "body{font:14px/1.4 sans-serif;margin:24px;color:#1d1f21;background:#fafafa}h1{font-size:20px;margin:0 0 4px}\n"
         << ".verdict{display:inline-block;padding:4px 12px;border-radius:4px;color:#fff;font-weight:bold}\n"
         << ".pass{background:#2e7d32}.fail{background:#c62828}table{border-collapse:collapse;margin:12px 0}\n"
         << "td,th{border:1px solid #ccc;padding:4px 10px;text-align:left}th{background:#eee}\n"
         << ".plot{width:100%;max-width:960px;background:#fff;border:1px solid #ccc}.plot text{font-size:11px;fill:#555}\n"
         << ".grid{stroke:#e4e4e4}.target{fill:#c8e6c9;opacity:.7}.momentary{fill:none;stroke:#90a4ae;stroke-width:1}\n"
         << ".shortterm{fill:none;stroke:#1565c0;stroke-width:2}.over{fill:#c62828}\n</style></head><body>\n";
    html << "<h1>" << escaped (subject.description) << "</h1>\n<p>Spec <b>" << escaped (verdict.spec.name) << "</b> · "
         << profile.channels << " channel(s), " << (int) profile.sampleRate << " Hz, "
         << timecode (subject, profile.sampleRate, profile.frames) << " end · <span class=\"verdict "
         << (passed ? "pass\">PASS" : "fail\">FAIL") << "</span></p>\n";
    html << "<table><tr><th>Rule</th><th>Measured</th><th>Limit</th><th>Verdict</th></tr>\n";
    for (const auto& rule : verdict.rules)
        html << "<tr><td>" << escaped (rule.title) << "</td><td>" << escaped (rule.measured) << "</td><td>"
             << escaped (rule.limit) << "</td><td><span class=\"verdict " << (rule.passed ? "pass\">pass" : "fail\">FAIL")
             << "</span></td></tr>\n";
    html << "</table>\n<h2>Loudness over time</h2>\n<p>Short-term (3 s, blue) and momentary (400 ms, grey) loudness in "
            "LUFS; green: the target band; red along the top: true-peak overs.</p>\n"
         << plot (profile, verdict);
    html << "<h2>Events</h2>\n";
    bool any = false;
    for (const auto& rule : verdict.rules)
    {
        if (rule.events.empty())
            continue;
        any = true;
        html << "<h3>" << escaped (rule.title) << " (" << rule.events.size() << ")</h3>\n<table><tr><th>Start</th><th>End</th>"
             << "<th>Channel</th><th>Value</th></tr>\n";
        const size_t shown = std::min<size_t> (rule.events.size(), 500);
        for (size_t i = 0; i < shown; ++i)
        {
            const auto& e = rule.events[i];
            char value[32];
            std::snprintf (value, sizeof (value), "%.2f", e.value);
            html << "<tr><td>" << timecode (subject, profile.sampleRate, e.start) << "</td><td>"
                 << timecode (subject, profile.sampleRate, e.end) << "</td><td>" << eventChannel (rule, profile.channels, e)
                 << "</td><td>" << value << "</td></tr>\n";
        }
        if (shown < rule.events.size())
            html << "<tr><td colspan=\"4\">… and " << rule.events.size() - shown << " more</td></tr>\n";
        html << "</table>\n";
    }
    if (! any)
        html << "<p>None.</p>\n";
    html << "<p><small>Sprocket QC: loudness per ITU-R BS.1770-4 / EBU R128 (docs/QC.md).</small></p>\n</body></html>\n";

    auto temporary = file;
    temporary += ".partial";
    {
        std::ofstream out (temporary, std::ios::binary | std::ios::trunc);
        out << html.str();
        out.flush();
        if (! out)
        {
            std::error_code ignored;
            std::filesystem::remove (temporary, ignored);
            return core::Error { file.string() + ": cannot write the QC report (disk full or not writable?)" };
        }
    }
    std::error_code error;
    std::filesystem::rename (temporary, file, error);
    if (error)
        return core::Error { file.string() + ": cannot write the QC report (" + error.message() + ")" };
    return true;
}
} // namespace sprocket::qc
