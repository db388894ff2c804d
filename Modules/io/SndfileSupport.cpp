#include "io/SndfileSupport.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <sstream>
#include <system_error>
#include <utility>
#include <vector>

namespace sprocket::io::detail
{
namespace
{
    constexpr std::array majorNames {
        std::pair { SF_FORMAT_WAV, "WAV" },     std::pair { SF_FORMAT_WAVEX, "WAVEX" }, std::pair { SF_FORMAT_RF64, "RF64" },
        std::pair { SF_FORMAT_AIFF, "AIFF" },   std::pair { SF_FORMAT_FLAC, "FLAC" },   std::pair { SF_FORMAT_W64, "W64" },
        std::pair { SF_FORMAT_CAF, "CAF" },     std::pair { SF_FORMAT_AU, "AU" },       std::pair { SF_FORMAT_RAW, "RAW" },
        std::pair { SF_FORMAT_OGG, "OGG" },     std::pair { SF_FORMAT_MPEG, "MPEG" },   std::pair { SF_FORMAT_SD2, "SD2" },
        std::pair { SF_FORMAT_IRCAM, "IRCAM" }, std::pair { SF_FORMAT_NIST, "NIST" },   std::pair { SF_FORMAT_VOC, "VOC" },
        std::pair { SF_FORMAT_PAF, "PAF" },
    };

    constexpr std::array subtypeNames {
        std::pair { SF_FORMAT_PCM_S8, "PCM_S8" },
        std::pair { SF_FORMAT_PCM_16, "PCM_16" },
        std::pair { SF_FORMAT_PCM_24, "PCM_24" },
        std::pair { SF_FORMAT_PCM_32, "PCM_32" },
        std::pair { SF_FORMAT_PCM_U8, "PCM_U8" },
        std::pair { SF_FORMAT_FLOAT, "FLOAT" },
        std::pair { SF_FORMAT_DOUBLE, "DOUBLE" },
        std::pair { SF_FORMAT_ULAW, "ULAW" },
        std::pair { SF_FORMAT_ALAW, "ALAW" },
        std::pair { SF_FORMAT_IMA_ADPCM, "IMA_ADPCM" },
        std::pair { SF_FORMAT_MS_ADPCM, "MS_ADPCM" },
        std::pair { SF_FORMAT_GSM610, "GSM610" },
        std::pair { SF_FORMAT_VORBIS, "VORBIS" },
        std::pair { SF_FORMAT_OPUS, "OPUS" },
        std::pair { SF_FORMAT_ALAC_16, "ALAC_16" },
        std::pair { SF_FORMAT_ALAC_20, "ALAC_20" },
        std::pair { SF_FORMAT_ALAC_24, "ALAC_24" },
        std::pair { SF_FORMAT_ALAC_32, "ALAC_32" },
        std::pair { SF_FORMAT_MPEG_LAYER_I, "MPEG_LAYER_I" },
        std::pair { SF_FORMAT_MPEG_LAYER_II, "MPEG_LAYER_II" },
        std::pair { SF_FORMAT_MPEG_LAYER_III, "MPEG_LAYER_III" },
    };

    // Anything not in our tables gets libsndfile's own description, e.g. "Sound Designer 2".
    std::string describedFormat (int format)
    {
        SF_FORMAT_INFO info {};
        info.format = format;

        if (sf_command (nullptr, SFC_GET_FORMAT_INFO, &info, sizeof info) == 0 && info.name != nullptr)
            return info.name;

        return "unknown";
    }

    std::string fixedWidth (const char* field, size_t width)
    {
        return std::string (field, strnlen (field, width));
    }

    // Room for the longest coding history libsndfile keeps (its own limit is 16 KiB).
    using LargeBroadcastInfo = SF_BROADCAST_INFO_VAR (16 * 1024);

    std::optional<BroadcastInfo> readBroadcastInfo (SNDFILE* file)
    {
        auto raw = std::make_unique<LargeBroadcastInfo>();
        std::memset (raw.get(), 0, sizeof (LargeBroadcastInfo));

        if (sf_command (file, SFC_GET_BROADCAST_INFO, raw.get(), sizeof (LargeBroadcastInfo)) != SF_TRUE)
            return std::nullopt;

        BroadcastInfo info;
        info.description = fixedWidth (raw->description, sizeof raw->description);
        info.originator = fixedWidth (raw->originator, sizeof raw->originator);
        info.originatorReference = fixedWidth (raw->originator_reference, sizeof raw->originator_reference);
        info.originationDate = fixedWidth (raw->origination_date, sizeof raw->origination_date);
        info.originationTime = fixedWidth (raw->origination_time, sizeof raw->origination_time);
        info.timeReference =
            static_cast<int64_t> ((static_cast<uint64_t> (raw->time_reference_high) << 32) | raw->time_reference_low);
        info.codingHistory =
            fixedWidth (raw->coding_history, std::min<size_t> (raw->coding_history_size, sizeof raw->coding_history));
        return info;
    }

    std::optional<std::string> readChunk (SNDFILE* file, const char* id)
    {
        SF_CHUNK_INFO query {};
        std::strncpy (query.id, id, sizeof query.id - 1);
        query.id_size = static_cast<unsigned> (std::strlen (id));

        auto* iterator = sf_get_chunk_iterator (file, &query);

        if (iterator == nullptr)
            return std::nullopt;

        SF_CHUNK_INFO chunk {};

        if (sf_get_chunk_size (iterator, &chunk) != SF_ERR_NO_ERROR || chunk.datalen == 0)
            return std::nullopt;

        std::string data (chunk.datalen, '\0');
        chunk.data = data.data();

        if (sf_get_chunk_data (iterator, &chunk) != SF_ERR_NO_ERROR)
            return std::nullopt;

        data.resize (chunk.datalen);
        return data;
    }

