#include "Theme.h"

#include "session/Colour.h"

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

juce::Colour colourFromText (const std::string& text)
{
    if (! session::isHexColour (text))
        return {};
    return juce::Colour (juce::uint32 (0xff000000u | juce::uint32 (std::stoul (text.substr (1), nullptr, 16))));
}

std::string colourToText (juce::Colour colour)
{
    return session::canonicalColour ("#" + colour.toDisplayString (false).toStdString());
}

juce::Colour colourOfBus (const session::Session& session, const std::string& busId)
{
    if (const auto* bus = session.findBus (busId); bus != nullptr && ! bus->colour.empty())
        return colourFromText (bus->colour);
    return colourForBus (busId);
}

juce::Colour colourForTrack (const session::Session& session, const session::Track& track)
{
    if (! track.colour.empty())
        return colourFromText (track.colour);
    return colourOfBus (session, track.output);
}

const std::vector<std::pair<const char*, juce::uint32>>& trackColourPalette()
{
    static const std::vector<std::pair<const char*, juce::uint32>> palette {
        { "Blue", 0xff4f8fdc },  { "Purple", 0xff9b6ad6 }, { "Orange", 0xffe08a3c }, { "Green", 0xff5bb85d },
        { "Teal", 0xff3fb3a8 },  { "Red", 0xffd94f4f },    { "Yellow", 0xffd8c040 }, { "Pink", 0xffd866a8 },
        { "Brown", 0xff9a6a44 }, { "Grey", 0xff8a8a90 },
    };
    return palette;
}

void drawSoloSafe (juce::Graphics& g, juce::Rectangle<int> area)
{
    // Dim whatever the button shows and bracket it: "[S]" reads as "locked" at a glance.
    g.setColour (juce::Colour (0xff1f1f23).withAlpha (0.75f));
    g.fillRoundedRectangle (area.toFloat(), 3.0f);
    g.setColour (juce::Colour (0xffe8c547).withAlpha (0.7f));
    g.drawRoundedRectangle (area.toFloat().reduced (0.5f), 3.0f, 1.0f);
    g.setFont (uiFont (11.0f, true));
    g.drawText ("[S]", area, juce::Justification::centred);
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
