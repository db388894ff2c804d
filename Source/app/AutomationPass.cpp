#include "AutomationPass.h"

#include "session/AutomationEdits.h"
#include "session/AutomationParameters.h"

#include <algorithm>

namespace sprocket::app
{
namespace
{
    bool writes (session::AutomationMode mode)
    {
        return mode != session::AutomationMode::off && mode != session::AutomationMode::read;
    }

    session::Automation* automationOf (session::Session& session, const session::StripRef& strip)
    {
        if (strip.kind == session::StripRef::Kind::track)
            for (auto& track : session.tracks)
                if (track.id == strip.id)
                    return &track.automation;
        if (strip.kind == session::StripRef::Kind::bus)
            for (auto& bus : session.buses)
                if (bus.id == strip.id)
                    return &bus.automation;
        return nullptr;
    }

    /** Sets the static value a control without its lane plays. */
    void setStatic (session::Session& session, const session::StripRef& strip, const std::string& key, double value)
    {
        if (strip.kind == session::StripRef::Kind::track)
        {
            for (auto& track : session.tracks)
                if (track.id == strip.id)
                    (key == "pan" ? track.pan : track.gainDb) = value;
        }
        else if (strip.kind == session::StripRef::Kind::bus && key == "gain_db")
            for (auto& bus : session.buses)
                if (bus.id == strip.id)
                    bus.gainDb = value;
    }
} // namespace

void AutomationPass::begin (const session::Session& session, int64_t position)
{
    controls.clear();
    active = true;
    start = position;
    const auto openWriting = [&] (const session::StripRef& strip) {
        for (const std::string key : { "gain_db", "pan" })
            if (session::findAutomatableParameter (session, strip, key))
            {
                auto& control = open (session, strip, key);
                control.overriding = true; // write mode: the controls play, not the lanes
            }
    };
    for (auto& track : session.tracks)
        if (track.automationMode == session::AutomationMode::write)
            openWriting (session::StripRef::track (track.id));
    for (auto& bus : session.buses)
        if (bus.automationMode == session::AutomationMode::write)
            openWriting (session::StripRef::bus (bus.id));
}

AutomationPass::Control* AutomationPass::find (const session::StripRef& strip, const std::string& key)
{
    for (auto& control : controls)
        if (control.strip == strip && control.key == key)
            return &control;
    return nullptr;
}

const AutomationPass::Control* AutomationPass::find (const session::StripRef& strip, const std::string& key) const
{
    return const_cast<AutomationPass*> (this)->find (strip, key);
}

AutomationPass::Control& AutomationPass::open (const session::Session& session, const session::StripRef& strip,
                                               const std::string& key)
{
    const auto parameter = session::findAutomatableParameter (session, strip, key).value();
    const auto* lane = session::findLane (session, strip, key);
    const auto existing = lane != nullptr ? *lane : session::AutomationLane {};
    const auto mode = session::automationModeOf (session, strip).value_or (session::AutomationMode::read);

    session::AutomationTarget target;
    target.minimum = parameter.minimum;
    target.maximum = parameter.maximum;
    target.staticValue = parameter.staticValue;
    target.autoMatchSamples = session.sampleRate / 4; // Pro Tools' default AutoMatch: 250 ms
    target.tolerance = parameter.unit == "dB" ? 0.1 : (parameter.maximum - parameter.minimum) / 1000.0;

    const double atStart = session::automationValueAt (existing, start, parameter.staticValue);
    Control control { strip, key, mode, session::AutomationRecorder (existing, mode, target), existing, atStart, atStart };
    control.recorder.start (start, mode == session::AutomationMode::trim ? 0.0 : atStart);
    controls.push_back (std::move (control));
    return controls.back();
}

bool AutomationPass::move (const session::Session& session, const session::StripRef& strip, const std::string& key,
                           int64_t position, double value)
{
    if (! active || ! writes (session::automationModeOf (session, strip).value_or (session::AutomationMode::off))
        || ! session::findAutomatableParameter (session, strip, key))
        return false;
    auto* control = find (strip, key);
    if (control == nullptr)
        control = &open (session, strip, key);
    if (control->mode == session::AutomationMode::trim)
    {
        if (! control->touched)
            control->touchedAt = session::automationValueAt (control->existing, position, control->touchedAt);
        control->recorder.move (position, value - control->touchedAt);
    }
    else
        control->recorder.move (position, value);
    control->value = value;
    control->touched = true;
    control->overriding = true;
    return true;
}

bool AutomationPass::release (const session::StripRef& strip, const std::string& key, int64_t position)
{
    auto* control = active ? find (strip, key) : nullptr;
    if (control == nullptr)
        return false;
    control->recorder.release (position);
    control->touched = false;
    // Touch and trim hand back to the lane; latch and write hold the value until stop.
    if (control->mode == session::AutomationMode::touch || control->mode == session::AutomationMode::trim)
        control->overriding = false;
    return true;
}

session::Session AutomationPass::playing (const session::Session& session) const
{
    auto result = session;
    for (auto& control : controls)
    {
        if (! control.overriding)
            continue;
        auto* automation = automationOf (result, control.strip);
        if (automation == nullptr)
            continue;
        if (control.mode == session::AutomationMode::trim && ! control.existing.empty())
        {
            // The lane, moved by the offset (clamped as the recorder clamps what it writes).
            const double offset = control.value - control.touchedAt;
            const auto parameter = session::findAutomatableParameter (session, control.strip, control.key);
            auto lane = control.existing;
            for (auto& point : lane)
                point.value = std::clamp (point.value + offset, parameter->minimum, parameter->maximum);
            (*automation)[control.key] = std::move (lane);
            continue;
        }
        automation->erase (control.key);
        setStatic (result, control.strip, control.key, control.value);
    }
    return result;
}

std::optional<double> AutomationPass::heldValue (const session::StripRef& strip, const std::string& key) const
{
    const auto* control = find (strip, key);
    if (control == nullptr || ! control->overriding)
        return std::nullopt;
    return control->value;
}

std::set<std::pair<std::string, std::string>> AutomationPass::writingLanes() const
{
    std::set<std::pair<std::string, std::string>> lanes;
    for (auto& control : controls)
        if (control.recorder.isWriting())
            lanes.insert ({ control.strip.id, control.key });
    return lanes;
}

std::vector<AutomationPass::WrittenLane> AutomationPass::end (int64_t position)
{
    std::vector<WrittenLane> written;
    for (auto& control : controls)
        if (auto lane = control.recorder.stop (position); lane != control.existing)
            written.push_back ({ control.strip, control.key, std::move (lane) });
    controls.clear();
    active = false;
    return written;
}
} // namespace sprocket::app
