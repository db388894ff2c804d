#include "Theme.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace sprocket::app::theme
{
juce::Colour colourForBus (const std::string& busId)
{
    std::string id (busId);
    std::transform (id.begin(), id.end(), id.begin(), [] (unsigned char c) { return char (std::toupper (c)); });

    static const std::array<std::pair<const char*, juce::uint32>, 5> stems { {
        { "DX", 0xff4f8fdc },  // dialogue: blue
        { "MX", 0xff9b6ad6 },  // music: purple
        { "FX", 0xffe08a3c },  // effects: orange
        { "FOL", 0xff5bb85d }, // foley: green
        { "BG", 0xff3fb3a8 },  // backgrounds: teal
    } };

    for (auto& [prefix, argb] : stems)
        if (id.rfind (prefix, 0) == 0)
            return juce::Colour (argb);

    return juce::Colour (0xff8a8a90);
}

juce::Colour clipBodyFor (juce::Colour busColour)
{
    return busColour.withMultipliedSaturation (0.85f).withMultipliedBrightness (0.62f);
}

juce::Font monoFont (float height)
{
    return juce::Font (juce::Font::getDefaultMonospacedFontName(), height, juce::Font::plain);
}

juce::Font uiFont (float height, bool bold)
{
    return juce::Font (height, bold ? juce::Font::bold : juce::Font::plain);
}
} // namespace sprocket::app::theme
