#include "session/InsertEdits.h"

#include "dsp/ProcessorRegistry.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>

namespace sprocket::session
{
using core::makeError;
using core::Status;

namespace
{
    std::string describe (const StripRef& strip)
    {
        return (strip.kind == StripRef::Kind::bus ? "bus '" : "track '") + strip.id + "'";
    }

    /** A strip's inserts and automation, read-only: looked at before anything is recorded. */
    struct ConstStrip
    {
        const std::vector<Insert>* inserts = nullptr;
        const Automation* automation = nullptr;
    };

    ConstStrip find (const Session& session, const StripRef& strip)
    {
        if (strip.kind == StripRef::Kind::track)
            for (auto& t : session.tracks)
                if (t.id == strip.id)
                    return { &t.inserts, &t.automation };
        if (strip.kind == StripRef::Kind::bus)
            if (auto* bus = session.findBus (strip.id))
                return { &bus->inserts, &bus->automation };
        return {};
    }

    /** The same strip, writable (recorded for undo). Only called once find() succeeded. */
    struct MutableStrip
    {
        std::vector<Insert>* inserts = nullptr;
        Automation* automation = nullptr;
    };

    MutableStrip edit (SessionEditor& editor, const StripRef& strip)
    {
        if (strip.kind == StripRef::Kind::track)
        {
            auto* track = editor.track (strip.id);
            return { &track->inserts, &track->automation };
        }
        for (auto& bus : editor.buses())
            if (bus.id == strip.id)
                return { &bus.inserts, &bus.automation };
        return {};
    }

    Status noStrip (const StripRef& strip)
    {
        if (strip.kind == StripRef::Kind::master)
            return makeError ("the master has no inserts");
        return makeError ("there is no " + describe (strip));
    }

    Status noSlot (const StripRef& strip, size_t index, size_t count)
    {
        return makeError (describe (strip) + " has no insert " + std::to_string (index + 1) + " (it has " + std::to_string (count)
                          + ")");
    }

    const dsp::ParameterInfo* findParameter (const std::vector<dsp::ParameterInfo>& infos, const std::string& id)
    {
        const auto found = std::find_if (infos.begin(), infos.end(), [&] (auto& p) { return p.id == id; });
        return found != infos.end() ? &*found : nullptr;
    }

    std::string rangeText (const dsp::ParameterInfo& p)
    {
        const auto number = [] (float v) {
            auto text = std::to_string (v);
            text.erase (text.find_last_not_of ('0') + 1);
            if (! text.empty() && text.back() == '.')
                text.pop_back();
            return text;
        };
        return number (p.min) + " .. " + number (p.max) + (p.unit.empty() ? "" : " " + p.unit);
    }

    /** One value checked against its ParameterInfo; the error names the type and the parameter. */
    Status checkValue (const std::string& type, const std::vector<dsp::ParameterInfo>& infos, const std::string& id, double value)
    {
        const auto* info = findParameter (infos, id);
        if (info == nullptr)
            return makeError ("a " + type + " insert has no parameter '" + id + "'");
        if (! std::isfinite (value) || value < double (info->min) || value > double (info->max))
            return makeError (type + " parameter '" + id + "' must be within " + rangeText (*info));
        return {};
    }

    /** The slot of an "inserts[<n>].<param>" key, or nothing for any other lane. */
    std::optional<std::pair<size_t, std::string>> parseInsertKey (const std::string& key)
    {
        static const std::string prefix = "inserts[";
        if (key.rfind (prefix, 0) != 0)
            return std::nullopt;
        const auto close = key.find ("].", prefix.size());
        if (close == std::string::npos || close == prefix.size())
            return std::nullopt;
        const auto digits = key.substr (prefix.size(), close - prefix.size());
        if (! std::all_of (digits.begin(), digits.end(), [] (char c) { return c >= '0' && c <= '9'; }))
            return std::nullopt;
        return std::make_pair (size_t (std::stoul (digits)), key.substr (close + 2));
    }

