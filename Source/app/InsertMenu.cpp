#include "InsertMenu.h"

#include "MixerStrips.h"

#include "dsp/ProcessorRegistry.h"

#include <algorithm>

namespace sprocket::app
{
namespace
{
    const std::vector<std::string>& typeNames()
    {
        static const auto names = dsp::ProcessorRegistry::builtIns().typeNames();
        return names;
    }
} // namespace

std::vector<InsertMenu::Group> InsertMenu::groups()
{
    std::vector<Group> groups { { "EQ/Filter", { "eq", "high_pass", "low_pass", "notch" } },
                                { "Dynamics", { "compressor", "limiter", "true_peak_limiter", "gate", "de_esser" } },
                                { "Reverb/Delay", { "room_reverb", "convolution_reverb", "delay" } },
                                { "Restoration", { "de_hum" } },
                                { "Utility", { "gain", "polarity", "pan", "downmix" } } };
    // Keep only what this build registers; anything else registered goes under Other.
    Group other { "Other", {} };
    for (auto& name : typeNames())
        if (std::none_of (groups.begin(), groups.end(),
                          [&] (auto& g) { return std::find (g.types.begin(), g.types.end(), name) != g.types.end(); }))
            other.types.push_back (name);
    for (auto& group : groups)
        std::erase_if (group.types, [] (auto& type) { return itemIdFor (type) == 0; });
    if (! other.types.empty())
        groups.push_back (other);
    std::erase_if (groups, [] (auto& g) { return g.types.empty(); });
    return groups;
}

juce::PopupMenu InsertMenu::build()
{
    juce::PopupMenu menu;
    for (auto& group : groups())
    {
        juce::PopupMenu sub;
        for (auto& type : group.types)
            sub.addItem (itemIdFor (type), juce::String (insertDisplayName (type)));
        menu.addSubMenu (group.name, sub);
    }
    return menu;
}

std::string InsertMenu::typeFor (int itemId)
{
    const auto& names = typeNames();
    return itemId >= 1 && size_t (itemId) <= names.size() ? names[size_t (itemId - 1)] : std::string();
}

int InsertMenu::itemIdFor (const std::string& type)
{
    const auto& names = typeNames();
    const auto found = std::find (names.begin(), names.end(), type);
    return found != names.end() ? int (found - names.begin()) + 1 : 0;
}
} // namespace sprocket::app