    // The first whole number in a log line's text, or -1.
    int64_t firstNumber (std::string_view text)
    {
        const auto start = text.find_first_of ("0123456789");

        if (start == std::string_view::npos)
            return -1;

        int64_t value = 0;

        for (auto i = start; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
            value = value * 10 + (text[i] - '0');

        return value;
    }

    // libsndfile quietly clamps a data chunk that runs past the end of the file and says so only in
    // its log: WAV and AIFF as "data : 600000 (should be 299230)" (or "SSND : ..."), RF64 as
    // "*** Calculated frame count 31333 does not match value from 'ds64' chunk of 48000."
    // We surface that as AudioFileInfo::truncated. Trailing junk after the audio is not truncation,
    // so the promised size must be the larger one.
    bool logShowsTruncation (SNDFILE* file)
    {
        std::vector<char> log (16 * 1024, '\0');
        sf_command (file, SFC_GET_LOG_INFO, log.data(), static_cast<int> (log.size() - 1));

        std::istringstream lines (log.data());
        std::string line;

        while (std::getline (lines, line))
        {
            const auto start = line.find_first_not_of (' ');

            if (start == std::string::npos)
                continue;

            const auto text = std::string_view (line).substr (start);

            if ((text.starts_with ("data") || text.starts_with ("SSND")) && text.find ("(should be") != std::string_view::npos)
            {
                const auto promised = firstNumber (text);
                const auto present = firstNumber (text.substr (text.find ("(should be")));
                return present < promised;
            }

            if (text.starts_with ("*** Calculated frame count") && text.find ("does not match") != std::string_view::npos)
            {
                const auto present = firstNumber (text.substr (text.find ("count")));
                const auto promised = firstNumber (text.substr (text.find ("chunk of"))); // past "ds64"
                return present < promised;
            }
        }

        return false;
    }
} // namespace

std::string describePath (const std::filesystem::path& path)
{
    return path.string() + ": ";
}

std::string majorFormatName (int sndfileFormat)
{
    const int major = sndfileFormat & SF_FORMAT_TYPEMASK;

    for (const auto& [f, name] : majorNames)
        if (f == major)
            return name;

    return describedFormat (major);
}

std::string subtypeName (int sndfileFormat)
{
    const int subtype = sndfileFormat & SF_FORMAT_SUBMASK;

    for (const auto& [f, name] : subtypeNames)
        if (f == subtype)
            return name;

    return describedFormat (subtype);
}

void toSndfile (const BroadcastInfo& info, SF_BROADCAST_INFO& out)
{
    // The bext text fields are fixed width and need not end in a NUL: a full-width date
    // ("2024-01-02", 10 bytes) fills the field exactly, so copy bytes, never snprintf.
    auto copyField = [] (char* field, size_t width, const std::string& text) {
        std::memcpy (field, text.data(), std::min (width, text.size()));
    };

    copyField (out.description, sizeof out.description, info.description);
    copyField (out.originator, sizeof out.originator, info.originator);
    copyField (out.originator_reference, sizeof out.originator_reference, info.originatorReference);
    copyField (out.origination_date, sizeof out.origination_date, info.originationDate);
    copyField (out.origination_time, sizeof out.origination_time, info.originationTime);

    const auto reference = static_cast<uint64_t> (info.timeReference);
    out.time_reference_low = static_cast<uint32_t> (reference & 0xffffffffu);
    out.time_reference_high = static_cast<uint32_t> (reference >> 32);
    out.version = 1;

    // The remaining room keeps a NUL after the history.
    const auto historyLength = std::min (info.codingHistory.size(), sizeof out.coding_history - 1);
    std::memcpy (out.coding_history, info.codingHistory.data(), historyLength);
    out.coding_history_size = static_cast<uint32_t> (historyLength);
}

core::Result<OpenedFile> openForReading (const std::filesystem::path& path)
{
    std::error_code ec;
    const auto status = std::filesystem::status (path, ec);

    if (! std::filesystem::exists (status))
        return core::makeError (describePath (path) + "no such file");

    if (std::filesystem::is_directory (status))
        return core::makeError (describePath (path) + "is a directory");

    SF_INFO sfInfo {};
    SndfilePtr file (sf_open (path.c_str(), SFM_READ, &sfInfo));

    if (file == nullptr)
        return core::makeError (describePath (path) + "not a readable audio file (" + sf_strerror (nullptr) + ")");

    if (sfInfo.channels <= 0 || sfInfo.samplerate <= 0)
        return core::makeError (describePath (path) + "not a readable audio file (no channels or no sample rate)");

    AudioFileInfo info;
    info.path = path;
    info.format = majorFormatName (sfInfo.format);
    info.subtype = subtypeName (sfInfo.format);
    info.channels = sfInfo.channels;
    info.sampleRate = sfInfo.samplerate;
    info.frames = std::max<int64_t> (0, sfInfo.frames);
    info.bext = readBroadcastInfo (file.get());
    info.truncated = logShowsTruncation (file.get());

    // A damaged iXML chunk should not make the audio unusable: it just reads as absent.
    if (const auto xml = readChunk (file.get(), "iXML"))
        if (auto parsed = parseIxml (*xml))
            info.ixml = std::move (parsed.value());

    return OpenedFile { std::move (file), std::move (info) };
}
} // namespace sprocket::io::detail