    /** Gives every insert lane the slot `where` maps its old slot to; nullopt drops the lane. */
    void renumberLanes (Automation& automation, const std::function<std::optional<size_t> (size_t)>& where)
    {
        Automation renumbered;
        for (auto& [key, lane] : automation)
        {
            const auto slot = parseInsertKey (key);
            if (! slot)
                renumbered.emplace (key, std::move (lane));
            else if (const auto to = where (slot->first))
                renumbered.emplace (insertLaneKey (*to, slot->second), std::move (lane));
        }
        automation = std::move (renumbered);
    }
} // namespace

std::string insertLaneKey (size_t index, const std::string& paramId)
{
    return "inserts[" + std::to_string (index) + "]." + paramId;
}

nlohmann::json defaultInsertParameters (const std::string& type)
{
    auto params = nlohmann::json::object();
    const auto& registry = dsp::ProcessorRegistry::builtIns();
    if (! registry.contains (type))
        return params;
    const auto processor = registry.create (type);
    for (auto& p : processor->parameters())
        params[p.id] = double (p.defaultValue);
    return params;
}

Status addInsert (SessionEditor& editor, const StripRef& strip, size_t index, const std::string& type,
                  const nlohmann::json& params)
{
    const auto current = find (editor.session(), strip);
    if (current.inserts == nullptr)
        return noStrip (strip);
    if (index > current.inserts->size())
        return makeError ("an insert can go in slots 1 .. " + std::to_string (current.inserts->size() + 1) + " of "
                          + describe (strip) + ", not " + std::to_string (index + 1));
    const auto& registry = dsp::ProcessorRegistry::builtIns();
    if (! registry.contains (type))
        return makeError ("there is no built-in processor '" + type + "'");
    if (! params.is_object())
        return makeError ("an insert's parameters must be an object");
    const auto infos = registry.create (type)->parameters();
    for (auto& [id, value] : params.items())
    {
        if (! value.is_number())
            return makeError (type + " parameter '" + id + "' must be a number");
        if (auto status = checkValue (type, infos, id, value.get<double>()); ! status.ok())
            return status;
    }

    auto target = edit (editor, strip);
    Insert insert;
    insert.type = type;
    insert.params = params;
    target.inserts->insert (target.inserts->begin() + std::ptrdiff_t (index), std::move (insert));
    renumberLanes (*target.automation, [index] (size_t slot) { return slot >= index ? slot + 1 : slot; });
    return {};
}

Status removeInsert (SessionEditor& editor, const StripRef& strip, size_t index)
{
    const auto current = find (editor.session(), strip);
    if (current.inserts == nullptr)
        return noStrip (strip);
    if (index >= current.inserts->size())
        return noSlot (strip, index, current.inserts->size());

    auto target = edit (editor, strip);
    target.inserts->erase (target.inserts->begin() + std::ptrdiff_t (index));
    renumberLanes (*target.automation, [index] (size_t slot) -> std::optional<size_t> {
        if (slot == index)
            return std::nullopt;
        return slot > index ? slot - 1 : slot;
    });
    return {};
}

Status moveInsert (SessionEditor& editor, const StripRef& strip, size_t from, size_t to)
{
    const auto current = find (editor.session(), strip);
    if (current.inserts == nullptr)
        return noStrip (strip);
    if (from >= current.inserts->size())
        return noSlot (strip, from, current.inserts->size());
    if (to >= current.inserts->size())
        return noSlot (strip, to, current.inserts->size());
    if (from == to)
        return makeError ("insert " + std::to_string (from + 1) + " is already in that slot");

    auto target = edit (editor, strip);
    auto moved = std::move ((*target.inserts)[from]);
    target.inserts->erase (target.inserts->begin() + std::ptrdiff_t (from));
    target.inserts->insert (target.inserts->begin() + std::ptrdiff_t (to), std::move (moved));
    renumberLanes (*target.automation, [from, to] (size_t slot) {
        if (slot == from)
            return to;
        if (from < to && slot > from && slot <= to)
            return slot - 1;
        if (to < from && slot >= to && slot < from)
            return slot + 1;
        return slot;
    });
    return {};
}

Status setInsertParameter (SessionEditor& editor, const StripRef& strip, size_t index, const std::string& paramId, double value)
{
    const auto current = find (editor.session(), strip);
    if (current.inserts == nullptr)
        return noStrip (strip);
    if (index >= current.inserts->size())
        return noSlot (strip, index, current.inserts->size());
    const auto& insert = (*current.inserts)[index];
    const auto& registry = dsp::ProcessorRegistry::builtIns();
    if (insert.unknownOriginal != nullptr || ! registry.contains (insert.type))
        return makeError ("insert " + std::to_string (index + 1) + " of " + describe (strip) + " ('" + insert.type
                          + "') is not a processor this build knows, so its parameters cannot be changed");
    if (auto status = checkValue (insert.type, registry.create (insert.type)->parameters(), paramId, value); ! status.ok())
        return status;

    edit (editor, strip).inserts->at (index).params[paramId] = value;
    return {};
}

Status setImpulseResponse (SessionEditor& editor, const StripRef& strip, size_t index, const std::string& storedPath)
{
    const auto current = find (editor.session(), strip);
    if (current.inserts == nullptr)
        return noStrip (strip);
    if (index >= current.inserts->size())
        return noSlot (strip, index, current.inserts->size());
    if ((*current.inserts)[index].type != "convolution_reverb")
        return makeError ("insert " + std::to_string (index + 1) + " of " + describe (strip)
                          + " is not a convolution reverb, so it has no impulse response");
    if (storedPath.empty())
        return makeError ("an impulse response needs a file");
    edit (editor, strip).inserts->at (index).extra["ir"] = storedPath;
    return {};
}
} // namespace sprocket::session
