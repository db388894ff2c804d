#include "AutomationLanePainter.h"

#include "DbScale.h"

#include <algorithm>
#include <cmath>

namespace sprocket::app
{
namespace
{
    bool isDecibels (const session::AutomatableParameter& parameter)
    {
        return parameter.key == "gain_db" || (parameter.key.rfind ("send.", 0) == 0);
    }

    /** 0 at the bottom of the lane to 1 at the top. */
    double heightFor (const session::AutomatableParameter& parameter, double value)
    {
        if (isDecibels (parameter))
            return DbScale::positionForDb (value);
        const double span = parameter.maximum - parameter.minimum;
        const double fraction = span > 0.0 ? std::clamp ((value - parameter.minimum) / span, 0.0, 1.0) : 0.5;
        if (parameter.key == "pan" || parameter.key == "mute")
            return 1.0 - fraction;
        return fraction;
    }

    double valueForHeight (const session::AutomatableParameter& parameter, double height)
    {
        height = std::clamp (height, 0.0, 1.0);
        if (isDecibels (parameter))
            return DbScale::roundToTenth (DbScale::dbForPosition (height));
        if (parameter.key == "pan" || parameter.key == "mute")
            height = 1.0 - height;
        const double value = parameter.minimum + height * (parameter.maximum - parameter.minimum);
        return parameter.isSwitch ? std::round (value) : value;
    }
} // namespace

float AutomationLanePainter::yForValue (const session::AutomatableParameter& parameter, double value, juce::Rectangle<float> area)
{
    return area.getBottom() - float (heightFor (parameter, value)) * area.getHeight();
}

double AutomationLanePainter::valueForY (const session::AutomatableParameter& parameter, float y, juce::Rectangle<float> area)
{
    if (area.getHeight() <= 0.0f)
        return parameter.staticValue;
    return valueForHeight (parameter, double (area.getBottom() - y) / double (area.getHeight()));
}

void AutomationLanePainter::paint (juce::Graphics& g, const session::AutomationLane& lane,
                                   const session::AutomatableParameter& parameter, juce::Rectangle<float> area,
                                   const TimelineScale& scale, bool writing)
{
    const auto colour = writing ? juce::Colour (0xffff5a5a) : juce::Colour (0xffffd34d);
    // The lane's scale: a faint line at the parameter's middle (0 dB on a volume lane).
    g.setColour (juce::Colours::white.withAlpha (0.08f));
    const double reference = isDecibels (parameter) ? 0.0 : (parameter.minimum + parameter.maximum) / 2.0;
    g.drawHorizontalLine (int (yForValue (parameter, reference, area)), area.getX(), area.getRight());

    juce::Path line;
    if (lane.empty())
    {
        const float y = yForValue (parameter, parameter.staticValue, area);
        line.startNewSubPath (area.getX(), y);
        line.lineTo (area.getRight(), y);
    }
    else
    {
        // Only what is in view: from the last point left of it to the first right of it.
        const auto left = int64_t (std::floor (scale.sampleForX (area.getX())));
        const auto right = int64_t (std::ceil (scale.sampleForX (area.getRight())));
        const auto earlier = [] (const session::AutomationPoint& p, int64_t s) { return p.position < s; };
        auto first = std::lower_bound (lane.begin(), lane.end(), left, earlier);
        auto last = std::lower_bound (lane.begin(), lane.end(), right, earlier);
        line.startNewSubPath (area.getX(), yForValue (parameter, session::automationValueAt (lane, left), area));
        for (auto it = first; it != lane.end() && it <= last; ++it)
            line.lineTo (std::clamp (scale.xForSample (it->position), area.getX() - 2.0f, area.getRight() + 2.0f),
                         yForValue (parameter, it->value, area));
        line.lineTo (area.getRight(), yForValue (parameter, session::automationValueAt (lane, right), area));

        g.setColour (colour);
        for (auto it = first; it != lane.end() && it <= last; ++it)
        {
            const float x = scale.xForSample (it->position);
            if (x < area.getX() - pointSize || x > area.getRight() + pointSize)
                continue;
            const float y = yForValue (parameter, it->value, area);
            g.drawRect (juce::Rectangle<float> (pointSize, pointSize).withCentre ({ x, y }), 1.2f);
        }
    }
    g.setColour (colour);
    g.strokePath (line, juce::PathStrokeType (1.6f));
}

int AutomationLanePainter::pointNear (const session::AutomationLane& lane, const session::AutomatableParameter& parameter,
                                      juce::Rectangle<float> area, const TimelineScale& scale, juce::Point<float> point,
                                      float radius)
{
    int best = -1;
    float bestDistance = radius + 1.0f;
    for (size_t i = 0; i < lane.size(); ++i)
    {
        const juce::Point<float> at { scale.xForSample (lane[i].position), yForValue (parameter, lane[i].value, area) };
        const float distance = std::max (std::abs (at.x - point.x), std::abs (at.y - point.y));
        // The later of two equal distances: at a step that is the point a drag should take.
        if (distance <= radius && distance <= bestDistance)
        {
            best = int (i);
            bestDistance = distance;
        }
    }
    return best;
}

juce::String AutomationLanePainter::valueText (const session::AutomatableParameter& parameter, double value)
{
    if (isDecibels (parameter))
        return juce::String (DbScale::format (value)) + " dB";
    if (parameter.key == "pan")
    {
        const int amount = int (std::lround (std::abs (value) * 100.0));
        return amount == 0 ? juce::String ("<C>") : juce::String (value < 0.0 ? "L " : "R ") + juce::String (amount);
    }
    if (parameter.key == "mute")
        return value >= 0.5 ? "muted" : "on";
    if (parameter.isSwitch)
        return value >= 0.5 ? "on" : "off";
    const int decimals = std::abs (value) >= 100.0 ? 0 : std::abs (value) >= 10.0 ? 1 : 2;
    return juce::String (value, decimals) + (parameter.unit.empty() ? juce::String() : " " + juce::String (parameter.unit));
}
} // namespace sprocket::app
